// The Response class: https://fetch.spec.whatwg.org/#response-class
import { createSlot } from '../webidl/slots';
import { constructing, defineAttributes } from '../webidl/interface';
import { toDictionaryMembers, toByteString, requireArguments, toUSVString, toUnsignedShort, typeError } from '../webidl/conversions';
import {
  GUARD_RESPONSE, ConvertedHeadersInit, Headers, convertHeadersInit, copyHeaders, fillHeaders, guardSteps, headerListOf
} from './headers';
import { headerListAppend, headerListContains, isForbiddenResponseHeaderName } from './header-list';
import { InnerResponse, isNullBodyStatus, isRedirectStatus, newNetworkResponse } from './response-record';
import { BODY_USED, Body, includeBody, isUnusable, cloneBody, bodyFromBytes } from './body';
import { convertBodyInit, extractBody, ExtractedBody } from './extract-body';
import { utf8Encode } from '../encoding/utf8';
import { parseURL, stripFragment } from './url';
import { isQuotedStringTokens } from '../infra/http';

var slot = createSlot<InnerResponse>('Response');

// The guard "response": its step of validate (4: a forbidden response-header name is dropped): see guardSteps in
// ./headers.ts.
guardSteps[GUARD_RESPONSE] = isForbiddenResponseHeaderName;

/** https://fetch.spec.whatwg.org/#responseinit, converted. */
interface ResponseInitRecord {
  headers?: ConvertedHeadersInit;
  status: number;
  statusText: string;
}

// https://fetch.spec.whatwg.org/#responseinit: each member in lexicographic order with its conversion.
var INIT_MEMBERS = {
  headers: convertHeadersInit,
  status: toUnsignedShort,
  statusText: toByteString
};

// https://webidl.spec.whatwg.org/#es-dictionary: headers, status, statusText, each read once and converted in turn.
function convertResponseInit(value: unknown, member: string): ResponseInitRecord {
  var record = { status: 200, statusText: '' };
  toDictionaryMembers(value, member, INIT_MEMBERS, record);
  return record;
}

// A new response whose headers are a new Headers object with guard "response" (the constructor's steps 1–2, json()'s
// step 3), then https://fetch.spec.whatwg.org/#initialize-a-response with init and body.
function initializeResponse(init: ResponseInitRecord, body: ExtractedBody | null, member: string): InnerResponse {
  // 1. If init["status"] is not in the range 200 to 599, inclusive, then throw a RangeError.
  //    (An unsigned short: three digits from 2 to 5 is 200 to 599.)
  if (!/^[2-5]..$/.test('' + init.status)) throw new RangeError(member + ': status ' + init.status + ' not in 200-599');
  // 2. If init["statusText"] does not match the reason-phrase token production, then throw a TypeError.
  if (!isQuotedStringTokens(init.statusText)) throw typeError(member, 'invalid statusText');
  // 3–4. Set the status and status message (of the new response, made once nothing can throw before it: unseen).
  var inner = newNetworkResponse(init.status, init.statusText, [], null, [], 'default', GUARD_RESPONSE);
  // 5. If init["headers"] exists, then fill response's headers with init["headers"].
  if (init.headers) fillHeaders(inner.headers, init.headers, member);
  // 6. If body was given:
  if (body) {
    // 1. If response's status is a null body status, then throw a TypeError.
    if (isNullBodyStatus(init.status)) throw typeError(member, init.status + ' with a body');
    // 2. Set response's body to body's body.
    inner._body = body._body;
    // 3. If body's type is non-null and response's header list does not contain `Content-Type`, append it.
    var list = headerListOf(inner.headers);
    if (body._type && !headerListContains(list, 'Content-Type')) headerListAppend(list, 'Content-Type', body._type);
  }
  return inner;
}

/** Makes a Response object around a response record (fetch() and the static methods use this). @internal */
export function createResponse(inner: InnerResponse): Response {
  var response = Object.create(Response.prototype);
  slot.set(response, inner);
  return response;
}

