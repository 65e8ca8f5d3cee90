// The fetch algorithms, https://fetch.spec.whatwg.org/#fetching, over a transport (src/transport/transport.ts).
// fetch() (./fetch.ts) is one caller; anything else that fetches (an EventSource, say) calls fetching() too. Each
// algorithm keeps the spec's name and step numbers where they apply; a step XHR-era transports cannot express is
// refused with a TypeError saying so (README "What XHR cannot do"), never ignored. The state of a fetch is the fetch
// controller's (ongoing, terminated, aborted) plus the request record below: no other flags.
import { InnerRequest } from './request';
import { InnerResponse, newNetworkResponse, isNullBodyStatus, isRedirectStatus } from './response';
import { headerListOf } from './headers';
import { HeaderList, headerListGet, headerListDelete, isForbiddenRequestHeader } from './header-list';
import { bodyFromSource, takeSource } from './body';
import { processDataURL } from './data-url';
import { originOf, currentOrigin, stripFragment, parseURL, baseURL } from './url';
import { readAll } from '../streams/chunk-source';
import { Bytes, concatBytes } from '../infra/bytes';
import { createPushSource } from '../streams/push-source';
import { chooseTransport } from '../transport/choose';
import { Capabilities, ProgressInfo, Transport } from '../transport/transport';
import { nativeFormDataToSend, isExtractedFormDataType } from '../form-data/multipart';
import { createUTF8Decoder } from '../encoding/utf8';
import { timeoutOf } from '../dom/abort-signal';
import { createDOMException } from '../dom/dom-exception';

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

/** https://fetch.spec.whatwg.org/#fetch-controller */
export interface FetchController {
  state: 'ongoing' | 'terminated' | 'aborted';
  /** Ends what is in flight now (the request body being read, or the transport), with the abort reason. */
  stop: (reason: unknown) => void;
}

/** https://fetch.spec.whatwg.org/#fetch-controller-abort, for the abort reason `error`. */
export function abortFetchController(controller: FetchController, error: unknown): void {
  // 1. Set controller's state to "aborted". 2–4. Its serialized abort reason is error itself (one realm).
  if (controller.state !== 'ongoing') return;
  controller.state = 'aborted';
  controller.stop(error);
}

/** The parts of https://fetch.spec.whatwg.org/#concept-request that the algorithms read and change. */
interface FetchRequest {
  method: string;
  urlList: string[];
  /** A copy: redirects change it, the Request object's header list stays as it was. */
  headerList: HeaderList;
  /** The bytes to send. */
  body: Bytes | null;
  /** Or an engine's own FormData, which XHR encodes itself. */
  form: FormData | null;
  /** The body's source was a stream (https://fetch.spec.whatwg.org/#concept-body-source null). */
  streamed: boolean;
  mode: RequestMode;
  credentials: RequestCredentials;
  cache: RequestCache;
  redirect: RequestRedirect;
  redirectCount: number;
  tainting: 'basic' | 'cors';
  keepalive: boolean;
}

/** https://fetch.spec.whatwg.org/#fetch-params */
interface FetchParams {
  request: FetchRequest;
  controller: FetchController;
  /** Called once: a response (its body still arriving), or a network error (the reason). */
  processResponse: (response: InnerResponse | null, error?: unknown) => void;
  /** Called once the transfer is over (body complete, failed, or stopped). */
  processEnd: () => void;
  progress: RetrofetchInit;
  signal: unknown;
}

/** A network error, in the continuation style the algorithms below share. */
function networkError(params: FetchParams, message: string): void {
  params.processEnd();
  params.processResponse(null, new TypeError(message));
}

var REQUEST_BODY_HEADERS = ['Content-Encoding', 'Content-Language', 'Content-Location', 'Content-Type'];

/**
 * https://fetch.spec.whatwg.org/#concept-fetch. `processEnd` runs when the transfer is over, whatever the reason.
 * Throws (before anything is taken from the request) what cannot be done at all.
 */
