// fetch(): https://fetch.spec.whatwg.org/#fetch-method, mapped onto XMLHttpRequest (src/transport/xhr.ts).
// What XHR cannot do is refused with a TypeError that says so, never ignored (README: "What XHR cannot do").
import { Request, innerRequest, InnerRequest } from './request';
import { Response, createResponse, newNetworkResponse, isNullBodyStatus, isRedirectStatus } from './response';
import { headerListOf } from './headers';
import { isForbiddenRequestHeader, headerListGet } from './header-list';
import { bodyFromSource, InnerBody } from './body';
import { ChunkSource, readAll, streamSource, isUint8Array } from '../streams/chunk-source';
import { createPushSource } from '../streams/push-source';
import { sendXHR, Transport, ProgressInfo } from '../transport/xhr';
import { originOf, currentOrigin, stripFragment, resolveURL } from './url';
import { nativeFormDataToSend, isExtractedFormDataType } from '../form-data/multipart';
import { signalIsAborted, signalReason, addAbortAlgorithm, timeoutOf } from '../dom/abort-signal';
import { createDOMException } from '../dom/dom-exception';
import { exposeCounters } from '../env/debug-counters';

/**
 * retrofetch's own RequestInit member, `init.retrofetch` (a name no future spec member will take; native fetch
 * ignores it). Progress callbacks get `{ loaded, total, lengthComputable }` in bytes. A listener on the upload
 * makes a cross-origin request preflighted (https://xhr.spec.whatwg.org/#upload-listener-flag).
 */
export interface RetrofetchInit {
  onUploadProgress?: (progress: ProgressInfo) => void;
  /** Body bytes received so far against Content-Length, as the body's stream is fed. */
  onDownloadProgress?: (progress: ProgressInfo) => void;
}

export function fetch(input: unknown, init?: unknown): Promise<Response> {
  return new Promise<Response>(function (resolve, reject) {
    // 1–3. Let requestObject be the result of new Request(input, init); a thrown error rejects (never throws).
    var request = new Request(input, init);
    var inner = innerRequest(request, 'fetch');
    // 4. If requestObject's signal is aborted, then abort the fetch() call with p, request, null, and
    //    requestObject's signal's abort reason, and return p (https://fetch.spec.whatwg.org/#abort-fetch: the
    //    request body, if any, is cancelled with the reason; nothing is sent).
    if (signalIsAborted(inner.signal)) {
      var reason = signalReason(inner.signal);
      var unsent = requestBodySource(inner.body);
      if (unsent !== null) unsent.cancel(reason).then(null, function () { /* already errored: nothing to cancel */ });
      throw reason;
    }
    checkRequest(inner);
    start(inner, resolve, reject);
  });
}

// INTERNAL (tests only): fetch[Symbol.for('retrofetch.counters')]() → { liveXHRs, liveListeners, liveTimers }.
exposeCounters(fetch);

function checkRequest(request: InnerRequest): void {
  // LEGACY(XHR): XHR always follows redirects and hides them; an opaque-redirect response cannot be made.
  if (request.redirect === 'manual') {
    throw new TypeError("fetch: redirect 'manual' is not possible over XMLHttpRequest, which always follows redirects");
  }
  if (request.mode === 'no-cors' && originOf(request.url) !== currentOrigin()) {
    // LEGACY(XHR): no opaque responses; a cross-origin no-cors request can only be sent as a CORS request.
    throw new TypeError("fetch: mode 'no-cors' cross-origin requests are not possible over XMLHttpRequest (use mode 'cors')");
  }
}

// Where the bytes to send come from: the body's source (a stream, read to its end: README "Request bodies"). A Blob
// is read too: PhantomJS's XHR sends a Blob as the string "[object Blob]", and a probe for that would need a request.
function requestBodySource(body: InnerBody | null): ChunkSource | null {
  if (body === null) return null;
  body.disturbed = true;
  return body.stream !== null ? streamSource(body.stream) : body.source;
}

// The engine's own FormData a request body was made from, which XHR sends as it is (README "FormData",
// src/form-data/multipart.ts); not once the body's stream was handed out: then that stream is read and sent.
function nativeFormDataBody(body: InnerBody | null): FormData | null {
  var form = body !== null && body.stream === null ? nativeFormDataToSend(body.origin) : null;
  if (form !== null) body!.disturbed = true;
  return form;
}

