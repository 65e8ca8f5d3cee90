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
  var isBuffer = t === '[object ArrayBuffer]' || t === '[object SharedArrayBuffer]';
  if (!isBuffer && !(value !== null && typeof value === 'object' &&
    (supportsArrayBufferIsView ? ArrayBuffer.isView(value) : tag(value.buffer) === '[object ArrayBuffer]'))) {
    throw typeError(member, 'not a BufferSource');
  }
  // A detached buffer holds no bytes (https://webidl.spec.whatwg.org/#dfn-get-buffer-source-copy): its byteLength is 0,
  // and a Uint8Array over it (or a view's byteLength) would throw.
  var buffer = isBuffer ? value : value.buffer;
  if (buffer.byteLength === 0) return new Uint8Array(0);
  return isBuffer ? new Uint8Array(value) : new Uint8Array(buffer, value.byteOffset, value.byteLength);
}
