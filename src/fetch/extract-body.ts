// https://fetch.spec.whatwg.org/#concept-bodyinit-extract
import { InnerBody, bodyFromBytes, bodyFromReplayable, bodyFromSource, isStreamDisturbed } from './body';
import { partsSource } from '../streams/chunk-source';
import { isReadableStream } from '../streams/readable-stream';
import { utf8Encode } from '../encoding/utf8';
import { toUSVString, typeError } from '../webidl/conversions';
import { isHostInstance } from '../env/global';
import { supportsArrayBufferIsView } from '../env/support';
import { isFormData, extractFormData } from '../form-data/multipart';

/** A body with type (fields named _x: the standalone scripts' minifier shortens them, ARCHITECTURE.md). */
export interface ExtractedBody {
  _body: InnerBody;
  _type: string | null;
}

function tag(value: unknown): string {
  return Object.prototype.toString.call(value);
}

// The objects of BodyInit (named numbers, which the minifier inlines); NOT_AN_OBJECT for any other value.
var NOT_AN_OBJECT = 0;
var BLOB = 1;
var BUFFER_SOURCE = 2;
var FORM_DATA = 3;
var URL_SEARCH_PARAMS = 4;
var READABLE_STREAM = 5;

// Which object of BodyInit a value is, by tag or shape (so that those of other frames count).
function kindOf(value: any): number {
  if (typeof value !== 'object' || value === null) return NOT_AN_OBJECT;
  if (isHostInstance(value, 'Blob')) return BLOB;
  if (tag(value) === '[object ArrayBuffer]' || (supportsArrayBufferIsView ? ArrayBuffer.isView(value)
    : tag(value.buffer) === '[object ArrayBuffer]' && typeof value.byteOffset === 'number')) return BUFFER_SOURCE;
  if (isFormData(value)) return FORM_DATA;
  if (isHostInstance(value, 'URLSearchParams') || tag(value) === '[object URLSearchParams]') return URL_SEARCH_PARAMS;
  return isReadableStream(value) ? READABLE_STREAM : NOT_AN_OBJECT;
}

/**
 * https://webidl.spec.whatwg.org/#es-union for BodyInit?, (ReadableStream or Blob or BufferSource or FormData or
 * URLSearchParams or USVString)?: null for null or undefined (an optional body not given), one of those objects as it
 * is, any other value converted to a USVString.
 */
export function convertBodyInit(value: unknown, member: string): unknown {
  return value == null ? null : kindOf(value) !== NOT_AN_OBJECT ? value : toUSVString(value, member);
}

/** Extracts a body with type from a BodyInit (converted by convertBodyInit); `member` names the caller in errors. */
export function extractBody(object: any, keepalive: boolean, member: string): ExtractedBody {
  var kind = kindOf(object);
  var body: InnerBody;
  var type: string | null = null;
  if (kind === BLOB) {
    // Blob: the source is the blob; its type, if not empty, is the Content-Type.
    body = bodyFromReplayable(object, function () { return partsSource([object]); }, object.size);
    type = object.type || null;
  } else if (kind === BUFFER_SOURCE) {
    // BufferSource: a copy of the bytes held by the buffer source (a Uint8Array made of a view copies it); none
    // where its buffer is detached (its byteLength is 0, and a view over it cannot be made).
    var buffer: ArrayBuffer = object.buffer || object;
    var held = buffer.byteLength === 0 ? [] : object.buffer ? new Uint8Array(buffer, object.byteOffset, object.byteLength) : new Uint8Array(buffer);
    body = bodyFromBytes(new Uint8Array(held));
  } else if (kind === FORM_DATA) {
    // FormData: multipart/form-data with a fresh boundary (an engine's own FormData is sent by XHR itself: see
    // src/form-data/multipart.ts).
    var form = extractFormData(object, member);
    body = bodyFromReplayable(form._origin, form._replay, form._length);
    type = form._type;
  } else if (kind === READABLE_STREAM) {
    // ReadableStream: 1. If keepalive is true, throw. 2. If object is disturbed or locked, throw.
    if (keepalive) throw typeError(member, 'stream body with keepalive');
    if (object.locked || isStreamDisturbed(object)) throw typeError(member, 'stream body locked or disturbed');
    body = bodyFromSource(null, null);
    body._stream = object;
  } else {
    // A scalar value string (any other value was converted to one by convertBodyInit), or URLSearchParams: the
    // application/x-www-form-urlencoded serializer (its stringifier).
    body = bodyFromBytes(utf8Encode(String(object)));
    type = kind === URL_SEARCH_PARAMS ? 'application/x-www-form-urlencoded;charset=UTF-8' : 'text/plain;charset=UTF-8';
  }
  return { _body: body, _type: type };
}
