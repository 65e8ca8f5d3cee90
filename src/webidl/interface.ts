// What every interface of retrofetch's needs from WebIDL, written once (https://webidl.spec.whatwg.org/#es-interfaces):
// the constructor's `new` check, the attributes as accessors on the prototype, and the class string.
import { Slot } from './slots';
import { supportsSymbolToStringTag } from '../env/support';
import { typeError } from './conversions';
import { defineValue, setPrototype } from '../env/global';

/**
 * https://webidl.spec.whatwg.org/#es-interface-call: a constructor called without `new` (or twice on one object)
 * throws a TypeError. Returns `self` for the constructor to go on with.
 */
export function constructing<T>(self: T, Class: Function, slot: Slot<unknown>, name: string): T {
  if (!(self instanceof Class) || slot.has(self)) throw typeError(name, "use 'new'");
  return self;
}

/**
 * https://webidl.spec.whatwg.org/#interface-prototype-object of an interface that inherits from `Parent`: an object
 * whose [[Prototype]] is Parent's prototype, with `constructor`; and the interface object's own [[Prototype]] is
 * Parent (https://webidl.spec.whatwg.org/#interface-object), where the engine can set it. Returns the prototype.
 */
export function inheritInterface(Interface: any, Parent: Function): any {
  var proto = Interface.prototype = Object.create(Parent.prototype);
  defineValue(proto, 'constructor', Interface);
  // (Where the engine cannot set it, IE9–10, the interface object keeps Function's.)
  setPrototype(Interface, Parent);
  return proto;
}

/**
 * https://webidl.spec.whatwg.org/#es-attributes: each attribute a getter on the interface prototype object,
 * enumerable and configurable, that brand-checks `this` (the TypeError names `Interface.attribute`) and reads the
 * state: a field of it (a string; 0 for the field of the attribute's name), or what a function of it returns.
 * The prototype gets the interface's class string too (defineToStringTag).
 */
export function defineAttributes<T>(proto: any, slot: Slot<T>, name: string,
  attributes: { [attribute: string]: 0 | string | ((state: T, self: any) => unknown) }): void {
  for (var attribute in attributes) defineAttribute(proto, slot, name + '.' + attribute, attribute, attributes[attribute] || attribute);
  defineToStringTag(proto, name);
}

function defineAttribute<T>(proto: any, slot: Slot<T>, member: string, attribute: string,
  read: string | ((state: T, self: any) => unknown)): void {
  Object.defineProperty(proto, attribute, {
    get: function (this: unknown) {
      var state: any = slot.get(this, member);
      return typeof read === 'string' ? state[read] : read(state, this);
    },
    enumerable: true,
    configurable: true
  });
}

/** https://webidl.spec.whatwg.org/#es-interface-prototype-object: the class string, where Symbol.toStringTag exists. */
export function defineToStringTag(proto: any, name: string): void {
  if (supportsSymbolToStringTag) Object.defineProperty(proto, Symbol.toStringTag, { value: name, configurable: true });
}

/**
 * https://webidl.spec.whatwg.org/#es-constants: each of the space-separated `names` a constant (read-only,
 * enumerable, not configurable) on the interface object and its prototype, valued its index + `first`.
 */
export function defineConstants(C: any, names: string, first: number): void {
  names.split(' ').forEach(function (name, i) {
    var constant = { value: i + first, enumerable: true };
    Object.defineProperty(C, name, constant);
    Object.defineProperty(C.prototype, name, constant);
  });
}

/**
 * https://webidl.spec.whatwg.org/#es-operations: each operation a method on the interface prototype object
 * (its length 0: for operations whose arguments are all optional) that brand-checks `this` (the TypeError names
 * `Interface.operation`) and runs with its state and arguments.
 */
export function defineOperations<T>(proto: any, slot: Slot<T>, name: string,
  operations: { [operation: string]: (state: T, args: IArguments) => unknown }): void {
  for (var operation in operations) defineOperation(proto, slot, name + '.' + operation, operation, operations[operation]);
}

function defineOperation<T>(proto: any, slot: Slot<T>, member: string, operation: string, run: (state: T, args: IArguments) => unknown): void {
  proto[operation] = function (this: unknown) {
    return run(slot.get(this, member), arguments);
  };
}
