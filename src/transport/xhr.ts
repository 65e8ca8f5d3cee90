// The XHR transport (./transport.ts): one fresh XMLHttpRequest per request, released when it settles.
// Bytes arrive as `responseText` under `overrideMimeType('text/plain; charset=x-user-defined')`, where each char's
// low byte is a response byte; only the part past what was delivered is converted, so the body streams as it arrives
// and no second full copy is kept. A consumer that takes the body whole before it starts arriving gets it through
// `responseType = 'arraybuffer'` instead: exact, and one conversion.
// LEGACY(old WebKit): where the override would replace the Content-Type the engine reports, none is set. The head is
// then read as sent; a body declared UTF-8 text streams as the engine's decoding of it, encoded back and checked by
// byte counts, and any other comes as an ArrayBuffer (set at HEADERS_RECEIVED: exact, in one chunk at the end).
//
// The shape: one state record per request (./xhr-state.ts); the XHR's events, here, deliver the head once (readHead),
// then the body with the reader of its body mode (./xhr-body.ts); release() ends it all.
import { parseResponseHeaders } from './parse-headers';
import { Transport, TransportRequest, TransportListener } from './transport';
import {
  XHRState, Moment, HEADERS_RECEIVED, LOADING, DONE, SENT, RECEIVING, DONE_WITHOUT_STATUS, X_USER_DEFINED_TEXT,
  BY_CONTENT_TYPE, AT_DONE, AT_PROGRESS, MEANWHILE, BOM_CHECK_PENDING, BOM_CHECK_UNAVAILABLE, newXHRState, setHandlers,
  finished, release, fail
} from './xhr-state';
import { X_USER_DEFINED, chooseBodyMode, chooseBodyModeByType, readBody, takeArrayBuffer } from './xhr-body';
import { count } from '../env/debug-counters';
import { utf8DecodeWithoutBOM } from '../encoding/utf8';

// LEGACY(IE): the status IE's XHRs report for a 204 No Content.
var IE_NO_CONTENT = 1223;

/** Sends `request` over `xhr` (made by createXHR, unopened). */
export function openXHR(xhr: any, request: TransportRequest, listener: TransportListener): Transport {
  var s = newXHRState(xhr, request, listener);
  chooseBodyMode(s);
  xhr.open(request._method, request._url, true);
  // Bytes, not text (./xhr-body.ts, readXUserDefined).
  if (s._mode === X_USER_DEFINED_TEXT) xhr.overrideMimeType(X_USER_DEFINED);
  if (request._credentials) xhr.withCredentials = true;
  for (var i = 0; i < request._headers.length; i++) xhr.setRequestHeader(request._headers[i][0], request._headers[i][1]);
  setHandlers(xhr, {
    onreadystatechange: function () { onReadyStateChange(s); },
    // Progress events feed the body between readyState changes; the poll covers engines that fire neither.
    onprogress: function (event) {
      if (event.loaded > s._loaded) s._loaded = event.loaded;
      read(s, AT_PROGRESS);
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
    xhr.send(body instanceof Array ? utf8DecodeWithoutBOM(body) : body);
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
  else if (state === LOADING) read(s, MEANWHILE);
  else if (state === DONE) read(s, AT_DONE);
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
  if (state >= HEADERS_RECEIVED) read(s, MEANWHILE);
}

// What the XHR has now: the head, once, then what is new of the body.
function read(s: XHRState, moment: Moment): void {
  if (readHead(s)) readBody(s, moment);
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
  if (s._mode === BY_CONTENT_TYPE && s._phase === RECEIVING) chooseBodyModeByType(s, type);
  return s._phase === RECEIVING;
}

function failNetwork(s: XHRState): void {
  fail(s, 'Failed to fetch: network error (' + s._request._method + ' ' + s._request._url + ')');
}
