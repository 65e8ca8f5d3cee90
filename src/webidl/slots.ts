// Brand-checked private slots (STYLE habit 6): a platform object's state lives in a WeakMap where the engine has
// one, else under a key that user code cannot guess (a Symbol where the engine has one, else a random non-enumerable
// name), and every member checks the brand, so a foreign receiver gets the TypeError a native implementation gives.
import { globalObject as g } from '../env/global';
import { supportsSymbol, supportsWeakMap } from '../env/support';

export interface Slot<T> {
  set(object: object, state: T): void;
  get(object: unknown, member: string): T;
  has(object: unknown): boolean;
}

export function createSlot<T>(brand: string): Slot<T> {
  function fail(member: string): never {
    throw new TypeError(member + ": 'this' is not a " + brand + ' object (illegal invocation)');
  }
  if (supportsWeakMap) {
    // Keyed by identity: a Proxy of a platform object is not one (its own-property lookups would reach the target's).
    var map = new g.WeakMap();
    return {
      set: function (object, state) { map.set(object, state); },
      get: function (object, member) { return map.has(object) ? map.get(object) : fail(member); },
      has: function (object) { return map.has(object); }
    };
  }
  var key: any = supportsSymbol
    ? Symbol('[[' + brand + ']]')
    : '@@retrofetch.' + brand + '.' + Math.random().toString(36).slice(2);
  var has = function (object: unknown): boolean {
    return object != null && Object.prototype.hasOwnProperty.call(object, key);
  };
  return {
    set: function (object, state) {
      Object.defineProperty(object, key, { value: state, configurable: false, enumerable: false, writable: false });
    },
    get: function (object, member) {
      return has(object) ? (object as any)[key] : fail(member);
    },
    has: has
  };
}
