// The XHR transport (./transport.ts): one fresh XMLHttpRequest per request, released when it settles.
// Bytes arrive as `responseText` under `overrideMimeType('text/plain; charset=x-user-defined')`, where each char's
// low byte is a response byte; only the part past what was delivered is converted, so the body streams as it arrives
// and no second full copy is kept. A consumer that takes the body whole before it starts arriving gets it through
// `responseType = 'arraybuffer'` instead: exact, and one conversion.
// LEGACY(old WebKit): where the override would replace the Content-Type the engine reports, none is set. The head is
// then read as sent; a body declared UTF-8 text streams as the engine's decoding of it, encoded back and checked by
// byte counts, and any other comes as an ArrayBuffer (set at HEADERS_RECEIVED: exact, in one chunk at the end).
//
// The shape: one state record (XHRState) per request; the XHR's event handlers read the head (readHead) and then
// the body by its body mode, one small reader per mode (readXUserDefined, readDecodedText, readArrayBuffer,
// readResponseBody); release() ends it all.
import { parseResponseHeaders } from './parse-headers';
import { decodedTextReader, NOT_UTF8 } from './decoded-text';
import { Transport, TransportRequest, TransportListener, noop } from './transport';
import { count } from '../env/debug-counters';
import { overrideReplacesContentType, supportsLateResponseType, supportsVBArray } from '../env/support';
import { globalObject as g } from '../env/global';
import { Bytes, newBytes, bytesFrom } from '../infra/bytes';
import { isUTF8Label, utf8Decode } from '../encoding/utf8';

var X_USER_DEFINED = 'text/plain; charset=x-user-defined';
// README "Byte-order marks": the engine decodes a body's BOM before script sees the bytes.
var BOM_MESSAGE = 'fetch: a body that starts with a byte-order mark must be read whole';

// https://xhr.spec.whatwg.org/#states (UNSENT 0 and OPENED 1 are never looked at).
var HEADERS_RECEIVED = 2;
var LOADING = 3;
var DONE = 4;
// LEGACY(IE): the status IE's XHRs report for a 204 No Content.
var IE_NO_CONTENT = 1223;

// The event handlers the transport sets: onreadystatechange on every XHR, the others where the XHR has them.
var EVENTS = ['onreadystatechange', 'onprogress', 'onerror', 'ontimeout'];
type Handlers = { [event: string]: (event: ProgressEvent) => void };

// How the body's bytes are read off the XHR (the body mode); each mode has its reader below.
// `responseText` under the x-user-defined override: streams, each char's low byte a body byte.
const X_USER_DEFINED_TEXT = 0;
// `responseText` as the engine decoded it, encoded back as UTF-8 (./decoded-text.ts): IE's XHRs that have no
// override and no VBArray, and old WebKit for a body declared UTF-8. Streams, checked by byte counts.
const DECODED_TEXT = 1;
// `response` after `responseType = 'arraybuffer'` (set at HEADERS_RECEIVED): exact, in one chunk at DONE.
const ARRAY_BUFFER = 2;
// LEGACY(IE): `responseBody`, the raw bytes of an XHR with no override, through JScript's VBArray: exact, in one
// chunk at DONE.
const RESPONSE_BODY = 3;
// LEGACY(old WebKit): no override is set, and the head's Content-Type picks DECODED_TEXT or ARRAY_BUFFER.
const BY_CONTENT_TYPE = 4;
type BodyMode = typeof X_USER_DEFINED_TEXT | typeof DECODED_TEXT | typeof ARRAY_BUFFER | typeof RESPONSE_BODY |
  typeof BY_CONTENT_TYPE;

// Where the request is (its phase):
// the request is sent, no head yet;
const SENT = 0;
// the head is delivered, the body arriving;
const RECEIVING = 1;
// DONE with status 0 while the XHR's own timeout is armed: the `timeout` or `error` event that follows says which;
const DONE_WITHOUT_STATUS = 2;
// released: every handler and timer gone, nothing more is reported.
const FINISHED = 3;
type Phase = typeof SENT | typeof RECEIVING | typeof DONE_WITHOUT_STATUS | typeof FINISHED;

// When the body is read (the moment):
// at readyState DONE: all of it is there;
const AT_DONE = 0;
// in a progress event, whose `loaded` counts the bytes behind the text read now;
const AT_PROGRESS = 1;
// at readyState LOADING, in the poll, or in a read put off.
const MEANWHILE = 2;
type Moment = typeof AT_DONE | typeof AT_PROGRESS | typeof MEANWHILE;

