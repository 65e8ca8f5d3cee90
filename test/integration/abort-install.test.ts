// What the standalone scripts install for aborts, checked in fresh same-origin iframes: AbortController and
// AbortSignal where missing (or incomplete, where fetch is retrofetch's), with the fetch that honours them, and
// DOMException where it cannot be constructed.
import { expect } from 'chai';
import { suite, skipBecause, profile } from '../support/harness';
import { frameWith } from '../support/frames';
import {
  POLYFILL, CORE, NAMES, FETCH_FAMILY, NO_ABORT, recordBefore, inFrame, expectOurs, expectKept, fetchFamilyWorks, abortCancels,
  isNativeCode
} from '../support/families';

var g: any = window;

var REMOVE_NATIVES = '/base/test/setup/remove-natives.js';

// An AbortController of the first generation: abort() without a reason, no timeout(), no any().
var INCOMPLETE = 'code:(function (w) {' +
  'function AbortSignal() {}' +
  'function AbortController() { this.signal = { aborted: false, addEventListener: function () {}, removeEventListener: function () {} }; }' +
  'AbortController.prototype.abort = function () { this.signal.aborted = true; };' +
  'w.AbortController = AbortController; w.AbortSignal = AbortSignal; w.__incomplete = AbortController;' +
  '})(window);';

// The engine's own pair, made like those of the first generations (no timeout() before Chrome 103, Firefox 100,
// Safari 16; no any() before Chrome 116, Firefox 124, Safari 17.4).
var FIRST_GENERATION = 'code:delete window.AbortSignal.any; delete window.AbortSignal.timeout;';

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

  it('a look-alike AbortController that the engine\'s fetch does not honour (abortcontroller-polyfill\'s kind): fetch and abort both retrofetch\'s', function () {
    this.timeout(20000); // (the wait for the server to see the close: CLOSE_WAIT_MS)
    return inFrame([INCOMPLETE, recordBefore(NAMES), POLYFILL], function (win) {
      expectOurs(win, FETCH_FAMILY.concat(['AbortController', 'AbortSignal']));
      return abortCancels(win);
    });
  });

  // Abort goes with the fetch that honours it (README "What the scripts replace"): where the engine's fetch cannot be cancelled, the
  // whole fetch family is retrofetch's, so that abort() closes the connection.
  [['the core script', CORE], ['the full script', [POLYFILL]]].forEach(function (script) {
    it('fetch without AbortController (Chrome 42–65, Firefox 39–56, Safari 10.1–11.0, Edge 14–15), ' + script[0] +
      ': fetch, Headers, Request, Response and the pair retrofetch\'s; abort closes the connection', function () {
      this.timeout(20000); // (the wait for the server to see the close: CLOSE_WAIT_MS)
      return inFrame([NO_ABORT, recordBefore(NAMES)].concat(script[1]), function (win) {
        expectOurs(win, FETCH_FAMILY.concat(['AbortController', 'AbortSignal']));
        return fetchFamilyWorks(win).then(function () {
          return abortCancels(win);
        });
      });
    });

    it('an AbortController without timeout() or any() that the engine\'s fetch honours, ' + script[0] +
      ': kept with that fetch, and abort closes the connection', function () {
      this.timeout(20000); // (the wait for the server to see the close: CLOSE_WAIT_MS)
      if (!g.__retrofetchNatives || !g.__retrofetchNatives.AbortController) {
        return skipBecause(this, 'the engine has no native fetch and AbortController');
      }
      return inFrame([FIRST_GENERATION, recordBefore(NAMES)].concat(script[1]), function (win) {
        expect(typeof win.AbortSignal.any, 'AbortSignal.any').to.equal('undefined');
        expectKept(win, FETCH_FAMILY.concat(['AbortController', 'AbortSignal']));
        return abortCancels(win);
      });
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

// The no-abort engine (test/setup/remove-natives.js): Chromium with only AbortController and AbortSignal deleted
// before the core script loaded, as in an engine whose fetch cannot be cancelled. Every other suite runs there too,
// the abort suite's "the server sees the connection close" included.
if (profile === 'no-abort') suite('fetch without AbortController', function (impl) {
  it('the core script made fetch, Headers, Request, Response, AbortController and AbortSignal its own, and kept the rest', function () {
    FETCH_FAMILY.concat(['AbortController', 'AbortSignal']).forEach(function (n) {
      expect(typeof g[n], n).to.equal('function');
      expect(isNativeCode(g[n]), n + ' is retrofetch\'s').to.equal(false);
    });
    ['ReadableStream', 'WritableStream', 'TransformStream', 'TextDecoderStream', 'TextDecoder', 'FormData', 'DOMException', 'Promise']
      .forEach(function (n) { expect(isNativeCode(g[n]), n + ' is the engine\'s').to.equal(true); });
  });

  it('fetch(url, { signal }) is cancelled by abort(): it rejects with an AbortError and the server sees the close', function () {
    this.timeout(20000); // (the wait for the server to see the close: CLOSE_WAIT_MS)
    expect(impl.fetch).to.equal(g.fetch);
    return abortCancels(g);
  });
});
