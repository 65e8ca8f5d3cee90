// The fetch algorithms, https://fetch.spec.whatwg.org/#fetching, over a transport (src/transport/transport.ts).
// fetch() (./fetch.ts) is one caller; anything else that fetches (an EventSource, say) calls fetching() too. Each
// algorithm keeps the spec's name and step numbers where they apply; a step XHR-era transports cannot express is
// refused with a TypeError saying so (README "What XHR cannot do"), never ignored. The state of a fetch is the fetch
// controller's (ongoing, terminated, aborted) plus the request record below: no other flags.
import { InnerRequest } from './request';
import { InnerResponse, newNetworkResponse, isNullBodyStatus, isRedirectStatus } from './response-record';
import { headerListOf } from './headers';
import { HeaderList, headerListGet, headerListContains, headerListDelete, isForbiddenRequestHeader } from './header-list';
import { bodyFromSource, takeSource } from './body';
import { processDataURL } from './data-url';
import { originOf, currentOrigin, stripFragment, parseURL, baseURL } from './url';
import { readAll } from '../streams/chunk-source';
import { Bytes, concatBytes } from '../infra/bytes';
import { createPushSource } from '../streams/push-source';
import { chooseTransport } from '../transport/choose';
import { Capabilities, ProgressInfo, Transport, TransportRequest, noop } from '../transport/transport';
import { nativeFormDataToSend, isExtractedFormDataType } from '../form-data/multipart';
import { createUTF8Decoder } from '../encoding/utf8';
import { timeoutOf } from '../dom/abort-signal';
import { works } from '../env/support';
import { typeError } from '../webidl/conversions';

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
  /** https://fetch.spec.whatwg.org/#fetch-controller-state: "ongoing" until the fetch is terminated or aborted. */
  _state: 'ongoing' | 'terminated' | 'aborted';
  /** Ends what is in flight now (the request body being read, or the transport), with the abort reason. */
  _stop: (reason: unknown) => void;
}

/** https://fetch.spec.whatwg.org/#fetch-controller-abort, for the abort reason `error`. */
export function abortFetchController(controller: FetchController, error: unknown): void {
  // (One no longer ongoing has nothing left to stop.)
  if (controller._state !== 'ongoing') return;
  // 1. Set controller's state to "aborted". 2–4. Its serialized abort reason is error itself (one realm).
  controller._state = 'aborted';
  controller._stop(error);
}

/**
 * The parts of https://fetch.spec.whatwg.org/#concept-request that the algorithms change; what they only read
 * (mode, credentials mode, cache mode, redirect mode, the body's source, the signal) is the Request's, `inner`.
 */
interface FetchRequest {
  _inner: InnerRequest;
  _method: string;
  _urlList: string[];
  /** A copy: redirects change it, the Request object's header list stays as it was. */
  _headerList: HeaderList;
  /** The bytes to send. */
  _body: Bytes | null;
  /** Or an engine's own FormData, which XHR encodes itself (absent or null: none). */
  _form?: FormData | null;
  _redirectCount: number;
  _tainting: 'basic' | 'cors';
  /** Its body still to be counted against the keepalive quota. */
  _keepalive: boolean;
}

/**
 * https://fetch.spec.whatwg.org/#fetch-params, with its request's record and its fetch controller in it (one object:
 * the algorithms take fetch params and reach the other two through it; fetching() returns it as the controller).
 */
interface FetchParams extends FetchRequest, FetchController {
  /** Called once: a response (its body still arriving), or a network error (the reason). */
  _processResponse: (response: InnerResponse | null, error?: unknown) => void;
  /** Called once the transfer is over (body complete, failed, or stopped). */
  _processEnd: () => void;
  _progress: RetrofetchInit;
}

type Done = (response: InnerResponse, drop: () => void) => void;


/** A network error (a TypeError naming fetch), in the continuation style the algorithms below share. */
function networkError(params: FetchParams, message: string): void {
  params._processEnd();
  params._processResponse(null, typeError('fetch', message));
}

