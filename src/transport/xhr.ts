// The XHR transport: one fresh XMLHttpRequest per fetch, released when the request settles.
// Bytes arrive as `responseText` under `overrideMimeType('text/plain; charset=x-user-defined')`, where each char's
// low byte is a response byte; only the part past `received` is converted (the seed's Comet offset), so the body
// streams as it arrives and no second full copy is kept.
import { createXHR } from './xhr-factory';
import { parseResponseHeaders } from './parse-headers';
import { utf8Encode } from '../encoding/utf8';
import { concat } from '../streams/chunk-source';
import { counters } from '../env/debug-counters';

export interface TransportRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  /** Bytes, or an engine's own FormData (which XHR encodes itself). */
  body: Uint8Array | FormData | null;
  withCredentials: boolean;
  onUploadProgress: ((event: ProgressInfo) => void) | null;
  /** Milliseconds for the XHR's own `timeout` (0: none), where the engine has it. */
  timeout: number;
}

export interface ProgressInfo {
  loaded: number;
  total: number;
  lengthComputable: boolean;
}

export interface TransportHead {
  status: number;
  statusText: string;
  headerList: Array<[string, string]>;
  /** The final URL after redirects, or null where the engine does not tell (no responseURL, no X-Request-URL). */
  url: string | null;
}

export interface TransportCallbacks {
  /** Status and headers are known (HEADERS_RECEIVED where the engine exposes them, else the first later state). */
  head(head: TransportHead): void;
  /** While true, chunks may wait for the end (the consumer takes the body whole). */
  deferChunks(): boolean;
  chunk(bytes: Uint8Array): void;
  /** `exact` is false when the engine decoded the body by its byte-order mark (see bytesOf below). */
  end(exact: boolean): void;
  /** A network error: before head() the fetch rejects; after it the body errors. */
  fail(error: TypeError): void;
  /** The XHR's `timeout` elapsed (the request is released, as for fail). */
  timeout(): void;
}

export interface Transport {
  abort(): void;
}

var POLL_MS = 250;
var X_USER_DEFINED = 'text/plain; charset=x-user-defined';