export class Response {
  declare readonly type: ResponseType;
  declare readonly url: string;
  declare readonly redirected: boolean;
  declare readonly status: number;
  declare readonly ok: boolean;
  declare readonly statusText: string;
  declare readonly headers: Headers;

  // https://fetch.spec.whatwg.org/#dom-response
  constructor(body?: unknown, init?: unknown) {
    var member = 'Response constructor';
    constructing(this, Response, slot, member);
    // (WebIDL: the arguments are converted first, body then init.)
    body = convertBodyInit(body, member + ' (body)');
    var dict = convertResponseInit(init, member);
    // 1–2. Set this's response to a new response, and its headers to a new Headers with guard "response".
    // 3. Let bodyWithType be null; 4. if body is non-null, set it to the result of extracting body.
    // 5. Perform initialize a response given this, init, and bodyWithType.
    slot.set(this, initializeResponse(dict, body === null ? null : extractBody(body, false, member), member));
  }

  // https://fetch.spec.whatwg.org/#dom-response-error
  static error(): Response {
    return createResponse(newNetworkResponse(0, '', [], null, [], 'error'));
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
    if (!parsed) throw typeError(member, 'invalid URL ' + href);
    // 3. If status is not a redirect status, then throw a RangeError.
    if (!isRedirectStatus(code)) throw new RangeError(member + ': status ' + code + ' not a redirect status');
    // 4–7. A new response with guard "immutable", the status, and `Location` set to parsedURL serialized.
    return createResponse(newNetworkResponse(code, '', [['Location', parsed._href]], null, [], 'default'));
  }

  // https://fetch.spec.whatwg.org/#dom-response-json
  static json(data: unknown, init?: unknown): Response {
    var member = 'Response.json';
    requireArguments(arguments.length, 1, member);
    var dict = convertResponseInit(init, member);
    // 1. Let bytes be the result of running serialize a JavaScript value to JSON bytes on data.
    var json = JSON.stringify(data);
    if (!json) throw typeError(member, 'data not serializable to JSON');
    // 2–4. Extract bytes; a new Response with guard "response"; initialize with (body, "application/json").
    return createResponse(initializeResponse(dict, { _body: bodyFromBytes(utf8Encode(json)), _type: 'application/json' }, member));
  }

  // https://fetch.spec.whatwg.org/#dom-response-clone
  clone(): Response {
    var inner = slot.get(this, 'Response.clone');
    // 1. If this is unusable, then throw a TypeError.
    if (isUnusable(inner._body)) throw typeError('Response.clone', BODY_USED);
    // 2–3. Clone the response (the body is teed), with a Headers object of the same guard.
    var copy = newNetworkResponse(inner.status, inner.statusText, [], inner._body && cloneBody(inner._body), inner._urlList.slice(), inner.type);
    copy.headers = copyHeaders(inner.headers);
    return createResponse(copy);
  }
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Response extends Body {}

// The attributes: https://fetch.spec.whatwg.org/#response-class
defineAttributes<InnerResponse>(Response.prototype, slot, 'Response', {
  type: 0,
  // https://fetch.spec.whatwg.org/#dom-response-url: the empty string if this's response's URL is null; otherwise it
  // serialized with exclude fragment set to true. (The response's URL is the last of its URL list.)
  url: function (inner) {
    var list = inner._urlList;
    return list.length ? stripFragment(list[list.length - 1]) : '';
  },
  redirected: function (inner) {
    return inner._urlList.length > 1;
  },
  status: 0,
  // https://fetch.spec.whatwg.org/#dom-response-ok: an ok status, 200 to 299 (three digits from 2: the status is an
  // integer).
  ok: function (inner) {
    return /^2..$/.test('' + inner.status);
  },
  statusText: 0,
  headers: 0
});

// (defineAttributes, here and in includeBody, defines the @@toStringTag too.)
includeBody(Response.prototype, 'Response', slot);
