// The global object and its two helpers (src/env/global.ts), straight from their module.
import { expect } from 'chai';
import { suite, skipBecause } from '../../support/harness';
import { hasBlob } from '../../support/assert';
import { defineValue, globalObject, isHostInstance } from '../../../src/env/global';

declare const Symbol: any;

suite('env: global object', function (impl) {
  if (impl.name !== 'polyfill') return; // the module itself, the same in both passes

  it('globalObject is the page\'s global object', function () {
    var g: any = typeof self !== 'undefined' ? self : window;
    expect(globalObject).to.equal(g);
    expect(globalObject.Math).to.equal(Math);
  });

  describe('isHostInstance', function () {
    it('is true for an instance of the named host interface, and for objects inheriting from one', function () {
      if (!hasBlob) return skipBecause(this, 'no Blob in this engine');
      var blob = new Blob(['x']);
      expect(isHostInstance(blob, 'Blob')).to.equal(true);
      expect(isHostInstance(Object.create(Blob.prototype), 'Blob')).to.equal(true);
      expect(isHostInstance(blob, 'ArrayBuffer')).to.equal(false);
    });

    it('is false for primitives, null, plain objects, arrays and functions', function () {
      expect(isHostInstance(new XMLHttpRequest(), 'XMLHttpRequest')).to.equal(true);
      [null, undefined, 0, 'XMLHttpRequest', true, {}, [], function () { /* */ }].forEach(function (value) {
        expect(isHostInstance(value, 'XMLHttpRequest')).to.equal(false, String(value));
      });
      // Only objects: a function is never an instance, even of Function.
      expect(isHostInstance(function () { /* */ }, 'Function')).to.equal(false);
    });

    it('is false, without throwing, for an interface the engine does not have or that is not a constructor', function () {
      expect(isHostInstance({}, 'RetrofetchNoSuchInterface')).to.equal(false);
      expect(isHostInstance({}, 'Math')).to.equal(false);
    });
  });

  describe('defineValue', function () {
    it('defines a data property that is writable and configurable but not enumerable (as WebIDL members)', function () {
      var object: any = {};
      defineValue(object, 'member', 1);
      var descriptor = Object.getOwnPropertyDescriptor(object, 'member')!;
      expect(descriptor.value).to.equal(1);
      expect(descriptor.writable).to.equal(true);
      expect(descriptor.configurable).to.equal(true);
      expect(descriptor.enumerable).to.equal(false);
      expect(Object.keys(object)).to.deep.equal([]);
      object.member = 2;
      expect(object.member).to.equal(2);
    });

    it('replaces the value of a configurable property of the same key, an accessor too', function () {
      var object: any = { member: 'old' };
      defineValue(object, 'member', 'data');
      expect(object.member).to.equal('data');
      var withGetter: any = {};
      Object.defineProperty(withGetter, 'member', { get: function () { return 'getter'; }, configurable: true });
      defineValue(withGetter, 'member', 'data');
      expect(withGetter.member).to.equal('data');
      expect(Object.getOwnPropertyDescriptor(withGetter, 'member')!.get).to.equal(undefined);
    });

    it('takes a Symbol key', function () {
      if (typeof Symbol !== 'function') return skipBecause(this, 'no Symbol in this engine');
      var object: any = {};
      var key = Symbol('k');
      defineValue(object, key, 'v');
      expect(object[key]).to.equal('v');
      expect(Object.getOwnPropertyDescriptor(object, key)!.enumerable).to.equal(false);
    });
  });
});