export function sendXHR(request: TransportRequest, callbacks: TransportCallbacks): Transport {
  var xhr: XMLHttpRequest | null = createXHR();
  var received = 0; // chars of responseText already turned into bytes
  var sniffed = false; // the engine decoded the body by its BOM, not as x-user-defined
  var headSent = false;
  var finished = false;
  var timer: any = null;
  var counted = false; // in counters.liveXHRs
  var timeoutSet = false; // the XHR's own timeout is armed
  var doneWithoutStatus = false; // DONE with no response: waiting for `timeout` or `error` to say which

  function release(): void {
    finished = true;
    if (timer !== null) {
      clearInterval(timer);
      counters.liveTimers--;
    }
    timer = null;
    if (counted) counters.liveXHRs--;
    counted = false;
    if (xhr !== null) {
      xhr.onreadystatechange = xhr.onprogress = xhr.onload = xhr.onerror = xhr.onabort = xhr.ontimeout = null as any;
      if (xhr.upload) xhr.upload.onprogress = null;
    }
    xhr = null;
  }

  function fail(message: string): void {
    if (finished) return;
    release();
    callbacks.fail(new TypeError(message));
  }

  function failNetwork(): void {
    fail('Failed to fetch: network error (' + request.method + ' ' + request.url + ')');
  }

  // The XHR's timeout elapsed (https://xhr.spec.whatwg.org/#request-error-steps: readystatechange at DONE with
  // status 0, then `timeout`, then `loadend`, in one task; every engine here does so).
  function onTimeout(): void {
    if (finished) return;
    release();
    callbacks.timeout();
  }

  function readHead(): boolean {
    if (headSent || xhr === null) return headSent;
    var reported: number;
    try {
      reported = xhr.status;
    } catch (e) {
      return false; // LEGACY(IE<10): status is not readable before the response is complete
    }
    if (reported === 0) return false;
    var status = reported === 1223 ? 204 : reported; // LEGACY(IE): a 204 reported as 1223
    var headerList = parseResponseHeaders(xhr.getAllResponseHeaders());
    // LEGACY(old WebKit, PhantomJS): the MIME type override replaces the Content-Type the engine reports (and an
    // override set later, at HEADERS_RECEIVED, is ignored there). The real type is unknowable: leave it out rather
    // than report ours (README: "Legacy engines").
    for (var i = headerList.length - 1; i >= 0; i--) {
      if (headerList[i][0].toLowerCase() === 'content-type' && headerList[i][1] === X_USER_DEFINED) headerList.splice(i, 1);
    }
    var url: string | null = typeof xhr.responseURL === 'string' && xhr.responseURL !== '' ? xhr.responseURL : null;
    if (url === null) {
      var requestURL = xhr.getResponseHeader('X-Request-URL');
      if (requestURL) url = requestURL;
    }
    headSent = true;
    callbacks.head({ status: status, statusText: reported === 1223 ? 'No Content' : xhr.statusText, headerList: headerList, url: url });
    return true;
  }

  function pump(): void {
    if (xhr === null || !headSent) return;
    if (xhr.readyState !== 4 && callbacks.deferChunks()) return;
    var text: string;
    try {
      text = xhr.responseText;
    } catch (e) {
      // LEGACY(IE<10): responseText is not readable during readyState 3. At DONE, though, an engine that cannot
      // give the text (out of memory on a huge body) must error the body, not leave it hanging (README "Memory").
      if (xhr.readyState === 4) fail('fetch: the engine could not hold the response body (' + (e as Error).message + ')');
      return;
    }
    if (typeof text !== 'string' || text.length <= received) return;
    var end = text.length;
    // A UTF-16 surrogate pair split across two reads is taken whole on the next one.
    if (sniffed) {
      var last = text.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end--;
      if (end <= received) return;
    }
    var bytes = bytesOf(text, received, end);
    received = end;
    callbacks.chunk(bytes);
  }

  // x-user-defined maps byte b to b (b < 0x80) or to U+F700 + b, so each char's low byte is the byte. But XHR decodes
  // with BOM sniffing first (https://encoding.spec.whatwg.org/#decode): a body that starts with a byte-order mark is
  // decoded by that BOM instead, and chars outside those two ranges show it. From there on the text is encoded back
  // as UTF-8 (exact for a UTF-8 body with a BOM, which is what this meets in practice); README: "Byte-order marks".
  function bytesOf(text: string, start: number, end: number): Uint8Array {
    if (!sniffed) {
      var bytes = new Uint8Array(end - start);
      for (var i = start, j = 0; i < end; i++, j++) {
        var c = text.charCodeAt(i);
        if (c < 0x80 || (c >= 0xf780 && c <= 0xf7ff)) {
          bytes[j] = c & 0xff;
          continue;
        }
        sniffed = true;
        // At the very start, the BOM itself was consumed by the decoder: put the UTF-8 BOM back.
        var head = i === 0 ? new Uint8Array([0xef, 0xbb, 0xbf]) : bytes.subarray(0, j);
        var tail = utf8Encode(text.slice(i, end));
        return concat([head, tail], head.length + tail.length);
      }
      return bytes;
    }
    return utf8Encode(text.slice(start, end));
  }

  function onReadyStateChange(): void {
    if (xhr === null) return;
    var state = xhr.readyState;
    // With a timeout armed, DONE without a status (before or after the headers) may be the timeout: the `timeout`
    // or `error` event that follows in the same task says which (the poll below is the safety net).
    if (state === 4 && timeoutSet && xhr.status === 0) {
      doneWithoutStatus = true;
      return;
    }
    if (state >= 2 && !readHead()) {
      if (state === 4) failNetwork();
      return;
    }
    if (state >= 3) pump();
    if (state === 4 && !finished) {
      release();
      callbacks.end(!sniffed);
    }
  }

  xhr.open(request.method, request.url, true);
  // Bytes, not text (see bytesOf); an ActiveX XHR has no overrideMimeType (IE9 and older: text as decoded).
  if (typeof xhr.overrideMimeType === 'function') xhr.overrideMimeType(X_USER_DEFINED);
  if (request.withCredentials) xhr.withCredentials = true;
  for (var i = 0; i < request.headers.length; i++) xhr.setRequestHeader(request.headers[i][0], request.headers[i][1]);
  xhr.onreadystatechange = onReadyStateChange;
  // Progress events feed the body between readyState changes; a timer covers engines that fire neither.
  xhr.onprogress = function () {
    if (readHead()) pump();
  };
  xhr.onerror = function () {
    // LEGACY(PhantomJS): `error` fires for HTTP error statuses too; a response with a status is not a network error.
    if (xhr !== null && !doneWithoutStatus && xhr.readyState === 4 && readHead()) return onReadyStateChange();
    failNetwork();
  };
  if (request.onUploadProgress !== null && xhr.upload) {
    var report = request.onUploadProgress;
    xhr.upload.onprogress = function (event: ProgressEvent) {
      report({ loaded: event.loaded, total: event.total, lengthComputable: event.lengthComputable });
    };
  }
  if (request.timeout > 0 && 'timeout' in xhr) {
    try {
      xhr.timeout = request.timeout;
      xhr.ontimeout = onTimeout;
      timeoutSet = true;
    } catch (e) {
      // LEGACY(old engines): `timeout` present but not settable on this XHR; the AbortSignal's timer does the work.
    }
  }
  timer = setInterval(function () {
    if (doneWithoutStatus) failNetwork();
    else if (xhr !== null && xhr.readyState >= 2 && readHead()) pump();
  }, POLL_MS);
  counters.liveTimers++;
  counters.liveXHRs++;
  counted = true;
  try {
    xhr.send(request.body as any);
  } catch (e) {
    release();
    throw e;
  }

  return {
    abort: function () {
      if (finished || xhr === null) return;
      var x = xhr;
      release();
      x.abort();
    }
  };
}
