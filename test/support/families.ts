// For the install tests of the families (issue 19): a fresh frame (./frames.ts) is made partial as real engines are,
// before a standalone script loads, and then asked whether each family works together. Each check resolves through
// a promise of this realm (the frame's promise jobs stop once the frame is removed).
import { expect } from 'chai';
import { hangOpened, hangClosed } from './abort';
import { uid } from './assert';
import { frameWith } from './frames';

export var POLYFILL = '/base/dist/retrofetch.polyfill.js';
/** The core script, after a Promise that runs its callbacks as microtasks where the frame has none (README). */
export var CORE = ['/base/node_modules/promise-polyfill/dist/polyfill.min.js', '/base/test/setup/microtask-promise.js',
  '/base/dist/retrofetch.core.js'];

export var FETCH_FAMILY = ['fetch', 'Headers', 'Request', 'Response'];
export var STREAMS_FAMILY = ['ReadableStream', 'WritableStream', 'TransformStream', 'ByteLengthQueuingStrategy',
  'CountQueuingStrategy', 'TextDecoderStream', 'TextEncoderStream'];
export var NAMES = FETCH_FAMILY.concat(STREAMS_FAMILY, ['AbortController', 'AbortSignal']);

/** A frame step that deletes `names` and the Headers members `headersMembers` (`@@iterator`: Symbol.iterator). */
function partial(names: string[], headersMembers?: string[]): string {
  return 'code:(function (w) {' +
    JSON.stringify(names) + '.forEach(function (n) { delete w[n]; });' +
    'var members = ' + JSON.stringify(headersMembers || []) + ';' +
    'if (w.Headers) members.forEach(function (m) { delete w.Headers.prototype[m === "@@iterator" ? w.Symbol.iterator : m]; });' +
    '})(window);';
}

// Modelled on QtWebKit 5.212 (the Safari 10.0 generation, measured: shared LAB.md): a Headers without forEach or an
// iterator, a Request, WebKit's ReadableStream and WritableStream; no fetch, Response, TransformStream, text streams,
// text codecs or AbortController.
export var QTWEBKIT_LIKE = partial(['fetch', 'Response', 'AbortController', 'AbortSignal', 'TransformStream',
  'TextDecoderStream', 'TextEncoderStream', 'TextDecoder', 'TextEncoder'], ['forEach', 'entries', 'keys', 'values', '@@iterator']);

// Modelled on jsdom 26: its own Headers, AbortController, AbortSignal and FormData; no fetch, Request, Response,
// streams or text codecs.
export var JSDOM_LIKE = partial(['fetch', 'Request', 'Response'].concat(STREAMS_FAMILY, ['TextDecoder', 'TextEncoder']));

// An engine whose ReadableStream and WritableStream have no TransformStream (Chrome 52–66, Safari 10.1–14.0).
export var STREAMS_WITHOUT_TRANSFORM = partial(['TransformStream', 'TextDecoderStream', 'TextEncoderStream']);

// An engine with fetch but no AbortController (Chrome 42–65, Firefox 39–56, Safari 10.1–11.0, Edge 14–15).
export var NO_ABORT = partial(['AbortController', 'AbortSignal']);

/** A frame step that records `names` as they are at that point, in `window.__before`. */
export function recordBefore(names: string[]): string {
  return 'code:window.__before = {};' + JSON.stringify(names) + '.forEach(function (n) { window.__before[n] = window[n]; });';
}

export function isNativeCode(value: unknown): boolean {
  return typeof value === 'function' && /\[native code\]/.test(Function.prototype.toString.call(value));
}

/** Each of `names` is retrofetch's in `win`: a function that is not the engine's, and not what was there before. */
export function expectOurs(win: any, names: string[]): void {
  names.forEach(function (n) {
    expect(typeof win[n], n).to.equal('function');
    expect(isNativeCode(win[n]), n + ' is retrofetch\'s').to.equal(false);
    expect(win[n] !== win.__before[n], n + ' replaced').to.equal(true);
  });
}

/** Each of `names` is what it was before the scripts in `win`. */
export function expectKept(win: any, names: string[]): void {
  names.forEach(function (n) { expect(win[n] === win.__before[n], n + ' kept').to.equal(true); });
}

