// Brand-checked private slots (STYLE habit 6): a platform object's state lives under a key that user code
// cannot guess (a Symbol where the engine has one, else a random non-enumerable name), and every member
// checks the brand, so a foreign receiver gets the TypeError a native implementation gives. (Not a WeakMap: it
// makes constructing Headers, Request and Response twice as slow.)
import { supportsSymbol } from '../env/support';

export interface Slot<T> {
  set(object: object, state: T): void;
  /** The state of `object`, or a TypeError naming `member` for anything else. */
  get(object: unknown, member: string): T;
  has(object: unknown): boolean;
  /** The state of `object`, or undefined for anything else. */
  find(object: unknown): T | undefined;
}

export function createSlot<T>(brand: string): Slot<T> {
  var key: any = supportsSymbol ? Symbol(brand) : '@@retrofetch.' + brand + Math.random();
  // The slot holds the object itself with its state: a Proxy of a platform object reaches the target's slot, and an
  // object inheriting from one its prototype's, whose owner is neither (a non-configurable, non-writable property:
  // a Proxy cannot report another value).
  function held(object: any): { o: object; s: T } | undefined {
    var h = object != null ? object[key] : undefined;
    return h && h.o === object ? h : undefined;
  }
  return {
    set: function (object, state) {
      Object.defineProperty(object, key, { value: { o: object, s: state } });
    },
    get: function (object, member) {
      var h = held(object);
      if (!h) throw new TypeError(member + ': Illegal invocation');
      return h.s;
    },
    has: function (object) {
      return !!held(object);
    },
    find: function (object) {
      var h = held(object);
      return h && h.s;
    }
  };
}
