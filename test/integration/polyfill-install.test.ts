// The standalone script's install rules, checked in fresh same-origin iframes (real globals, not mocks): it installs
// only what is missing, never replaces a working native, and loading it twice changes nothing.
import { expect } from 'chai';
import { suite, skipBecause, servers } from '../support/harness';
import { frameWith } from '../support/frames';
import {
  POLYFILL, CORE, NAMES as FAMILY_NAMES, FETCH_FAMILY as FOUR, STREAMS_FAMILY as STREAMS, QTWEBKIT_LIKE, JSDOM_LIKE,
  STREAMS_WITHOUT_TRANSFORM, NO_ABORT, recordBefore, inFrame, expectOurs, expectKept, fetchFamilyWorks,
  streamsFamilyWorks, abortCancels, isNativeCode
} from '../support/families';

var NAMES = ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'ReadableStream', 'Promise', 'WritableStream',
  'TransformStream', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoder', 'TextDecoder', 'TextEncoderStream',
  'TextDecoderStream', 'EventSource'];
var FAMILY = ['WritableStream', 'TransformStream', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextEncoderStream', 'TextDecoderStream'];
// The streams themselves (the text streams over them are replaced alone where they cannot pipe with them).
var STREAM_CLASSES = ['ReadableStream', 'WritableStream', 'TransformStream'];
var g: any = window;

/** A family is kept or replaced whole: of its members that were there before, all are kept or none is. */
function expectWhole(family: string[], before: any, win: any): void {
  var present = family.filter(function (n) { return before[n] !== undefined; });
  var kept = present.filter(function (n) { return win[n] === before[n]; });
  expect(kept.length === 0 || kept.length === present.length, family.join() + ': kept ' + kept.join() + ' of ' + present.join()).to.equal(true);
}

/** frameWith(), with each name's value captured before the scripts run. */
function frameCapturing(scripts: string[]): Promise<any> {
  var before: any = {};
  return frameWith(['code:window.__before = {};' + NAMES.map(function (n) { return 'window.__before.' + n + ' = window.' + n + ';'; }).join('')]
    .concat(scripts)).then(function (frame) {
    NAMES.forEach(function (n) { before[n] = frame.win.__before[n]; });
    frame.before = before;
    return frame;
  });
}

suite('polyfill install', function (impl) {
  if (impl.name !== 'polyfill') return; // about the standalone script itself, not an API the native has

  it('installs what is missing, each family whole, keeps every working native family, and a second load changes nothing', function () {
    var src = '/base/dist/retrofetch.polyfill.js';
    return frameCapturing([src]).then(function (frame) {
      var afterFirst: any = {};
      NAMES.forEach(function (n) {
        afterFirst[n] = frame.win[n];
        expect(typeof frame.win[n], n).to.not.equal('undefined');
      });
      // Where the engine has a native fetch stack (the native pass runs on it, as the oracle of every suite), its
      // families work: each native is the same object afterwards, even old WebKit's append-only FormData (the page's
      // own XHR code relies on it). Elsewhere (an engine's partial natives, as QtWebKit and jsdom have) each family is
      // kept or replaced whole.
      if (g.__retrofetchNatives) {
        NAMES.forEach(function (n) {
          if (frame.before[n] !== undefined) expect(frame.win[n] === frame.before[n], n + ' kept').to.equal(true);
        });
      }
      [FOUR, STREAM_CLASSES].forEach(function (family) { expectWhole(family, frame.before, frame.win); });
      return new Promise(function (resolve, reject) {
        var again = frame.win.document.createElement('script');
        again.src = src + '?again=1';
        again.onload = resolve;
        again.onerror = reject;
        frame.win.document.body.appendChild(again);
      }).then(function () {
        NAMES.forEach(function (n) { expect(frame.win[n] === afterFirst[n], n + ' after a second load').to.equal(true); });
        return new frame.win.Response('in the frame').text();
      }).then(function (text: string) {
        expect(text).to.equal('in the frame');
        frame.remove();
      });
    });
  });

  it('installs the whole set into a frame whose natives were removed, as interface objects (not enumerable)', function () {
    return frameWith(['/base/test/setup/remove-natives.js', '/base/dist/retrofetch.polyfill.js']).then(function (frame) {
      ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'ReadableStream', 'EventSource'].forEach(function (n) {
        expect(typeof frame.win[n], n).to.equal('function');
        expect(/\[native code\]/.test(Function.prototype.toString.call(frame.win[n])), n + ' is ours').to.equal(false);
        var descriptor = Object.getOwnPropertyDescriptor(frame.win, n)!;
        expect(descriptor.enumerable, n + ' enumerable').to.equal(false);
        expect(descriptor.writable && descriptor.configurable, n + ' writable, configurable').to.equal(true);
      });
      frame.remove();
    });
  });

  it("in a blank frame, a relative URL resolves against its creator's base URL, as the engine's XHR does", function () {
    // The frame's first document is about:blank; QtWebKit 5.212 reports about:blank as its baseURI there.
    return frameWith(['/base/test/setup/remove-natives.js', '/base/dist/retrofetch.polyfill.js']).then(function (frame) {
      var win = frame.win;
      expect(new win.Request('api/echo?a=1').url).to.equal(servers.sameOrigin + '/api/echo?a=1');
      // Settled through a promise of this realm: the frame's promise jobs stop once the frame is removed.
      return new Promise<any>(function (resolve, reject) {
        win.fetch('/api/echo?b=2').then(function (r: Response) { return r.json(); }).then(resolve, reject);
      }).then(function (echo) {
        frame.remove();
        expect(echo.url).to.equal('/api/echo?b=2');
      }, function (e) {
        frame.remove();
        throw e;
      });
    });
  });

  it('where it installs its ReadableStream, the whole streams family is its own and pipes together', function () {
    return frameCapturing(['/base/test/setup/remove-natives.js', '/base/dist/retrofetch.polyfill.js']).then(function (frame) {
      var win = frame.win;
      FAMILY.forEach(function (n) {
        expect(typeof win[n], n).to.equal('function');
        // An engine's TransformStream, WritableStream, TextDecoderStream, ... is replaced: it cannot take part in
        // the installed ReadableStream's pipes.
        expect(/\[native code\]/.test(Function.prototype.toString.call(win[n])), n + ' is ours').to.equal(false);
        expect(Object.getOwnPropertyDescriptor(win, n)!.enumerable, n + ' enumerable').to.equal(false);
      });
      // TextEncoder and TextDecoder only where missing.
      ['TextEncoder', 'TextDecoder'].forEach(function (n) {
        if (frame.before[n] !== undefined) expect(win[n] === frame.before[n], n + ' kept').to.equal(true);
        else expect(typeof win[n], n).to.equal('function');
      });
      var out: string[] = [];
      var source = new win.ReadableStream({
        start: function (c: any) { c.enqueue(new win.TextEncoder().encode('h\u00e9')); c.close(); }
      });
      var sink = new win.WritableStream({ write: function (chunk: string) { out.push(chunk); } });
      var strategy = new win.CountQueuingStrategy({ highWaterMark: 2 });
      expect(strategy.size()).to.equal(1);
      expect(new win.ByteLengthQueuingStrategy({ highWaterMark: 2 }).size(new Uint8Array(3))).to.equal(3);
      return new Promise(function (resolve, reject) {
        source.pipeThrough(new win.TransformStream()).pipeThrough(new win.TextDecoderStream())
          .pipeThrough(new win.TextEncoderStream()).pipeThrough(new win.TextDecoderStream()).pipeTo(sink).then(resolve, reject);
      }).then(function () {
        expect(out.join('')).to.equal('h\u00e9');
        frame.remove();
      });
    });
  });
  // Both scripts read a page stream's [[disturbed]] where it is web-streams-polyfill's (its `_disturbed` field): the
  // minifier must leave that name as the page's copy has it.
  ['retrofetch.core.js', 'retrofetch.polyfill.js'].forEach(function (file) {
    it(file + ": the page's own web-streams-polyfill stream, once read, is refused by new Response() (its lock released)", function () {
      if (typeof Uint8Array === 'undefined') return skipBecause(this, 'no Uint8Array: a stream body needs one');
      var frame: any = null;
      return frameWith(['/base/test/setup/remove-natives.js', '/base/node_modules/promise-polyfill/dist/polyfill.min.js',
        '/base/node_modules/web-streams-polyfill/dist/polyfill.es5.js', '/base/dist/' + file]).then(function (made) {
        frame = made;
        var win = frame.win;
        var read = new win.ReadableStream({ pull: function (c: any) { c.enqueue(new win.Uint8Array([65])); } });
        var reader = read.getReader();
        // Taken out of the frame's promises (its jobs stop once it is removed).
        return new Promise(function (resolve, reject) {
          reader.read().then(function () {
            reader.releaseLock();
            var error: any = null;
            try {
              new win.Response(read);
            } catch (e) {
              error = e;
            }
            expect(error && error.name).to.equal('TypeError');
            var unread = new win.ReadableStream({ start: function (c: any) { c.enqueue(new win.Uint8Array([66])); c.close(); } });
            return new win.Response(unread).text();
          }).then(resolve, reject);
        });
      }).then(function (text) {
        frame.remove();
        expect(text).to.equal('B');
      }, function (e: unknown) {
        if (frame) frame.remove();
        throw e;
      });
    });
  });
});

