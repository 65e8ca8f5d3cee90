// The XHR transport: one fresh XMLHttpRequest per fetch, released when the request settles.
// Bytes arrive as `responseText` under `overrideMimeType('text/plain; charset=x-user-defined')`, where each char's
// low byte is a response byte; only the part past `received` is converted (the seed's Comet offset), so the body
// streams as it arrives and no second full copy is kept.
import { createXHR } from './xhr-factory';
import { parseResponseHeaders } from './parse-headers';

export interface TransportRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: ArrayBuffer | Blob | null;
  withCredentials: boolean;
  onUploadProgress: ((event: ProgressInfo) => void) | null;
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
  chunk(bytes: Uint8Array): void;
  end(): void;
  /** A network error: before head() the fetch rejects; after it the body errors. */
  fail(error: TypeError): void;
}

export interface Transport {
  abort(): void;
}

var POLL_MS = 250;

export function sendXHR(request: TransportRequest, callbacks: TransportCallbacks): Transport {
  var xhr: XMLHttpRequest | null = createXHR();
  var received = 0; // chars of responseText already turned into bytes
  var headSent = false;
  var finished = false;
  var timer: any = null;

  function release(): void {
    finished = true;
    if (timer !== null) clearInterval(timer);
    timer = null;
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

  function readHead(): boolean {
    if (headSent || xhr === null) return headSent;
    var status: number;
    try {
      status = xhr.status;
    } catch (e) {
      return false; // LEGACY(IE<10): status is not readable before the response is complete
    }
    if (status === 0) return false;
    if (status === 1223) status = 204; // LEGACY(IE): a 204 reported as 1223
    var raw = xhr.getAllResponseHeaders();
    var headerList = parseResponseHeaders(raw);
    var url: string | null = typeof xhr.responseURL === 'string' && xhr.responseURL !== '' ? xhr.responseURL : null;
    if (url === null) {
      var requestURL = xhr.getResponseHeader('X-Request-URL');
      if (requestURL) url = requestURL;
    }
    headSent = true;
    callbacks.head({ status: status, statusText: status === 204 && xhr.status === 1223 ? 'No Content' : xhr.statusText, headerList: headerList, url: url });
    return true;
  }

  function pump(): void {
    if (xhr === null || !headSent) return;
    var text: string;
    try {
      text = xhr.responseText;
    } catch (e) {
      return; // LEGACY(IE<10): responseText is not readable during readyState 3
    }
    if (typeof text !== 'string' || text.length <= received) return;
    var end = text.length;
    var bytes = new Uint8Array(end - received);
    for (var i = received, j = 0; i < end; i++, j++) bytes[j] = text.charCodeAt(i) & 0xff;
    received = end;
    callbacks.chunk(bytes);
  }

  function onReadyStateChange(): void {
    if (xhr === null) return;
    var state = xhr.readyState;
    if (state >= 2 && !readHead()) {
      if (state === 4) fail('Failed to fetch: network error (' + request.method + ' ' + request.url + ')');
      return;
    }
    if (state >= 3) pump();
    if (state === 4 && !finished) {
      release();
      callbacks.end();
    }
  }

  xhr.open(request.method, request.url, true);
  // The object's own capability decides (an ActiveX XHR has no overrideMimeType).
  if (typeof xhr.overrideMimeType === 'function') xhr.overrideMimeType('text/plain; charset=x-user-defined');
  if (request.withCredentials) xhr.withCredentials = true;
  for (var i = 0; i < request.headers.length; i++) xhr.setRequestHeader(request.headers[i][0], request.headers[i][1]);
  xhr.onreadystatechange = onReadyStateChange;
  // Progress events feed the body between readyState changes; a timer covers engines that fire neither.
  xhr.onprogress = function () {
    if (readHead()) pump();
  };
  xhr.onerror = function () {
    fail('Failed to fetch: network error (' + request.method + ' ' + request.url + ')');
  };
  if (request.onUploadProgress !== null && xhr.upload) {
    var report = request.onUploadProgress;
    xhr.upload.onprogress = function (event: ProgressEvent) {
      report({ loaded: event.loaded, total: event.total, lengthComputable: event.lengthComputable });
    };
  }
  timer = setInterval(function () {
    if (xhr !== null && xhr.readyState >= 2 && readHead()) pump();
  }, POLL_MS);
  xhr.send(request.body as any);

  return {
    abort: function () {
      if (finished || xhr === null) return;
      var x = xhr;
      release();
      x.abort();
    }
  };
}
