// Brand-checked private slots (src/webidl/slots.ts), straight from their module: the state is found only on the
// object it was set on, a foreign receiver gets the TypeError a native gives, and page script cannot see the key.
import { expect } from 'chai';
import { suite, skipBecause } from '../../support/harness';
import { createSlot } from '../../../src/webidl/slots';
import { expectMemberTypeError } from '../../support/assert';

suite('webidl: slots', function (impl) {
  if (impl.name !== 'polyfill') return; // the module itself, the same in both passes

  it('get, has and find give the state set on the object', function () {
    var slot = createSlot<{ n: number }>('Thing');
    var object = {};
    var state = { n: 1 };
    expect(slot.has(object)).to.equal(false);
    expect(slot.find(object)).to.equal(undefined);
    slot.set(object, state);
    expect(slot.has(object)).to.equal(true);
    expect(slot.get(object, 'Thing.n')).to.equal(state);
    expect(slot.find(object)).to.equal(state);
  });

  it('a foreign receiver: get is a TypeError naming the member, has is false, find undefined', function () {
    var slot = createSlot<number>('Thing');
    [{}, null, undefined, 1, 'x', function () { /* */ }].forEach(function (foreign) {
      expectMemberTypeError(function () { slot.get(foreign, 'Thing.method'); }, 'Thing.method');
      expect(slot.has(foreign)).to.equal(false);
      expect(slot.find(foreign)).to.equal(undefined);
    });
  });

  it('two slots, even of one brand, do not see each other\'s state', function () {
    var a = createSlot<string>('Same');
    var b = createSlot<string>('Same');
    var object = {};
    a.set(object, 'a');
    expect(b.has(object)).to.equal(false);
    b.set(object, 'b');
    expect(a.get(object, 'm')).to.equal('a');
    expect(b.get(object, 'm')).to.equal('b');
  });

  it('an object that inherits from one with state has none of its own', function () {
    var slot = createSlot<number>('Thing');
    var parent = {};
    slot.set(parent, 1);
    var child = Object.create(parent);
    expect(slot.has(child)).to.equal(false);
    expectMemberTypeError(function () { slot.get(child, 'Thing.x'); }, 'Thing.x');
  });

  it('the state is under no key a page enumerates, and an assignment to that key changes nothing', function () {
    var slot = createSlot<number>('Thing');
    var object: any = {};
    slot.set(object, 1);
    expect(Object.keys(object)).to.deep.equal([]);
    var names: string[] = [];
    for (var name in object) names.push(name);
    expect(names).to.deep.equal([]);
    expect(JSON.stringify(object)).to.equal('{}');
    // The key itself (a Symbol, or a random name where there is none), found as a page could: it is read-only.
    var keys: any[] = Object.getOwnPropertyNames(object);
    var symbolsOf = (Object as any).getOwnPropertySymbols;
    if (symbolsOf) keys = keys.concat(symbolsOf(object));
    expect(keys.length).to.equal(1);
    try {
      object[keys[0]] = { o: object, s: 2 };
    } catch (e) {
      // (strict code throws on a read-only property)
    }
    expect(slot.get(object, 'm')).to.equal(1);
  });

  it('a Proxy of an object with state is foreign to it, as to a native brand check', function () {
    var g: any = typeof self !== 'undefined' ? self : window;
    if (typeof g.Proxy !== 'function') return skipBecause(this, 'no Proxy in this engine');
    var slot = createSlot<number>('Thing');
    var target = {};
    slot.set(target, 7);
    var proxy = new g.Proxy(target, {});
    expect(slot.has(proxy)).to.equal(false);
    expectMemberTypeError(function () { slot.get(proxy, 'Thing.x'); }, 'Thing.x');
  });
});