// The engine's AbortController is complete (reason, throwIfAborted, timeout(), any()): kept even next to retrofetch's
// fetch, which takes the engine's signals (README "What the scripts replace").
function completeAbort(win: any): boolean {
  var before = win.__before;
  return typeof before.AbortSignal === 'function' && typeof before.AbortSignal.any === 'function' &&
    typeof before.AbortSignal.timeout === 'function' && typeof before.AbortSignal.prototype.throwIfAborted === 'function';
}

function expectAbortPair(win: any): void {
  if (completeAbort(win)) expectKept(win, ['AbortController', 'AbortSignal']);
  else expectOurs(win, ['AbortController', 'AbortSignal']);
}

// Families installed whole (issue 19), in fresh frames made partial as real engines are (support/families.ts); the
// lab runs the real ones too (QtWebKit, jsdom).
suite('polyfill install: families', function (impl) {
  if (impl.name !== 'polyfill') return; // about the standalone scripts themselves

  describe('an engine modelled on QtWebKit 5.212 (a Headers without forEach or iterator, a Request, WebKit\'s 2016 streams)', function () {
    it('the full script: fetch, Headers, Request, Response, the streams family and abort all retrofetch\'s, and working together', function () {
      this.timeout(20000); // (the wait for the server to see the close: CLOSE_WAIT_MS)
      return inFrame([QTWEBKIT_LIKE, recordBefore(FAMILY_NAMES), POLYFILL], function (win) {
        expectOurs(win, FAMILY_NAMES);
        return fetchFamilyWorks(win).then(function () {
          return streamsFamilyWorks(win);
        }).then(function () {
          return abortCancels(win);
        });
      });
    });

    it('the core script: the fetch family and abort retrofetch\'s; the page\'s streams left as they are (it installs none)', function () {
      this.timeout(20000); // (the wait for the server to see the close: CLOSE_WAIT_MS)
      return inFrame([QTWEBKIT_LIKE, recordBefore(FAMILY_NAMES)].concat(CORE), function (win) {
        expectOurs(win, FOUR.concat(['AbortController', 'AbortSignal']));
        expectKept(win, STREAMS);
        return fetchFamilyWorks(win).then(function () {
          return abortCancels(win);
        });
      });
    });
  });

  describe('an engine modelled on jsdom (its own complete Headers and AbortController; no fetch, Request, Response or streams)', function () {
    it('the full script: its Headers replaced with the rest of the family; a complete AbortController kept', function () {
      this.timeout(20000); // (the wait for the server to see the close: CLOSE_WAIT_MS)
      return inFrame([JSDOM_LIKE, recordBefore(FAMILY_NAMES), POLYFILL], function (win) {
        expectOurs(win, FOUR.concat(STREAMS));
        expectAbortPair(win);
        return fetchFamilyWorks(win).then(function () {
          return streamsFamilyWorks(win);
        }).then(function () {
          return abortCancels(win);
        });
      });
    });

    it('the core script: its Headers replaced with the rest of the family', function () {
      this.timeout(20000); // (the wait for the server to see the close: CLOSE_WAIT_MS)
      return inFrame([JSDOM_LIKE, recordBefore(FAMILY_NAMES)].concat(CORE), function (win) {
        expectOurs(win, FOUR);
        expectAbortPair(win);
        return fetchFamilyWorks(win).then(function () {
          return abortCancels(win);
        });
      });
    });
  });

  describe('an engine whose ReadableStream has no TransformStream (Chrome 52–66, Safari 10.1–14.0)', function () {
    it('the full script: the streams family replaced whole, and with it the engine\'s fetch (its bodies would be of the old family)', function () {
      return inFrame([STREAMS_WITHOUT_TRANSFORM, recordBefore(FAMILY_NAMES), POLYFILL], function (win) {
        expectOurs(win, STREAMS.concat(FOUR));
        expectAbortPair(win);
        return fetchFamilyWorks(win).then(function () {
          return streamsFamilyWorks(win);
        });
      });
    });

    it('the core script (which installs no streams) keeps a whole native fetch family', function () {
      return inFrame([STREAMS_WITHOUT_TRANSFORM, recordBefore(FAMILY_NAMES)].concat(CORE), function (win) {
        if (isNativeCode(win.__before.fetch)) expectKept(win, FOUR.concat(['ReadableStream', 'AbortController', 'AbortSignal']));
        else expectOurs(win, FOUR); // no native fetch here: all of it is retrofetch's
        return fetchFamilyWorks(win);
      });
    });
  });

  it('the core script, in the engine as it is, keeps every working native family', function () {
    return inFrame([recordBefore(FAMILY_NAMES)].concat(CORE), function (win) {
      if (g.__retrofetchNatives) expectKept(win, FAMILY_NAMES);
      [FOUR, STREAM_CLASSES].forEach(function (family) { expectWhole(family, win.__before, win); });
      return fetchFamilyWorks(win);
    });
  });

  // Each script, loaded again (or the core script after the full one), changes nothing, whatever the engine had.
  var AGAIN = FAMILY_NAMES.concat(['FormData', 'DOMException', 'TextDecoder', 'TextEncoder', 'Promise']);
  var SETUPS: Array<[string, string[]]> = [['the engine as it is', []], ['modelled on QtWebKit', [QTWEBKIT_LIKE]],
    ['modelled on jsdom', [JSDOM_LIKE]], ['no TransformStream', [STREAMS_WITHOUT_TRANSFORM]], ['no AbortController', [NO_ABORT]]];
  SETUPS.forEach(function (setup) {
    it('a second load changes nothing: ' + setup[0] + ' (full then full, core then core, full then core)', function () {
      var pairs = [[[POLYFILL], [POLYFILL + '?again=1']], [CORE, ['/base/dist/retrofetch.core.js?again=1']],
        [[POLYFILL], ['/base/dist/retrofetch.core.js?after=full']]];
      return pairs.reduce(function (done: Promise<void>, pair) {
        return done.then(function () {
          return inFrame(setup[1].concat(pair[0], [recordBefore(AGAIN)], pair[1]), function (win) {
            expectKept(win, AGAIN);
          });
        });
      }, Promise.resolve());
    });
  });
});
