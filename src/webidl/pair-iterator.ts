// Iterators for `iterable<K, V>` declarations: https://webidl.spec.whatwg.org/#es-default-iterator-object
// One iterator prototype per interface ("Headers Iterator", "FormData Iterator"), inheriting %IteratorPrototype%
// where the engine has one (which gives it @@iterator returning this), with a brand-checked next(). Usable without
// Symbol through next(). The pairs are re-read on every step, so changes made during iteration are seen.
import { createSlot } from './slots';
import { supportsSymbolIterator, supportsSymbolToStringTag } from '../env/support';

export type IteratorKind = 'key' | 'value' | 'key+value';

interface IteratorState {
  pairs: () => Array<[string, unknown]>;
  kind: IteratorKind;
  index: number;
}

/** Makes the iterator prototype object of the interface `name`; returns the function that creates its iterators. */
export function iteratorFactory(name: string): (pairs: () => Array<[string, unknown]>, kind: IteratorKind) => any {
  var iteratorName = name + ' Iterator';
  var slot = createSlot<IteratorState>(iteratorName);
  // https://webidl.spec.whatwg.org/#es-iterator-prototype-object
  var prototype: object = Object.create(
    supportsSymbolIterator ? Object.getPrototypeOf(Object.getPrototypeOf(([] as any)[Symbol.iterator]())) : Object.prototype
  );
  Object.defineProperty(prototype, 'next', {
    value: function next(this: unknown) {
      var iterator = slot.get(this, iteratorName + '.next');
      // Steps 5–12: the pairs as they are now; past the end, done.
      var pairs = iterator.pairs();
      if (iterator.index >= pairs.length) return { value: undefined, done: true };
      var pair = pairs[iterator.index++];
      var kind = iterator.kind;
      return { value: kind === 'key' ? pair[0] : kind === 'value' ? pair[1] : [pair[0], pair[1]], done: false };
    },
    writable: true, enumerable: true, configurable: true
  });
  if (supportsSymbolToStringTag) {
    Object.defineProperty(prototype, Symbol.toStringTag, { value: iteratorName, writable: false, enumerable: false, configurable: true });
  }
  return function (pairs, kind) {
    var iterator = Object.create(prototype);
    slot.set(iterator, { pairs: pairs, kind: kind, index: 0 });
    return iterator;
  };
}

/** Installs entries/keys/values/forEach and @@iterator on an `iterable<K, V>` interface's prototype. */
export function defineIterable(proto: any, className: string, list: (self: unknown, member: string) => Array<[string, unknown]>): void {
  var create = iteratorFactory(className);
  function method(kind: IteratorKind, member: string) {
    return function (this: unknown) {
      var self = this;
      list(self, className + '.' + member); // brand check now, as the IDL operation does
      return create(function () { return list(self, className + '.' + member); }, kind);
    };
  }
  proto.entries = method('key+value', 'entries');
  proto.keys = method('key', 'keys');
  proto.values = method('value', 'values');
  proto.forEach = function (this: unknown, callback: (value: unknown, key: string, parent: unknown) => void, thisArg?: unknown) {
    var member = className + '.forEach';
    var pairs = list(this, member);
    if (typeof callback !== 'function') throw new TypeError(member + ': parameter 1 is not a function');
    for (var i = 0; i < pairs.length; i++) {
      callback.call(thisArg, pairs[i][1], pairs[i][0], this);
      pairs = list(this, member);
    }
  };
  // https://webidl.spec.whatwg.org/#es-iterable: @@iterator is entries, not enumerable (an assignment would make a
  // polyfilled Symbol's key enumerable).
  if (supportsSymbolIterator) {
    Object.defineProperty(proto, Symbol.iterator, { value: proto.entries, writable: true, enumerable: false, configurable: true });
  }
}
