// The ONE import point for ReadableStream (STYLE layout): the engine's own where it has a working one,
// else web-streams-polyfill's ES5 ponyfill. Nothing here writes a global; src/polyfill.ts decides that.
import { ReadableStream as PonyfillReadableStream } from 'web-streams-polyfill/es5';
import { globalObject } from '../env/global';
import { supportsNativeReadableStream } from '../env/support';

export var ReadableStream: typeof globalThis.ReadableStream = supportsNativeReadableStream
  ? globalObject.ReadableStream
  : (PonyfillReadableStream as any);

/** Whether `value` is a ReadableStream: ours, the engine's, or one made by another copy of the ponyfill. */
export function isReadableStream(value: unknown): value is ReadableStream {
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof ReadableStream) return true;
  if (typeof globalObject.ReadableStream === 'function' && value instanceof globalObject.ReadableStream) return true;
  return Object.prototype.toString.call(value) === '[object ReadableStream]';
}
