// The Request class: https://fetch.spec.whatwg.org/#request-class
import { createSlot } from '../webidl/slots';
import { toDictionary, toByteString, toUSVString, toDOMString, toEnum, requireArguments } from '../webidl/conversions';
import { supportsSymbolToStringTag } from '../env/support';
import { ConvertedHeadersInit, Headers, HeadersGuard, convertHeadersInit, createHeaders, fillHeaders, headerListOf } from './headers';
import { Body, InnerBody, includeBody, isUnusable, cloneBody } from './body';
import { convertBodyInit, extractBody } from './extract-body';
import { parseURL, originOf, currentOrigin } from './url';
import { AbortSignal, isAbortSignal, createDependentAbortSignal } from '../dom/abort-signal';
import { isToken } from '../infra/http';

type Referrer = 'no-referrer' | 'client' | string;

/** https://fetch.spec.whatwg.org/#concept-request */
export interface InnerRequest {
  method: string;
  url: string;
  headers: Headers;
  guard: HeadersGuard;
  body: InnerBody | null;
  mode: RequestMode;
  credentials: RequestCredentials;
  cache: RequestCache;
  redirect: RequestRedirect;
  referrer: Referrer;
  referrerPolicy: ReferrerPolicy;
  integrity: string;
  keepalive: boolean;
  priority: string;
  /** The Request object's signal (https://fetch.spec.whatwg.org/#request-signal), kept here with the request. */
  signal: AbortSignal;
  /** retrofetch's own RequestInit extensions, carried along to the transport. */
  extensions: { [name: string]: unknown };
}

var slot = createSlot<InnerRequest>('Request');

/** @internal */
export function innerRequest(request: unknown, member: string): InnerRequest {
  return slot.get(request, member);
}

export function isRequest(value: unknown): value is Request {
  return slot.has(value);
}

var MODES = ['navigate', 'same-origin', 'no-cors', 'cors'] as const;
var CREDENTIALS = ['omit', 'same-origin', 'include'] as const;
var CACHES = ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'] as const;
var REDIRECTS = ['follow', 'error', 'manual'] as const;
var POLICIES = ['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin',
  'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url'] as const;
var PRIORITIES = ['high', 'low', 'auto'] as const;
var DUPLEXES = ['half'] as const;
var NORMALIZED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];

/** https://fetch.spec.whatwg.org/#requestinit, converted; absent members stay undefined. */
interface RequestInitRecord {
  body?: unknown;
  cache?: RequestCache;
  credentials?: RequestCredentials;
  duplex?: 'half';
  headers?: ConvertedHeadersInit;
  integrity?: string;
  keepalive?: boolean;
  method?: string;
  mode?: RequestMode;
  priority?: string;
  redirect?: RequestRedirect;
  referrer?: string;
  referrerPolicy?: ReferrerPolicy;
  /** Ours or the engine's AbortSignal (a native signal passed to the ponyfill must work too), or null. */
  signal?: unknown;
  window?: unknown;
}

// https://webidl.spec.whatwg.org/#es-dictionary: every member, in lexicographic order, read once and converted as it
// is read, all before the constructor's steps (so the first bad member throws, as natively). The members of
// retrofetch's extension (native fetch ignores them: see fetch.ts RetrofetchInit) are read last, as they are.
function convertInit(value: unknown, member: string): { record: RequestInitRecord; empty: boolean; extensions: { [name: string]: unknown } } {
  var init = toDictionary<any>(value, member);
  var r: RequestInitRecord = {};
  var present = 0;
  function read(name: string): unknown {
    var v = init[name];
    if (v !== undefined) present++;
    return v;
  }
  var v: unknown;
  if ((v = read('body')) !== undefined) r.body = v === null ? null : convertBodyInit(v, member + ' (body)');
  if ((v = read('cache')) !== undefined) r.cache = toEnum(v, CACHES, member + ' (cache)');
  if ((v = read('credentials')) !== undefined) r.credentials = toEnum(v, CREDENTIALS, member + ' (credentials)');
  if ((v = read('duplex')) !== undefined) r.duplex = toEnum(v, DUPLEXES, member + ' (duplex)');
  if ((v = read('headers')) !== undefined) r.headers = convertHeadersInit(v, member + ' (headers)');
  if ((v = read('integrity')) !== undefined) r.integrity = toDOMString(v, member + ' (integrity)');
  if ((v = read('keepalive')) !== undefined) r.keepalive = !!v;
  if ((v = read('method')) !== undefined) r.method = toByteString(v, member + ' (method)');
  if ((v = read('mode')) !== undefined) r.mode = toEnum(v, MODES, member + ' (mode)');
  if ((v = read('priority')) !== undefined) r.priority = toEnum(v, PRIORITIES, member + ' (priority)');
  if ((v = read('redirect')) !== undefined) r.redirect = toEnum(v, REDIRECTS, member + ' (redirect)');
  if ((v = read('referrer')) !== undefined) r.referrer = toUSVString(v, member + ' (referrer)');
  if ((v = read('referrerPolicy')) !== undefined) r.referrerPolicy = toEnum(v, POLICIES, member + ' (referrerPolicy)');
  if ((v = read('signal')) !== undefined) {
    if (v !== null && !isAbortSignal(v)) throw new TypeError(member + ": member signal is not of type 'AbortSignal'");
    r.signal = v;
  }
  r.window = read('window');
  var extensions: { [name: string]: unknown } = {};
  if ((v = init.retrofetch) !== undefined) extensions.retrofetch = v;
  return { record: r, empty: present === 0, extensions: extensions };
}

