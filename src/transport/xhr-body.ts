// The XHR transport's body (./xhr.ts): which body mode a request's XHR gives its bytes in, and one reader per mode
// (readXUserDefined, readDecodedText, readArrayBuffer, readResponseBody) over the request's state (./xhr-state.ts).
// Each reader delivers the bytes that are new since its last read, exact and in order, or fails the request with a
// TypeError saying why it cannot (never other bytes).
import {
  XHRState, Moment, HEADERS_RECEIVED, RECEIVING, X_USER_DEFINED_TEXT, DECODED_TEXT, ARRAY_BUFFER, RESPONSE_BODY,
  BY_CONTENT_TYPE, AT_DONE, MEANWHILE, BOM_CHECK_PENDING, BOM_CHECK_PASSED, finished, deliver, fail
} from './xhr-state';
import { decodedTextReader, NOT_UTF8 } from './decoded-text';
import { overrideReplacesContentType, supportsLateResponseType, supportsVBArray } from '../env/support';
import { globalObject as g } from '../env/global';
import { Bytes, newBytes, bytesFrom } from '../infra/bytes';
import { isUTF8Label } from '../encoding/utf8';

/** The MIME type override under which each char of responseText is one body byte. */
export var X_USER_DEFINED = 'text/plain; charset=x-user-defined';
// README "Byte-order marks": the engine decodes a body's BOM before script sees the bytes.
var BOM_MESSAGE = 'fetch: a body that starts with a byte-order mark must be read whole';

/** The body mode of a request about to be opened (its XHR decides; old WebKit's is settled at the head). */
export function chooseBodyMode(s: XHRState): void {
  var xhr = s._xhr;
  if (typeof xhr.overrideMimeType !== 'function') {
    // LEGACY(IE): an ActiveX or IE9 XHR has no overrideMimeType, so its text is its own decoding of the body. Where
    // JScript's VBArray can read its responseBody (at DONE), that gives the exact bytes instead.
    if (supportsVBArray) s._mode = RESPONSE_BODY;
    else readAsDecodedText(s);
  } else if (overrideReplacesContentType && 'responseType' in xhr && supportsLateResponseType) {
    // LEGACY(old WebKit): no override, so that the Content-Type reported is the real one (see the top of ./xhr.ts).
    s._mode = BY_CONTENT_TYPE;
  }
}

/**
 * LEGACY(old WebKit): the body mode by the Content-Type of the head just delivered: text the engine decodes as UTF-8
 * streams as that text; anything else is exact only as an ArrayBuffer, which can still be asked for now, at
 * HEADERS_RECEIVED (else the request fails).
 */
export function chooseBodyModeByType(s: XHRState, type: string): void {
  if (declaredUTF8(type)) readAsDecodedText(s);
  else if (!takeArrayBuffer(s)) fail(s, NOT_UTF8);
}

// Whether the engine decodes a body of this Content-Type as UTF-8 (by the charset it names, else as UTF-8 unless HTML
// or XML name their own), and the type says it is UTF-8 text: a UTF-8 charset, or JSON and text/event-stream, which
// are UTF-8 by definition. (A scan of the value as the engine makes it, not a MIME parse.)
function declaredUTF8(type: string): boolean {
  var charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(type);
  return charset ? isUTF8Label(charset[1]) : /^\s*(text\/event-stream|[^;]*json)\s*(;|$)/i.test(type);
}

function readAsDecodedText(s: XHRState): void {
  s._mode = DECODED_TEXT;
  s._decoder = decodedTextReader(s._request);
}

/**
 * Still at HEADERS_RECEIVED: the body can come as an ArrayBuffer, exact whatever its first bytes (asked for by a
 * consumer that takes the body whole). Returns whether it comes so.
 */
export function takeArrayBuffer(s: XHRState): boolean {
  var xhr = s._xhr;
  if (s._mode !== ARRAY_BUFFER && !finished(s) && xhr.readyState === HEADERS_RECEIVED &&
    'responseType' in xhr && supportsLateResponseType) {
    try {
      xhr.responseType = 'arraybuffer';
      s._mode = ARRAY_BUFFER;
    } catch (e) {
      // LEGACY(old WebKit, IE): no typed responses, so the body comes as the mode chosen at the start
    }
  }
  return s._mode === ARRAY_BUFFER;
}

/** Reads what is new of the body at this moment (the head is out), with the reader of the body mode. */
export function readBody(s: XHRState, moment: Moment): void {
  if (s._phase !== RECEIVING || (s._whole && moment !== AT_DONE)) return;
  switch (s._mode) {
    case X_USER_DEFINED_TEXT: return readXUserDefined(s, moment);
    case DECODED_TEXT: return readDecodedText(s, moment);
    case ARRAY_BUFFER: return readArrayBuffer(s, moment);
    case RESPONSE_BODY: return readResponseBody(s, moment);
    // (BY_CONTENT_TYPE is settled with the head.)
  }
}

// Reading responseText copies the whole text in some engines (Chromium: a 64 MB body read at its 29 progress events
// spent 1.9 s in the getter alone, against 0.15 s for one read at the end). While a large body streams, the text is
// read again only after a pause that grows with it (1 ms per whole 64 KiB, none below): the reads then come ever
// further apart, so what they copy adds up to a linear cost. A read put off is made when the pause ends. Null: no
// text now.
function readResponseText(s: XHRState, moment: Moment): string | null {
  var now = +new Date();
  var wait = s._lastRead + (s._lastLength >> 16) - now;
  if (moment !== AT_DONE && wait > 0) {
    if (!s._later) s._later = setTimeout(function () { s._later = null; readBody(s, MEANWHILE); }, wait);
    return null;
  }
  s._lastRead = now;
  try {
    var text: string = s._xhr.responseText;
  } catch (e) {
    // LEGACY(IE): before IE10, responseText is not readable during readyState 3.
    if (moment === AT_DONE) failUnreadable(s, e);
    return null;
  }
  s._lastLength = text.length;
  return text;
}