/**
 * The frame's fetch family works together: Headers iterate, the headers of Requests and Responses are the frame's
 * Headers, and fetch(new Request(url, init)) (axios's fetch adapter) sends what the Request says.
 */
export function fetchFamilyWorks(win: any): Promise<void> {
  return new Promise<void>(function (resolve, reject) {
    var names: string[] = [];
    new win.Headers([['b', '2'], ['a', '1']]).forEach(function (_value: string, name: string) { names.push(name); });
    expect(names.join(), 'Headers forEach').to.equal('a,b');
    expect(new win.Response('x').headers instanceof win.Headers, 'new Response().headers instanceof Headers').to.equal(true);
    expect(new win.Request('/x').headers instanceof win.Headers, 'new Request().headers instanceof Headers').to.equal(true);
    win.fetch(new win.Request('/api/echo?family=frame', { method: 'POST', body: 'hi' })).then(function (response: any) {
      expect(response instanceof win.Response, 'fetch() gives a Response').to.equal(true);
      expect(response.headers instanceof win.Headers, 'its headers').to.equal(true);
      return response.json();
    }).then(function (echo: any) {
      expect(echo.url).to.equal('/api/echo?family=frame');
      expect(echo.method).to.equal('POST');
      expect(echo.body).to.equal('aGk='); // "hi"
    }).then(resolve, reject);
  });
}

var STREAM = '/api/stream?chunks=3&interval=20&size=8';
var STREAM_TEXT = '0:aaaaa\n1:bbbbb\n2:ccccc\n';

function readAll(reader: any, out: string[]): Promise<string> {
  return reader.read().then(function (result: any) {
    if (result.done) return out.join('');
    out.push(result.value);
    return readAll(reader, out);
  });
}

/**
 * The frame's streams family pipes with its fetch: response.body is the frame's ReadableStream and pipes through
 * the frame's TextDecoderStream and TransformStream, and a piped stream makes a Response again.
 */
export function streamsFamilyWorks(win: any): Promise<void> {
  return new Promise<void>(function (resolve, reject) {
    win.fetch(STREAM).then(function (response: any) {
      expect(response.body instanceof win.ReadableStream, 'response.body instanceof ReadableStream').to.equal(true);
      return readAll(response.body.pipeThrough(new win.TextDecoderStream()).getReader(), []);
    }).then(function (text: string) {
      expect(text, 'through TextDecoderStream').to.equal(STREAM_TEXT);
      return win.fetch(STREAM);
    }).then(function (response: any) {
      return new win.Response(response.body.pipeThrough(new win.TransformStream())).text();
    }).then(function (text: string) {
      expect(text, 'through TransformStream, then new Response(stream)').to.equal(STREAM_TEXT);
    }).then(resolve, reject);
  });
}

/** fetch(url, { signal }) in the frame really aborts: it rejects with an AbortError and the server sees the close. */
export function abortCancels(win: any): Promise<void> {
  var id = uid('family-abort');
  var controller = new win.AbortController();
  var outcome: any = null;
  var settled = new Promise<void>(function (resolve) {
    win.fetch('/api/hang?id=' + id, { signal: controller.signal }).then(function () {
      outcome = 'fulfilled';
      resolve();
    }, function (error: any) {
      outcome = error;
      resolve();
    });
  });
  return hangOpened(id).then(function () {
    controller.abort();
    return settled;
  }).then(function () {
    expect(outcome && outcome.name, 'the rejection').to.equal('AbortError');
    return hangClosed(id);
  }).then(function (state: any) {
    expect(state.closed, 'the server saw the connection close').to.equal(true);
    expect(state.closedBy).to.equal('client');
  });
}

/** Runs `check` on a fresh frame made by `steps` (./frames.ts), and removes the frame either way. */
export function inFrame(steps: string[], check: (win: any) => Promise<void> | void): Promise<void> {
  return frameWith(steps).then(function (frame) {
    return new Promise<void>(function (resolve) { resolve(check(frame.win)); }).then(function () {
      frame.remove();
    }, function (error: unknown) {
      frame.remove();
      throw error;
    });
  });
}
