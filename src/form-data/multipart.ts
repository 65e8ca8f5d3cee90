// FormData bodies: https://fetch.spec.whatwg.org/#concept-bodyinit-extract (FormData), encoded by
// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart/form-data-encoding-algorithm
//
// How a FormData is sent (README "FormData"): retrofetch's own FormData is encoded here, with a fresh boundary, and
// fetch() sends those bytes with `Content-Type: multipart/form-data; boundary=...`. An engine's own FormData is
// handed to XHR as it is (see nativeFormDataToSend), which every engine with a FormData accepts: files stream from
// disk instead of being read into memory, and it is the only way at all where the engine's FormData cannot be read
// (PhantomJS, IE 10–11: no forEach). XHR then writes its own boundary and Content-Type, so the one extracted here
// (still what `request.headers` shows) is not sent.
import { entryListOf, isFormDataShim } from './form-data';
import { EntryList } from './entry';
import { utf8Encode } from '../encoding/utf8';
import { ChunkSource, partsSource } from '../streams/chunk-source';
import { Bytes } from '../infra/bytes';
import { isHostInstance } from '../env/global';

var BOUNDARY_PREFIX = '----RetrofetchFormBoundary';

/** A FormData, retrofetch's or the engine's (of any realm: an iframe's FormData too). */
export function isFormData(value: unknown): boolean {
  return isFormDataShim(value) || isHostInstance(value, 'FormData') || Object.prototype.toString.call(value) === '[object FormData]';
}

/** The entry list of our FormData, or of an engine's one through forEach; null where the engine's cannot be read. */
function readEntries(form: any): EntryList | null {
  if (isFormDataShim(form)) return entryListOf(form, 'FormData').slice();
  if (typeof form.forEach !== 'function') return null;
  var list: EntryList = [];
  form.forEach(function (value: any, name: string) {
    list.push([name, value]);
  });
  return list;
}

// 1. Replace every CR not followed by LF, and every LF not preceded by CR, by CRLF.
function normalizeLineBreaks(s: string): string {
  return s.replace(/\r\n|\r|\n/g, '\r\n');
}

// Field names and filenames are escaped: LF as %0A, CR as %0D, '"' as %22.
function escapeName(s: string): string {
  return s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

export function createBoundary(): string {
  var s = BOUNDARY_PREFIX;
  for (var i = 0; i < 16; i++) s += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.charAt(Math.floor(Math.random() * 62));
  return s;
}

export interface Multipart {
  boundary: string;
  parts: Array<Bytes | Blob>;
  length: number;
}

export function encodeMultipart(entries: EntryList, boundary: string): Multipart {
  var parts: Array<Bytes | Blob> = [];
  var length = 0;
  function text(s: string): void {
    var bytes = utf8Encode(s);
    parts.push(bytes);
    length += bytes.length;
  }
  for (var i = 0; i < entries.length; i++) {
    var name = escapeName(normalizeLineBreaks(entries[i][0]));
    var value = entries[i][1];
    var head = '--' + boundary + '\r\nContent-Disposition: form-data; name="' + name + '"';
    if (typeof value === 'string') {
      text(head + '\r\n\r\n' + normalizeLineBreaks(value) + '\r\n');
    } else {
      var file = value as Blob & { name?: string };
      text(head + '; filename="' + escapeName(file.name === undefined ? 'blob' : file.name) + '"\r\nContent-Type: ' +
        (file.type || 'application/octet-stream') + '\r\n\r\n');
      parts.push(file);
      length += file.size;
      text('\r\n');
    }
  }
  text('--' + boundary + '--\r\n');
  return { boundary: boundary, parts: parts, length: length };
}

export interface ExtractedFormData {
  /** The body's source object: our FormData, or an engine's (a copy of it where it can be read). */
  origin: FormData;
  replay: () => ChunkSource;
  length: number | null;
  type: string;
}

/** Extracts a FormData body: its entries as they are now, encoded with a fresh boundary. */
export function extractFormData(form: FormData, member: string): ExtractedFormData {
  var boundary = createBoundary();
  var type = 'multipart/form-data; boundary=' + boundary;
  var entries = readEntries(form);
  if (entries === null) {
    // LEGACY(old WebKit, IE): a FormData without forEach (PhantomJS, IE 10–11): its entries cannot be read, only sent. fetch() sends it
    // as it is when fetch() is called; reading the body (text(), clone() then read, …) rejects.
    return {
      origin: form, length: null, type: type,
      replay: function () {
        return failingSource(member + ": this engine's FormData cannot be read, only sent by fetch() (use retrofetch's FormData to read it)");
      }
    };
  }
  var multipart = encodeMultipart(entries, boundary);
  return {
    origin: isFormDataShim(form) ? form : copyNativeFormData(form, entries),
    length: multipart.length,
    type: type,
    replay: function () { return partsSource(multipart.parts); }
  };
}

// An engine's FormData with the entries it had at extraction, so that sending it natively later sends those.
function copyNativeFormData(form: any, entries: EntryList): FormData {
  try {
    var copy = new form.constructor();
    for (var i = 0; i < entries.length; i++) copy.append(entries[i][0], entries[i][1]);
    return copy;
  } catch (e) {
    return form;
  }
}

function failingSource(message: string): ChunkSource {
  return {
    read: function (_done, fail) { fail(new TypeError(message)); },
    cancel: function () { /* nothing to stop */ }
  };
}

/** The engine's FormData a body was made from, if it is to be sent as it is (see the top of this file); else null. */
export function nativeFormDataToSend(origin: unknown): FormData | null {
  return origin != null && !isFormDataShim(origin) && isFormData(origin) ? origin as FormData : null;
}

/** Whether a Content-Type header value is one extracted here (from a FormData retrofetch encodes or hands to XHR). */
export function isExtractedFormDataType(value: string): boolean {
  return value.indexOf('multipart/form-data; boundary=' + BOUNDARY_PREFIX) === 0 && value.length === 30 + BOUNDARY_PREFIX.length + 16;
}