// X_USER_DEFINED_TEXT: the chars past `_received`, each one byte.
function readXUserDefined(s: XHRState, moment: Moment): void {
  var text = readResponseText(s, moment);
  if (text === null) return;
  var end = text.length;
  // XHR decodes with BOM sniffing first (https://encoding.spec.whatwg.org/#decode), even under x-user-defined: a
  // body that starts with a byte-order mark comes out decoded by that BOM, shorter than the bytes that arrived (the
  // BOM is gone, and UTF-16 or UTF-8 take several bytes a char). Once the first 3 bytes are in, a text as long as
  // the body's byte count shows that no BOM was sniffed; until then nothing is delivered. The byte count is the
  // progress events' `loaded`; Firefox counts encoded bytes there, so a content-encoded body is checked by the char
  // ranges alone (below). README: "Byte-order marks".
  if (s._bomCheck !== BOM_CHECK_PASSED && (s._encoded || s._loaded >= 3 || moment === AT_DONE)) {
    if (!s._encoded && end < s._loaded) return bomSniffed(s, moment);
    s._bomCheck = BOM_CHECK_PASSED;
  }
  if (s._bomCheck === BOM_CHECK_PENDING || end <= s._received) return;
  var bytes = newBytes(end - s._received);
  for (var i = s._received, j = 0; i < end; i++, j++) {
    var c = text.charCodeAt(i);
    // x-user-defined maps byte b to b (b < 0x80) or to U+F700 + b: any other char is a BOM-decoded body.
    if (c >= 0x80 && (c < 0xf780 || c > 0xf7ff)) return bomSniffed(s, moment);
    bytes[j] = c;
  }
  s._received = end;
  deliver(s, bytes);
}

// XHR sniffed a BOM and decoded the body by it (see readXUserDefined): it cannot be delivered exactly, unless the
// consumer takes it as UTF-8 text (TransportRequest's `utf8`: an EventSource) and nothing went yet. Then the engine's
// text will do, encoded back after the UTF-8 BOM it dropped (the consumer's decoding drops that one again).
function bomSniffed(s: XHRState, moment: Moment): void {
  if (!s._request._utf8 || s._received > 0) return fail(s, BOM_MESSAGE);
  readAsDecodedText(s);
  deliver(s, bytesFrom([0xef, 0xbb, 0xbf]));
  readBody(s, moment);
}

// DECODED_TEXT: the engine's text encoded back as UTF-8, held until the byte counts show that no BOM was removed.
function readDecodedText(s: XHRState, moment: Moment): void {
  var text = readResponseText(s, moment);
  if (text === null) return;
  // For a consumer of UTF-8 text (TransportRequest's `utf8`), the engine's decoding will do (a BOM it dropped, its
  // U+FFFD): nothing to check against the byte counts.
  if (s._request._utf8) s._bomCheck = BOM_CHECK_PASSED;
  var bytes: Bytes | null;
  try {
    bytes = s._decoder!(text);
  } catch (e) {
    return fail(s, (e as Error).message);
  }
  if (bytes) {
    s._held.push(bytes);
    s._decodedBytes += bytes.length;
  }
  // LEGACY(old WebKit): its decoding sniffs a BOM too. Its progress counts are of decoded bytes (PhantomJS 2.1,
  // Content-Encoding or not), so once they match the text encoded back, no BOM was removed; the engine may hold up to
  // 3 bytes of a character, no more, and none at DONE. The count is of this moment's text in a progress event and at
  // DONE only. (ActiveX XHRs fire no progress: nothing to check.)
  if (s._bomCheck === BOM_CHECK_PENDING && moment !== MEANWHILE) {
    var missing = s._loaded - s._decodedBytes;
    if (missing < 0 || missing > (moment === AT_DONE ? 0 : 3)) return fail(s, BOM_MESSAGE);
    if (missing === 0) s._bomCheck = BOM_CHECK_PASSED;
  }
  if (s._bomCheck === BOM_CHECK_PENDING) return;
  for (var i = 0; i < s._held.length; i++) deliver(s, s._held[i]);
  s._held = [];
}

// ARRAY_BUFFER: the whole body, at DONE.
function readArrayBuffer(s: XHRState, moment: Moment): void {
  if (moment !== AT_DONE) return;
  var buffer: ArrayBuffer | null;
  try {
    buffer = s._xhr.response;
  } catch (e) {
    return failUnreadable(s, e);
  }
  if (buffer) deliver(s, new Uint8Array(buffer));
  // A body the engine lost when the type changed is an error, never an empty body.
  else if (s._loaded > 0) fail(s, 'fetch: the engine lost the body');
}

// RESPONSE_BODY (LEGACY(IE)): the whole body, at DONE.
function readResponseBody(s: XHRState, moment: Moment): void {
  if (moment !== AT_DONE) return;
  var bytes: Bytes;
  try {
    bytes = bytesFrom(new g.VBArray(s._xhr.responseBody).toArray());
  } catch (e) {
    return failUnreadable(s, e);
  }
  deliver(s, bytes);
}

// At DONE an engine that cannot give the body (out of memory on a huge one) must error it, not leave it hanging
// (README "Memory").
function failUnreadable(s: XHRState, error: unknown): void {
  fail(s, 'fetch: unreadable body (' + (error as Error).message + ')');
}
