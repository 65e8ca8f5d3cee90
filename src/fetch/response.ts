// The Response class: https://fetch.spec.whatwg.org/#response-class
import { createSlot } from '../webidl/slots';
import { toDictionary, toByteString, requireArguments, toUSVString, toUnsignedShort } from '../webidl/conversions';
import { supportsSymbolToStringTag } from '../env/support';
import { ConvertedHeadersInit, Headers, HeadersGuard, convertHeadersInit, createHeaders, fillHeaders, headerListOf, setHeadersGuard } from './headers';
import { Body, InnerBody, includeBody, isUnusable, cloneBody, bodyFromBytes } from './body';
import { convertBodyInit, extractBody, ExtractedBody } from './extract-body';
import { utf8Encode } from '../encoding/utf8';
import { parseURL, stripFragment } from './url';
import { isQuotedStringTokens } from '../infra/http';

/** https://fetch.spec.whatwg.org/#concept-response */
export interface InnerResponse {
  type: ResponseType;
  status: number;
  statusText: string;
  body: InnerBody | null;
  urlList: string[];
  /** The Headers object, over the response's header list, and the guard it was made with. */
  headers: Headers;
  guard: HeadersGuard;
}

var slot = createSlot<InnerResponse>('Response');

/** @internal */
export function innerResponse(response: unknown, member: string): InnerResponse {
  return slot.get(response, member);
}

// https://fetch.spec.whatwg.org/#null-body-status
export function isNullBodyStatus(status: number): boolean {
  return status === 101 || status === 103 || status === 204 || status === 205 || status === 304;
}

export function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** https://fetch.spec.whatwg.org/#responseinit, converted. */
interface ResponseInitRecord {
  headers?: ConvertedHeadersInit;
  status: number;
  statusText: string;
}

// https://webidl.spec.whatwg.org/#es-dictionary: headers, status, statusText, each read once and converted in turn.
function convertResponseInit(value: unknown, member: string): ResponseInitRecord {
  var init = toDictionary<any>(value, member);
  var record: ResponseInitRecord = { status: 200, statusText: '' };
  var v = init.headers;
  if (v !== undefined) record.headers = convertHeadersInit(v, member + ' (headers)');
  if ((v = init.status) !== undefined) record.status = toUnsignedShort(v, member + ' (status)');
  if ((v = init.statusText) !== undefined) record.statusText = toByteString(v, member + ' (statusText)');
  return record;
}

// https://fetch.spec.whatwg.org/#initialize-a-response
function initializeResponse(inner: InnerResponse, init: ResponseInitRecord, body: ExtractedBody | null, member: string): void {
  // 1. If init["status"] is not in the range 200 to 599, inclusive, then throw a RangeError.
  if (init.status < 200 || init.status > 599) {
    throw new RangeError(member + ': status ' + init.status + ' is outside the range [200, 599]');
  }
  // 2. If init["statusText"] does not match the reason-phrase token production, then throw a TypeError.
  if (!isQuotedStringTokens(init.statusText)) throw new TypeError(member + ': statusText is not a valid reason phrase');
  // 3–4. Set the status and status message.
  inner.status = init.status;
  inner.statusText = init.statusText;
  // 5. If init["headers"] exists, then fill response's headers with init["headers"].
  if (init.headers !== undefined) fillHeaders(inner.headers, init.headers, member);
  // 6. If body was given:
  if (body !== null) {
    // 1. If response's status is a null body status, then throw a TypeError.
    if (isNullBodyStatus(init.status)) throw new TypeError(member + ': a Response with status ' + init.status + ' cannot have a body');
    // 2. Set response's body to body's body.
    inner.body = body.body;
    // 3. If body's type is non-null and response's header list does not contain `Content-Type`, append it.
    if (body.type !== null && !inner.headers.has('Content-Type')) inner.headers.append('Content-Type', body.type);
  }
}

function newInner(guard: HeadersGuard): InnerResponse {
  return { type: 'default', status: 200, statusText: '', body: null, urlList: [], headers: createHeaders([], guard), guard: guard };
}

/** Makes a Response object around a response record (fetch() and the static methods use this). @internal */
export function createResponse(inner: InnerResponse): Response {
  var response = Object.create(Response.prototype);
  slot.set(response, inner);
  return response;
}

/** A response record with a header list the caller fills; its Headers object is immutable. @internal */
export function newNetworkResponse(status: number, statusText: string, headerList: Array<[string, string]>,
  body: InnerBody | null, urlList: string[], type: ResponseType): InnerResponse {
  return { type: type, status: status, statusText: statusText, body: body, urlList: urlList,
    headers: createHeaders(headerList, 'immutable'), guard: 'immutable' };
}