export function fetching(inner: InnerRequest, progress: RetrofetchInit,
  processResponse: FetchParams['processResponse'], processEnd: () => void): FetchController {
  // LEGACY(XHR): XHR always follows redirects and hides them; an opaque-redirect response cannot be made.
  if (inner.redirect === 'manual') {
    throw new TypeError("fetch: redirect 'manual' is not possible over XMLHttpRequest, which always follows redirects");
  }
  var controller: FetchController = { state: 'ongoing', stop: noop };
  var params: FetchParams = {
    request: {
      method: inner.method, urlList: [inner.url], headerList: headerListOf(inner.headers).slice(), body: null, form: null,
      streamed: inner.body !== null && inner.body.origin === null, mode: inner.mode, credentials: inner.credentials,
      cache: inner.cache, redirect: inner.redirect, redirectCount: 0, tainting: 'basic', keepalive: inner.keepalive
    },
    controller: controller, processResponse: processResponse, processEnd: processEnd, progress: progress,
    signal: inner.signal
  };
  // 1–15: timing, the client, the policy container, `Accept` and `Accept-Language` are the engine's.
  // LEGACY(XHR): a request body is sent whole, so it is read to its end first (README "request body streaming").
  // An engine's own FormData is handed to XHR as it is (src/form-data/multipart.ts).
  var body = inner.body;
  var form = body !== null && body.stream === null ? nativeFormDataToSend(body.origin) : null;
  if (body === null || form !== null) {
    if (body !== null) body.disturbed = true;
    params.request.form = form;
    mainFetch(params);
    return controller;
  }
  body.disturbed = true;
  var source = takeSource(body);
  controller.stop = function (reason) {
    source.cancel(reason);
    processEnd();
  };
  readAll(source, function (chunks, length) {
    if (controller.state !== 'ongoing') return;
    params.request.body = concatBytes(chunks, length);
    // 16–20. Run main fetch given fetchParams.
    mainFetch(params);
  }, function (error) {
    if (controller.state !== 'ongoing') return;
    processEnd();
    processResponse(null, error);
  });
  return controller;
}

function noop(): void { /* nothing to stop */ }

// https://fetch.spec.whatwg.org/#concept-main-fetch
function mainFetch(params: FetchParams): void {
  // 1. Let request be fetchParams's request.
  var request = params.request;
  var url = request.urlList[request.urlList.length - 1];
  var crossOrigin = originOf(url) !== currentOrigin();
  // 2–11. Local-URLs-only, CSP, mixed content, bad ports, referrer: the engine's, as XHR applies them.
  // 12. If request's current URL's origin is same origin with request's origin and request's response tainting is
  //     "basic", or its scheme is "data": scheme fetch (an HTTP(S) URL goes on as an HTTP fetch, below). A blob: URL
  //     is taken as same-origin: one made elsewhere does not resolve (LEGACY(old WebKit): its blob: URLs have the
  //     origin percent-encoded).
  var type = scheme(url);
  if (type === 'data' || type === 'blob') return schemeFetch(params, url, type);
  // request's mode is "same-origin": a network error.
  if (crossOrigin && request.mode === 'same-origin') {
    return networkError(params, "fetch: the request's mode is 'same-origin' but the URL is cross-origin: " + url);
  }
  // request's mode is "no-cors": LEGACY(XHR) no opaque responses; a cross-origin no-cors request can only be sent
  // as a CORS request.
  if (crossOrigin && request.mode === 'no-cors') {
    return networkError(params, "fetch: mode 'no-cors' cross-origin requests are not possible over XMLHttpRequest (use mode 'cors')");
  }
  // Otherwise: set request's response tainting to "cors" and run HTTP fetch.
  if (crossOrigin) request.tainting = 'cors';
  httpFetch(params, function (response) {
    // 14. If recursive is false, set response to a filtered response: basic or CORS, by the response tainting.
    response.type = request.tainting;
    params.processResponse(response);
  });
}

// https://fetch.spec.whatwg.org/#scheme-fetch, for data: and blob: URLs.
function schemeFetch(params: FetchParams, url: string, type: string): void {
  var request = params.request;
  if (type === 'blob') {
    // "blob": 2. If request's method is not `GET`, then return a network error. 3–10. The engine's XHR reads the
    // Blob (with its type as Content-Type, never sniffed; LEGACY(IE): IE's refuses blob: URLs: a network error).
    if (request.method !== 'GET') return networkError(params, 'fetch: a blob: URL takes only GET');
    return httpNetworkFetch(params, stripFragment(url), request.headerList, false, function (response, drop) {
      // 2. blobURLEntry is null (revoked, or never made): a network error, where the engine answers with a status.
      if (response.status >= 400) {
        drop();
        return networkError(params, 'fetch: no Blob at ' + url);
      }
      params.processResponse(response);
    });
  }
  // "data": 1. Let dataURLStruct be the result of running the data: URL processor on request's current URL.
  var data = processDataURL(url);
  // 2. If dataURLStruct is failure, then return a network error.
  if (data === null) return networkError(params, "fetch: '" + url + "' is not a valid data: URL");
  // 3–4. A new response whose status message is `OK`, header list « (`Content-Type`, mimeType) », and body is
  //      dataURLStruct's body as a body: all of it there already, fed to a push source as a network body is.
  var body = createPushSource(noop, noop);
  body.push(data.body);
  body.close();
  params.processEnd();
  // main fetch 20: a HEAD request's response has a null body.
  params.processResponse(newNetworkResponse(200, 'OK', [['Content-Type', data.type]],
    request.method === 'HEAD' ? null : bodyFromSource(body, data.body.length), request.urlList.slice(), 'basic'));
}

