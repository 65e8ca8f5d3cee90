// https://fetch.spec.whatwg.org/#concept-bodyinit-extract
import { InnerBody, bodyFromBytes, bodyFromReplayable, bodyFromStream, isStreamDisturbed } from './body';
import { partsSource } from '../streams/chunk-source';
import { isReadableStream } from '../streams/readable-stream';
import { utf8Encode } from '../encoding/utf8';
import { toUSVString } from '../webidl/conversions';
import { isHostInstance } from '../env/global';
import { supportsArrayBufferIsView } from '../env/support';
import { isFormData, extractFormData } from '../form-data/multipart';

export interface ExtractedBody {
  body: InnerBody;
  type: string | null;
}

function tag(value: unknown): string {
  return Object.prototype.toString.call(value);
}

export function isArrayBufferView(value: unknown): value is ArrayBufferView {
  if (value === null || typeof value !== 'object') return false;
  if (supportsArrayBufferIsView) return ArrayBuffer.isView(value);
  var buffer = (value as any).buffer;
  return buffer !== undefined && tag(buffer) === '[object ArrayBuffer]' && typeof (value as any).byteOffset === 'number';
}

function isBlob(value: unknown): value is Blob {
  return isHostInstance(value, 'Blob');
}

function isURLSearchParams(value: unknown): boolean {
  return isHostInstance(value, 'URLSearchParams') || tag(value) === '[object URLSearchParams]';
}

/**
 * https://webidl.spec.whatwg.org/#es-union for BodyInit, (ReadableStream or Blob or BufferSource or FormData or
 * URLSearchParams or USVString): one of those objects as it is, any other value converted to a USVString.
 */
export function convertBodyInit(value: unknown, member: string): unknown {
  return typeof value !== 'object' || value === null || !(isBlob(value) || tag(value) === '[object ArrayBuffer]' ||
    isArrayBufferView(value) || isFormData(value) || isURLSearchParams(value) || isReadableStream(value))
    ? toUSVString(value, member) : value;
}

/** Extracts a body with type from a BodyInit (converted by convertBodyInit); `member` names the caller in errors. */
export function extractBody(object: unknown, keepalive: boolean, member: string): ExtractedBody {
  // A scalar value string (any other value was converted to one by convertBodyInit).
  if (typeof object === 'string') return { body: bodyFromBytes(utf8Encode(object)), type: 'text/plain;charset=UTF-8' };
  // 4–5. Blob: the source is the blob; its type, if not empty, is the Content-Type.
  if (isBlob(object)) {
    var blob = object;
    return { body: bodyFromReplayable(blob, function () { return partsSource([blob]); }, blob.size), type: blob.type !== '' ? blob.type : null };
  }
  // BufferSource: a copy of the bytes held by the buffer source.
  if (tag(object) === '[object ArrayBuffer]') {
    return { body: bodyFromBytes(new Uint8Array((object as ArrayBuffer).slice(0))), type: null };
  }
  if (isArrayBufferView(object)) {
    var view = new Uint8Array(object.buffer, object.byteOffset, object.byteLength);
    return { body: bodyFromBytes(new Uint8Array(view)), type: null };
  }
  // FormData: multipart/form-data with a fresh boundary (an engine's own FormData is sent by XHR itself: see
  // src/form-data/multipart.ts).
  if (isFormData(object)) {
    var form = extractFormData(object as FormData, member);
    return { body: bodyFromReplayable(form.origin, form.replay, form.length), type: form.type };
  }
  // URLSearchParams: the application/x-www-form-urlencoded serializer.
  if (isURLSearchParams(object)) {
    return { body: bodyFromBytes(utf8Encode(String(object))), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  // ReadableStream: 1. If keepalive is true, throw. 2. If object is disturbed or locked, throw.
  if (keepalive) throw new TypeError(member + ': keepalive cannot be used with a ReadableStream body');
  if ((object as ReadableStream).locked || isStreamDisturbed(object as ReadableStream)) throw new TypeError(member + ': the ReadableStream body is locked or disturbed');
  return { body: bodyFromStream(object as ReadableStream<Uint8Array>), type: null };
}
