// The Request class: https://fetch.spec.whatwg.org/#request-class
import { createSlot } from '../webidl/slots';
import { constructing, defineAttributes } from '../webidl/interface';
import { toByteString, toUSVString, toDOMString, toDictionaryMembers, requireArguments, typeError } from '../webidl/conversions';
import {
  GUARD_REQUEST, GUARD_REQUEST_NO_CORS, Headers, ConvertedHeadersInit, convertHeadersInit, copyHeaders, createHeaders, fillHeaders,
  guardSteps, headerListOf
} from './headers';
import {
  headerListContains, headerListGet, isForbiddenRequestHeader, isNoCorsSafelistedRequestHeader,
  isNoCorsSafelistedRequestHeaderName
} from './header-list';
import { BODY_USED, Body, InnerBody, includeBody, isUnusable, cloneBody, proxyBody } from './body';
import { convertBodyInit, extractBody } from './extract-body';
import { parseURL, originOf, currentOrigin } from './url';
import { AbortSignal, isAbortSignal, createRequestSignal } from '../dom/abort-signal';
import { isToken } from '../infra/http';

/**
 * https://fetch.spec.whatwg.org/#concept-request-referrer, kept as the referrer attribute returns it
 * (https://fetch.spec.whatwg.org/#dom-request-referrer): "no-referrer" as "", "client" as "about:client", a URL
 * serialized. (Nothing but the attribute reads it: the engine sends its own Referer.)
 */
type Referrer = string;

/** https://fetch.spec.whatwg.org/#concept-request */
export interface InnerRequest {
  method: string;
  url: string;
  headers: Headers;
  _body: InnerBody | null;
  mode: RequestMode;
  credentials: RequestCredentials;
  cache: RequestCache;
  redirect: RequestRedirect;
  referrer: Referrer;
  referrerPolicy: ReferrerPolicy;
  integrity: string;
  keepalive: boolean;
  // (The request's priority: init["priority"] is converted, as an enumeration, and not kept: nothing reads it.)
  /** The request's destination, reload-navigation flag and history-navigation flag: always these for a Request made by script. */
  destination: '';
  isReloadNavigation: false;
  isHistoryNavigation: false;
  /** What the duplex attribute returns. */
  duplex: 'half';
  /** The Request object's signal (https://fetch.spec.whatwg.org/#request-signal), kept here with the request. */
  signal: AbortSignal;
  /** retrofetch's own RequestInit member, init.retrofetch as given, carried along to fetch() (copies share it). */
  _retrofetch?: unknown;
  /** An EventSource's request (src/event-source/): its response body is read as UTF-8 text only (TransportRequest's `_utf8`). */
  _utf8?: boolean;
}

var slot = createSlot<InnerRequest>('Request');

/** @internal */
export function innerRequest(request: unknown, member: string): InnerRequest {
  return slot.get(request, member);
}

// The guard "request": its step of validate (step 3: a forbidden request-header is dropped). The guard
// "request-no-cors": its steps of append (step 3: the value combined with any there must stay safelisted), delete
// (step 2: only a safelisted or privileged name) and set (step 3). See guardSteps in ./headers.ts.
guardSteps[GUARD_REQUEST] = isForbiddenRequestHeader;
guardSteps[GUARD_REQUEST_NO_CORS] = function (name, value, method, list) {
  // (A privileged no-CORS request-header name, `Range`, may be deleted too: no such header list has one.)
  if (method === 'delete') return !isNoCorsSafelistedRequestHeaderName(name);
  var temporaryValue = method === 'append' ? headerListGet(list, name) : null;
  return !isNoCorsSafelistedRequestHeader(name, temporaryValue === null ? value : temporaryValue + ', ' + value);
};

/**
 * https://fetch.spec.whatwg.org/#requestinit: each member in lexicographic order with its conversion, an enumeration's
 * values (separated by spaces) or a function. (Object literals keep their keys' order in every ES5 engine.)
 */
