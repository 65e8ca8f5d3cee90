// Every host fact retrofetch depends on, probed once, one named boolean each (STYLE habit 4). Each probe is marked
// pure, so that a bundle drops the ones its imports do not read (the tree-shakable ES modules).
// "Present but broken" counts as missing: each probe exercises the feature, not just its name.
import { globalObject as g } from './global';

/** Whether `probe` returns a truthy value without throwing (a probe that throws: the feature fails). */
export function works(probe: () => unknown): boolean {
  try {
    return !!probe();
  } catch (e) {
    return false;
  }
}

// A Symbol, the engine's or a polyfill's: core-js's Symbol() is an object, and its Symbol.iterator and
// Symbol.toStringTag work as keys (its iterators and Object.prototype.toString honour them).
// (Only a function can be called: no typeof check of Symbol itself.)
export const supportsSymbol = /*#__PURE__*/ works(function () {
  var type = typeof Symbol('x');
  return type === 'symbol' || type === 'object';
});

// Arrays must actually be iterable (Duktape has Symbol.iterator but no Array.prototype[@@iterator]).
export const supportsSymbolIterator = supportsSymbol && /*#__PURE__*/ works(function () {
  return typeof ([] as any)[Symbol.iterator]().next === 'function';
});

export const supportsSymbolToStringTag = supportsSymbol && Symbol.toStringTag != null;

export const supportsSymbolAsyncIterator = supportsSymbol && /*#__PURE__*/ works(function () { return (Symbol as any).asyncIterator; });

// Typed arrays. Old WebKit's constructors are of type 'object' (PhantomJS 2.1: typeof Uint8Array), so the probe
// constructs instead of asking typeof.
export const supportsArrayBuffer = /*#__PURE__*/ works(function () {
  return new g.Uint8Array(new g.ArrayBuffer(2)).length === 2;
});

export const supportsBlob = /*#__PURE__*/ works(function () {
  return new g.Blob(['ab']).size === 2;
});

export const supportsURL = /*#__PURE__*/ works(function () {
  return new g.URL('b?c', 'http://a/').href === 'http://a/b?c';
});

// Whether the page's ReadableStream (one with tee()) pipes through `new g[name]()` (its pipeThrough takes only
// streams of its own family: web-streams-polyfill's refuses an engine's TransformStream, and an engine's refuses the
// polyfill's).
function pipesThrough(name: string): boolean {
  return /*#__PURE__*/ works(function () {
    var stream = new g.ReadableStream().pipeThrough(new g[name]());
    return typeof stream.tee === 'function' && stream.getReader();
  });
}

// The page's streams (the engine's, or a stream polyfill the page loaded) are one working family: ReadableStream, and
// TransformStream (with WritableStream) piping with it. Where they are not (WebKit's 2016 ReadableStream and
// WritableStream, with no TransformStream: QtWebKit 5.212, Safari 10–14), the family is web-streams-polyfill's,
// all of it (streams/family.ts).
export const supportsNativeStreams = /*#__PURE__*/pipesThrough('TransformStream');

// The engine's TextDecoderStream and TextEncoderStream belong to that family.
export const supportsNativeTextStreams = supportsNativeStreams && /*#__PURE__*/pipesThrough('TextDecoderStream') && /*#__PURE__*/pipesThrough('TextEncoderStream');

// The engine's TextDecoder decodes UTF-8 with the options retrofetch uses (ignoreBOM, stream).
export const supportsTextDecoder = /*#__PURE__*/ works(function () {
  var decoder = new g.TextDecoder('utf-8', { ignoreBOM: true });
  return decoder.decode(new g.Uint8Array([0xef, 0xbb, 0xbf, 0xe2, 0x82]), { stream: true }) === '\ufeff' &&
    decoder.decode(new g.Uint8Array([0xac])) === '\u20ac';
});

export const supportsTextEncoder = /*#__PURE__*/ works(function () {
  return new g.TextEncoder().encode('\u20ac').length === 3;
});

