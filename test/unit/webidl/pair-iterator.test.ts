// Pair iterators for `iterable<K, V>` (src/webidl/pair-iterator.ts), straight from their module, on a small
// interface made here: entries/keys/values/forEach, next() with its brand check, the pairs re-read at every step,
// %IteratorPrototype% and @@iterator where the engine has Symbol.iterator, the class strings.
import { expect } from 'chai';
import { suite, skipBecause } from '../../support/harness';
import { hasSymbolIterator, hasToStringTag } from '../../support/assert';
import { createSlot } from '../../../src/webidl/slots';
import { defineIterable } from '../../../src/webidl/pair-iterator';
import { expectMemberTypeError } from '../../support/assert';

/** A small interface `Pairs` over a list of [key, value] pairs, iterable as WebIDL's `iterable<K, V>`. */
function makePairs(): any {
  var slot = createSlot<Array<[string, unknown]>>('Pairs');
  var Pairs: any = function Pairs(this: any, list: Array<[string, unknown]>) {
    slot.set(this, list);
  };
  defineIterable(Pairs.prototype, 'Pairs', function (self, member) { return slot.get(self, member); });
  return Pairs;
}

/** Every value an iterator gives, read with next() alone (ES5). */
function drain(iterator: any): any[] {
  var out: any[] = [];
  for (var step = iterator.next(); !step.done; step = iterator.next()) out.push(step.value);
  return out;
}

suite('webidl: pair iterators', function (impl) {
  if (impl.name !== 'polyfill') return; // the module itself, the same in both passes

  it('entries, keys and values give the pairs, the keys and the values, in order', function () {
    var Pairs = makePairs();
    var pairs = new Pairs([['a', 1], ['b', 2]]);
    expect(drain(pairs.entries())).to.deep.equal([['a', 1], ['b', 2]]);
    expect(drain(pairs.keys())).to.deep.equal(['a', 'b']);
    expect(drain(pairs.values())).to.deep.equal([1, 2]);
    expect(drain(new Pairs([]).entries())).to.deep.equal([]);
  });

  it('each entry is a new array; past the end next() stays done with an undefined value', function () {
    var Pairs = makePairs();
    var list: Array<[string, unknown]> = [['a', 1]];
    var iterator = new Pairs(list).entries();
    var first = iterator.next();
    expect(first).to.deep.equal({ value: ['a', 1], done: false });
    expect(first.value).not.to.equal(list[0]);
    expect(iterator.next()).to.deep.equal({ value: undefined, done: true });
    list.push(['b', 2]); // the index stayed at the end, so a pair added now is seen
    expect(iterator.next()).to.deep.equal({ value: ['b', 2], done: false });
  });

  it('the pairs are re-read at every step: a change during iteration is seen', function () {
    var Pairs = makePairs();
    var list: Array<[string, unknown]> = [['a', 1], ['b', 2], ['c', 3]];
    var iterator = new Pairs(list).keys();
    expect(iterator.next().value).to.equal('a');
    list.splice(0, 1); // 'a' removed: the index (1) now points at 'c'
    expect(iterator.next().value).to.equal('c');
    expect(iterator.next().done).to.equal(true);
  });

  it('entries/keys/values and next() brand-check their receiver (a TypeError naming the member)', function () {
    var Pairs = makePairs();
    expectMemberTypeError(function () { Pairs.prototype.entries.call({}); }, 'Pairs.entries');
    expectMemberTypeError(function () { Pairs.prototype.keys.call({}); }, 'Pairs.keys');
    expectMemberTypeError(function () { Pairs.prototype.values.call({}); }, 'Pairs.values');
    var iterator = new Pairs([['a', 1]]).entries();
    expectMemberTypeError(function () { iterator.next.call({}); }, 'Pairs Iterator.next');
    // An iterator of another interface is foreign too.
    var Other = makePairs();
    expectMemberTypeError(function () { iterator.next.call(new Other([]).entries()); }, 'Pairs Iterator.next');
  });

  it('forEach calls back with (value, key, object) and thisArg, re-reading the pairs after each call', function () {
    var Pairs = makePairs();
    var list: Array<[string, unknown]> = [['a', 1], ['b', 2]];
    var pairs = new Pairs(list);
    var seen: any[] = [];
    var thisArg = {};
    pairs.forEach(function (this: any, value: unknown, key: string, object: unknown) {
      seen.push([value, key, object === pairs, this === thisArg]);
      if (key === 'a') list.push(['c', 3]);
    }, thisArg);
    expect(seen).to.deep.equal([[1, 'a', true, true], [2, 'b', true, true], [3, 'c', true, true]]);
    expect(Pairs.prototype.forEach.length).to.equal(1);
  });

  it('forEach with a callback that is not a function, or on a foreign receiver, is a TypeError naming it', function () {
    var Pairs = makePairs();
    expectMemberTypeError(function () { new Pairs([]).forEach(1); }, 'Pairs.forEach');
    expectMemberTypeError(function () { new Pairs([]).forEach(); }, 'Pairs.forEach');
    expectMemberTypeError(function () { Pairs.prototype.forEach.call({}, function () { /* */ }); }, 'Pairs.forEach');
  });

  it('@@iterator is entries (not enumerable); iterators inherit %IteratorPrototype%', function () {
    if (!hasSymbolIterator) return skipBecause(this, 'no Symbol.iterator in this engine');
    var Pairs = makePairs();
    var descriptor = Object.getOwnPropertyDescriptor(Pairs.prototype, Symbol.iterator)!;
    expect(descriptor.value).to.equal(Pairs.prototype.entries);
    expect(descriptor.enumerable).to.equal(false);
    var iterator = new Pairs([['a', 1]])[Symbol.iterator]();
    expect(iterator[Symbol.iterator]()).to.equal(iterator);
    var iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(([] as any)[Symbol.iterator]()));
    expect(Object.getPrototypeOf(Object.getPrototypeOf(iterator))).to.equal(iteratorPrototype);
  });

  it('the iterators have the class string "Pairs Iterator"', function () {
    if (!hasToStringTag) return skipBecause(this, 'no Symbol.toStringTag in this engine');
    var Pairs = makePairs();
    expect(Object.prototype.toString.call(new Pairs([]).keys())).to.equal('[object Pairs Iterator]');
  });
});