// https://fetch.spec.whatwg.org/#concept-request-current-url: the last URL in request's URL list.
function currentURL(params: FetchParams): string {
  var list = params._urlList;
  return list[list.length - 1];
}

/**
 * https://fetch.spec.whatwg.org/#concept-fetch. `processEnd` runs when the transfer is over, whatever the reason.
 * Throws (before anything is taken from the request) what cannot be done at all.
 */
export function fetching(inner: InnerRequest, progress: RetrofetchInit,
  processResponse: FetchParams['_processResponse'], processEnd: () => void): FetchController {
  // LEGACY(XHR): XHR always follows redirects and hides them; an opaque-redirect response cannot be made.
  if (inner.redirect === 'manual') {
    throw typeError('fetch', "redirect 'manual' is not possible over XMLHttpRequest");
  }
  var body = inner._body;
  var params: FetchParams = {
    _state: 'ongoing', _stop: noop,
    _inner: inner, _method: inner.method, _urlList: [inner.url], _headerList: headerListOf(inner.headers).slice(),
    _body: null, _redirectCount: 0, _tainting: 'basic', _keepalive: inner.keepalive,
    _processResponse: processResponse, _processEnd: processEnd, _progress: progress
  };
  // 1–15: timing, the client, the policy container, `Accept` and `Accept-Language` are the engine's.
  // LEGACY(XHR): a request body is sent whole, so it is read to its end first (README "request body streaming").
  // An engine's own FormData is handed to XHR as it is (src/form-data/multipart.ts).
  if (body) {
    body._disturbed = true;
    params._form = !body._stream ? nativeFormDataToSend(body._origin) : null;
  }
  if (!body || params._form) {
    mainFetch(params);
  } else {
    var source = takeSource(body);
    params._stop = function (reason) {
      source._cancel(reason);
      processEnd();
    };
    readAll(source, function (chunks, length) {
      if (params._state !== 'ongoing') return;
      params._body = concatBytes(chunks, length);
      // 16–20. Run main fetch given fetchParams.
      mainFetch(params);
    }, function (error) {
      if (params._state !== 'ongoing') return;
      processEnd();
      processResponse(null, error);
    });
  }
  return params;
}

// https://fetch.spec.whatwg.org/#concept-main-fetch
function mainFetch(params: FetchParams): void {
  // 1. Let request be fetchParams's request.
  var url = currentURL(params);
  var crossOrigin = originOf(url) !== currentOrigin();
  // 2–11. Local-URLs-only, CSP, mixed content, bad ports, referrer: the engine's, as XHR applies them.
  // 12. If request's current URL's origin is same origin with request's origin and request's response tainting is
  //     "basic", or its scheme is "data": scheme fetch (an HTTP(S) URL goes on as an HTTP fetch, below). A blob: URL
  //     is taken as same-origin: one made elsewhere does not resolve (LEGACY(old WebKit): its blob: URLs have the
  //     origin percent-encoded).
  var type = scheme(url);
  if (type === 'data' || type === 'blob') return schemeFetch(params, url, type);
  if (crossOrigin) {
    // request's mode is "same-origin": a network error.
    if (params._inner.mode === 'same-origin') {
      return networkError(params, "mode 'same-origin' forbids the cross-origin URL " + url);
    }
    // request's mode is "no-cors": LEGACY(XHR) no opaque responses; a cross-origin no-cors request can only be
    // sent as a CORS request.
    if (params._inner.mode === 'no-cors') {
      return networkError(params, "mode 'no-cors' to another origin is not possible over XMLHttpRequest");
    }
    // Otherwise: set request's response tainting to "cors" and run HTTP fetch.
    params._tainting = 'cors';
  }
  // 14. If recursive is false, set response to a filtered response: basic or CORS, by the response tainting (the
  //     type HTTP-network fetch gives the response it makes).
  httpFetch(params);
}

