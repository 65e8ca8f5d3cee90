// Iterators for `iterable<K, V>` declarations: https://webidl.spec.whatwg.org/#es-iterable and
// https://webidl.spec.whatwg.org/#es-default-iterator-object
// One iterator prototype per interface ("Headers Iterator", "FormData Iterator"), inheriting %IteratorPrototype%
// where the engine has one (which gives it @@iterator returning this), with a brand-checked next(). Usable without
// Symbol through next(). The pairs are re-read on every step, so changes made during iteration are seen.
import { createSlot } from './slots';
import { defineToStringTag } from './interface';
import { typeError } from './conversions';
import { supportsSymbolIterator } from '../env/support';

// An iterator's kind (https://webidl.spec.whatwg.org/#default-iterator-object-kind): "key", "value" or "key+value"
// (named numbers, which the minifier inlines).
var KEY = 0;
var VALUE = 1;
var KEY_AND_VALUE = 2;
type IteratorKind = typeof KEY | typeof VALUE | typeof KEY_AND_VALUE;

// The object iterated over, the iterator's kind and its index (fields named _x: the standalone scripts' minifier
// shortens them, ARCHITECTURE.md).
interface IteratorState {
  _target: unknown;
  _kind: IteratorKind;
  _index: number;
}

/**
 * Installs entries/keys/values/forEach and @@iterator on an `iterable<K, V>` interface's prototype. `list` brand-checks
 * its receiver (the TypeError naming `member`) and returns the value pairs to iterate over, as they are now.
 */
export function defineIterable(proto: any, className: string, list: (self: unknown, member: string) => Array<[string, unknown]>): void {
  var iteratorName = className + ' Iterator';
  var slot = createSlot<IteratorState>(iteratorName);
  // https://webidl.spec.whatwg.org/#es-iterator-prototype-object
  var prototype = Object.create(
    supportsSymbolIterator ? Object.getPrototypeOf(Object.getPrototypeOf(([] as any)[Symbol.iterator]())) : Object.prototype
  );
  // https://webidl.spec.whatwg.org/#es-iterator-prototype-object: next() (enumerable, as operations are).
  prototype.next = function () {
    var iterator = slot.get(this, iteratorName + '.next');
    // Steps 5–12: the pairs as they are now; past the end, done (and the index stays).
    var pair = list(iterator._target, iteratorName + '.next')[iterator._index];
    if (!pair) return { value: undefined, done: true };
    iterator._index++;
    var kind = iterator._kind;
    return { value: kind === KEY ? pair[0] : kind === VALUE ? pair[1] : [pair[0], pair[1]], done: false };
  };
  defineToStringTag(prototype, iteratorName);
  // entries, keys and values: the brand check now, as the IDL operation does; then a new default iterator object.
  function method(kind: IteratorKind, name: string) {
    return function (this: unknown) {
      list(this, className + '.' + name);
      var iterator = Object.create(prototype);
      slot.set(iterator, { _target: this, _kind: kind, _index: 0 });
      return iterator;
    };
  }
  proto.entries = method(KEY_AND_VALUE, 'entries');
  proto.keys = method(KEY, 'keys');
  proto.values = method(VALUE, 'values');
  // https://webidl.spec.whatwg.org/#es-forEach (one declared parameter: forEach.length is 1), the pairs re-read after
  // each call (the callback may have changed them).
  proto.forEach = function (this: unknown, callback: (value: unknown, key: string, parent: unknown) => void) {
    var member = className + '.forEach';
    var pairs = list(this, member);
    if (typeof callback !== 'function') throw typeError(member, 'callback not a function');
    for (var i = 0; i < pairs.length; i++) {
      callback.call(arguments[1], pairs[i][1], pairs[i][0], this);
      pairs = list(this, member);
    }
  };
  // @@iterator is entries, not enumerable (an assignment would make a polyfilled Symbol's key enumerable).
  if (supportsSymbolIterator) Object.defineProperty(proto, Symbol.iterator, { value: proto.entries, writable: true, configurable: true });
}