// https://fetch.spec.whatwg.org/#concept-http-fetch
function httpFetch(params: FetchParams, done: (response: InnerResponse) => void): void {
  // 1–3. No service workers. 4. Let response be the result of HTTP-network-or-cache fetch.
  httpNetworkOrCacheFetch(params, function (response, drop) {
    // 8. If response's status is a redirect status (one the engine left to script: LEGACY(old WebKit): 308):
    if (isRedirectStatus(response.status) && headerListGet(headerListOf(response.headers), 'Location') !== null) {
      // 2. Switch on request's redirect mode: "error": a network error; "manual" was refused by fetching;
      //    "follow": the result of HTTP-redirect fetch.
      drop();
      if (params.request.redirect === 'error') return networkError(params, REDIRECT_ERROR);
      return httpRedirectFetch(params, response);
    }
    done(response);
  });
}

var REDIRECT_ERROR = "fetch: the response was redirected and the request's redirect mode is 'error'";

// https://fetch.spec.whatwg.org/#http-redirect-fetch, for a redirect the transport handed to script.
function httpRedirectFetch(params: FetchParams, response: InnerResponse): void {
  // 1. Let request be fetchParams's request. 2. internalResponse is response (nothing is filtered yet).
  var request = params.request;
  var current = request.urlList[request.urlList.length - 1];
  // 3. Let locationURL be internalResponse's location URL given request's current URL's fragment.
  var location = headerListGet(headerListOf(response.headers), 'Location')!;
  var parsed = parseURL(location, current);
  // 5. If locationURL is failure, then return a network error.
  // 6. If locationURL's scheme is not an HTTP(S) scheme, then return a network error.
  if (parsed === null || !/^https?:/i.test(parsed.href)) {
    return networkError(params, "fetch: the redirect's Location is not a valid HTTP(S) URL: " + location);
  }
  var next = parsed.href;
  // 7. If request's redirect count is 20, then return a network error. 8. Increase it by 1.
  if (request.redirectCount === 20) return networkError(params, 'fetch: too many redirects');
  request.redirectCount++;
  // 9–10. A CORS request (or one tainted so far) must not be redirected to a URL with credentials.
  if (parsed.includesCredentials && (request.tainting === 'cors' || (request.mode === 'cors' && originOf(next) !== currentOrigin()))) {
    return networkError(params, 'fetch: a CORS request was redirected to a URL with credentials');
  }
  // 11. If internalResponse's status is not 303, request's body is non-null, and its source is null, then return a
  //     network error (a stream cannot be sent again).
  if (response.status !== 303 && (request.body !== null || request.form !== null) && request.streamed) {
    return networkError(params, 'fetch: a request whose body is a ReadableStream cannot follow a ' + response.status + ' redirect');
  }
  // 12. A 301 or 302 after POST, or a 303 but for GET or HEAD: 1. the method becomes GET and the body null;
  //     2. each request-body-header name is deleted from request's header list.
  var status = response.status;
  if (((status === 301 || status === 302) && request.method === 'POST') || (status === 303 && request.method !== 'GET' && request.method !== 'HEAD')) {
    request.method = 'GET';
    request.body = request.form = null;
    for (var i = 0; i < REQUEST_BODY_HEADERS.length; i++) headerListDelete(request.headerList, REQUEST_BODY_HEADERS[i]);
  }
  // 13. If request's current URL's origin is not same origin with locationURL's origin, then delete each CORS
  //     non-wildcard request-header name (`Authorization`) from request's header list.
  if (originOf(current) !== originOf(next)) headerListDelete(request.headerList, 'Authorization');
  // 14. The body is sent again from its bytes. 15–17. Timing: not kept.
  // 18. Append locationURL to request's URL list.
  request.urlList.push(next);
  // 19. The referrer policy on redirect is the engine's. 20–22. Return the result of main fetch (recursive).
  mainFetch(params);
}