// https://fetch.spec.whatwg.org/#scheme-fetch, for data: and blob: URLs.
function schemeFetch(params: FetchParams, url: string, type: string): void {
  if (type === 'blob') {
    // "blob": 2. If request's method is not `GET`, then return a network error. 3–10. The engine's XHR reads the
    // Blob (with its type as Content-Type, never sniffed; LEGACY(IE): IE's refuses blob: URLs: a network error).
    if (params._method !== 'GET') return networkError(params, 'a blob: URL can only be fetched with GET');
    return httpNetworkFetch(params, stripFragment(url), params._headerList, false, function (response, drop) {
      // 2. blobURLEntry is null (revoked, or never made): a network error, where the engine answers with a status.
      if (response.status < 400) return params._processResponse(response);
      drop();
      networkError(params, 'no Blob at ' + url);
    });
  }
  // "data": 1. Let dataURLStruct be the result of running the data: URL processor on request's current URL.
  var data = processDataURL(url);
  // 2. If dataURLStruct is failure, then return a network error.
  if (!data) return networkError(params, 'invalid data: URL ' + url);
  // 3–4. A new response whose status message is `OK`, header list « (`Content-Type`, mimeType) », and body is
  //      dataURLStruct's body as a body: all of it there already, fed to a push source as a network body is.
  var body = createPushSource(noop, noop);
  body._push(data._body);
  body._close();
  params._processEnd();
  // main fetch 20: a HEAD request's response has a null body.
  params._processResponse(newNetworkResponse(200, 'OK', [['Content-Type', data._type]],
    params._method === 'HEAD' ? null : bodyFromSource(body, data._body.length), params._urlList.slice(), 'basic'));
}

var REDIRECT_ERROR = "redirected; redirect mode is 'error'";

// https://fetch.spec.whatwg.org/#concept-http-fetch
function httpFetch(params: FetchParams): void {
  // 1–3. No service workers. 4. Let response be the result of HTTP-network-or-cache fetch.
  httpNetworkOrCacheFetch(params, function (response, drop) {
    // 8. If response's status is a redirect status (one the engine left to script: LEGACY(old WebKit): 308):
    var location = headerListGet(headerListOf(response.headers), 'Location');
    if (!isRedirectStatus(response.status) || location === null) return params._processResponse(response);
    // 2. Switch on request's redirect mode: "error": a network error; "manual" was refused by fetching;
    //    "follow": the result of HTTP-redirect fetch.
    drop();
    if (params._inner.redirect === 'error') networkError(params, REDIRECT_ERROR);
    else httpRedirectFetch(params, response.status, location);
  });
}

// https://fetch.spec.whatwg.org/#http-redirect-fetch, for a redirect the transport handed to script.
function httpRedirectFetch(params: FetchParams, status: number, location: string): void {
  // 1. Let request be fetchParams's request. 2. internalResponse is response (nothing is filtered yet).
  var current = currentURL(params);
  // 3. Let locationURL be internalResponse's location URL given request's current URL's fragment.
  var parsed = parseURL(location, current);
  // 5. If locationURL is failure, then return a network error.
  // 6. If locationURL's scheme is not an HTTP(S) scheme, then return a network error.
  if (!parsed || !/^https?:/i.test(parsed._href)) return networkError(params, 'Location not a valid HTTP(S) URL: ' + location);
  var next = parsed._href;
  // 7. If request's redirect count is 20, then return a network error. 8. Increase it by 1.
  if (params._redirectCount++ === 20) return networkError(params, 'too many redirects');
  // 9–10. A CORS request (or one tainted so far) must not be redirected to a URL with credentials.
  if (parsed._includesCredentials && (params._tainting === 'cors' || (params._inner.mode === 'cors' && originOf(next) !== currentOrigin()))) {
    return networkError(params, 'CORS redirect to a URL with credentials');
  }
  // 11. If internalResponse's status is not 303, request's body is non-null, and its source is null, then return a
  //     network error (a stream cannot be sent again).
  if (status !== 303 && (params._body || params._form) && !params._inner._body!._origin) {
    return networkError(params, 'a ReadableStream body cannot be sent again after a ' + status + ' redirect');
  }
  // 12. A 301 or 302 after POST, or a 303 but for GET or HEAD: 1. the method becomes GET and the body null;
  //     2. each request-body-header name is deleted from request's header list.
  if (status < 303 ? params._method === 'POST' : status === 303 && !/^(GET|HEAD)$/.test(params._method)) {
    params._method = 'GET';
    params._body = params._form = null;
    params._headerList = params._headerList.filter(function (header) { return !/^content-(encoding|language|location|type)$/i.test(header[0]); });
  }
  // 13. If request's current URL's origin is not same origin with locationURL's origin, then delete each CORS
  //     non-wildcard request-header name (`Authorization`) from request's header list.
  if (originOf(current) !== originOf(next)) headerListDelete(params._headerList, 'Authorization');
  // 14. The body is sent again from its bytes. 15–17. Timing: not kept.
  // 18. Append locationURL to request's URL list.
  params._urlList.push(next);
  // 19. The referrer policy on redirect is the engine's. 20–22. Return the result of main fetch (recursive).
  mainFetch(params);
}

