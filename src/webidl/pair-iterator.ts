// Iterators for `iterable<K, V>` declarations: https://webidl.spec.whatwg.org/#es-iterable
// Usable without Symbol through next(); where Symbol.iterator exists they are iterable too.
import { supportsSymbolIterator, supportsSymbolToStringTag } from '../env/support';

export type IteratorKind = 'key' | 'value' | 'key+value';

/** A new iterator over a list that is re-read on every step, so mutations during iteration are seen. */
export function createPairIterator<V>(list: () => Array<[string, V]>, kind: IteratorKind, name: string): any {
  var index = 0;
  var iterator: any = {
    next: function () {
      var pairs = list();
      if (index >= pairs.length) return { value: undefined, done: true };
      var pair = pairs[index++];
      return { value: kind === 'key' ? pair[0] : kind === 'value' ? pair[1] : [pair[0], pair[1]], done: false };
    }
  };
  if (supportsSymbolIterator) {
    iterator[Symbol.iterator] = function () {
      return iterator;
    };
  }
  if (supportsSymbolToStringTag) {
    Object.defineProperty(iterator, Symbol.toStringTag, { value: name + ' Iterator', configurable: true });
  }
  return iterator;
}

/** Installs entries/keys/values/forEach and @@iterator on an `iterable<K, V>` interface's prototype. */
export function defineIterable(proto: any, className: string, list: (self: unknown, member: string) => Array<[string, unknown]>): void {
  function method(kind: IteratorKind, member: string) {
    return function (this: unknown) {
      var self = this;
      list(self, className + '.' + member); // brand check now, as the IDL operation does
      return createPairIterator(function () { return list(self, className + '.' + member); }, kind, className);
    };
  }
  proto.entries = method('key+value', 'entries');
  proto.keys = method('key', 'keys');
  proto.values = method('value', 'values');
  proto.forEach = function (this: unknown, callback: (value: unknown, key: string, parent: unknown) => void, thisArg?: unknown) {
    var member = className + '.forEach';
    if (typeof callback !== 'function') throw new TypeError(member + ': parameter 1 is not a function');
    var pairs = list(this, member);
    for (var i = 0; i < pairs.length; i++) {
      callback.call(thisArg, pairs[i][1], pairs[i][0], this);
      pairs = list(this, member);
    }
  };
  if (supportsSymbolIterator) proto[Symbol.iterator] = proto.entries;
}