// https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch, the parts XHR lets us express.
function httpNetworkOrCacheFetch(params: FetchParams, done: (response: InnerResponse, drop: () => void) => void): void {
  var request = params.request;
  // 8.10.5. If contentLength is non-null and httpRequest's keepalive is true: the bodies of the keepalive requests in
  //   flight (this global's fetch group) and this one may not add up to more than 64 KiB, else a network error. A body
  //   counts once (not again after a redirect) until its fetch is done; an engine's FormData, of unknown length, not.
  var length = request.body !== null ? request.body.length : 0;
  if (request.keepalive && length > 0) {
    if (keepaliveBytes + length > 65536) {
      return networkError(params, 'fetch: keepalive bodies in flight would exceed 64 KiB');
    }
    keepaliveBytes += length;
    request.keepalive = false;
    var processEnd = params.processEnd;
    params.processEnd = function () {
      keepaliveBytes -= length;
      params.processEnd = processEnd;
      processEnd();
    };
  }
  var url = stripFragment(request.urlList[request.urlList.length - 1]);
  var sameOrigin = originOf(url) === currentOrigin();
  var headers: HeaderList = [];
  var list = request.headerList;
  var form = request.form !== null;
  for (var i = 0; i < list.length; i++) {
    // Forbidden request headers are the browser's to set; XHR would refuse them anyway.
    if (isForbiddenRequestHeader(list[i][0], list[i][1])) continue;
    // A FormData that XHR sends as it is gets XHR's boundary and Content-Type; the one extracted for it is not sent.
    if (form && /^content-type$/i.test(list[i][0]) && isExtractedFormDataType(list[i][1])) continue;
    headers.push(list[i]);
  }
  var cache = request.cache;
  var busting = cache === 'no-store' || cache === 'reload' || cache === 'no-cache';
  // The cache-mode headers, same-origin only: on a cross-origin request they would force a CORS preflight that a
  // native fetch never sends (there the browser adds them below the CORS check). The URL parameter does the work.
  if (busting && sameOrigin) {
    if (cache !== 'no-cache' && headerListGet(headers, 'Pragma') === null) headers.push(['Pragma', 'no-cache']);
    if (headerListGet(headers, 'Cache-Control') === null) headers.push(['Cache-Control', cache === 'no-cache' ? 'max-age=0' : 'no-cache']);
  }
  // LEGACY(XHR): no control over the HTTP cache; for no-store/reload/no-cache a unique query parameter on GET/HEAD
  // makes sure no cached response is used.
  if (busting && (request.method === 'GET' || request.method === 'HEAD')) {
    url += (url.indexOf('?') < 0 ? '?' : '&') + '_=' + new Date().getTime() + '_' + (bust++);
  }
  httpNetworkFetch(params, url, headers, !sameOrigin, done);
}

var bust = 0;
var keepaliveBytes = 0;