export class Response {
  constructor(body?: unknown, init?: unknown) {
    if (!(this instanceof Response) || slot.has(this)) throw new TypeError("Response: Please use the 'new' operator");
    var member = 'Response constructor';
    // (WebIDL: the arguments are converted first, body then init.)
    body = body === undefined || body === null ? null : convertBodyInit(body, member + ' (body)');
    var dict = convertResponseInit(init, member);
    // 1–2. Set this's response to a new response, and its headers to a new Headers with guard "response".
    var inner = newInner('response');
    // 3. Let bodyWithType be null; 4. if body is non-null, set it to the result of extracting body.
    var bodyWithType = body === null ? null : extractBody(body, false, member);
    // 5. Perform initialize a response given this, init, and bodyWithType.
    initializeResponse(inner, dict, bodyWithType, member);
    slot.set(this, inner);
  }

  // https://fetch.spec.whatwg.org/#dom-response-error
  static error(): Response {
    var inner = newInner('immutable');
    inner.type = 'error';
    inner.status = 0;
    return createResponse(inner);
  }

  // https://fetch.spec.whatwg.org/#dom-response-redirect
  static redirect(url: unknown, status?: unknown): Response {
    var member = 'Response.redirect';
    requireArguments(arguments.length, 1, member);
    // (WebIDL: the arguments are converted first.)
    var href = toUSVString(url, member);
    var code = status === undefined ? 302 : toUnsignedShort(status, member);
    // 1. Let parsedURL be the result of parsing url with current settings object's API base URL.
    var parsed = parseURL(href);
    // 2. If parsedURL is failure, then throw a TypeError.
    if (parsed === null) throw new TypeError(member + ": '" + href + "' is not a valid URL");
    // 3. If status is not a redirect status, then throw a RangeError.
    if (!isRedirectStatus(code)) throw new RangeError(member + ': ' + code + ' is not a redirect status');
    // 4–7. A new response with guard "immutable", the status, and `Location` set to parsedURL serialized.
    var inner = newInner('none');
    inner.status = code;
    inner.headers.set('Location', parsed.href);
    setHeadersGuard(inner.headers, 'immutable');
    inner.guard = 'immutable';
    return createResponse(inner);
  }

  // https://fetch.spec.whatwg.org/#dom-response-json
  static json(data: unknown, init?: unknown): Response {
    var member = 'Response.json';
    requireArguments(arguments.length, 1, member);
    var dict = convertResponseInit(init, member);
    // 1. Let bytes be the result of running serialize a JavaScript value to JSON bytes on data.
    var json = JSON.stringify(data);
    if (json === undefined) throw new TypeError(member + ': the value is not JSON-serializable');
    // 2–4. Extract bytes; a new Response with guard "response"; initialize with (body, "application/json").
    var inner = newInner('response');
    initializeResponse(inner, dict, { body: bodyFromBytes(utf8Encode(json)), type: 'application/json' }, member);
    return createResponse(inner);
  }

  get type(): ResponseType {
    return slot.get(this, 'Response.type').type;
  }

  // https://fetch.spec.whatwg.org/#dom-response-url: the last URL, serialized with exclude fragment, or ''.
  get url(): string {
    var list = slot.get(this, 'Response.url').urlList;
    return list.length === 0 ? '' : stripFragment(list[list.length - 1]);
  }

  get redirected(): boolean {
    return slot.get(this, 'Response.redirected').urlList.length > 1;
  }

  get status(): number {
    return slot.get(this, 'Response.status').status;
  }

  get ok(): boolean {
    var status = slot.get(this, 'Response.ok').status;
    return status >= 200 && status <= 299;
  }

  get statusText(): string {
    return slot.get(this, 'Response.statusText').statusText;
  }

  get headers(): Headers {
    return slot.get(this, 'Response.headers').headers;
  }

  // https://fetch.spec.whatwg.org/#dom-response-clone
  clone(): Response {
    var inner = slot.get(this, 'Response.clone');
    // 1. If this is unusable, then throw a TypeError.
    if (isUnusable(inner.body)) throw new TypeError('Response.clone: body stream already read');
    // 2–3. Clone the response (the body is teed), with a Headers object of the same guard.
    var list = headerListOf(inner.headers).slice();
    for (var i = 0; i < list.length; i++) list[i] = [list[i][0], list[i][1]];
    var copy: InnerResponse = {
      type: inner.type, status: inner.status, statusText: inner.statusText,
      body: inner.body === null ? null : cloneBody(inner.body), urlList: inner.urlList.slice(),
      headers: createHeaders(list, inner.guard), guard: inner.guard
    };
    return createResponse(copy);
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Response extends Body {}

includeBody(Response.prototype, 'Response', function (self, member) {
  var inner = slot.get(self, member);
  return { body: inner.body, headerList: headerListOf(inner.headers) };
});

if (supportsSymbolToStringTag) {
  Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: 'Response', configurable: true });
}
