// fetch() and AbortSignal end to end (issue 4): every moment an abort can land, the reasons it carries, timeouts,
// any(), what the server sees (/api/hang records when its connection closes), and what retrofetch leaves behind.
import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause, requireBodyStreams, engineOwn } from '../support/harness';
import { frameWith, WITH_NATIVE_SIGNALS } from '../support/frames';
import { rejection } from '../support/assert';
import {
  countersOf, requireCounters, Counters, delay, waitFor, hangOpened, hangClosed, rawJson, uid, latencies, installXHRSpy, XHRSpy,
  CLOSE_WAIT_MS
} from '../support/abort';

function now(): number {
  return new Date().getTime();
}

function text(bytes: Uint8Array): string {
  var s = '';
  for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** Reads until at least `wanted` characters arrived. */
function readText(reader: ReadableStreamDefaultReader<Uint8Array>, wanted: number, got?: string): Promise<string> {
  var sofar = got || '';
  if (sofar.length >= wanted) return Promise.resolve(sofar);
  return reader.read().then(function (result) {
    if (result.done) throw new Error('the body ended after ' + JSON.stringify(sofar));
    return readText(reader, wanted, sofar + text(result.value));
  });
}

var xhrHasTimeout = (function () {
  try {
    return 'timeout' in new XMLHttpRequest();
  } catch (e) {
    return false;
  }
})();

suite('fetch abort', function (impl) {
  var fetch = impl.fetch;
  var AbortController = impl.AbortController;
  var AbortSignal = impl.AbortSignal;
  var hasTimeout = typeof (AbortSignal as any).timeout === 'function';
  var hasAny = typeof (AbortSignal as any).any === 'function';
  var nativeSignals = impl.name === 'polyfill' && typeof engineOwn('AbortController') === 'function';
  var engine = navigator.userAgent.replace(/^.*?(PhantomJS|HeadlessChrome|Chrome|Firefox|Version\/[\d.]+ Safari|Safari)[\/ ]?([\d.]*).*$/, '$1 $2');
  var baseline: Counters | null = null;
  // Whether this fetch rejects an abort after the request started with signal.reason (older natives: their own
  // AbortError). Probed, never assumed from a browser's name; retrofetch must always.
  var reasonsPropagate = true;
  var differences: string[] = [];

  before(function () {
    baseline = countersOf(impl);
    if (impl.name === 'polyfill') return undefined;
    var controller = new AbortController();
    var pending = rejection(fetch('/api/slow-headers?ms=2000', { signal: controller.signal }));
    return delay(50).then(function () {
      controller.abort('probe');
      return pending;
    }).then(function (e) {
      reasonsPropagate = e === 'probe';
    });
  });

  after(function () {
    var mine = latencies.filter(function (l) { return l.pass === impl.name; });
    if (mine.length > 0) {
      console.log('[abort latency] ' + engine + ' (' + impl.name + '): ' + mine.map(function (l) {
        return l.moment + ' ' + l.ms + ' ms';
      }).join(', '));
    }
    if (differences.length > 0) console.log('[abort differences] ' + engine + ' (' + impl.name + '): ' + differences.join('; '));
  });

  function note(difference: string): void {
    if (differences.indexOf(difference) < 0) differences.push(difference);
  }

  /**
   * `e` is the abort reason, as the spec has it; a native that rejects with its own AbortError instead (probed
   * above, or `nativeAbortError` for a known case) is noted as an engine difference.
   */
  function expectReason(e: any, reason: unknown, where: string, nativeAbortError?: boolean): void {
    if (impl.name === 'polyfill' || (reasonsPropagate && !(nativeAbortError && e !== reason))) {
      expect(e).to.equal(reason);
      return;
    }
    expect(e).to.be.an.instanceof(impl.DOMException);
    expect(e.name).to.equal('AbortError');
    note(where + ' rejects with an AbortError DOMException, not signal.reason');
  }

  /** A TimeoutError DOMException that is the signal's reason (see expectReason for older natives). */
  function expectTimeoutReason(e: any, signal: AbortSignal, where: string): void {
    expectReason(e, signal.reason, where);
    if (impl.name === 'polyfill' || reasonsPropagate) {
      expect(e).to.be.an.instanceof(impl.DOMException);
      expect(e.name).to.equal('TimeoutError');
    }
  }

  // A close later than this is logged with the suite's differences (the engine's socket, not the script: see
  // CLOSE_WAIT_MS, which is how long the server is given to see it).
  var LATE_CLOSE_MS = 1000;

  /** The server saw the connection of /api/hang `id` closed by the client; records abort() → close latency. */
  function expectClosed(id: string, abortedAt: number, moment: string): Promise<void> {
    return hangClosed(id).then(function (state) {
      expect(state.known, 'the server got the request').to.equal(true);
      expect(state.closed, 'the server saw the connection close within ' + CLOSE_WAIT_MS + ' ms of abort() (' +
        state.requests + ' request(s) for this id)').to.equal(true);
      expect(state.closedBy).to.equal('client');
      var ms = state.closedAt - abortedAt;
      latencies.push({ moment: moment, pass: impl.name, ms: ms });
      if (ms > LATE_CLOSE_MS) note('the engine closed the connection only ' + ms + ' ms after abort() (' + moment + ')');
    });
  }

  /** With retrofetch: no XHR, abort listener or timer left over (the counters are back where the suite began). */
  function expectNothingLeft(): Promise<void> {
    if (baseline === null) return Promise.resolve();
    var base = baseline;
    return waitFor(function () {
      var c = countersOf(impl)!;
      return c.liveXHRs === base.liveXHRs && c.liveListeners === base.liveListeners && c.liveTimers === base.liveTimers;
    }, 2000, 'the counters to return to ' + JSON.stringify(base)).then(null, function (e) {
      throw new Error(e.message + ', they are ' + JSON.stringify(countersOf(impl)));
    });
  }

  describe('before the request is sent', function () {
    it('an aborted signal rejects with its reason (the default AbortError, an object, a string); nothing is sent', function () {
      this.timeout(10000);
      var custom = { custom: 'reason' };
      var cases: Array<{ signal: AbortSignal; reason: unknown }> = [];
      var controller = new AbortController();
      controller.abort();
      cases.push({ signal: controller.signal, reason: controller.signal.reason });
      cases.push({ signal: AbortSignal.abort(custom), reason: custom });
      cases.push({ signal: AbortSignal.abort('a string'), reason: 'a string' });
      var id = uid('never-sent-' + impl.name);
      return Promise.all(cases.map(function (c) {
        return rejection(fetch('/api/hang?id=' + id, { signal: c.signal })).then(function (e) {
          expect(e).to.equal(c.reason);
        });
      })).then(function () {
        expect(cases[0].reason).to.be.an.instanceof(impl.DOMException);
        expect((cases[0].reason as any).name).to.equal('AbortError');
        return delay(300);
      }).then(function () {
        return rawJson('/api/closed?id=' + id);
      }).then(function (state) {
        expect(state.known, 'the server never got the request').to.equal(false);
        return expectNothingLeft();
      });
    });

    it('a Request whose signal is aborted rejects the same way', function () {
      var request = new impl.Request('/api/echo', { signal: AbortSignal.abort('from the request') });
      return rejection(fetch(request)).then(function (e) {
        expect(e).to.equal('from the request');
      });
    });

    itPolyfillOnly(impl, 'aborting while the request body is still being read: rejects, cancels the body with the reason, sends nothing',
      'native fetch streams an upload as it sends it (Chromium needs HTTP/2 for that); retrofetch reads it first', function () {
        if (typeof impl.ReadableStream !== 'function') return skipBecause(this, 'this pass has no ReadableStream');
        var cancelled: unknown[] = [];
        var body = new impl.ReadableStream({
          start: function (c: any) { c.enqueue(new Uint8Array([1, 2, 3])); },
          cancel: function (reason: unknown) { cancelled.push(reason); }
        });
        var controller = new AbortController();
        var id = uid('upload-' + impl.name);
        var pending = rejection(fetch('/api/hang?id=' + id, { method: 'POST', body: body, duplex: 'half', signal: controller.signal } as any));
        return delay(50).then(function () {
          controller.abort('stop the upload');
          return pending;
        }).then(function (e) {
          expect(e).to.equal('stop the upload');
          expect(cancelled).to.deep.equal(['stop the upload']);
          return rawJson('/api/closed?id=' + id);
        }).then(function (state) {
          expect(state.known).to.equal(false);
          return expectNothingLeft();
        });
      });
  });

  describe('while waiting for the headers', function () {
    [{ label: 'a custom object', reason: { custom: true } }, { label: 'a string', reason: 'why not' }, { label: 'no reason', reason: undefined }]
      .forEach(function (c) {
        it('rejects with the reason (' + c.label + ') and closes the connection (the server sees it)', function () {
          this.timeout(20000);
          var controller = new AbortController();
          var id = uid('headers-' + impl.name);
          var pending = rejection(fetch('/api/hang?id=' + id, { signal: controller.signal }));
          var abortedAt = 0;
          return hangOpened(id).then(function () {
            abortedAt = now();
            controller.abort(c.reason);
            return pending;
          }).then(function (e) {
            expectReason(e, controller.signal.reason, 'fetch() waiting for headers');
            if (c.reason === undefined) {
              expect(e).to.be.an.instanceof(impl.DOMException);
              expect(e.name).to.equal('AbortError');
            }
            return expectClosed(id, abortedAt, 'headers');
          }).then(expectNothingLeft);
        });
      });
  });

  describe('while the body streams', function () {
    it('the reader\'s read() and closed reject with the reason; the server sees the connection close', function () {
      requireBodyStreams(this, impl);
      this.timeout(20000);
      var controller = new AbortController();
      var id = uid('body-' + impl.name);
      var reason = { during: 'body' };
      var abortedAt = 0;
      var reader: ReadableStreamDefaultReader<Uint8Array>;
      return fetch('/api/hang?headers=1&body=abc&id=' + id, { signal: controller.signal }).then(function (response) {
        expect(response.status).to.equal(200);
        reader = response.body!.getReader();
        return readText(reader, 3);
      }).then(function (first) {
        expect(first).to.equal('abc');
        abortedAt = now();
        controller.abort(reason);
        return Promise.all([rejection(reader.read()), rejection(reader.closed)]);
      }).then(function (errors) {
        expectReason(errors[0], reason, 'a body reader\'s read()');
        expectReason(errors[1], reason, 'a body reader\'s closed');
        return expectClosed(id, abortedAt, 'body');
      }).then(expectNothingLeft);
    });

    it('a text() in progress rejects with the reason', function () {
      this.timeout(20000);
      var controller = new AbortController();
      var id = uid('text-' + impl.name);
      var abortedAt = 0;
      return fetch('/api/hang?headers=1&body=abc&id=' + id, { signal: controller.signal }).then(function (response) {
        var pending = rejection(response.text());
        return delay(100).then(function () {
          abortedAt = now();
          controller.abort('text stopped');
          return pending;
        });
      }).then(function (e) {
        // Firefox rejects a text() in progress with its own AbortError (its stream reader gets the reason).
        expectReason(e, 'text stopped', 'a text() in progress', true);
        return expectClosed(id, abortedAt, 'text()');
      }).then(expectNothingLeft);
    });
  });

  describe('after the response, before its body is read', function () {
    it('reading the body rejects with the reason (the stream stays readable until drained)', function () {
      var controller = new AbortController();
      return fetch('/api/echo?unread=1', { signal: controller.signal }).then(function (response) {
        controller.abort('too late for the body');
        return rejection(response.text());
      }).then(function (e) {
        expectReason(e, 'too late for the body', 'text() after the abort');
        return expectNothingLeft();
      });
    });

    itPolyfillOnly(impl, 'an empty body that has ended is not errored (closed with an empty queue)',
      'Firefox errors even a body that ended empty (WPT fetch/api/abort/general.any.js expects it closed)', function () {
        requireBodyStreams(this, impl);
        var controller = new AbortController();
        return fetch('/api/empty', { signal: controller.signal }).then(function (response) {
          // As in WPT fetch/api/abort/general.any.js: read a clone whole so the end has surely arrived.
          return response.clone().text().then(function () {
            var reader = response.body!.getReader();
            controller.abort();
            return reader.read();
          });
        }).then(function (result) {
          expect(result.done).to.equal(true);
          return expectNothingLeft();
        });
      });
  });

  describe('after completion', function () {
    it('nothing happens: the body was read, no error anywhere, the signal just aborts', function () {
      var controller = new AbortController();
      var response: Response;
      return fetch('/api/echo?done=1', { signal: controller.signal }).then(function (r) {
        response = r;
        return r.json();
      }).then(function (echo) {
        expect(echo.method).to.equal('GET');
        return expectNothingLeft();
      }).then(function () {
        controller.abort('after the end');
        expect(response.bodyUsed).to.equal(true);
        return delay(100);
      }).then(expectNothingLeft);
    });
  });

  describe('AbortSignal.timeout()', function () {
    before(function () {
      if (!hasTimeout) return skipBecause(this, "this pass's AbortSignal has no timeout()");
    });

    it('against a slow endpoint: rejects with a TimeoutError DOMException, at its time', function () {
      this.timeout(10000);
      var started = now();
      var signal = AbortSignal.timeout(300);
      return rejection(fetch('/api/slow-headers?ms=4000', { signal: signal })).then(function (e) {
        var elapsed = now() - started;
        expectTimeoutReason(e, signal, 'a fetch() timed out');
        expect(elapsed).to.be.at.least(250);
        expect(elapsed).to.be.below(3000);
        return expectNothingLeft();
      });
    });

    it('the rejection is the signal\'s reason, and the server sees the connection close', function () {
      this.timeout(20000);
      var signal = AbortSignal.timeout(400);
      var id = uid('timeout-' + impl.name);
      var abortedAt = 0;
      var pending = rejection(fetch('/api/hang?id=' + id, { signal: signal }));
      return hangOpened(id).then(function () {
        return pending;
      }).then(function (e) {
        abortedAt = now();
        expectTimeoutReason(e, signal, 'a fetch() timed out');
        return hangClosed(id);
      }).then(function (state) {
        expect(state.closed).to.equal(true);
        expect(state.closedBy).to.equal('client');
        latencies.push({ moment: 'timeout (reject→close)', pass: impl.name, ms: state.closedAt - abortedAt });
        return expectNothingLeft();
      });
    });

    it('during the body: the stream errors with the TimeoutError', function () {
      requireBodyStreams(this, impl);
      this.timeout(10000);
      var reader: ReadableStreamDefaultReader<Uint8Array>;
      var signal = AbortSignal.timeout(500);
      return fetch('/api/hang?headers=1&body=abc&id=' + uid('timeout-body-' + impl.name), { signal: signal }).then(function (r) {
        reader = r.body!.getReader();
        return readText(reader, 3);
      }).then(function () {
        return rejection(reader.read());
      }).then(function (e) {
        expectTimeoutReason(e, signal, 'a body read timed out');
        return expectNothingLeft();
      });
    });

    itPolyfillOnly(impl, 'the XHR\'s own timeout is the backstop: set from the deadline; when it fires, the fetch rejects with the signal\'s TimeoutError',
      'about the XMLHttpRequest under retrofetch', function () {
        if (!xhrHasTimeout) return skipBecause(this, "the engine's XHR has no timeout property");
        if (AbortSignal === engineOwn('AbortSignal')) {
          return skipBecause(this, "this page's AbortSignal is the engine's own (kept: it is complete), whose timeout() deadline " +
            'retrofetch cannot read: its signal aborts the fetch, with no XHR backstop');
        }
        this.timeout(20000);
        // The spy lets the real XHR time out after 150 ms, long before the signal's own 60 s timer.
        var spy = installXHRSpy(150);
        var signal = AbortSignal.timeout(60000);
        var id = uid('backstop-' + impl.name);
        var started = now();
        var pending = rejection(fetch('/api/hang?id=' + id, { signal: signal }));
        spy.restore();
        return pending.then(function (e) {
          spy.over();
          expect(now() - started).to.be.below(10000);
          expect(spy.timeouts.length).to.equal(1);
          expect(spy.timeouts[0]).to.be.within(50000, 60000);
          expect(e).to.be.an.instanceof(impl.DOMException);
          expect(e.name).to.equal('TimeoutError');
          // The same TimeoutError: the signal timed out then (its deadline is what the XHR timeout stood for).
          expect(signal.aborted).to.equal(true);
          expect(e).to.equal(signal.reason);
          return hangClosed(id);
        }).then(function (state) {
          expect(state.closed).to.equal(true);
          return delay(300);
        }).then(function () {
          expect(spy.late).to.deep.equal([]);
          return expectNothingLeft();
        });
      });
  });

  describe('AbortSignal.any()', function () {
    before(function () {
      if (!hasAny || !hasTimeout) return skipBecause(this, "this pass's AbortSignal lacks any() or timeout()");
    });

    it('a controller and a timeout: the controller first gives its reason, and the connection closes', function () {
      this.timeout(20000);
      var controller = new AbortController();
      var timeout = AbortSignal.timeout(2500);
      var signal = AbortSignal.any([timeout, controller.signal]);
      var id = uid('any-' + impl.name);
      var abortedAt = 0;
      var pending = rejection(fetch('/api/hang?id=' + id, { signal: signal }));
      return hangOpened(id).then(function () {
        abortedAt = now();
        controller.abort('the controller');
        return pending;
      }).then(function (e) {
        expectReason(e, 'the controller', 'fetch() with an any() signal');
        return expectClosed(id, abortedAt, 'any()');
      }).then(function () {
        // The timeout signal's timer outlives the fetch (natively too: the signal is the caller's); it then fires.
        return waitFor(function () { return timeout.aborted; }, 5000, 'the 2.5 s timeout');
      }).then(expectNothingLeft);
    });

    it('a quiet controller and a short timeout: TimeoutError', function () {
      this.timeout(10000);
      var signal = AbortSignal.any([new AbortController().signal, AbortSignal.timeout(200)]);
      return rejection(fetch('/api/slow-headers?ms=3000', { signal: signal })).then(function (e) {
        expectTimeoutReason(e, signal, 'fetch() with an any() signal timed out');
        return expectNothingLeft();
      });
    });
  });

  describe('native AbortSignals with retrofetch', function () {
    before(function () {
      if (!nativeSignals) return skipBecause(this, 'the engine has no native AbortSignal');
    });

    // In a frame where retrofetch loaded while the engine's AbortSignal was there (test/support/frames.ts), nothing
    // of retrofetch's left behind afterwards.
    function inFrame(test: (win: any) => Promise<unknown>): Promise<void> {
      return frameWith(WITH_NATIVE_SIGNALS).then(function (frame) {
        var win = frame.win;
        var frameImpl = { fetch: win.fetch } as any;
        var base = countersOf(frameImpl)!;
        var done = function (error: unknown) {
          return waitFor(function () {
            var c = countersOf(frameImpl)!;
            return c.liveXHRs === base.liveXHRs && c.liveListeners === base.liveListeners && c.liveTimers === base.liveTimers;
          }, 2000, 'the frame\'s counters to return to ' + JSON.stringify(base)).then(function () {
            frame.remove();
            if (error) throw error;
          }, function (e) {
            frame.remove();
            throw error || e;
          });
        };
        return test(win).then(function () { return done(null); }, done);
      });
    }

    itPolyfillOnly(impl, 'a native signal passed to retrofetch\'s fetch aborts it, with its reason; the server sees the close',
      'hands the engine\'s signal to retrofetch', function () {
        this.timeout(20000);
        return inFrame(function (win) {
          var controller = new win.__NativeAbortController();
          var id = uid('native-signal');
          var abortedAt = 0;
          var pending = rejection(win.fetch('/api/hang?id=' + id, { signal: controller.signal }));
          return hangOpened(id).then(function () {
            abortedAt = now();
            controller.abort('native reason');
            return pending;
          }).then(function (e) {
            expect(e).to.equal('native reason');
            return expectClosed(id, abortedAt, 'native signal');
          });
        });
      });

    itPolyfillOnly(impl, 'any() of a native signal and ours, passed to fetch', 'mixes the engine\'s signals with retrofetch\'s', function () {
      this.timeout(20000);
      return inFrame(function (win) {
        var native = new win.__NativeAbortController();
        var signal = win.AbortSignal.any([new win.AbortController().signal, native.signal]);
        var id = uid('native-any');
        var pending = rejection(win.fetch('/api/hang?id=' + id, { signal: signal }));
        return hangOpened(id).then(function () {
          native.abort('mixed');
          return pending;
        }).then(function (e) {
          expect(e).to.equal('mixed');
          return hangClosed(id);
        }).then(function (state) {
          expect(state.closed).to.equal(true);
        });
      });
    });
  });

  describe('no late callbacks, nothing left behind', function () {
    var spy: XHRSpy | null = null;
    afterEach(function () {
      if (spy !== null) spy.restore();
      spy = null;
    });

    function settleAndCheck(s: XHRSpy): Promise<void> {
      s.over();
      // Give the engine time to deliver whatever it still would (abort, loadend, late readystatechange).
      return delay(300).then(function () {
        expect(s.late).to.deep.equal([]);
        return expectNothingLeft();
      });
    }

    itPolyfillOnly(impl, 'aborted while waiting for the headers: xhr.abort() called, no handler runs after it',
      'about the XMLHttpRequest under retrofetch', function () {
        this.timeout(20000);
        var s = spy = installXHRSpy();
        var controller = new AbortController();
        var id = uid('spy-headers');
        var pending = rejection(fetch('/api/hang?id=' + id, { signal: controller.signal }));
        s.restore();
        return hangOpened(id).then(function () {
          controller.abort();
          return pending;
        }).then(function () {
          expect(s.created).to.equal(1);
          expect(s.aborted).to.equal(1);
          return settleAndCheck(s);
        });
      });

    itPolyfillOnly(impl, 'aborted while the body streams: xhr.abort() called, no handler runs after it',
      'about the XMLHttpRequest under retrofetch', function () {
        requireBodyStreams(this, impl);
        this.timeout(20000);
        var s = spy = installXHRSpy();
        var controller = new AbortController();
        var reader: ReadableStreamDefaultReader<Uint8Array>;
        var pending = fetch('/api/hang?headers=1&body=abc&id=' + uid('spy-body'), { signal: controller.signal });
        s.restore();
        return pending.then(function (r) {
          reader = r.body!.getReader();
          return readText(reader, 3);
        }).then(function () {
          controller.abort();
          return rejection(reader.read());
        }).then(function () {
          expect(s.aborted).to.equal(1);
          return settleAndCheck(s);
        });
      });

    itPolyfillOnly(impl, 'aborted after completion: no xhr.abort(), no handler runs after the end',
      'about the XMLHttpRequest under retrofetch', function () {
        var s = spy = installXHRSpy();
        var controller = new AbortController();
        var pending = fetch('/api/echo?spy=1', { signal: controller.signal });
        s.restore();
        return pending.then(function (r) {
          return r.text();
        }).then(function () {
          controller.abort();
          expect(s.aborted).to.equal(0);
          return settleAndCheck(s);
        });
      });

    itPolyfillOnly(impl, 'timed out (AbortSignal.timeout): no handler runs after it',
      'about the XMLHttpRequest under retrofetch', function () {
        if (!hasTimeout) return skipBecause(this, "this pass's AbortSignal has no timeout()");
        this.timeout(20000);
        var s = spy = installXHRSpy();
        var pending = rejection(fetch('/api/hang?id=' + uid('spy-timeout'), { signal: AbortSignal.timeout(300) }));
        s.restore();
        return pending.then(function (e) {
          expect(e.name).to.equal('TimeoutError');
          return settleAndCheck(s);
        });
      });

    itPolyfillOnly(impl, 'a long-lived signal used by 20 fetches in a row keeps nothing once they are done',
      'counts retrofetch\'s internal listeners', function () {
        this.timeout(20000);
        requireCounters(this, impl);
        var controller = new AbortController();
        var chain: Promise<unknown> = Promise.resolve();
        for (var i = 0; i < 20; i++) {
          chain = chain.then(function () {
            return fetch('/api/echo?n=' + i, { signal: controller.signal }).then(function (r) { return r.text(); });
          });
        }
        return chain.then(expectNothingLeft).then(function () {
          // Responses nobody reads keep nothing on the signal once their bodies have arrived.
          return Promise.all([fetch('/api/echo?unread=2', { signal: controller.signal }), fetch('/api/bytes', { signal: controller.signal })]);
        }).then(function (responses) {
          return waitFor(function () { return countersOf(impl)!.liveListeners === baseline!.liveListeners; }, 3000, 'unread responses to let go')
            .then(function () {
              controller.abort('late');
              return rejection(responses[1].arrayBuffer());
            });
        }).then(function (e) {
          expect(e).to.equal('late');
          return expectNothingLeft();
        });
      });
  });
});