// The counter that makes each cache-busting URL parameter unique (httpNetworkOrCacheFetch).
var bust = 0;
// https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch step 8.10.5: the bytes the keepalive request bodies in
// flight may add up to, and how many they add up to now.
var KEEPALIVE_QUOTA = 64 * 1024;
var keepaliveBytes = 0;

// https://fetch.spec.whatwg.org/#concept-http-network-or-cache-fetch, the parts XHR lets us express.
function httpNetworkOrCacheFetch(params: FetchParams, done: Done): void {
  // 8.10.5. If contentLength is non-null and httpRequest's keepalive is true: the bodies of the keepalive requests in
  //   flight (this global's fetch group) and this one may not add up to more than 64 KiB, else a network error. A body
  //   counts once (not again after a redirect) until its fetch is done; an engine's FormData, of unknown length, not.
  var length = params._body ? params._body.length : 0;
  if (params._keepalive && length) {
    if (keepaliveBytes + length > KEEPALIVE_QUOTA) return networkError(params, 'keepalive bodies over 64 KiB');
    keepaliveBytes += length;
    params._keepalive = false;
    var processEnd = params._processEnd;
    params._processEnd = function () {
      keepaliveBytes -= length;
      params._processEnd = processEnd;
      processEnd();
    };
  }
  var url = stripFragment(currentURL(params));
  var sameOrigin = originOf(url) === currentOrigin();
  var headers: HeaderList = [];
  var list = params._headerList;
  for (var i = 0; i < list.length; i++) {
    var name = list[i][0];
    // Forbidden request headers are the browser's to set; XHR would refuse them anyway. A FormData that XHR sends
    // as it is gets XHR's boundary and Content-Type; the one extracted for it is not sent.
    if (!isForbiddenRequestHeader(name, list[i][1]) && !(params._form && /^content-type$/i.test(name) && isExtractedFormDataType(list[i][1]))) {
      headers.push(list[i]);
    }
  }
  var cache = params._inner.cache;
  if (/^(no-store|reload|no-cache)$/.test(cache)) {
    // The cache-mode headers, same-origin only: on a cross-origin request they would force a CORS preflight that a
    // native fetch never sends (there the browser adds them below the CORS check). The URL parameter does the work.
    if (sameOrigin) {
      if (cache !== 'no-cache' && !headerListContains(headers, 'Pragma')) headers.push(['Pragma', 'no-cache']);
      if (!headerListContains(headers, 'Cache-Control')) headers.push(['Cache-Control', cache === 'no-cache' ? 'max-age=0' : 'no-cache']);
    }
    // LEGACY(XHR): no control over the HTTP cache; for no-store/reload/no-cache a unique query parameter on GET/HEAD
    // makes sure no cached response is used.
    if (/^(GET|HEAD)$/.test(params._method)) url += (url.indexOf('?') < 0 ? '?' : '&') + '_=' + +new Date() + '_' + bust++;
  }
  httpNetworkFetch(params, url, headers, !sameOrigin, done);
}