export const supportsArrayBufferIsView = /*#__PURE__*/ works(function () { return typeof ArrayBuffer.isView === 'function'; });

export const supportsReflectOwnKeys = /*#__PURE__*/ works(function () {
  return g.Reflect.ownKeys({ a: 1 })[0] === 'a';
});

// `new DOMException(message, name)` works (PhantomJS and old WebKit have an uncallable host object, IE none); code
// 20 is the name's.
export const supportsDOMExceptionConstructor = /*#__PURE__*/ works(function () {
  var e = new g.DOMException('m', 'AbortError');
  return e.message === 'm' && e.code === 20;
});

// The engine's Event and MessageEvent can be constructed (with MessageEvent's dictionary), and the fields of one can be
// shadowed by own properties, as retrofetch's EventTarget dispatches an engine's event (src/dom/event-target.ts):
// then an EventSource fires the engine's events. Old WebKit (PhantomJS) and IE construct none.
export const supportsEventConstructors = /*#__PURE__*/ works(function () {
  var event = new g.MessageEvent('message', { data: 0, lastEventId: 'i' });
  Object.defineProperty(event, 'target', { value: g, configurable: true });
  return new g.Event('open').type === 'open' && event.lastEventId === 'i' && event.target === g;
});

// The engine's own AbortSignal `aborted` getter, read here before src/polyfill.ts may install retrofetch's: calling
// it on a value is the engine's brand check for its signals (it throws for anything else, a look-alike included).
export const nativeAbortedGetter: ((this: unknown) => boolean) | null = /*#__PURE__*/ (function () {
  try {
    var getter = Object.getOwnPropertyDescriptor(g.AbortSignal.prototype, 'aborted')!.get;
    return typeof getter === 'function' ? getter : null;
  } catch (e) {
    return null; // no AbortSignal here, or no such accessor
  }
})();

// The engine's AbortController/AbortSignal have what retrofetch's have: abort(reason), throwIfAborted, timeout, any.
export const supportsCompleteAbortController = /*#__PURE__*/ works(function () {
  var controller = new g.AbortController();
  controller.abort('r');
  return controller.signal.reason === 'r' && typeof controller.signal.throwIfAborted === 'function' &&
    typeof g.AbortSignal.timeout === 'function' && typeof g.AbortSignal.any === 'function';
});

// The engine's fetch family is whole: fetch, and Headers, Request and Response that work together. "Present but
// partial" is missing: QtWebKit 5.212 (the Safari 10.0 generation) has a Headers without forEach or an iterator and a
// Request, but no fetch or Response; jsdom has a Headers of its own and nothing else of the family. Either way the
// family is retrofetch's, all four (src/polyfill.ts): a Response of ours must have headers that are the page's Headers.
export const supportsNativeFetch = /*#__PURE__*/ works(function () {
  var headers = new g.Headers([['b', '2'], ['a', '1']]);
  var names: string[] = [];
  headers.forEach(function (_value: string, name: string) { names.push(name); });
  return typeof g.fetch === 'function' && names.join() === 'a,b' &&
    (!supportsSymbolIterator || typeof headers[Symbol.iterator] === 'function') &&
    new g.Request('http://a/', { headers: headers }).headers instanceof g.Headers &&
    new g.Response('').headers instanceof g.Headers;
});

// The engine's fetch honours the engine's AbortController: a Request made with a controller's signal follows it. Not
// so where there is no AbortController (Chrome 42–65, Firefox 39–56, Safari 10.1–11.0, Edge 14–15: their fetch cannot
// be cancelled at all), where the one there is not the engine's (a native fetch refuses, or ignores, any other
// signal), or where Request has no signal (Safari 11.1–12.0 had an AbortController that fetch ignored).
export const supportsNativeFetchAbort = /*#__PURE__*/ works(function () {
  var controller = new g.AbortController();
  var request = new g.Request('http://a/', { signal: controller.signal });
  controller.abort();
  return request.signal.aborted;
});