// https://fetch.spec.whatwg.org/#http-network-or-cache-fetch, the parts XHR lets us express.
function requestHeaders(request: InnerRequest, crossOrigin: boolean, sendsFormData: boolean): Array<[string, string]> {
  var list = headerListOf(request.headers);
  var out: Array<[string, string]> = [];
  var has: { [name: string]: boolean } = {};
  for (var i = 0; i < list.length; i++) {
    // Forbidden request headers are the browser's to set; XHR would refuse them anyway.
    if (isForbiddenRequestHeader(list[i][0], list[i][1])) continue;
    // A FormData that XHR sends as it is gets XHR's boundary and Content-Type; the one extracted for it is not sent.
    if (sendsFormData && list[i][0].toLowerCase() === 'content-type' && isExtractedFormDataType(list[i][1])) continue;
    out.push([list[i][0], list[i][1]]);
    has[list[i][0].toLowerCase()] = true;
  }
  // The cache-mode headers, same-origin only: on a cross-origin request they would force a CORS preflight that a
  // native fetch never sends (there the browser adds them below the CORS check). The URL parameter does the work.
  if (!crossOrigin) {
    if (request.cache === 'no-store' || request.cache === 'reload') {
      if (!has['pragma']) out.push(['Pragma', 'no-cache']);
      if (!has['cache-control']) out.push(['Cache-Control', 'no-cache']);
    } else if (request.cache === 'no-cache' && !has['cache-control']) {
      out.push(['Cache-Control', 'max-age=0']);
    }
  }
  return out;
}

var bust = 0;

// LEGACY(XHR): no control over the HTTP cache; for no-store/reload/no-cache a unique query parameter on GET/HEAD
// makes sure no cached response is used.
function requestURL(request: InnerRequest, target: string, method: string): string {
  var url = stripFragment(target);
  if ((request.cache === 'no-store' || request.cache === 'reload' || request.cache === 'no-cache') &&
      (method === 'GET' || method === 'HEAD')) {
    url += (url.indexOf('?') < 0 ? '?' : '&') + '_=' + new Date().getTime() + '_' + (bust++);
  }
  return url;
}

