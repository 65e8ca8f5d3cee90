// https://webidl.spec.whatwg.org/#AllowSharedBufferSource: an ArrayBuffer (or SharedArrayBuffer) or a view of one,
// as a Uint8Array over the bytes it holds (not a copy). Tags, not instanceof, so buffers of other frames count.
import { supportsArrayBufferIsView } from '../env/support';
import { typeError } from './conversions';

function tag(value: unknown): string {
  return Object.prototype.toString.call(value);
}

/** Whether `value` is a Uint8Array (of any frame). */
export function isUint8Array(value: unknown): value is Uint8Array {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}

export function toBufferSourceBytes(value: any, member: string): Uint8Array {
  var t = tag(value);
  if (t === '[object ArrayBuffer]' || t === '[object SharedArrayBuffer]') return new Uint8Array(value);
  if (value !== null && typeof value === 'object' &&
    (supportsArrayBufferIsView ? ArrayBuffer.isView(value) : tag(value.buffer) === '[object ArrayBuffer]')) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  throw typeError(member, 'not a BufferSource');
}
