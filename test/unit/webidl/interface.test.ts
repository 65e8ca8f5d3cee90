// What every interface gets from WebIDL (src/webidl/interface.ts), straight from its module, on a small interface made
// here: the `new` check, attributes as brand-checked getters, constants, operations, the class string.
import { expect } from 'chai';
import { suite, skipBecause } from '../../support/harness';
import { hasToStringTag } from '../../support/assert';
import { createSlot } from '../../../src/webidl/slots';
import { constructing, defineAttributes, defineConstants, defineOperations } from '../../../src/webidl/interface';
import { expectMemberTypeError } from '../../support/assert';

interface ThingState {
  label: string;
  _count: number;
}

/** A small interface `Thing` (constructor, attributes, constants, one operation) over a fresh slot. */
function makeThing(): any {
  var slot = createSlot<ThingState>('Thing');
  var Thing: any = function Thing(this: any, label: string) {
    slot.set(constructing(this, Thing, slot, 'Thing constructor'), { label: label, _count: 0 });
  };
  defineAttributes(Thing.prototype, slot, 'Thing', {
    label: 0,
    count: '_count',
    shout: function (state: ThingState) { return state.label.toUpperCase(); }
  });
  defineConstants(Thing, 'ZERO ONE TWO', 0);
  defineOperations(Thing.prototype, slot, 'Thing', {
    add: function (state: ThingState, args: IArguments) {
      state._count += args.length ? args[0] : 1;
      return state._count;
    }
  });
  return Thing;
}

suite('webidl: interfaces', function (impl) {
  if (impl.name !== 'polyfill') return; // the module itself, the same in both passes

  it('a constructor called without new, or on an object that already has state, is a TypeError', function () {
    var Thing = makeThing();
    var thing = new Thing('a');
    expectMemberTypeError(function () { Thing('a'); }, 'Thing constructor');
    expectMemberTypeError(function () { Thing.call({}, 'a'); }, 'Thing constructor');
    expectMemberTypeError(function () { Thing.call(thing, 'b'); }, 'Thing constructor');
    expect(thing.label).to.equal('a'); // untouched
  });

  it('attributes are enumerable, configurable getters on the prototype, with no setter', function () {
    var Thing = makeThing();
    ['label', 'count', 'shout'].forEach(function (name) {
      var descriptor = Object.getOwnPropertyDescriptor(Thing.prototype, name)!;
      expect(typeof descriptor.get).to.equal('function');
      expect(descriptor.set).to.equal(undefined);
      expect(descriptor.enumerable).to.equal(true);
      expect(descriptor.configurable).to.equal(true);
    });
    var thing = new Thing('a');
    expect(Object.keys(thing)).to.deep.equal([]); // nothing on the instance
  });

  it('an attribute reads the field of its name, a named field, or what its function returns', function () {
    var Thing = makeThing();
    var thing = new Thing('abc');
    expect(thing.label).to.equal('abc');
    expect(thing.count).to.equal(0);
    expect(thing.shout).to.equal('ABC');
    thing.add(2);
    expect(thing.count).to.equal(2);
  });

  it('an attribute getter on a foreign receiver is a TypeError naming Interface.attribute', function () {
    var Thing = makeThing();
    var getter = Object.getOwnPropertyDescriptor(Thing.prototype, 'label')!.get!;
    expectMemberTypeError(function () { getter.call({}); }, 'Thing.label');
    expectMemberTypeError(function () { return Thing.prototype.count; }, 'Thing.count');
    // Another interface's object (a slot of the same brand name) is foreign too.
    var Other = makeThing();
    expectMemberTypeError(function () { getter.call(new Other('x')); }, 'Thing.label');
  });

  it('operations brand-check their receiver and get the state and the arguments', function () {
    var Thing = makeThing();
    var thing = new Thing('a');
    expect(thing.add()).to.equal(1);
    expect(thing.add(5)).to.equal(6);
    expectMemberTypeError(function () { Thing.prototype.add.call({}, 1); }, 'Thing.add');
    expect(Thing.prototype.add.length).to.equal(0);
  });

  it('constants are read-only, enumerable and not configurable, on the interface object and its prototype', function () {
    var Thing = makeThing();
    [Thing, Thing.prototype].forEach(function (holder) {
      expect([holder.ZERO, holder.ONE, holder.TWO]).to.deep.equal([0, 1, 2]);
      var descriptor = Object.getOwnPropertyDescriptor(holder, 'TWO')!;
      expect(descriptor.writable).to.equal(false);
      expect(descriptor.enumerable).to.equal(true);
      expect(descriptor.configurable).to.equal(false);
    });
    expect(new Thing('a').ONE).to.equal(1);
  });

  it('the prototype has the class string', function () {
    if (!hasToStringTag) return skipBecause(this, 'no Symbol.toStringTag in this engine');
    var Thing = makeThing();
    expect(Object.prototype.toString.call(new Thing('a'))).to.equal('[object Thing]');
    var descriptor = Object.getOwnPropertyDescriptor(Thing.prototype, Symbol.toStringTag)!;
    expect(descriptor.enumerable).to.equal(false);
    expect(descriptor.writable).to.equal(false);
    expect(descriptor.configurable).to.equal(true);
  });
});