function start(request: InnerRequest, resolve: (response: Response) => void, reject: (reason: unknown) => void): void {
  // Checked before anything is taken from the request: a TypeError here leaves its body unused.
  var extension = progressCallbacks(request.extensions.retrofetch);
  // The response body: a cancel (of its stream) stops the transfer and lets go of the signal.
  var source = createPushSource(function () {
    if (transport !== null) transport.abort();
    cleanup();
  });
  var body: Uint8Array | FormData | null = nativeFormDataBody(request.body);
  var unsent = body !== null ? null : requestBodySource(request.body);
  var ended = false; // the transport delivered the whole body
  var finished = false; // cleanup() ran
  var bodyAborted: { reason: unknown } | null = null;
  var resolved = false;
  var received = 0;
  var expected: number | null = null;
  var signal = request.signal;
  var urlList = [request.url];
  var method = request.method;
  var transport: Transport | null = null;

  // https://fetch.spec.whatwg.org/#abort-fetch, run by the abort steps added to requestObject's signal (step 10).
  function onAbort(): void {
    var reason = signalReason(signal);
    var pending = unsent;
    if (transport !== null) transport.abort();
    cleanup();
    // 1. Reject promise with error (nothing happens once it is resolved).
    if (!resolved) reject(reason);
    // 2. If request's body is non-null and is readable (still being read to be sent), then cancel it with error.
    if (pending !== null) pending.cancel(reason).then(null, function () { /* already errored: nothing to cancel */ });
    // 3–6. If there is a response and its body is readable, then error it with error.
    if (resolved) source.error(reason);
  }

  // The transfer is over (or never to be): no XHR, no abort steps on the signal. Once the whole body has arrived an
  // abort still errors the part not yet read (the stream is readable until drained); the body's reads look at the
  // signal for that (see bodySource), so a long-lived signal keeps nothing of a response nobody reads.
  function cleanup(): void {
    transport = null;
    unsent = null;
    finished = true;
    stopAbortSteps();
  }

  var bodySource: ChunkSource = {
    read: function () {
      if (bodyAborted === null && ended && source.queued() > 0 && signalIsAborted(signal)) {
        bodyAborted = { reason: signalReason(signal) };
        source.cancel(bodyAborted.reason);
      }
      return bodyAborted !== null ? Promise.reject(bodyAborted.reason) : source.read();
    },
    cancel: function (reason) {
      return source.cancel(reason);
    },
    whole: function () {
      source.whole();
    }
  };

  function refuse(error: TypeError): void {
    if (transport !== null) transport.abort();
    cleanup();
    reject(error);
  }

  // An engine that throws at open() or send() (a refused URL or method) fails the fetch, wherever send is called.
  function send(url: string): void {
    try {
      openTransport(url);
    } catch (error) {
      cleanup();
      if (!resolved) reject(error);
      else source.error(error);
    }
  }

  function openTransport(url: string): void {
    var crossOrigin = originOf(url) !== currentOrigin();
    var sentURL = requestURL(request, url, method);
    var backstop = timeoutOf(signal);
    transport = sendXHR({
      method: method,
      url: sentURL,
      headers: requestHeaders(request, crossOrigin, body !== null && !isUint8Array(body)),
      body: body,
      // https://fetch.spec.whatwg.org/#concept-request-credentials-mode: XHR's withCredentials is "include";
      // same-origin is XHR's default. LEGACY(XHR): "omit" cannot stop same-origin cookies (README).
      withCredentials: request.credentials === 'include',
      onUploadProgress: extension.onUploadProgress || null,
      // AbortSignal.timeout()'s deadline, as the XHR's own `timeout`: a backstop for when timers are throttled.
      timeout: backstop !== null ? Math.max(1, backstop.ms) : 0
    }, {
      head: function (head) {
        var finalURL = head.url !== null ? head.url : sentURL;
        if (stripFragment(finalURL) !== sentURL) urlList.push(finalURL);
        var location = isRedirectStatus(head.status) ? headerListGet(head.headerList, 'Location') : null;
        if (location !== null) return redirect(head.status, location, finalURL);
        if (urlList.length > 1 && request.redirect === 'error') {
          return refuse(new TypeError("fetch: the response was redirected and the request's redirect mode is 'error'"));
        }
        var nullBody = isNullBodyStatus(head.status) || method === 'HEAD';
        expected = contentLength(head.headerList);
        var type: ResponseType = originOf(finalURL) === currentOrigin() ? 'basic' : 'cors';
        var inner = newNetworkResponse(head.status, head.statusText, head.headerList,
          nullBody ? null : bodyFromSource(bodySource, expected), urlList, type);
        resolved = true;
        resolve(createResponse(inner));
      },
      // A body read whole, with nobody watching download progress, is converted once at the end (old engines copy
      // the whole responseText on every read: reading it per event is quadratic; README "Memory").
      deferChunks: function () {
        return source.wantsWhole() && !extension.onDownloadProgress;
      },
      chunk: function (bytes) {
        received += bytes.length;
        source.push(bytes);
        if (extension.onDownloadProgress) {
          extension.onDownloadProgress({ loaded: received, total: expected !== null ? expected : 0, lengthComputable: expected !== null });
        }
      },
      end: function (exact) {
        if (!resolved) return;
        ended = true;
        cleanup();
        // Never a truncated body: fewer bytes than Content-Length is an error (without a Content-Encoding, where
        // the length counts the encoded bytes, and unless the engine decoded the body by its BOM).
        if (exact && expected !== null && received < expected) {
          source.error(new TypeError('fetch: the body was ' + received + ' bytes, shorter than its Content-Length ' + expected));
        } else {
          source.close();
        }
      },
      fail: function (error) {
        cleanup();
        if (!resolved) reject(error);
        else source.error(error);
      },
      // The XHR's timeout (the backstop above) fired: the deadline has passed, so the timeout signal fires now and
      // the fetch ends as for any abort, with the signal's own TimeoutError (never a late "network error").
      timeout: function () {
        var timeout = timeoutOf(signal);
        if (timeout !== null) timeout.fire();
        if (finished) return;
        var error = createDOMException('signal timed out', 'TimeoutError');
        cleanup();
        if (!resolved) reject(error);
        else source.error(error);
      }
    });
  }

  // https://fetch.spec.whatwg.org/#http-redirect-fetch, for a redirect the engine's XHR handed to script instead of
  // following (LEGACY: old WebKit does not follow 308).
  function redirect(status: number, location: string, from: string): void {
    if (transport !== null) transport.abort();
    if (request.redirect === 'error') {
      return refuse(new TypeError("fetch: the response was redirected and the request's redirect mode is 'error'"));
    }
    if (urlList.length > 20) return refuse(new TypeError('fetch: too many redirects'));
    var next = resolveURL(location, from);
    if (next === null) return refuse(new TypeError("fetch: the redirect's Location is not a valid URL: " + location));
    // 12. 301/302 after POST, and 303 (but for HEAD), become GET without a body.
    if (((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'HEAD')) {
      method = 'GET';
      body = null;
    }
    urlList.push(next);
    send(next);
  }

  // 10. Add the following abort steps to requestObject's signal: abort the fetch() call (onAbort).
  var stopAbortSteps = addAbortAlgorithm(signal, onAbort);
  if (unsent === null) return send(request.url);
  readAll(unsent).then(function (bytes) {
    if (unsent === null) return; // aborted meanwhile
    unsent = null;
    body = bytes;
    send(request.url);
  }, function (error) {
    if (unsent === null) return;
    cleanup();
    reject(error);
  });
}

// The RetrofetchInit member, checked like a dictionary: each callback is a function or absent.
function progressCallbacks(value: unknown): RetrofetchInit {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object') throw new TypeError('fetch: RequestInit member retrofetch is not an object');
  var names = ['onUploadProgress', 'onDownloadProgress'];
  for (var i = 0; i < names.length; i++) {
    var callback = (value as any)[names[i]];
    if (callback !== undefined && typeof callback !== 'function') {
      throw new TypeError('fetch: RequestInit member retrofetch.' + names[i] + ' is not a function');
    }
  }
  return value as RetrofetchInit;
}

// The body's length, where Content-Length counts the bytes the body stream gives (no Content-Encoding).
function contentLength(headerList: Array<[string, string]>): number | null {
  if (headerListGet(headerList, 'Content-Encoding') !== null) return null;
  var length = headerListGet(headerList, 'Content-Length');
  return length !== null && /^\d+$/.test(length) ? parseInt(length, 10) : null;
}
