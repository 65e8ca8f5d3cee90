// Helpers for the abort tests: retrofetch's internal counters, raw-XHR queries of the test server (so they do not
// count as retrofetch requests), a spy XMLHttpRequest, and small promise utilities.
import { Impl, skipBecause } from './harness';

var g: any = typeof self !== 'undefined' ? self : window;

export interface Counters {
  liveXHRs: number;
  liveListeners: number;
  liveTimers: number;
}

/**
 * retrofetch's internal counters (src/env/debug-counters.ts), or null for a native fetch and for the shipped file
 * (only the instrumented build counts; PhantomJS runs the shipped one).
 */
export function countersOf(impl: Impl): Counters | null {
  // The string key where retrofetch found no usable Symbol (a Symbol polyfill in the page does not count there).
  var read = (impl.fetch as any)['@@retrofetch.counters'];
  if (typeof read !== 'function' && typeof Symbol === 'function' && typeof (Symbol as any)['for'] === 'function') {
    read = (impl.fetch as any)[(Symbol as any)['for']('retrofetch.counters')];
  }
  return typeof read === 'function' ? read() : null;
}

/** The counters, or a skip with its reason where this pass has none (the shipped file). */
export function requireCounters(context: Mocha.Context, impl: Impl): Counters {
  var counters = countersOf(impl);
  if (counters === null) skipBecause(context, 'the shipped file has no test counters (the instrumented build has)');
  return counters!;
}

export function delay(ms: number): Promise<void> {
  return new Promise(function (resolve) { setTimeout(resolve, ms); });
}

/** Polls `check` every 20 ms until it returns true, or rejects after `ms` with `message`. */
export function waitFor(check: () => boolean, ms: number, message: string): Promise<void> {
  var until = new Date().getTime() + ms;
  return new Promise<void>(function (resolve, reject) {
    (function poll() {
      if (check()) return resolve();
      if (new Date().getTime() > until) return reject(new Error('timed out waiting: ' + message));
      setTimeout(poll, 20);
    })();
  });
}

/** GET `url` with a raw XMLHttpRequest (the saved native one) and parse the JSON answer. */
export function rawJson(url: string): Promise<any> {
  return new Promise(function (resolve, reject) {
    var x = new RealXHR();
    x.open('GET', url, true);
    x.onreadystatechange = function () {
      if (x.readyState !== 4) return;
      if (x.status !== 200) return reject(new Error(url + ': status ' + x.status));
      try {
        resolve(JSON.parse(x.responseText));
      } catch (e) {
        reject(new Error(url + ': not JSON: ' + x.responseText.slice(0, 200)));
      }
    };
    x.send(null);
  });
}

var RealXHR: any = g.XMLHttpRequest;

export { uid } from './assert';

/** Resolves once the test server has the /api/hang request `id` open. */
export function hangOpened(id: string): Promise<any> {
  var tries = 0;
  function ask(): Promise<any> {
    return rawJson('/api/closed?id=' + encodeURIComponent(id)).then(function (state) {
      if (state.known && !state.closed) return state;
      if (++tries > 250) throw new Error('the hang request ' + id + ' never reached the server');
      return delay(20).then(ask);
    });
  }
  return ask();
}

/**
 * How long a test waits for the server to see a connection close after the client let it go (abort(), close(), a
 * timeout). The engine closes the socket, not the script: retrofetch calls xhr.abort() at once, and engines close
 * within milliseconds (the abort suite logs the latencies), but on a loaded 2-core machine Chromium has twice taken
 * more than 5 s (CI, 2026-12-08: its own fetch through the grid, and an XHR under retrofetch's EventSource.close()).
 * A test that waits this long needs a timeout above it (20 s).
 */
export var CLOSE_WAIT_MS = 10000;

/** The server's record of /api/hang `id` once its connection closed (or after `wait` ms, default CLOSE_WAIT_MS). */
export function hangClosed(id: string, wait?: number): Promise<any> {
  return rawJson('/api/closed?id=' + encodeURIComponent(id) + '&wait=' + (wait === undefined ? CLOSE_WAIT_MS : wait));
}

/** Abort latency samples (abort() to the server seeing the close), printed by the abort suite's after() hook. */
export var latencies: Array<{ moment: string; pass: string; ms: number }> = [];

export interface XHRSpy {
  created: number;
  aborted: number;
  /** Handler calls (by the engine, into retrofetch) after abort() was called or after the test marked the end. */
  late: string[];
  /** The `timeout` values retrofetch set. */
  timeouts: number[];
  /** Marks the request as over for the test: any handler call from now on is late. */
  over(): void;
  restore(): void;
}

var HANDLERS = ['onreadystatechange', 'onprogress', 'onload', 'onerror', 'onabort', 'ontimeout', 'onloadend', 'onloadstart'];

/**
 * Replaces XMLHttpRequest with a spy over the real one: a stand-in object that forwards everything and records any
 * event handler retrofetch left set that the engine calls after abort() (or after `over()`), and reads of `status`
 * after abort(). `shortenTimeoutTo` sets the real XHR's timeout to that many ms, whatever retrofetch asked for.
 */
export function installXHRSpy(shortenTimeoutTo?: number): XHRSpy {
  var spy: XHRSpy = {
    created: 0, aborted: 0, late: [], timeouts: [],
    over: function () { ended = true; },
    restore: function () { g.XMLHttpRequest = RealXHR; }
  };
  var ended = false;
  g.XMLHttpRequest = function XMLHttpRequest(this: any) {
    var real = new RealXHR();
    var abortedHere = false;
    spy.created++;
    var standIn: any = {
      open: function (method: string, url: string, async: boolean) { real.open(method, url, async); },
      setRequestHeader: function (name: string, value: string) { real.setRequestHeader(name, value); },
      overrideMimeType: function (type: string) { real.overrideMimeType(type); },
      getAllResponseHeaders: function () { return real.getAllResponseHeaders(); },
      getResponseHeader: function (name: string) { return real.getResponseHeader(name); },
      send: function (body: unknown) { real.send(body === undefined ? null : body); },
      abort: function () {
        abortedHere = true;
        spy.aborted++;
        real.abort();
      },
      upload: real.upload
    };
    var fields = ['readyState', 'status', 'statusText', 'responseText', 'responseURL'];
    fields.forEach(function (name) {
      Object.defineProperty(standIn, name, {
        get: function () {
          if (name === 'status' && (abortedHere || ended)) spy.late.push('status read after the end');
          return real[name];
        }
      });
    });
    Object.defineProperty(standIn, 'withCredentials', {
      get: function () { return real.withCredentials; },
      set: function (v: boolean) { real.withCredentials = v; }
    });
    if ('timeout' in real) {
      Object.defineProperty(standIn, 'timeout', {
        get: function () { return real.timeout; },
        set: function (v: number) {
          spy.timeouts.push(v);
          real.timeout = shortenTimeoutTo !== undefined ? shortenTimeoutTo : v;
        }
      });
    }
    HANDLERS.forEach(function (name) {
      standIn[name] = null;
      real[name] = function (event: unknown) {
        var handler = standIn[name];
        if (typeof handler !== 'function') return;
        if (abortedHere || ended) spy.late.push(name + ' after the end');
        handler.call(standIn, event);
      };
    });
    return standIn;
  } as any;
  return spy;
}