// Whether the text is known to hold the body from its first byte (the BOM check: see readXUserDefined):
// not yet; the progress events' byte counts will tell, and until they do nothing is delivered;
const BOM_CHECK_PENDING = 0;
// not by counts: LEGACY(Opera 12, Edge): the engine fires no progress events, so the text streams unchecked (poll);
const BOM_CHECK_UNAVAILABLE = 1;
// yes: no byte-order mark was decoded away.
const BOM_CHECK_PASSED = 2;
type BOMCheck = typeof BOM_CHECK_PENDING | typeof BOM_CHECK_UNAVAILABLE | typeof BOM_CHECK_PASSED;

/** One request's state (each field's name starts with `_`: the minifier shortens it). */
interface XHRState {
  _xhr: any;
  _request: TransportRequest;
  _listener: TransportListener;
  _phase: Phase;
  _mode: BodyMode;
  /** The consumer takes the body whole: the streaming modes wait for DONE too. */
  _whole: boolean;
  /** The most body bytes a progress event reported. */
  _loaded: number;
  /** The response has a Content-Encoding: progress counts may be of the encoded bytes (Firefox). */
  _encoded: boolean;
  _bomCheck: BOMCheck;
  /** X_USER_DEFINED_TEXT: the chars of responseText already delivered. */
  _received: number;
  /** DECODED_TEXT: the reader of the growing text, the bytes it gave that wait for the BOM check, and how many bytes
   * it gave in all. */
  _decoder: ((text: string) => Bytes | null) | null;
  _held: Bytes[];
  _decodedBytes: number;
  /** The read pause (see readResponseText): when responseText was last read (ms), its length then, the read put off. */
  _lastRead: number;
  _lastLength: number;
  _later: any;
  /** The 250 ms poll (see poll). */
  _poll: any;
  /** The XHR's own timeout is armed. */
  _timeoutArmed: boolean;
}

/** Sends `request` over `xhr` (made by createXHR, unopened). */
export function openXHR(xhr: any, request: TransportRequest, listener: TransportListener): Transport {
  var s: XHRState = {
    _xhr: xhr, _request: request, _listener: listener, _phase: SENT, _mode: X_USER_DEFINED_TEXT, _whole: false,
    _loaded: 0, _encoded: false,
    _bomCheck: 'onprogress' in xhr ? BOM_CHECK_PENDING : BOM_CHECK_UNAVAILABLE, _received: 0, _decoder: null,
    _held: [], _decodedBytes: 0, _lastRead: 0, _lastLength: 0, _later: null, _poll: null, _timeoutArmed: false
  };
  if (typeof xhr.overrideMimeType !== 'function') {
    // LEGACY(IE): an ActiveX or IE9 XHR has no overrideMimeType, so its text is its own decoding of the body. Where
    // JScript's VBArray can read its responseBody (at DONE), that gives the exact bytes instead.
    if (supportsVBArray) s._mode = RESPONSE_BODY;
    else readAsDecodedText(s);
  } else if (overrideReplacesContentType && 'responseType' in xhr && supportsLateResponseType) {
    // LEGACY(old WebKit): no override, so that the Content-Type reported is the real one (see the top of this file).
    s._mode = BY_CONTENT_TYPE;
  }
  xhr.open(request._method, request._url, true);
  // Bytes, not text (see readXUserDefined).
  if (s._mode === X_USER_DEFINED_TEXT) xhr.overrideMimeType(X_USER_DEFINED);
  if (request._credentials) xhr.withCredentials = true;
  for (var i = 0; i < request._headers.length; i++) xhr.setRequestHeader(request._headers[i][0], request._headers[i][1]);
  setHandlers(xhr, {
    onreadystatechange: function () { onReadyStateChange(s); },
    // Progress events feed the body between readyState changes; the poll covers engines that fire neither.
    onprogress: function (event) {
      if (event.loaded > s._loaded) s._loaded = event.loaded;
      readBody(s, AT_PROGRESS);
    },
    onerror: function () { onError(s); },
    ontimeout: function () { onTimeout(s); }
  });
  if (request._onUploadProgress) {
    var report = request._onUploadProgress;
    xhr.upload.onprogress = function (event: ProgressEvent) {
      report({ loaded: event.loaded, total: event.total, lengthComputable: event.lengthComputable });
    };
  }
  if (request._timeout > 0) {
    try {
      xhr.timeout = request._timeout;
      s._timeoutArmed = true;
    } catch (e) {
      // LEGACY(IE): `timeout` present but not settable on this XHR; the AbortSignal's timer does the work.
    }
  }
  s._poll = setInterval(function () { poll(s); }, 250);
  count('liveTimers', 1);
  count('liveXHRs', 1);
  var body = request._body;
  try {
    // LEGACY(IE): without typed arrays (IE9) the bytes are an Array, which XHR level 1 sends only as a string: the
    // transport's capabilities let only UTF-8 text through then.
    xhr.send(body instanceof Array ? utf8Decode(body, false) : body);
  } catch (e) {
    release(s);
    throw e;
  }

  return {
    _abort: function () {
      if (finished(s)) return;
      release(s);
      xhr.abort();
    },
    _whole: function () {
      s._whole = true;
      takeArrayBuffer(s);
    }
  };
}

