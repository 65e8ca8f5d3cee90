// The host facts (src/env/support.ts), straight from their module: works(), the probe under every check, and the
// booleans held against what the page does. The test bundle loads after the polyfill is installed, so a probe of a
// global sees the page as it is then (test/setup/remove-natives.js, load-polyfill.js).
import { expect } from 'chai';
import { suite, skipBecause } from '../../support/harness';
import {
  nativeAbortedGetter, overrideReplacesContentType, structuredCloneThatTransfers, supportsArrayBuffer, supportsLateResponseType, supportsNativeStreams,
  supportsNativeTextStreams, supportsSymbol, supportsSymbolAsyncIterator, supportsSymbolIterator, supportsSymbolToStringTag,
  supportsVBArray, works
} from '../../../src/env/support';

var g: any = typeof self !== 'undefined' ? self : window;

suite('env: support', function (impl) {
  if (impl.name !== 'polyfill') return; // the module itself, the same in both passes

  describe('works()', function () {
    it('is true when the probe returns a truthy value', function () {
      expect(works(function () { return 1; })).to.equal(true);
      expect(works(function () { return {}; })).to.equal(true);
      expect(works(function () { return 'x'; })).to.equal(true);
    });

    it('is false when the probe returns a falsy value', function () {
      [0, '', null, undefined, false, NaN].forEach(function (value) {
        expect(works(function () { return value; })).to.equal(false, String(value));
      });
    });

    it('is false when the probe throws, whatever it throws; nothing escapes', function () {
      expect(works(function () { throw new TypeError('x'); })).to.equal(false);
      expect(works(function () { throw 'a string'; })).to.equal(false);
      expect(works(function () { return (null as any).property; })).to.equal(false);
    });

    it('runs the probe once, at the call', function () {
      var calls = 0;
      works(function () { return ++calls; });
      expect(calls).to.equal(1);
    });
  });

  describe('the booleans', function () {
    it('agree with each other: what needs Symbol, and the text streams, which need the streams family', function () {
      if (supportsSymbolIterator || supportsSymbolToStringTag || supportsSymbolAsyncIterator) expect(supportsSymbol).to.equal(true);
      if (supportsNativeTextStreams) expect(supportsNativeStreams).to.equal(true);
    });

    it('typed arrays and VBArray: as the page has them (the ie9 profile removes typed arrays, adds VBArray)', function () {
      expect(supportsArrayBuffer).to.equal(typeof g.Uint8Array !== 'undefined' && g.Uint8Array !== null);
      expect(supportsVBArray).to.equal(g.VBArray != null);
    });

    it('Symbol.iterator: where the probe says so, arrays are iterable by it', function () {
      if (!supportsSymbolIterator) return skipBecause(this, 'no Symbol.iterator in this engine');
      var iterator = ([7] as any)[Symbol.iterator]();
      expect(iterator.next()).to.deep.equal({ value: 7, done: false });
    });

    it('a late responseType is taken in a window (this page)', function () {
      expect(supportsLateResponseType).to.equal(!!g.document);
    });

    it("the page's AbortSignal `aborted` getter, read before installing: null, or a brand check for its signals", function () {
      if (!nativeAbortedGetter) {
        expect(g.AbortSignal == null || !Object.getOwnPropertyDescriptor(g.AbortSignal.prototype, 'aborted')).to.equal(true);
        return;
      }
      var controller = new g.AbortController();
      expect(nativeAbortedGetter.call(controller.signal)).to.equal(false);
      controller.abort();
      expect(nativeAbortedGetter.call(controller.signal)).to.equal(true);
      expect(function () { nativeAbortedGetter!.call({ aborted: true }); }).to.throw(TypeError);
    });

    it("structuredCloneThatTransfers: the page's structuredClone where it transfers an ArrayBuffer, else undefined", function () {
      if (typeof g.ArrayBuffer === 'undefined') {
        // (No ArrayBuffer, nothing to transfer: the ie9 profile.)
        expect(structuredCloneThatTransfers).to.equal(undefined);
        return;
      }
      var buffer = new g.ArrayBuffer(4);
      var error: any = null;
      try {
        g.structuredClone(buffer, { transfer: [buffer] });
      } catch (e) {
        error = e; // none there (TypeError), or one that cannot transfer (core-js's in jsdom: a DataCloneError)
      }
      expect(structuredCloneThatTransfers).to.equal(error ? undefined : g.structuredClone);
      if (!structuredCloneThatTransfers) return;
      var other = new g.ArrayBuffer(4);
      var clone = structuredCloneThatTransfers(other, { transfer: [other] });
      expect(clone.byteLength).to.equal(4);
      expect(other.byteLength).to.equal(0);
    });

    it('overrideMimeType replacing the reported Content-Type: said only where a real XHR does so', function () {
      var xhr = new g.XMLHttpRequest();
      if (typeof xhr.overrideMimeType !== 'function') return skipBecause(this, 'this XMLHttpRequest has no overrideMimeType');
      return new Promise<boolean>(function (resolve, reject) {
        xhr.open('GET', '/api/echo');
        xhr.overrideMimeType('text/x-probe');
        xhr.onload = function () { resolve(xhr.getResponseHeader('Content-Type') === 'text/x-probe'); };
        xhr.onerror = function () { reject(new Error('the XHR to /api/echo failed')); };
        xhr.send();
      }).then(function (replaces) {
        // The probe asks only where interface objects are not functions (old WebKit): elsewhere it says no.
        if (!replaces) expect(overrideReplacesContentType).to.equal(false);
        else if (typeof g.XMLHttpRequest !== 'function') expect(overrideReplacesContentType).to.equal(true);
      });
    });
  });
});