function copyHeaderList(headers: Headers): Array<[string, string]> {
  var list = headerListOf(headers);
  var copy: Array<[string, string]> = [];
  for (var i = 0; i < list.length; i++) copy.push([list[i][0], list[i][1]]);
  return copy;
}

export class Request {
  constructor(input: unknown, init?: unknown) {
    var member = 'Request constructor';
    if (!(this instanceof Request) || slot.has(this)) throw new TypeError("Request: Please use the 'new' operator");
    requireArguments(arguments.length, 1, member);
    var inputRequest = isRequest(input) ? slot.get(input, member) : null;
    var url = inputRequest === null ? toUSVString(input, member) : '';
    var converted = convertInit(init, member);
    var dict = converted.record;
    var request: InnerRequest;
    var fallbackMode: RequestMode | null = null;
    // 3. Let signal be null.
    var signal: unknown = null;
    // 5. If input is a string:
    if (inputRequest === null) {
      // 1–2. Parse input with baseURL; failure → TypeError.
      var parsed = parseURL(url);
      if (parsed === null) throw new TypeError(member + ": '" + url + "' is not a valid URL");
      // 3. If parsedURL includes credentials, then throw a TypeError.
      if (parsed.includesCredentials) throw new TypeError(member + ': the URL includes credentials: ' + parsed.href);
      // 4–5. A new request whose URL is parsedURL; fallbackMode is "cors".
      request = {
        method: 'GET', url: parsed.href, headers: createHeaders([], 'none'), guard: 'request', body: null,
        mode: 'cors', credentials: 'same-origin', cache: 'default', redirect: 'follow', referrer: 'client',
        referrerPolicy: '', integrity: '', keepalive: false, priority: 'auto', signal: null as any, extensions: {}
      };
      fallbackMode = 'cors';
    } else {
      // 6. Otherwise: request is input's request; signal is input's signal.
      // 12. A new request with the input request's members (its header list copied).
      request = {
        method: inputRequest.method, url: inputRequest.url, headers: createHeaders(copyHeaderList(inputRequest.headers), 'none'),
        guard: 'request', body: null, mode: inputRequest.mode, credentials: inputRequest.credentials,
        cache: inputRequest.cache, redirect: inputRequest.redirect, referrer: inputRequest.referrer,
        referrerPolicy: inputRequest.referrerPolicy, integrity: inputRequest.integrity, keepalive: inputRequest.keepalive,
        priority: inputRequest.priority, signal: null as any, extensions: copyExtensions(inputRequest.extensions)
      };
      signal = inputRequest.signal;
    }
    // 11. If init["window"] exists and is non-null, then throw a TypeError.
    if (dict.window !== undefined && dict.window !== null) throw new TypeError(member + ': window can only be null');
    // 13. If init is not empty: a navigate mode becomes same-origin; referrer "client", policy "".
    if (!converted.empty) {
      if (request.mode === 'navigate') request.mode = 'same-origin';
      request.referrer = 'client';
      request.referrerPolicy = '';
    }
    // 14. If init["referrer"] exists:
    if (dict.referrer !== undefined) {
      if (dict.referrer === '') {
        request.referrer = 'no-referrer';
      } else {
        var parsedReferrer = parseURL(dict.referrer);
        if (parsedReferrer === null) throw new TypeError(member + ": referrer '" + dict.referrer + "' is not a valid URL");
        // about:client, or another origin than the current one: "client".
        request.referrer = parsedReferrer.href === 'about:client' || originOf(parsedReferrer.href) !== currentOrigin()
          ? 'client' : parsedReferrer.href;
      }
    }
    // 15. referrerPolicy.
    if (dict.referrerPolicy !== undefined) request.referrerPolicy = dict.referrerPolicy;
    // 16–18. mode, else fallbackMode; "navigate" is refused.
    var mode = dict.mode !== undefined ? dict.mode : fallbackMode;
    if (mode === 'navigate') throw new TypeError(member + ": mode 'navigate' cannot be used to construct a Request");
    if (mode !== null) request.mode = mode;
    // 19–20. credentials, cache.
    if (dict.credentials !== undefined) request.credentials = dict.credentials;
    if (dict.cache !== undefined) request.cache = dict.cache;
    // 21. only-if-cached needs mode "same-origin".
    if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') {
      throw new TypeError(member + ": cache 'only-if-cached' can be set only with mode 'same-origin'");
    }
    // 22–24. redirect, integrity, keepalive.
    if (dict.redirect !== undefined) request.redirect = dict.redirect;
    if (dict.integrity !== undefined) request.integrity = dict.integrity;
    if (dict.keepalive !== undefined) request.keepalive = dict.keepalive;
    // 25. method: a method token, not forbidden, normalized.
    if (dict.method !== undefined) request.method = normalizeMethod(dict.method, member);
    // 26. If init["signal"] exists, then set signal to it.
    if (dict.signal !== undefined) signal = dict.signal;
    // 27. priority.
    if (dict.priority !== undefined) request.priority = dict.priority;
    // 29–30. this's signal: the result of creating a dependent abort signal from « signal » (« » when null), so it
    //     aborts with the given signal (ours or the engine's) without being it.
    request.signal = createDependentAbortSignal(signal === null ? [] : [signal]);
    for (var name in converted.extensions) request.extensions[name] = converted.extensions[name];
    // 30. this's headers: a Headers object over request's header list, guard "request".
    var list = headerListOf(request.headers);
    request.headers = createHeaders(list, 'request');
    request.guard = 'request';
    // 32. If this's request's mode is "no-cors": the method must be CORS-safelisted; guard "request-no-cors".
    if (request.mode === 'no-cors') {
      if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'POST') {
        throw new TypeError(member + ": '" + request.method + "' is unsupported in no-cors mode");
      }
      request.headers = createHeaders(list, 'request-no-cors');
      request.guard = 'request-no-cors';
    }
    // 33. If init is not empty: refill this's headers from init["headers"] (or the copy made above).
    if (!converted.empty) {
      // 1–2. headers is init["headers"] if it exists, else a copy of this's headers. 3. Empty the header list.
      // 4–5. Append each header of the copy, or fill with init["headers"].
      var headersInit = dict.headers !== undefined ? dict.headers : new ConvertedHeadersInit(true, list.slice());
      list.length = 0;
      fillHeaders(request.headers, headersInit, member);
    }
    // 34. inputBody is input's request's body if input is a Request object; otherwise null.
    var inputBody = inputRequest !== null ? inputRequest.body : null;
    // 35. A body (from init or input) with a GET or HEAD method is refused.
    var hasInitBody = dict.body !== undefined && dict.body !== null;
    if ((hasInitBody || inputBody !== null) && (request.method === 'GET' || request.method === 'HEAD')) {
      throw new TypeError(member + ': a Request with a ' + request.method + ' method cannot have a body');
    }
    // 36–37. initBody: extract init["body"]; set Content-Type if the headers have none.
    var initBody: InnerBody | null = null;
    if (hasInitBody) {
      var extracted = extractBody(dict.body, request.keepalive, member);
      initBody = extracted.body;
      if (extracted.type !== null && !request.headers.has('Content-Type')) request.headers.append('Content-Type', extracted.type);
    }
    // 38–39. A stream body needs duplex "half" and a CORS or same-origin mode.
    var inputOrInitBody = initBody !== null ? initBody : inputBody;
    if (inputOrInitBody !== null && inputOrInitBody.origin === null) {
      if (initBody !== null && dict.duplex === undefined) {
        throw new TypeError(member + ": duplex 'half' is required when the body is a ReadableStream");
      }
      if (request.mode !== 'same-origin' && request.mode !== 'cors') {
        throw new TypeError(member + ": a ReadableStream body needs mode 'cors' or 'same-origin'");
      }
    }
    // 40–41. With no init body, input's body moves over (input becomes used); an unusable one is refused.
    var finalBody = inputOrInitBody;
    if (initBody === null && inputBody !== null) {
      if (isUnusable(inputBody)) throw new TypeError(member + ': the input Request body is already used');
      finalBody = transferBody(inputBody);
    }
    // 42. Set this's request's body to finalBody.
    request.body = finalBody;
    slot.set(this, request);
  }

  get method(): string {
    return slot.get(this, 'Request.method').method;
  }

  get url(): string {
    return slot.get(this, 'Request.url').url;
  }

  get headers(): Headers {
    return slot.get(this, 'Request.headers').headers;
  }

  get destination(): string {
    slot.get(this, 'Request.destination');
    return '';
  }

  // https://fetch.spec.whatwg.org/#dom-request-referrer
  get referrer(): string {
    var referrer = slot.get(this, 'Request.referrer').referrer;
    return referrer === 'no-referrer' ? '' : referrer === 'client' ? 'about:client' : referrer;
  }

  get referrerPolicy(): ReferrerPolicy {
    return slot.get(this, 'Request.referrerPolicy').referrerPolicy;
  }

  get mode(): RequestMode {
    return slot.get(this, 'Request.mode').mode;
  }

  get credentials(): RequestCredentials {
    return slot.get(this, 'Request.credentials').credentials;
  }

  get cache(): RequestCache {
    return slot.get(this, 'Request.cache').cache;
  }

  get redirect(): RequestRedirect {
    return slot.get(this, 'Request.redirect').redirect;
  }

  get integrity(): string {
    return slot.get(this, 'Request.integrity').integrity;
  }

  get keepalive(): boolean {
    return slot.get(this, 'Request.keepalive').keepalive;
  }

  get isReloadNavigation(): boolean {
    slot.get(this, 'Request.isReloadNavigation');
    return false;
  }

  get isHistoryNavigation(): boolean {
    slot.get(this, 'Request.isHistoryNavigation');
    return false;
  }

  // https://fetch.spec.whatwg.org/#dom-request-signal
  get signal(): AbortSignal {
    return slot.get(this, 'Request.signal').signal;
  }

  get duplex(): 'half' {
    slot.get(this, 'Request.duplex');
    return 'half';
  }

  // https://fetch.spec.whatwg.org/#dom-request-clone
  clone(): Request {
    var inner = slot.get(this, 'Request.clone');
    // 1. If this is unusable, then throw a TypeError.
    if (isUnusable(inner.body)) throw new TypeError('Request.clone: body already used');
    // 2–4. Clone the request (its body teed) with a Headers object of the same guard.
    var copy: InnerRequest = {
      method: inner.method, url: inner.url, headers: createHeaders(copyHeaderList(inner.headers), inner.guard),
      guard: inner.guard, body: inner.body === null ? null : cloneBody(inner.body), mode: inner.mode,
      credentials: inner.credentials, cache: inner.cache, redirect: inner.redirect, referrer: inner.referrer,
      referrerPolicy: inner.referrerPolicy, integrity: inner.integrity, keepalive: inner.keepalive,
      priority: inner.priority, signal: null as any, extensions: copyExtensions(inner.extensions)
    };
    // 4. Set clonedRequestObject's signal to the result of creating a dependent abort signal from « this's signal ».
    copy.signal = createDependentAbortSignal([inner.signal]);
    var request = Object.create(Request.prototype);
    slot.set(request, copy);
    return request;
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Request extends Body {}

function copyExtensions(extensions: { [name: string]: unknown }): { [name: string]: unknown } {
  var copy: { [name: string]: unknown } = {};
  for (var name in extensions) copy[name] = extensions[name];
  return copy;
}

// https://fetch.spec.whatwg.org/#concept-method-normalize, with the validity and forbidden checks.
function normalizeMethod(method: string, member: string): string {
  if (!isToken(method)) throw new TypeError(member + ": '" + method + "' is not a valid HTTP method");
  var upper = method.toUpperCase();
  if (upper === 'CONNECT' || upper === 'TRACE' || upper === 'TRACK') {
    throw new TypeError(member + ": '" + method + "' HTTP method is unsupported (forbidden method)");
  }
  for (var i = 0; i < NORMALIZED_METHODS.length; i++) if (NORMALIZED_METHODS[i] === upper) return upper;
  return method;
}

// https://fetch.spec.whatwg.org/#concept-body-transfer: the new body takes the source; the old one is used up.
function transferBody(body: InnerBody): InnerBody {
  var moved: InnerBody = {
    source: body.source, stream: body.stream, disturbed: false, origin: body.origin, replay: body.replay, length: body.length
  };
  body.disturbed = true;
  return moved;
}

includeBody(Request.prototype, 'Request', function (self, member) {
  var inner = slot.get(self, member);
  return { body: inner.body, headerList: headerListOf(inner.headers) };
});

if (supportsSymbolToStringTag) {
  Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: 'Request', configurable: true });
}