// Sets the handlers (null: removes them): onreadystatechange always, the others only where the object has them (an
// ActiveX XHR throws on properties it does not know, and on a null handler: it gets a function that does nothing).
function setHandlers(xhr: any, handlers: Handlers | null): void {
  for (var i = 0; i < EVENTS.length; i++) {
    var name = EVENTS[i];
    if (i > 0 && !(name in xhr)) continue;
    try {
      xhr[name] = handlers ? handlers[name] : null;
    } catch (e) {
      xhr[name] = noop; // LEGACY(IE): old ActiveX XHRs
    }
  }
}

function onReadyStateChange(s: XHRState): void {
  if (finished(s)) return;
  var state = s._xhr.readyState;
  if (state === DONE && status(s._xhr) === 0) {
    // DONE without a status is a network error, before the head or after it (a body cut short). With a timeout
    // armed it may be the timeout: the `timeout` or `error` event that follows in the same task says which (the
    // poll is the safety net).
    if (s._timeoutArmed) s._phase = DONE_WITHOUT_STATUS;
    else failNetwork(s);
    return;
  }
  if (state === HEADERS_RECEIVED) readHead(s);
  else if (state === LOADING) readBody(s, MEANWHILE);
  else if (state === DONE) readBody(s, AT_DONE);
  if (state === DONE && !finished(s)) {
    release(s);
    s._listener._end();
  }
}

function onError(s: XHRState): void {
  // LEGACY(old WebKit): `error` fires for HTTP error statuses too; a response with a status is not a network error.
  if (s._phase !== DONE_WITHOUT_STATUS && s._xhr.readyState === DONE && status(s._xhr) !== 0) onReadyStateChange(s);
  else failNetwork(s);
}

function onTimeout(s: XHRState): void {
  // https://xhr.spec.whatwg.org/#request-error-steps: readystatechange at DONE with status 0, then `timeout`, in one
  // task (every engine here does so).
  if (finished(s)) return;
  release(s);
  s._listener._timeout!();
}

// Every 250 ms until released: the safety net for a DONE without status whose `error` never came, and the reads of
// an engine that fires neither readyState LOADING nor progress events as the body arrives.
function poll(s: XHRState): void {
  var state = s._xhr.readyState;
  if (s._phase === DONE_WITHOUT_STATUS) return failNetwork(s);
  // LEGACY(Opera 12, Edge): an engine that fires no progress events as the body arrives streams unchecked.
  if (s._bomCheck === BOM_CHECK_PENDING && s._loaded === 0 && state === LOADING) s._bomCheck = BOM_CHECK_UNAVAILABLE;
  if (state >= HEADERS_RECEIVED) readBody(s, MEANWHILE);
}

// The HTTP status, or 0 for none yet or a network error. LEGACY(IE): before IE10, status is not readable before the
// response is complete, and a network error is reported as a WinInet error code (12002–12156) instead of 0.
function status(xhr: any): number {
  try {
    var reported = xhr.status;
    return reported >= 12000 && reported < 13000 ? 0 : reported;
  } catch (e) {
    return 0;
  }
}

// Delivers the head once the XHR has a status. Returns whether the body is to be read (the head is out and the
// transfer goes on).
function readHead(s: XHRState): boolean {
  if (s._phase !== SENT) return s._phase === RECEIVING;
  var xhr = s._xhr;
  var reported = status(xhr);
  if (reported === 0) return false;
  var headerList = parseResponseHeaders(xhr.getAllResponseHeaders());
  var type = '';
  // LEGACY(old WebKit): the MIME type override replaces the Content-Type the engine reports (and an override set
  // later, at HEADERS_RECEIVED, is ignored there). Where the probe could not tell (a mode other than BY_CONTENT_TYPE),
  // the real type is unknowable: leave it out rather than report ours (README: "Legacy engines").
  for (var i = headerList.length; i--;) {
    var name = headerList[i][0].toLowerCase();
    var value = headerList[i][1];
    if (name === 'content-encoding') s._encoded = true;
    if (name === 'content-type') {
      if (value === X_USER_DEFINED) headerList.splice(i, 1);
      else type = value;
    }
  }
  var url: string | null = xhr.responseURL || xhr.getResponseHeader('X-Request-URL') || null;
  s._phase = RECEIVING;
  var noContent = reported === IE_NO_CONTENT;
  s._listener._head({
    _status: noContent ? 204 : reported, _statusText: noContent ? 'No Content' : xhr.statusText,
    _headerList: headerList, _url: url
  });
  if (s._mode === BY_CONTENT_TYPE && s._phase === RECEIVING) {
    // LEGACY(old WebKit): text the engine decodes as UTF-8 streams as that text; anything else is exact only as an
    // ArrayBuffer, which can still be asked for now, at HEADERS_RECEIVED.
    if (declaredUTF8(type)) readAsDecodedText(s);
    else if (!takeArrayBuffer(s)) fail(s, NOT_UTF8);
  }
  return s._phase === RECEIVING;
}

