// Every host fact retrofetch depends on, probed once, one named boolean each (STYLE habit 4).
// "Present but broken" counts as missing: each probe exercises the feature, not just its name.
import { globalObject as g } from './global';

export function fails(probe: () => unknown): boolean {
  try {
    return !probe();
  } catch (e) {
    return true;
  }
}

export const supportsSymbol = !fails(function () {
  return typeof Symbol === 'function' && typeof Symbol('x') === 'symbol';
});

// Arrays must actually be iterable (Duktape has Symbol.iterator but no Array.prototype[@@iterator]).
export const supportsSymbolIterator = supportsSymbol && !fails(function () {
  return typeof Symbol.iterator === 'symbol' && typeof ([] as any)[Symbol.iterator]().next === 'function';
});

export const supportsSymbolToStringTag = supportsSymbol && typeof Symbol.toStringTag === 'symbol';

export const supportsArrayBuffer = !fails(function () {
  return typeof g.ArrayBuffer === 'function' && new g.Uint8Array(new g.ArrayBuffer(2)).length === 2;
});

export const supportsBlob = !fails(function () {
  return new g.Blob(['ab']).size === 2;
});

export const supportsURLSearchParams = !fails(function () {
  return new g.URLSearchParams('a=1&b=%20').get('b') === ' ';
});

export const supportsDefineGetterOnPrototype = !fails(function () {
  var o = {};
  Object.defineProperty(o, 'x', { get: function () { return 1; }, configurable: true });
  return (o as any).x === 1;
});

export const supportsURL = !fails(function () {
  return new g.URL('b?c', 'http://a/').href === 'http://a/b?c';
});

export const supportsNativeReadableStream = !fails(function () {
  var stream = new g.ReadableStream({ start: function (c: any) { c.close(); } });
  return typeof stream.getReader === 'function' && typeof stream.tee === 'function';
});

export const supportsArrayBufferIsView = typeof ArrayBuffer !== 'undefined' && typeof (ArrayBuffer as any).isView === 'function';

export const supportsReflectOwnKeys = !fails(function () {
  return g.Reflect.ownKeys({ a: 1 })[0] === 'a';
});

// `new DOMException(message, name)` works (PhantomJS and old WebKit have an uncallable host object, IE none).
export const supportsDOMExceptionConstructor = !fails(function () {
  var e = new g.DOMException('m', 'AbortError');
  return e.name === 'AbortError' && e.message === 'm' && e.code === 20;
});

// The engine's own AbortSignal `aborted` getter, read here before src/polyfill.ts may install retrofetch's: calling
// it on a value is the engine's brand check for its signals (it throws for anything else, a look-alike included).
export const nativeAbortedGetter: ((this: unknown) => boolean) | null = (function () {
  try {
    var getter = Object.getOwnPropertyDescriptor(g.AbortSignal.prototype, 'aborted')!.get;
    return typeof getter === 'function' ? getter : null;
  } catch (e) {
    return null;
  }
})();

// The engine's AbortController/AbortSignal have what retrofetch's have: abort(reason), throwIfAborted, timeout, any.
export const supportsCompleteAbortController = !fails(function () {
  var controller = new g.AbortController();
  controller.abort('r');
  return controller.signal.reason === 'r' && typeof controller.signal.throwIfAborted === 'function' &&
    typeof g.AbortSignal.timeout === 'function' && typeof g.AbortSignal.any === 'function';
});

// The engine's FormData has the whole current API (get, getAll, set, has, delete, forEach) and keeps a filename:
// PhantomJS and IE 10–11 have only append, so their FormData can be sent but not read.
export const supportsFormData = !fails(function () {
  var form = new g.FormData();
  form.append('a', new g.Blob(['x']), 'f.txt');
  form.set('b', '1');
  var names: string[] = [];
  form.forEach(function (_value: unknown, name: string) { names.push(name); });
  return form.get('a').name === 'f.txt' && form.getAll('b').length === 1 && form.has('b') &&
    typeof form.delete === 'function' && names.join() === 'a,b';
});