// https://fetch.spec.whatwg.org/#concept-http-network-fetch, over the transport chosen for the URL. `done` gets the
// response (its body still arriving) and a function that drops it (the transfer stops; nothing more is reported).
function httpNetworkFetch(params: FetchParams, url: string, headers: HeaderList, crossOrigin: boolean, done: Done): void {
  // 1–7. The connection is the transport's: one that can carry this request, or a network error saying why not.
  var capabilities = checkedTransport(params, url, headers, crossOrigin);
  if (!capabilities) return;
  var onDownloadProgress = params._progress.onDownloadProgress;
  var transport: Transport;
  var response: InnerResponse | null = null;
  var received = 0;
  var expected: number | null = null;
  // 12. The response body: a stream fed as bytes arrive; cancelling it terminates the fetch.
  var body = createPushSource(function () {
    params._state = 'terminated';
    params._stop(undefined);
  }, function () {
    // Taken whole, with nobody watching download progress: the transport may deliver it in one piece.
    if (!onDownloadProgress) transport._whole();
  });
  var backstop = capabilities._timeout ? timeoutOf(params._inner.signal) : null;
  params._stop = function (reason) {
    transport._abort();
    endNetworkFetch(params);
    // https://fetch.spec.whatwg.org/#http-network-fetch step 18 (onAborted): the body errors with the reason.
    body._error(reason);
  };
  try {
    transport = capabilities._open(transportRequest(params, url, headers, backstop), {
      _head: function (head) {
        if (!followedRedirects(params, url, head._url)) {
          transport._abort();
          return fail(typeError('fetch', REDIRECT_ERROR));
        }
        expected = bodyLength(head._headerList);
        response = newNetworkResponse(head._status, head._statusText, head._headerList,
          isNullBodyStatus(head._status) || params._method === 'HEAD' ? null : bodyFromSource(body, expected),
          params._urlList.slice(), params._tainting);
        done(response, function () {
          transport._abort();
          params._stop = noop;
        });
      },
      _chunk: function (bytes) {
        received += bytes.length;
        body._push(bytes);
        if (onDownloadProgress) onDownloadProgress({ loaded: received, total: expected || 0, lengthComputable: expected !== null });
      },
      _end: function () {
        endNetworkFetch(params);
        // Never a truncated body: fewer bytes than the Content-Length is an error.
        if (expected !== null && received < expected) {
          body._error(typeError('fetch', "the server's response was cut short: " + received + ' of ' + expected +
            ' bytes arrived'));
        } else {
          body._close();
        }
      },
      _fail: fail,
      // The transport's timeout (the backstop above) fired: the deadline has passed, so the timeout signal fires
      // now, and the fetch ends as for any abort, through the signal's abort steps (fetch(), and any caller of
      // fetching() with a signal, adds them), with the signal's own TimeoutError (never a late network error).
      _timeout: backstop && backstop.fire
    });
  } catch (error) {
    // An engine that refuses the URL or the method at open() or send().
    params._stop = noop;
    return networkError(params, capabilities._name + ' refused: ' + (error as Error).message);
  }

  // A network error, or a body the transport could not deliver exactly: before the head the fetch rejects, after it
  // the body errors.
  function fail(error: unknown): void {
    if (params._state !== 'ongoing') return;
    endNetworkFetch(params);
    if (!response) params._processResponse(null, error);
    else body._error(error);
  }
}

// The transfer is over: nothing is left to stop.
function endNetworkFetch(params: FetchParams): void {
  params._stop = noop;
  params._processEnd();
}

// The transport for the request (src/transport/choose.ts), checked against what it cannot do before anything is
// sent; null after a network error that says why.
function checkedTransport(params: FetchParams, url: string, headers: HeaderList,
  crossOrigin: boolean): Capabilities | null {
  try {
    var capabilities = chooseTransport(crossOrigin);
  } catch (error) {
    networkError(params, (error as Error).message);
    return null;
  }
  var refusal = whatTransportCannot(params, capabilities, url, headers, crossOrigin);
  if (refusal === null) return capabilities;
  networkError(params, capabilities._name + ' cannot ' + refusal);
  return null;
}

