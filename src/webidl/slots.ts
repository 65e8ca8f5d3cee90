// Brand-checked private slots (STYLE habit 6): a platform object's state lives under a key that user code
// cannot guess (a Symbol where the engine has one, else a random non-enumerable name), and every member
// checks the brand, so a foreign receiver gets the TypeError a native implementation gives. (Not a WeakMap: it
// makes constructing Headers, Request and Response twice as slow.)
import { supportsSymbol } from '../env/support';

export interface Slot<T> {
  set(object: object, state: T): void;
  get(object: unknown, member: string): T;
  has(object: unknown): boolean;
}

export function createSlot<T>(brand: string): Slot<T> {
  var key: any = supportsSymbol
    ? Symbol('[[' + brand + ']]')
    : '@@retrofetch.' + brand + '.' + Math.random().toString(36).slice(2);
  // The slot holds the object itself with its state: a Proxy of a platform object reaches the target's slot, whose
  // owner is not the Proxy (a non-configurable, non-writable property: a Proxy cannot report another value).
  var has = function (object: unknown): boolean {
    return object != null && Object.prototype.hasOwnProperty.call(object, key) && (object as any)[key].o === object;
  };
  return {
    set: function (object, state) {
      Object.defineProperty(object, key, { value: { o: object, s: state }, configurable: false, enumerable: false, writable: false });
    },
    get: function (object, member) {
      if (!has(object)) throw new TypeError(member + ": 'this' is not a " + brand + ' object (illegal invocation)');
      return (object as any)[key].s;
    },
    has: has
  };
}