// https://fetch.spec.whatwg.org/#concept-http-network-fetch, over the transport chosen for the URL. `done` gets the
// response (its body still arriving) and a function that drops it (the transfer stops; nothing more is reported).
function httpNetworkFetch(params: FetchParams, url: string, headers: HeaderList, crossOrigin: boolean,
  done: (response: InnerResponse, drop: () => void) => void): void {
  var request = params.request;
  var controller = params.controller;
  var progress = params.progress;
  var capabilities: Capabilities;
  var transport: Transport;
  try {
    capabilities = chooseTransport(crossOrigin);
  } catch (error) {
    return networkError(params, (error as Error).message);
  }
  var refused = limit(capabilities, params, url, headers, crossOrigin);
  if (refused !== null) {
    return networkError(params, 'fetch: ' + capabilities.name + ' (how this engine makes this request) cannot send ' + refused);
  }
  var response: InnerResponse | null = null;
  var received = 0;
  var expected: number | null = null;
  // 12. The response body: a stream fed as bytes arrive; cancelling it terminates the fetch.
  var body = createPushSource(function () {
    controller.state = 'terminated';
    controller.stop(undefined);
  }, function () {
    // Taken whole, with nobody watching download progress: the transport may deliver it in one piece.
    if (!progress.onDownloadProgress) transport.whole();
  });
  var backstop = capabilities.timeout ? timeoutOf(params.signal) : null;
  controller.stop = function (reason) {
    transport.abort();
    end();
    // https://fetch.spec.whatwg.org/#http-network-fetch step 18 (onAborted): the body errors with the reason.
    body.error(reason);
  };
  try {
    transport = capabilities.open({
      method: request.method, url: url, headers: headers, body: request.form || request.body,
      // https://fetch.spec.whatwg.org/#concept-request-credentials-mode: XHR's withCredentials is "include";
      // same-origin is XHR's default. LEGACY(XHR): "omit" cannot stop same-origin cookies (README).
      credentials: request.credentials === 'include',
      onUploadProgress: progress.onUploadProgress || null,
      // AbortSignal.timeout()'s deadline, as the transport's own timeout: a backstop for when timers are throttled.
      timeout: backstop !== null ? Math.max(1, backstop.ms) : 0
    }, {
      head: function (head) {
        // The engine followed redirects: its final URL joins the URL list (and taints a cross-origin response).
        var final = head.url !== null ? stripFragment(head.url) : url;
        if (final !== url) {
          if (request.redirect === 'error') {
            transport.abort();
            return fail(new TypeError(REDIRECT_ERROR));
          }
          request.urlList.push(final);
          if (originOf(final) !== currentOrigin()) request.tainting = 'cors';
        }
        expected = contentLength(head.headerList);
        var nullBody = isNullBodyStatus(head.status) || request.method === 'HEAD';
        response = newNetworkResponse(head.status, head.statusText, head.headerList,
          nullBody ? null : bodyFromSource(body, expected), request.urlList.slice(), 'basic');
        done(response, function () {
          transport.abort();
          controller.stop = noop;
        });
      },
      chunk: function (bytes) {
        received += bytes.length;
        body.push(bytes);
        if (progress.onDownloadProgress) {
          progress.onDownloadProgress({ loaded: received, total: expected !== null ? expected : 0, lengthComputable: expected !== null });
        }
      },
      end: function () {
        end();
        // Never a truncated body: fewer bytes than Content-Length is an error (without a Content-Encoding, where
        // the length counts the encoded bytes).
        if (expected !== null && received < expected) {
          body.error(new TypeError('fetch: the body was ' + received + ' bytes, shorter than its Content-Length ' + expected));
        } else {
          body.close();
        }
      },
      fail: fail,
      // The transport's timeout (the backstop above) fired: the deadline has passed, so the timeout signal fires
      // now and the fetch ends as for any abort, with the signal's own TimeoutError (never a late network error).
      timeout: function () {
        backstop!.fire();
        fail(createDOMException('signal timed out', 'TimeoutError'));
      }
    });
  } catch (error) {
    // An engine that refuses the URL or the method at open() or send().
    controller.stop = noop;
    return networkError(params, 'fetch: ' + capabilities.name + ' refused the request (' + (error as Error).message + ')');
  }

  function end(): void {
    controller.stop = noop;
    params.processEnd();
  }

  function fail(error: unknown): void {
    if (controller.state !== 'ongoing') return;
    end();
    if (response === null) params.processResponse(null, error);
    else body.error(error);
  }
}

// What the transport cannot send (LEGACY(IE): XDomainRequest's limits), as the end of an error message; null
// when it can send the request.
function limit(capabilities: Capabilities, params: FetchParams, url: string, headers: HeaderList, crossOrigin: boolean): string | null {
  var request = params.request;
  var methods = capabilities.methods;
  if (methods !== null && methods.indexOf(request.method) < 0) return request.method + ' requests (only ' + methods.join(' and ') + ')';
  for (var i = 0; i < headers.length; i++) {
    // The one request header it sends is its own text/plain Content-Type.
    var ownType = /^content-type$/i.test(headers[i][0]) && headers[i][1].split(';')[0].trim().toLowerCase() === 'text/plain';
    if (!capabilities.headers && !ownType) return 'request headers (' + headers[i][0] + ')';
  }
  if (!capabilities.credentials && crossOrigin && request.credentials === 'include') return "credentials 'include' (cookies)";
  if (!capabilities.binary && (request.form !== null || (request.body !== null && !isText(request.body)))) return 'a body that is not UTF-8 text';
  if (capabilities.sameScheme && scheme(url) !== scheme(baseURL() || '')) return 'to a URL whose scheme is not the page\'s (' + url + ')';
  if (!capabilities.head && request.redirect === 'error') return "redirect 'error' (it hides redirects)";
  if (!capabilities.upload && params.progress.onUploadProgress) return 'with upload progress';
  if (!capabilities.download && params.progress.onDownloadProgress) return 'with download progress';
  return null;
}

function scheme(url: string): string {
  return url.slice(0, url.indexOf(':')).toLowerCase();
}

function isText(body: Bytes): boolean {
  try {
    createUTF8Decoder(false, true).decode(body, true);
    return true;
  } catch (e) {
    return false;
  }
}

// The body's length, where Content-Length counts the bytes the body stream gives (no Content-Encoding).
function contentLength(headerList: HeaderList): number | null {
  if (headerListGet(headerList, 'Content-Encoding') !== null) return null;
  var length = headerListGet(headerList, 'Content-Length');
  return length !== null && /^\d+$/.test(length) ? parseInt(length, 10) : null;
}