// The engine's responses have bodies of the page's ReadableStream (Firefox before 65 and Edge before 79 have no
// `body`).
export const supportsNativeBodyStreams = /*#__PURE__*/ works(function () {
  return new g.Response('x').body instanceof g.ReadableStream;
});

// The engine's FormData has the whole current API (get, getAll, set, has, delete, forEach) and keeps a filename:
// PhantomJS and IE 10–11 have only append, so their FormData can be sent but not read.
export const supportsFormData = /*#__PURE__*/ works(function () {
  var form = new g.FormData();
  form.append('a', new g.Blob(['x']), 'f.txt');
  form.set('b', '1');
  var names: string[] = [];
  form.forEach(function (_value: unknown, name: string) { names.push(name); });
  return form.get('a').name === 'f.txt' && form.getAll('b').length === 1 && form.has('b') &&
    typeof form.delete === 'function' && names.join() === 'a,b';
});

// LEGACY(Firefox): an XHR in a worker is a proxy of one on the main thread, and a responseType set at
// HEADERS_RECEIVED there loses the body (measured in Firefox 153): the XHR transport switches to typed responses
// in windows only.
export const supportsLateResponseType = /*#__PURE__*/ works(function () { return g.document; });

// JScript's VBArray, which reads an IE XHR's responseBody (its raw bytes) into an Array.
export const supportsVBArray = /*#__PURE__*/ works(function () { return g.VBArray; });

// LEGACY(old WebKit): overrideMimeType() replaces the Content-Type that the XHR reports (PhantomJS 2.1, QtWebKit 5.212:
// the Safari 10.0 generation). Asked of a blob: URL by a synchronous XHR, which current engines warn about, and whose
// answer is no guide in Firefox (its XHR gives a blob: URL's response the override as its type, an HTTP one not), so
// only in engines of that age: where interface objects are not functions (old WebKit's bindings), or where the engine
// has neither a fetch of its own nor BigInt (2019–20, in every engine since, and no library can add it: core-js adds a
// queueMicrotask that looks native, so QtWebKit with core-js looked modern; old IE's XHR refuses blob: URLs, jsdom has
// none). A fetch made in script (retrofetch's, installed before a second copy of this module runs) says nothing of
// the engine. Elsewhere the answer is taken to be no; an engine that still replaces it gets the override and no
// Content-Type (src/transport/xhr.ts drops the one it reports).
export const overrideReplacesContentType = /*#__PURE__*/ works(function () {
  var enginesFetch = works(function () { return /\[native code\]/.test(Function.prototype.toString.call(g.fetch)); });
  if (typeof g.XMLHttpRequest !== 'object' && (enginesFetch || g.BigInt)) return false;
  var url = g.URL.createObjectURL(new g.Blob(['']));
  try {
    var xhr = new g.XMLHttpRequest();
    xhr.open('GET', url, false);
    xhr.overrideMimeType('text/x-probe');
    xhr.send();
    return xhr.getResponseHeader('Content-Type') === 'text/x-probe';
  } finally {
    g.URL.revokeObjectURL(url);
  }
});

// The page's structuredClone where it can transfer an ArrayBuffer, else undefined. The bundled web-streams-polyfill
// reads this in place of the global (webpack.config.js): its byte streams transfer every chunk with it. core-js's, in
// an engine where it cannot detach a buffer (jsdom on Node 20: no MessageChannel, no ArrayBuffer.prototype.transfer),
// throws a DataCloneError for every transfer, and every response.body would error; with none, web-streams-polyfill
// hands the buffer on as it is, as in the engines that have no structuredClone.
export const structuredCloneThatTransfers: typeof structuredClone | undefined = /*#__PURE__*/ (function () {
  var clone = g.structuredClone;
  // (What it gives is the transferred buffer: an object.)
  return works(function () {
    var buffer = new g.ArrayBuffer(1);
    return clone(buffer, { transfer: [buffer] });
  }) ? clone : undefined;
})();
