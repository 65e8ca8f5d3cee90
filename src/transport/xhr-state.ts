// One XHR request's state (XHRState), shared by the XHR transport's event handlers (./xhr.ts) and its body readers
// (./xhr-body.ts): the named states it moves through, and the steps that end it (release, fail). Each field's name
// starts with `_`: the standalone scripts' minifier shortens it.
import { TransportRequest, TransportListener, noop } from './transport';
import { count } from '../env/debug-counters';
import { Bytes } from '../infra/bytes';

// https://xhr.spec.whatwg.org/#states (UNSENT 0 and OPENED 1 are never looked at).
export const HEADERS_RECEIVED = 2;
export const LOADING = 3;
export const DONE = 4;

// Where the request is (its phase):
// the request is sent, no head yet;
export const SENT = 0;
// the head is delivered, the body arriving;
export const RECEIVING = 1;
// DONE with status 0 while the XHR's own timeout is armed: the `timeout` or `error` event that follows says which;
export const DONE_WITHOUT_STATUS = 2;
// released: every handler and timer gone, nothing more is reported.
const FINISHED = 3;
type Phase = typeof SENT | typeof RECEIVING | typeof DONE_WITHOUT_STATUS | typeof FINISHED;

// How the body's bytes are read off the XHR (the body mode); each mode has its reader in ./xhr-body.ts.
// `responseText` under the x-user-defined override: streams, each char's low byte a body byte.
export const X_USER_DEFINED_TEXT = 0;
// `responseText` as the engine decoded it, encoded back as UTF-8 (./decoded-text.ts): IE's XHRs that have no
// override and no VBArray, and old WebKit for a body declared UTF-8. Streams, checked by byte counts.
export const DECODED_TEXT = 1;
// `response` after `responseType = 'arraybuffer'` (set at HEADERS_RECEIVED): exact, in one chunk at DONE.
export const ARRAY_BUFFER = 2;
// LEGACY(IE): `responseBody`, the raw bytes of an XHR with no override, through JScript's VBArray: exact, in one
// chunk at DONE.
export const RESPONSE_BODY = 3;
// LEGACY(old WebKit): no override is set, and the head's Content-Type picks DECODED_TEXT or ARRAY_BUFFER.
export const BY_CONTENT_TYPE = 4;
type BodyMode = typeof X_USER_DEFINED_TEXT | typeof DECODED_TEXT | typeof ARRAY_BUFFER | typeof RESPONSE_BODY |
  typeof BY_CONTENT_TYPE;

// When the body is read (the moment):
// at readyState DONE: all of it is there;
export const AT_DONE = 0;
// in a progress event, whose `loaded` counts the bytes behind the text read now;
export const AT_PROGRESS = 1;
// at readyState LOADING, in the poll, or in a read put off.
export const MEANWHILE = 2;
export type Moment = typeof AT_DONE | typeof AT_PROGRESS | typeof MEANWHILE;

// Whether the text is known to hold the body from its first byte (the BOM check, ./xhr-body.ts):
// not yet; the progress events' byte counts will tell, and until they do nothing is delivered;
export const BOM_CHECK_PENDING = 0;
// not by counts: LEGACY(Opera 12, Edge): the engine fires no progress events, so the text streams unchecked;
export const BOM_CHECK_UNAVAILABLE = 1;
// yes: no byte-order mark was decoded away.
export const BOM_CHECK_PASSED = 2;
type BOMCheck = typeof BOM_CHECK_PENDING | typeof BOM_CHECK_UNAVAILABLE | typeof BOM_CHECK_PASSED;

/** One request's state. */
export interface XHRState {
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
  /**
   * DECODED_TEXT: the reader of the growing text, the bytes it gave that wait for the BOM check, and how many bytes
   * it gave in all.
   */
  _decoder: ((text: string) => Bytes | null) | null;
  _held: Bytes[];
  _decodedBytes: number;
  /** The read pause (xhr-body.ts readResponseText): when responseText was last read (ms), its length then, the read put off. */
  _lastRead: number;
  _lastLength: number;
  _later: any;
  /** The 250 ms poll (xhr.ts). */
  _poll: any;
  /** The XHR's own timeout is armed. */
  _timeoutArmed: boolean;
}

/** The state of a request just sent over `xhr`, its body mode yet to be chosen. */
export function newXHRState(xhr: any, request: TransportRequest, listener: TransportListener): XHRState {
  return {
    _xhr: xhr, _request: request, _listener: listener, _phase: SENT, _mode: X_USER_DEFINED_TEXT, _whole: false,
    _loaded: 0, _encoded: false, _bomCheck: 'onprogress' in xhr ? BOM_CHECK_PENDING : BOM_CHECK_UNAVAILABLE,
    _received: 0, _decoder: null, _held: [], _decodedBytes: 0, _lastRead: 0, _lastLength: 0, _later: null,
    _poll: null, _timeoutArmed: false
  };
}

// The event handlers the transport sets: onreadystatechange on every XHR, the others where the XHR has them.
var EVENTS = ['onreadystatechange', 'onprogress', 'onerror', 'ontimeout'];

/** The XHR's event handlers, by their names in EVENTS. */
type Handlers = { [event: string]: (event: ProgressEvent) => void };

/**
 * Sets the handlers (null: removes them): onreadystatechange always, the others only where the object has them (an
 * ActiveX XHR throws on properties it does not know, and on a null handler: it gets a function that does nothing).
 */
export function setHandlers(xhr: any, handlers: Handlers | null): void {
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

/** Released: every handler and timer gone, nothing more reported (checked after a listener call, which may end it). */
export function finished(s: XHRState): boolean {
  return s._phase === FINISHED;
}

export function deliver(s: XHRState, bytes: Bytes): void {
  if (!finished(s) && bytes.length) s._listener._chunk(bytes);
}

export function release(s: XHRState): void {
  var xhr = s._xhr;
  s._phase = FINISHED;
  clearInterval(s._poll);
  clearTimeout(s._later);
  count('liveTimers', -1);
  count('liveXHRs', -1);
  setHandlers(xhr, null);
  if (xhr.upload) xhr.upload.onprogress = null;
}

/** Ends the request with a TypeError saying why (a network error, or a body that cannot be delivered exactly). */
export function fail(s: XHRState, message: string): void {
  if (finished(s)) return;
  release(s);
  s._listener._fail(new TypeError(message));
}