var INIT_MEMBERS: { [name: string]: string | ((value: any, member: string) => unknown) } = {
  body: convertBodyInit,
  cache: 'default no-store reload no-cache force-cache only-if-cached',
  credentials: 'omit same-origin include',
  duplex: 'half',
  headers: convertHeadersInit,
  integrity: toDOMString,
  keepalive: Boolean,
  method: toByteString,
  mode: 'navigate same-origin no-cors cors',
  priority: 'high low auto',
  redirect: 'follow error manual',
  referrer: toUSVString,
  referrerPolicy: ' no-referrer no-referrer-when-downgrade same-origin origin strict-origin origin-when-cross-origin ' +
    'strict-origin-when-cross-origin unsafe-url',
  /** Ours or the engine's AbortSignal (a native signal passed to the ponyfill must work too), or null. */
  signal: function (value, member) {
    if (value !== null && !isAbortSignal(value)) throw typeError(member, 'not an AbortSignal');
    return value;
  },
  window: function (value) {
    return value;
  }
};

/** https://fetch.spec.whatwg.org/#requestinit, converted; absent members stay undefined. */
interface RequestInitRecord {
  body?: unknown;
  duplex?: 'half';
  headers?: ConvertedHeadersInit;
  method?: string;
  mode?: RequestMode;
  referrer?: string;
  signal?: unknown;
  window?: unknown;
  [name: string]: unknown;
}

// A new request's fields (https://fetch.spec.whatwg.org/#concept-request) as the constructor's steps make them (mode
// "cors": fallbackMode), made once and copied (duplex is always "half").
var DEFAULTS = {
  method: 'GET', url: '', headers: createHeaders([], GUARD_REQUEST), destination: '', referrer: 'about:client', referrerPolicy: '',
  mode: 'cors', credentials: 'same-origin', cache: 'default', redirect: 'follow', integrity: '', keepalive: false,
  isReloadNavigation: false, isHistoryNavigation: false, signal: null, duplex: 'half',
  _body: null
} as unknown as InnerRequest;

// The members of a request copied to a new one (its header list too, in a Headers object of the same guard); no body.
function copyRequest(request: InnerRequest): InnerRequest {
  var result: any = {};
  for (var name in request) result[name] = (request as any)[name];
  result.headers = copyHeaders(request.headers);
  result._body = null;
  return result;
}

export class Request {
  declare readonly method: string;
  declare readonly url: string;
  declare readonly headers: Headers;
  declare readonly destination: string;
  declare readonly referrer: string;
  declare readonly referrerPolicy: ReferrerPolicy;
  declare readonly mode: RequestMode;
  declare readonly credentials: RequestCredentials;
  declare readonly cache: RequestCache;
  declare readonly redirect: RequestRedirect;
  declare readonly integrity: string;
  declare readonly keepalive: boolean;
  declare readonly isReloadNavigation: boolean;
  declare readonly isHistoryNavigation: boolean;
  declare readonly signal: AbortSignal;
  declare readonly duplex: 'half';

