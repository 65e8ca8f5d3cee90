// FormData bodies: https://fetch.spec.whatwg.org/#concept-bodyinit-extract (FormData), encoded by
// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart/form-data-encoding-algorithm
//
// How a FormData is sent (README "FormData"): retrofetch's own FormData is encoded here, with a fresh boundary, and
// fetch() sends those bytes with `Content-Type: multipart/form-data; boundary=...`. An engine's own FormData is
// handed to XHR as it is (see nativeFormDataToSend), which every engine with a FormData accepts: files stream from
// disk instead of being read into memory, and it is the only way at all where the engine's FormData cannot be read
// (PhantomJS, IE 10–11: no forEach). XHR then writes its own boundary and Content-Type, so the one extracted here
// (still what `request.headers` shows) is not sent.
import { entryListOf, isFormDataShim } from './form-data-slot';
import { EntryList } from './entry';
import { utf8Encode } from '../encoding/utf8';
import { typeError } from '../webidl/conversions';
import { ChunkSource, partsSource } from '../streams/chunk-source';
import { Bytes } from '../infra/bytes';
import { isHostInstance } from '../env/global';

// A FormData body's Content-Type: this prefix, then the boundary: BOUNDARY_PREFIX and 16 random lowercase
// alphanumerics. Lowercase, so that the type of the Blob that blob() makes of the body (which the Blob constructor
// lowercases) still names the body's boundary.
var TYPE_PREFIX = 'multipart/form-data; boundary=';
var BOUNDARY_PREFIX = '----retrofetchformboundary';
var BOUNDARY_LENGTH = BOUNDARY_PREFIX.length + 16;

/** A FormData, retrofetch's or the engine's (of any realm: an iframe's FormData too). */
export function isFormData(value: unknown): boolean {
  return isFormDataShim(value) || isHostInstance(value, 'FormData') || Object.prototype.toString.call(value) === '[object FormData]';
}

// Field names and filenames are escaped: LF as %0A, CR as %0D, '"' as %22.
function escapeName(s: string): string {
  return s.replace(/[\n\r"]/g, encodeURIComponent);
}

// 1. Replace every CR not followed by LF, and every LF not preceded by CR, by CRLF.
function normalizeLineBreaks(s: string): string {
  return s.replace(/\r\n|\r|\n/g, '\r\n');
}

/** Extracts a FormData body: its entries as they are now, encoded with a fresh boundary. */
export function extractFormData(form: FormData, member: string): { _origin: FormData; _replay: () => ChunkSource; _length: number | null; _type: string } {
  // A fresh boundary: 16 random alphanumerics after the prefix.
  var boundary = BOUNDARY_PREFIX;
  while (boundary.length < BOUNDARY_LENGTH) boundary += Math.random().toString(36).slice(2);
  boundary = boundary.slice(0, BOUNDARY_LENGTH);
  var type = TYPE_PREFIX + boundary;
  var own = isFormDataShim(form);
  // The entry list of our FormData, or of an engine's one through forEach.
  var entries: EntryList = own ? entryListOf(form, 'FormData').slice() : [];
  if (!own && typeof (form as any).forEach !== 'function') {
    // LEGACY(old WebKit, IE): a FormData without forEach (PhantomJS, IE 10–11): its entries cannot be read, only sent.
    // fetch() sends it as it is when fetch() is called; reading the body (text(), clone() then read, …) rejects.
    return {
      _origin: form, _length: null, _type: type,
      _replay: function () {
        return {
          _read: function (_done, fail) {
            fail(typeError(member, "this engine's FormData is unreadable"));
          },
          _cancel: function () { /* nothing to stop */ }
        };
      }
    };
  }
  if (!own) {
    form.forEach(function (value, name) {
      entries.push([name, value]);
    });
  }
  // https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart/form-data-encoding-algorithm
  var parts: Array<Bytes | Blob> = [];
  var length = 0;
  var text = '';
  for (var i = 0; i <= entries.length; i++) {
    var entry = entries[i];
    var value = entry && entry[1];
    text += '--' + boundary + (entry ? '\r\nContent-Disposition: form-data; name="' + escapeName(normalizeLineBreaks(entry[0])) + '"' : '--\r\n');
    if (typeof value === 'string') {
      text += '\r\n\r\n' + normalizeLineBreaks(value) + '\r\n';
      continue;
    }
    if (value) text += '; filename="' + escapeName(value.name === undefined ? 'blob' : value.name) + '"\r\nContent-Type: ' + (value.type || 'application/octet-stream') + '\r\n\r\n';
    // The text so far as one part, then the file's bytes.
    var bytes = utf8Encode(text);
    parts.push(bytes);
    length += bytes.length;
    text = '\r\n';
    if (value) {
      parts.push(value);
      length += value.size;
    }
  }
  return {
    // The body's source object: our FormData, or an engine's copy with the entries it had at extraction, so that
    // sending it natively later sends those.
    _origin: own ? form : copyNativeFormData(form, entries),
    _length: length,
    _type: type,
    _replay: function () { return partsSource(parts); }
  };
}

function copyNativeFormData(form: any, entries: EntryList): FormData {
  try {
    var copy = new form.constructor();
    entries.forEach(function (entry) { copy.append(entry[0], entry[1]); });
    return copy;
  } catch (e) {
    return form;
  }
}

/** The engine's FormData a body was made from, if it is to be sent as it is (see the top of this file); else null. */
export function nativeFormDataToSend(origin: unknown): FormData | null {
  return origin != null && !isFormDataShim(origin) && isFormData(origin) ? origin as FormData : null;
}

/** Whether a Content-Type header value is one extracted here (from a FormData retrofetch encodes or hands to XHR). */
export function isExtractedFormDataType(value: string): boolean {
  return value.indexOf(TYPE_PREFIX + BOUNDARY_PREFIX) === 0 && value.length === TYPE_PREFIX.length + BOUNDARY_LENGTH;
}