// LEGACY(old WebKit): whether the engine decodes a body of this Content-Type as UTF-8 (by the charset it names, else
// as UTF-8 unless HTML or XML name their own), and the type says it is UTF-8 text: a UTF-8 charset, or JSON and
// text/event-stream, which are UTF-8 by definition. (A scan of the value as the engine makes it, not a MIME parse.)
function declaredUTF8(type: string): boolean {
  var charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(type);
  return charset ? isUTF8Label(charset[1]) : /^\s*(text\/event-stream|[^;]*json)\s*(;|$)/i.test(type);
}

function readAsDecodedText(s: XHRState): void {
  s._mode = DECODED_TEXT;
  s._decoder = decodedTextReader();
}

// Still at HEADERS_RECEIVED: the body can come as an ArrayBuffer, exact whatever its first bytes. Returns whether it
// comes so.
function takeArrayBuffer(s: XHRState): boolean {
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

// Reads what is new of the body at this moment, with the reader of the body mode, once the head is out.
function readBody(s: XHRState, moment: Moment): void {
  if (!readHead(s) || (s._whole && moment !== AT_DONE)) return;
  switch (s._mode) {
    case X_USER_DEFINED_TEXT: return readXUserDefined(s, moment);
    case DECODED_TEXT: return readDecodedText(s, moment);
    case ARRAY_BUFFER: return readArrayBuffer(s, moment);
    case RESPONSE_BODY: return readResponseBody(s, moment);
    // (BY_CONTENT_TYPE is settled by readHead.)
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
    if (!s._encoded && end < s._loaded) return fail(s, BOM_MESSAGE);
    s._bomCheck = BOM_CHECK_PASSED;
  }
  if (s._bomCheck === BOM_CHECK_PENDING || end <= s._received) return;
  var bytes = newBytes(end - s._received);
  for (var i = s._received, j = 0; i < end; i++, j++) {
    var c = text.charCodeAt(i);
    // x-user-defined maps byte b to b (b < 0x80) or to U+F700 + b: any other char is a BOM-decoded body.
    if (c >= 0x80 && (c < 0xf780 || c > 0xf7ff)) return fail(s, BOM_MESSAGE);
    bytes[j] = c;
  }
  s._received = end;
  deliver(s, bytes);
}

// DECODED_TEXT: the engine's text encoded back as UTF-8, held until the byte counts show that no BOM was removed.
function readDecodedText(s: XHRState, moment: Moment): void {
  var text = readResponseText(s, moment);
  if (text === null) return;
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

// Released: every handler and timer gone, nothing more reported (the checks after a listener call, which may end it).
function finished(s: XHRState): boolean {
  return s._phase === FINISHED;
}

function deliver(s: XHRState, bytes: Bytes): void {
  if (!finished(s) && bytes.length) s._listener._chunk(bytes);
}

function release(s: XHRState): void {
  var xhr = s._xhr;
  s._phase = FINISHED;
  clearInterval(s._poll);
  clearTimeout(s._later);
  count('liveTimers', -1);
  count('liveXHRs', -1);
  setHandlers(xhr, null);
  if (xhr.upload) xhr.upload.onprogress = null;
}

function fail(s: XHRState, message: string): void {
  if (finished(s)) return;
  release(s);
  s._listener._fail(new TypeError(message));
}

function failNetwork(s: XHRState): void {
  fail(s, 'Failed to fetch: network error (' + s._request._method + ' ' + s._request._url + ')');
}

// At DONE an engine that cannot give the body (out of memory on a huge one) must error it, not leave it hanging
// (README "Memory").
function failUnreadable(s: XHRState, error: unknown): void {
  fail(s, 'fetch: unreadable body (' + (error as Error).message + ')');
}