// What the transport cannot do that the request needs (LEGACY(IE): XDomainRequest's limits), in words that follow
// "<transport> cannot"; null when it can send the request. One check per capability.
function whatTransportCannot(params: FetchParams, capabilities: Capabilities, url: string, headers: HeaderList,
  crossOrigin: boolean): string | null {
  var methods = capabilities._methods;
  if (methods && methods.indexOf(params._method) < 0) {
    return 'send ' + params._method + ' requests (only ' + methods.join(' and ') + ')';
  }
  if (!capabilities._headers) {
    for (var i = 0; i < headers.length; i++) {
      // The one request header it sends is its own text/plain Content-Type.
      var header = headers[i];
      if (!/^content-type$/i.test(header[0]) || !/^\s*text\/plain\s*(;|$)/i.test(header[1])) {
        return 'send request headers (' + header[0] + ')';
      }
    }
  }
  if (!capabilities._credentials && crossOrigin && params._inner.credentials === 'include') {
    return "send credentials 'include'";
  }
  if (!capabilities._binary && (params._form || (params._body && !isText(params._body)))) {
    return 'send a body that is not UTF-8 text';
  }
  if (capabilities._sameScheme && scheme(url) !== scheme(baseURL() || '')) {
    return "fetch a URL whose scheme is not the page's";
  }
  if (!capabilities._head && params._inner.redirect === 'error') {
    return "honour redirect 'error' (it hides redirects)";
  }
  if (!capabilities._upload && params._progress.onUploadProgress) return 'report upload progress';
  if (!capabilities._download && params._progress.onDownloadProgress) return 'report download progress';
  return null;
}

// What the transport sends (src/transport/transport.ts): the request as the algorithms above left it.
function transportRequest(params: FetchParams, url: string, headers: HeaderList,
  backstop: { ms: number } | null): TransportRequest {
  return {
    _method: params._method, _url: url, _headers: headers, _body: params._form || params._body,
    // https://fetch.spec.whatwg.org/#concept-request-credentials-mode: XHR's withCredentials is "include";
    // same-origin is XHR's default. LEGACY(XHR): "omit" cannot stop same-origin cookies (README).
    _credentials: params._inner.credentials === 'include',
    _onUploadProgress: params._progress.onUploadProgress,
    _utf8: params._inner._utf8,
    // AbortSignal.timeout()'s deadline, as the transport's own timeout: a backstop for when timers are throttled.
    _timeout: backstop ? Math.max(1, backstop.ms) : 0
  };
}

// The engine followed redirects when the URL it reports is not the one asked for: the final URL joins the URL list
// (and taints a cross-origin response). False when the request's redirect mode is 'error', which forbids them.
function followedRedirects(params: FetchParams, url: string, reported: string | null): boolean {
  var final = reported ? stripFragment(reported) : url;
  if (final === url) return true;
  if (params._inner.redirect === 'error') return false;
  params._urlList.push(final);
  if (originOf(final) !== currentOrigin()) params._tainting = 'cors';
  return true;
}

// The body's length, where Content-Length counts the bytes the body stream gives (without a Content-Encoding, where
// it counts the encoded bytes); else null.
function bodyLength(headerList: HeaderList): number | null {
  var length = headerListGet(headerList, 'Content-Length');
  if (length === null || !/^\d+$/.test(length) || headerListContains(headerList, 'Content-Encoding')) return null;
  return +length;
}

function scheme(url: string): string {
  return url.slice(0, url.indexOf(':')).toLowerCase();
}

// Whether the bytes are UTF-8: a fatal decoder throws on anything else, and works() says whether it threw.
function isText(body: Bytes): boolean {
  return works(function () {
    createUTF8Decoder({ ignoreBOM: true, fatal: true }).decode(body, true);
    return true;
  });
}
