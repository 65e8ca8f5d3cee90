// fetch(): https://fetch.spec.whatwg.org/#fetch-method, mapped onto XMLHttpRequest (src/transport/xhr.ts).
// What XHR cannot do is refused with a TypeError that says so, never ignored (README: "What XHR cannot do").
import { Request, innerRequest, InnerRequest } from './request';
import { Response, createResponse, newNetworkResponse, isNullBodyStatus, isRedirectStatus } from './response';
import { headerListOf } from './headers';
import { isForbiddenRequestHeader, headerListGet } from './header-list';
import { bodyFromSource, InnerBody } from './body';
import { readAll, streamSource } from '../streams/chunk-source';
import { createPushSource } from '../streams/push-source';
import { sendXHR, Transport, ProgressInfo } from '../transport/xhr';
import { originOf, currentOrigin, stripFragment, resolveURL } from './url';
import { globalObject as g } from '../env/global';

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
    // 4. If requestObject's signal is aborted, abort the fetch with its reason.
    var signal = inner.signal;
    if (signal !== null && signal.aborted) throw abortReason(signal);
    checkRequest(inner);
    bodyToSend(inner.body).then(function (body) {
      if (signal !== null && signal.aborted) throw abortReason(signal);
      start(inner, body, resolve, reject);
    }).then(null, reject);
  });
}

function abortReason(signal: AbortSignal): unknown {
  var reason = (signal as any).reason;
  return reason !== undefined ? reason : newAbortError();
}

function newAbortError(): Error {
  var DOMException = g.DOMException;
  try {
    return new DOMException('The operation was aborted.', 'AbortError');
  } catch (e) {
    var error = new Error('The operation was aborted.');
    error.name = 'AbortError';
    return error;
  }
}

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

// The bytes to send, read from the body's source (a stream to its end: README "Request bodies"). A Blob is read
// too: PhantomJS's XHR sends a Blob as the string "[object Blob]", and a probe for that would need a request.
function bodyToSend(body: InnerBody | null): Promise<Uint8Array | null> {
  if (body === null) return Promise.resolve(null);
  body.disturbed = true;
  return readAll(body.stream !== null ? streamSource(body.stream) : body.source);
}

// https://fetch.spec.whatwg.org/#http-network-or-cache-fetch, the parts XHR lets us express.
function requestHeaders(request: InnerRequest, crossOrigin: boolean): Array<[string, string]> {
  var list = headerListOf(request.headers);
  var out: Array<[string, string]> = [];
  var has: { [name: string]: boolean } = {};
  for (var i = 0; i < list.length; i++) {
    // Forbidden request headers are the browser's to set; XHR would refuse them anyway.
    if (isForbiddenRequestHeader(list[i][0], list[i][1])) continue;
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

function start(request: InnerRequest, body: Uint8Array | null,
  resolve: (response: Response) => void, reject: (reason: unknown) => void): void {
  var source = createPushSource(function () {
    if (transport !== null) transport.abort();
  });
  var resolved = false;
  var received = 0;
  var expected: number | null = null;
  var signal = request.signal;
  var extension = progressCallbacks(request.extensions.retrofetch);
  var urlList = [request.url];
  var method = request.method;
  var transport: Transport | null = null;

  function onAbort(): void {
    var reason = abortReason(signal!);
    if (transport !== null) transport.abort();
    cleanup();
    if (!resolved) reject(reason);
    else source.error(reason);
  }

  function cleanup(): void {
    if (signal !== null) signal.removeEventListener('abort', onAbort);
    transport = null;
  }

  function refuse(error: TypeError): void {
    if (transport !== null) transport.abort();
    cleanup();
    reject(error);
  }

  function send(url: string): void {
    var crossOrigin = originOf(url) !== currentOrigin();
    var sentURL = requestURL(request, url, method);
    transport = sendXHR({
      method: method,
      url: sentURL,
      headers: requestHeaders(request, crossOrigin),
      body: body,
      // https://fetch.spec.whatwg.org/#concept-request-credentials-mode: XHR's withCredentials is "include";
      // same-origin is XHR's default. LEGACY(XHR): "omit" cannot stop same-origin cookies (README).
      withCredentials: request.credentials === 'include',
      onUploadProgress: extension.onUploadProgress || null
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
          nullBody ? null : bodyFromSource(source, expected), urlList, type);
        resolved = true;
        resolve(createResponse(inner));
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

  if (signal !== null) signal.addEventListener('abort', onAbort);
  send(request.url);
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


function contentLength(headerList: Array<[string, string]>): number | null {
  var length: string | null = null;
  for (var i = 0; i < headerList.length; i++) {
    var name = headerList[i][0].toLowerCase();
    if (name === 'content-encoding') return null;
    if (name === 'content-length') length = headerList[i][1];
  }
  return length !== null && /^\d+$/.test(length) ? parseInt(length, 10) : null;
}
