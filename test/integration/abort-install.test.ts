// What the standalone script installs for aborts, checked in fresh same-origin iframes: AbortController and
// AbortSignal where missing (or incomplete, where fetch is retrofetch's), DOMException where it cannot be constructed.
import { expect } from 'chai';
import { suite } from '../support/harness';
import { frameWith } from '../support/frames';

var POLYFILL = '/base/dist/retrofetch.polyfill.js';
var REMOVE_NATIVES = '/base/test/setup/remove-natives.js';

// An AbortController of the first generation: abort() without a reason, no timeout(), no any().
var INCOMPLETE = 'code:(function (w) {' +
  'function AbortSignal() {}' +
  'function AbortController() { this.signal = { aborted: false, addEventListener: function () {}, removeEventListener: function () {} }; }' +
  'AbortController.prototype.abort = function () { this.signal.aborted = true; };' +
  'w.AbortController = AbortController; w.AbortSignal = AbortSignal; w.__incomplete = AbortController;' +
  '})(window);';

var UNCONSTRUCTIBLE_DOMEXCEPTION = 'code:(function (w) {' +
  'var host = function DOMException() { throw new TypeError("Illegal constructor"); };' +
  'w.DOMException = host; w.__hostDOMException = host;' +
  '})(window);';

suite('polyfill install: aborts', function (impl) {
  if (impl.name !== 'polyfill') return; // about the standalone script itself, not an API the native has

  it('installs AbortController and AbortSignal where missing, as interface objects, and they work with its fetch', function () {
    return frameWith([REMOVE_NATIVES, POLYFILL]).then(function (frame) {
      var win = frame.win;
      ['AbortController', 'AbortSignal'].forEach(function (n) {
        expect(typeof win[n], n).to.equal('function');
        expect(/\[native code\]/.test(Function.prototype.toString.call(win[n])), n + ' is ours').to.equal(false);
        var descriptor = Object.getOwnPropertyDescriptor(win, n)!;
        expect(descriptor.enumerable, n + ' enumerable').to.equal(false);
      });
      var signal = win.AbortSignal.abort('in the frame');
      // Settled through a promise of this realm: the frame's promise jobs stop once the frame is removed.
      return new Promise<any>(function (resolve) {
        win.fetch('/api/echo', { signal: signal }).then(function () { resolve({ fulfilled: true }); }, function (e: unknown) { resolve({ error: e }); });
      }).then(function (outcome) {
        frame.remove();
        expect(outcome.error).to.equal('in the frame');
      });
    });
  });

  it('replaces an incomplete AbortController where fetch is retrofetch\'s', function () {
    return frameWith([REMOVE_NATIVES, INCOMPLETE, POLYFILL]).then(function (frame) {
      var win = frame.win;
      expect(win.AbortController).to.not.equal(win.__incomplete);
      var controller = new win.AbortController();
      controller.abort('why');
      expect(controller.signal.reason).to.equal('why');
      expect(typeof win.AbortSignal.any).to.equal('function');
      frame.remove();
    });
  });

  it('keeps an incomplete AbortController where fetch is the engine\'s (a native fetch takes only native signals)', function () {
    return frameWith([INCOMPLETE, POLYFILL]).then(function (frame) {
      var win = frame.win;
      var nativeFetch = /\[native code\]/.test(Function.prototype.toString.call(win.fetch));
      if (nativeFetch) expect(win.AbortController).to.equal(win.__incomplete);
      else expect(win.AbortController).to.not.equal(win.__incomplete); // no native fetch (PhantomJS): ours throughout
      frame.remove();
    });
  });

  it('installs DOMException where the engine\'s cannot be constructed, and keeps one that can', function () {
    return frameWith([UNCONSTRUCTIBLE_DOMEXCEPTION, POLYFILL]).then(function (frame) {
      var win = frame.win;
      expect(win.DOMException).to.not.equal(win.__hostDOMException);
      var e = new win.DOMException('m', 'TimeoutError');
      expect(e.code).to.equal(23);
      expect(e).to.be.an.instanceof(win.Error);
      expect(Object.getOwnPropertyDescriptor(win, 'DOMException')!.enumerable).to.equal(false);
      frame.remove();
      return frameWith([POLYFILL]);
    }).then(function (frame) {
      var win = frame.win;
      var constructible: boolean;
      try {
        constructible = new win.DOMException('m', 'AbortError').code === 20;
      } catch (e) {
        constructible = false;
      }
      expect(constructible, 'a working DOMException after the polyfill').to.equal(true);
      frame.remove();
    });
  });
});