  // https://fetch.spec.whatwg.org/#dom-request
  constructor(input: unknown, init?: unknown) {
    var member = 'Request constructor';
    constructing(this, Request, slot, member);
    requireArguments(arguments.length, 1, member);
    // (WebIDL: the arguments are converted first: input, a Request or a USVString, then init.)
    var inputRequest = slot.find(input) || null;
    var url = inputRequest ? '' : toUSVString(input, member);
    // (https://webidl.spec.whatwg.org/#es-dictionary: every member, in lexicographic order, read once and converted as
    // it is read, all before the constructor's steps, so the first bad member throws, as natively. retrofetch's
    // extension, which native fetch ignores (see fetch.ts RetrofetchInit), is read last and leaves init "empty".)
    var dict: RequestInitRecord = {};
    var retrofetch = toDictionaryMembers(init, member, INIT_MEMBERS, dict).retrofetch;
    var empty = !Object.keys(dict).length;
    var request: InnerRequest;
    // 5. If input is a string:
    if (!inputRequest) {
      // 1–2. Parse input with baseURL; failure → TypeError.
      var parsed = parseURL(url);
      if (!parsed) throw typeError(member, 'invalid URL ' + url);
      // 3. If parsedURL includes credentials, then throw a TypeError.
      if (parsed._includesCredentials) throw typeError(member, 'URL with credentials');
      // 4–5. A new request whose URL is parsedURL; fallbackMode is "cors" (the defaults' mode).
      request = copyRequest(DEFAULTS);
      request.url = parsed._href;
    } else {
      // 6. Otherwise: request is input's request; signal is input's signal.
      // 12. A new request with the input request's members (its header list copied).
      request = copyRequest(inputRequest);
    }
    // 11. If init["window"] exists and is non-null, then throw a TypeError.
    if (dict.window != null) throw typeError(member, 'window not null');
    // 13. If init is not empty: referrer "client" (kept as "about:client"), policy "". (A "navigate" mode would become "same-origin", but no
    //     request has it here: the constructor refuses it.)
    if (!empty) {
      request.referrer = 'about:client';
      request.referrerPolicy = '';
    }
    // 14. If init["referrer"] exists: "" is "no-referrer" (kept as "", as it is); otherwise it is parsed (failure: a
    //     TypeError) and about:client, or another origin than the current one, is "client" (about:client's origin is
    //     an opaque one: "client" either way, which is kept as "about:client"). Set below, with the members that need
    //     no steps.
    var referrer = dict.referrer;
    if (referrer) {
      var parsedReferrer = parseURL(referrer);
      if (!parsedReferrer) throw typeError(member, 'invalid referrer ' + referrer);
      dict.referrer = originOf(parsedReferrer._href) !== currentOrigin() ? 'about:client' : parsedReferrer._href;
    }
    // 16–18. mode, else fallbackMode (the defaults'); "navigate" is refused.
    if (dict.mode === 'navigate') throw typeError(member, 'mode navigate not allowed');
    // 14–15, 18–20, 22–24. referrer, referrerPolicy, mode, credentials, cache, redirect, integrity, keepalive:
    //     the members given that are request fields, as they are (the referrer as step 14 made it), but for
    //     the four with steps of their own (duplex is "half" either way). 27. priority: converted only (see
    //     InnerRequest).
    for (var name in dict) {
      if (name in DEFAULTS && !/^(headers|method|signal)$/.test(name)) (request as any)[name] = dict[name];
    }
    // 21. only-if-cached needs mode "same-origin".
    if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') {
      throw typeError(member, 'only-if-cached outside same-origin');
    }
    // 25. method: a method token, not forbidden, normalized.
    if (dict.method !== undefined) request.method = normalizeMethod(dict.method, member);
    // 3. Let signal be null; 6. input's signal if input is a Request; 26. init["signal"] if it exists.
    var signal = dict.signal !== undefined ? dict.signal : inputRequest && inputRequest.signal;
    // 29–30. this's signal: the result of creating a dependent abort signal from « signal » (« » when null), so it
    //     aborts with the given signal (ours or the engine's) without being it.
    request.signal = createRequestSignal(signal ? [signal] : []);
    if (retrofetch !== undefined) request._retrofetch = retrofetch;
    // 30. this's headers: a Headers object over request's header list, guard "request".
    // 32. If this's request's mode is "no-cors": the method must be CORS-safelisted; guard "request-no-cors".
    var list = headerListOf(request.headers);
    if (request.mode === 'no-cors' && !/^(GET|HEAD|POST)$/.test(request.method)) {
      throw typeError(member, request.method + ' in no-cors');
    }
    request.headers = createHeaders(list, request.mode === 'no-cors' ? GUARD_REQUEST_NO_CORS : GUARD_REQUEST);
    // 33. If init is not empty: refill this's headers from init["headers"], or from a copy of its header list (each
    //     header appended).
    if (!empty) {
      var headersInit = dict.headers || list.slice();
      list.length = 0;
      fillHeaders(request.headers, headersInit, member);
    }
    // 34. inputBody is input's request's body if input is a Request object; otherwise null.
    var inputBody = inputRequest && inputRequest._body;
    // 35. A body (from init or input) with a GET or HEAD method is refused.
    var hasInitBody = dict.body != null;
    if ((hasInitBody || inputBody) && /^(GET|HEAD)$/.test(request.method)) {
      throw typeError(member, request.method + ' with a body');
    }
    // 36–37. initBody: extract init["body"]; its type appended to this's headers as Content-Type if they have none.
    var initBody: InnerBody | undefined;
    if (hasInitBody) {
      var extracted = extractBody(dict.body, request.keepalive, member);
      initBody = extracted._body;
      if (extracted._type && !headerListContains(list, 'Content-Type')) {
        fillHeaders(request.headers, [['Content-Type', extracted._type]], member);
      }
    }
    // 38–39. A stream body needs duplex "half" and a CORS or same-origin mode.
    var inputOrInitBody = initBody || inputBody;
    if (inputOrInitBody && !inputOrInitBody._origin) {
      if (initBody && !dict.duplex) throw typeError(member, 'stream body without duplex');
      if (!/^(same-origin|cors)$/.test(request.mode)) throw typeError(member, 'stream body in ' + request.mode);
    }
    // 40–41. finalBody is inputOrInitBody; with no init body, a proxy of input's body (a new stream over its source,
    //     input becoming used), which an unusable one cannot give.
    // 42. Set this's request's body to finalBody.
    request._body = inputOrInitBody;
    if (!initBody && inputBody) {
      if (isUnusable(inputBody)) throw typeError(member, BODY_USED);
      request._body = proxyBody(inputBody);
    }
    slot.set(this, request);
  }

  // https://fetch.spec.whatwg.org/#dom-request-clone
  clone(): Request {
    var inner = slot.get(this, 'Request.clone');
    // 1. If this is unusable, then throw a TypeError.
    if (isUnusable(inner._body)) throw typeError('Request.clone', BODY_USED);
    // 2–4. Clone the request (its body teed) with a Headers object of the same guard.
    var copy = copyRequest(inner);
    copy._body = inner._body && cloneBody(inner._body);
    // 4. Set clonedRequestObject's signal to the result of creating a dependent abort signal from « this's signal ».
    copy.signal = createRequestSignal([inner.signal]);
    var request = Object.create(Request.prototype);
    slot.set(request, copy);
    return request;
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Request extends Body {}

// The attributes (https://fetch.spec.whatwg.org/#request-class), in the IDL's order: each the request's field of its name.
defineAttributes<InnerRequest>(Request.prototype, slot, 'Request', {
  method: 0, url: 0, headers: 0, destination: 0, referrer: 0, referrerPolicy: 0, mode: 0, credentials: 0, cache: 0,
  redirect: 0, integrity: 0, keepalive: 0, isReloadNavigation: 0, isHistoryNavigation: 0, signal: 0, duplex: 0
});

// https://fetch.spec.whatwg.org/#concept-method-normalize, with the checks of a method
// (https://fetch.spec.whatwg.org/#concept-method: a token) and of a forbidden method.
function normalizeMethod(method: string, member: string): string {
  if (!isToken(method) || /^(CONNECT|TRACE|TRACK)$/i.test(method)) throw typeError(member, 'invalid or forbidden method ' + method);
  return /^(DELETE|GET|HEAD|OPTIONS|POST|PUT)$/i.test(method) ? method.toUpperCase() : method;
}

// (defineAttributes, here and in includeBody, defines the @@toStringTag too.)
includeBody(Request.prototype, 'Request', slot);
