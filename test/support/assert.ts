// Assertion helpers shared by the suites. Error messages are checked only for the polyfill (natives word them
// their own way); the error type is checked in both passes.
import { expect } from 'chai';
import { Impl } from './harness';

// An error of `type`. A native's errors may come from another realm and count by their name there: jsdom's classes
// live in Node's realm, and so do the TypeErrors they throw.
function expectError(impl: Impl, error: any, type: Function): void {
  if (impl.name === 'native' && error && !(error instanceof type) && error.name === (type as any).name) return;
  expect(error, 'expected a ' + (type as any).name).to.be.an.instanceof(type);
}

/** What `fn` throws (null if it returns). */
export function thrownBy(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return null;
}

export function expectThrows(impl: Impl, fn: () => unknown, type: Function, member?: string): void {
  var thrown = thrownBy(fn);
  expectError(impl, thrown, type);
  if (member && impl.name === 'polyfill') expect(String(thrown.message)).to.contain(member);
}

/** Runs `fn` and checks it throws a TypeError whose message starts with `member: ` (retrofetch's own classes). */
export function expectMemberTypeError(fn: () => unknown, member: string): void {
  var thrown = thrownBy(fn);
  expect(thrown, 'expected a TypeError').to.be.an.instanceof(TypeError);
  expect(String(thrown.message).indexOf(member + ': ')).to.equal(0, 'the message starts with the member: ' + thrown.message);
}

/** Resolves with the rejection of `promise` (fails the test if it fulfils). */
export function rejection(promise: PromiseLike<unknown>): Promise<any> {
  return Promise.resolve(promise).then(function () {
    throw new Error('expected a rejection');
  }, function (e) {
    return e;
  });
}

export function expectRejects(impl: Impl, promise: Promise<unknown>, type: Function, member?: string): Promise<void> {
  return promise.then(function () {
    throw new Error('expected a rejection with ' + (type as any).name);
  }, function (e) {
    expectError(impl, e, type);
    if (member && impl.name === 'polyfill') expect(String(e.message)).to.contain(member);
  });
}

export function bytesOf(view: ArrayBuffer | Uint8Array): number[] {
  var u8 = view instanceof Uint8Array ? view : new Uint8Array(view);
  var out: number[] = [];
  for (var i = 0; i < u8.length; i++) out.push(u8[i]);
  return out;
}

export function range(n: number): number[] {
  var out: number[] = [];
  for (var i = 0; i < n; i++) out.push(i);
  return out;
}

/** Reads a ReadableStream to the end through getReader(), concatenating the Uint8Array chunks. */
export function readStream(stream: ReadableStream<Uint8Array>): Promise<number[]> {
  var reader = stream.getReader();
  var out: number[] = [];
  function next(): Promise<number[]> {
    return reader.read().then(function (result) {
      if (result.done) return out;
      expect(Object.prototype.toString.call(result.value)).to.equal('[object Uint8Array]');
      for (var i = 0; i < result.value.length; i++) out.push(result.value[i]);
      return next();
    });
  }
  return next();
}

// The Symbol retrofetch saw when it loaded (core-js's counts): none where the engine has none (PhantomJS, the ie9
// profile), which test/setup/bare-engine.js and ie9-profile.js hide then, though Mocha's is back for the tests (where
// core-js replaced the engine's, it is the engine's throughout).
var hidden = (window as any).__retrofetchHidden || {};
var restored = (window as any).__retrofetchRestored || {};
var loadSymbol: any = 'Symbol' in hidden && !('Symbol' in restored) ? undefined : typeof Symbol === 'function' ? Symbol : undefined;
export var hasSymbolIterator = !!loadSymbol && loadSymbol.iterator != null;
export var hasToStringTag = !!loadSymbol && loadSymbol.toStringTag != null;
export var hasSymbolAsyncIterator = !!loadSymbol && loadSymbol.asyncIterator != null;
export var hasBlob = (function () {
  try {
    return new Blob(['ab']).size === 2;
  } catch (e) {
    return false;
  }
})();
export var hasURLSearchParams = typeof URLSearchParams === 'function';

var unique = 0;
/** An id no other test uses (for the server's keyed routes: lock-step, hang, cookies). */
export function uid(prefix: string): string {
  return prefix + '-' + new Date().getTime() + '-' + (unique++) + '-' + Math.floor(Math.random() * 1e6);
}

/** The bytes in base64, URL-encoded (for the server's /api/chunks?b64=…). */
export function bytesToBase64(bytes: number[]): string {
  var chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  var out = '';
  for (var i = 0; i < bytes.length; i += 3) {
    var n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
    out += chars.charAt(n >> 18) + chars.charAt((n >> 12) & 63) +
      (i + 1 < bytes.length ? chars.charAt((n >> 6) & 63) : '=') + (i + 2 < bytes.length ? chars.charAt(n & 63) : '=');
  }
  return encodeURIComponent(out);
}

/** /api/chunks sending these chunks (each an array of bytes) `interval` ms apart, with extra query parameters. */
export function chunksURL(chunks: number[][], query: string, interval?: number): string {
  return '/api/chunks?interval=' + (interval || 30) + '&' + chunks.map(function (c) { return 'b64=' + bytesToBase64(c); }).join('&') +
    (query ? '&' + query : '');
}

/** Each char code of a string (chars 0x00–0xFF) as a byte. */
export function charBytes(s: string): number[] {
  var out: number[] = [];
  for (var i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  return out;
}

/** The UTF-8 bytes of a string. */
export function utf8Bytes(s: string): number[] {
  return charBytes(unescape(encodeURIComponent(s)));
}

/** Whether `fn` throws. */
export function throws(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch (e) {
    return true;
  }
}

export function base64ToBytes(b64: string): number[] {
  var chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  var out: number[] = [];
  var buffer = 0;
  var bits = 0;
  for (var i = 0; i < b64.length; i++) {
    var c = chars.indexOf(b64.charAt(i));
    if (c < 0) continue;
    buffer = (buffer << 6) | c;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return out;
}

/**
 * Detaches `buffer` (transfers it away), where the engine can: structuredClone with a transfer list, transfer(), or
 * a MessageChannel's postMessage. Whether it is detached now (a detached buffer has a byteLength of 0).
 */
export function detach(buffer: ArrayBuffer): boolean {
  var g: any = typeof self !== 'undefined' ? self : window;
  try {
    if (typeof g.structuredClone === 'function') g.structuredClone(buffer, { transfer: [buffer] });
    else if (typeof (buffer as any).transfer === 'function') (buffer as any).transfer();
    else if (typeof g.MessageChannel === 'function') new g.MessageChannel().port1.postMessage(buffer, [buffer]);
  } catch (e) {
    /* it cannot be detached here */
  }
  return buffer.byteLength === 0;
}
