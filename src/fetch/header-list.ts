// The header list record behind Headers, Request and Response: https://fetch.spec.whatwg.org/#concept-header-list
// Names and values are byte sequences; here they are ByteStrings (every code unit <= 0xFF). Names keep the
// casing they were given; every lookup is byte-case-insensitive.
import { HTTP_TAB_OR_SPACE, HTTP_WHITESPACE, Position, byteLowercase, collectHttpQuotedString, collectUntil, isToken, trim } from '../infra/http';
import { MIMEType, parseMIMEType, essence, getParameter } from '../infra/mime-type';

/** https://fetch.spec.whatwg.org/#concept-header: a (name, value) pair. */
type Header = [string, string];
export type HeaderList = Header[];

// The indexes of the headers in list whose name matches name (byte-case-insensitively), in order. (A name of
// another length cannot match: no lowercasing then.)
function matching(list: HeaderList, name: string): number[] {
  var lowercaseName = byteLowercase(name);
  var found: number[] = [];
  for (var i = 0; i < list.length; i++) {
    var other = list[i][0];
    if (other === lowercaseName || (other.length === lowercaseName.length && byteLowercase(other) === lowercaseName)) found.push(i);
  }
  return found;
}

// Removes the headers at found[from], found[from + 1], ...
function remove(list: HeaderList, found: number[], from: number): void {
  for (var i = found.length - 1; i >= from; i--) list.splice(found[i], 1);
}

// https://fetch.spec.whatwg.org/#header-list-contains
export function headerListContains(list: HeaderList, name: string): boolean {
  return matching(list, name).length > 0;
}

// The values of the headers in list whose name matches name, in order.
export function headerListValues(list: HeaderList, name: string): string[] {
  return matching(list, name).map(function (i) { return list[i][1]; });
}

// https://fetch.spec.whatwg.org/#concept-header-list-get
export function headerListGet(list: HeaderList, name: string): string | null {
  // 1. If list does not contain name, then return null.
  // 2. Return the values of all headers in list whose name matches name, separated by 0x2C 0x20, in order.
  var values = headerListValues(list, name);
  return values.length ? values.join(', ') : null;
}

// https://fetch.spec.whatwg.org/#header-value-get-decode-and-split
// (Isomorphic decoding is the identity on ByteStrings.)
export function getDecodeSplit(input: string): string[] {
  // 1–4. position at the start of input, values « », temporaryValue "".
  var position: Position = { _position: 0 };
  var values: string[] = [];
  var temporaryValue = '';
  // 5. While true:
  for (;;) {
    // 1. Append the code points that are not U+0022 (") or U+002C (,) to temporaryValue.
    temporaryValue += collectUntil(input, position, '",');
    // 2. If the code point at position is U+0022 ("): append the collected HTTP quoted string; if not at the end, continue.
    if (input.charAt(position._position) === '"') {
      temporaryValue += collectHttpQuotedString(input, position, false);
      if (position._position < input.length) continue;
    }
    // 3. Remove all HTTP tab or space from the start and end of temporaryValue.
    // 4. Append temporaryValue to values. 5. Set temporaryValue to the empty string.
    values.push(trim(temporaryValue, HTTP_TAB_OR_SPACE));
    temporaryValue = '';
    // 6. If position is past the end of input, then return values.
    if (position._position >= input.length) return values;
    // 7. Assert: the code point at position is U+002C (,). 8. Advance position by 1.
    position._position++;
  }
}

// https://fetch.spec.whatwg.org/#concept-header-list-append
export function headerListAppend(list: HeaderList, name: string, value: string): void {
  // 1. If list contains name, then set name to the first such header's name (reusing its casing).
  var found = matching(list, name);
  // 2. Append (name, value) to list.
  list.push([found.length ? list[found[0]][0] : name, value]);
}

// https://fetch.spec.whatwg.org/#concept-header-list-delete: remove all headers whose name matches name.
export function headerListDelete(list: HeaderList, name: string): void {
  remove(list, matching(list, name), 0);
}

// https://fetch.spec.whatwg.org/#concept-header-list-set
export function headerListSet(list: HeaderList, name: string, value: string): void {
  var found = matching(list, name);
  // 1. If list contains name, then set the value of the first such header to value and remove the others.
  // 2. Otherwise, append (name, value) to list.
  if (!found.length) return void list.push([name, value]);
  list[found[0]][1] = value;
  remove(list, found, 1);
}

// https://fetch.spec.whatwg.org/#concept-header-list-sort-and-combine
export function sortAndCombine(list: HeaderList): HeaderList {
  // 1. Let headers be « ».
  var headers: HeaderList = [];
  // 2. Let names be the result of converting the names in list to a sorted-lowercase set
  //    (https://fetch.spec.whatwg.org/#convert-header-names-to-a-sorted-lowercase-set: sorted by byte, as code units).
  var names: string[] = [];
  for (var i = 0; i < list.length; i++) {
    var lower = byteLowercase(list[i][0]);
    if (names.indexOf(lower) < 0) names.push(lower);
  }
  names.sort();
  // 3. For each name of names: `set-cookie` once per value, in order; any other name with its values combined.
  for (i = 0; i < names.length; i++) {
    var values = headerListValues(list, names[i]);
    if (names[i] !== 'set-cookie') values = [values.join(', ')];
    for (var j = 0; j < values.length; j++) headers.push([names[i], values[j]]);
  }
  // 4. Return headers.
  return headers;
}

// https://fetch.spec.whatwg.org/#header-name: a field-name token (https://httpwg.org/specs/rfc9110.html#fields.names)
export var isHeaderName = isToken;

// https://fetch.spec.whatwg.org/#header-value: no leading or trailing HTTP tab or space, no 0x00 NUL or HTTP newline.
export function isHeaderValue(value: string): boolean {
  return !/[\0\r\n]|^[\t ]|[\t ]$/.test(value);
}

// https://fetch.spec.whatwg.org/#concept-header-value-normalize: strip leading and trailing HTTP whitespace bytes.
export function normalizeHeaderValue(potentialValue: string): string {
  return trim(potentialValue, HTTP_WHITESPACE);
}

// https://fetch.spec.whatwg.org/#forbidden-request-header (ASCII patterns with i: byte-case-insensitive)
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  // 1. If name is a byte-case-insensitive match for one of the listed names, then return true.
  // 2. If name when byte-lowercased starts with `proxy-` or `sec-`, then return true.
  if (/^(accept-(charset|encoding)|access-control-request-(headers|method)|connection|content-length|cookie2?|date|dnt|expect|host|keep-alive|origin|referer|set-cookie|te|trailer|transfer-encoding|upgrade|via|(proxy|sec)-.*)$/i.test(name)) return true;
  // 3. If name is `X-HTTP-Method`, `X-HTTP-Method-Override` or `X-Method-Override`: return true if any of the
  //    values got, decoded and split from value is a forbidden method (https://fetch.spec.whatwg.org/#forbidden-method).
  if (/^x-(http-method(-override)?|method-override)$/i.test(name)) {
    var parsedValues = getDecodeSplit(value);
    for (var i = 0; i < parsedValues.length; i++) if (/^(connect|trace|track)$/i.test(parsedValues[i])) return true;
  }
  // 4. Return false.
  return false;
}

// https://fetch.spec.whatwg.org/#forbidden-response-header-name (an ASCII pattern with i: byte-case-insensitive)
export function isForbiddenResponseHeaderName(name: string): boolean {
  return /^set-cookie2?$/i.test(name);
}

// https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header-name
export function isNoCorsSafelistedRequestHeaderName(name: string): boolean {
  return /^(accept(-language)?|content-(language|type))$/i.test(name);
}

// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
var corsUnsafeRequestHeaderByte = /[\0-\b\n-\x1f"():<>?@[\\\]{}\x7f]/;

// https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header
export function isNoCorsSafelistedRequestHeader(name: string, value: string): boolean {
  // 1. If name is not a no-CORS-safelisted request-header name, then return false.
  // 2. Return whether (name, value) is a CORS-safelisted request-header
  //    (https://fetch.spec.whatwg.org/#cors-safelisted-request-header), for the four names that can reach it:
  //    1. If value's length is greater than 128, then return false. 2. Byte-lowercase name and switch on the result:
  //    `accept`: no CORS-unsafe request-header byte; `accept-language`, `content-language`: only 0-9 A-Z a-z, space
  //    and *,-.;=; `content-type`: no CORS-unsafe request-header byte, and the essence of the MIME type parsed from
  //    value (it deliberately parses rather than extracting a MIME type) one of the three.
  //    3. Return true (each case returns it).
  if (value.length > 128) return false;
  var lower = byteLowercase(name);
  if (lower === 'accept') return !corsUnsafeRequestHeaderByte.test(value);
  if (lower === 'content-type') {
    if (corsUnsafeRequestHeaderByte.test(value)) return false;
    var mimeType = parseMIMEType(value);
    return !!mimeType && /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)$/.test(essence(mimeType));
  }
  return /^(accept|content)-language$/.test(lower) && /^[0-9A-Za-z *,\-.;=]*$/.test(value);
}

// https://fetch.spec.whatwg.org/#concept-header-extract-mime-type
export function extractMIMEType(headers: HeaderList): MIMEType | null {
  // 1–3. charset and essence are null; mimeType is null. 4. Let values be the result of getting, decoding, and
  //    splitting `Content-Type` from headers. 5. If values is null, then return failure. (No header: « "" » here,
  //    whose one value fails to parse: failure all the same.)
  var charset: string | null = null;
  var essenceSeen: string | undefined;
  var mimeType: MIMEType | null = null;
  var values = getDecodeSplit(headerListGet(headers, 'Content-Type') || '');
  // 6. For each value of values:
  for (var i = 0; i < values.length; i++) {
    // 1. Let temporaryMimeType be the result of parsing value.
    var temporaryMimeType = parseMIMEType(values[i]);
    // 2. If temporaryMimeType is failure or its essence is "*/*", then continue.
    if (!temporaryMimeType || essence(temporaryMimeType) === '*/*') continue;
    // 3. Set mimeType to temporaryMimeType.
    mimeType = temporaryMimeType;
    // 4. If mimeType's essence is not essence: charset is its "charset" parameter (or null), essence its essence.
    if (essence(mimeType) !== essenceSeen) {
      charset = getParameter(mimeType, 'charset');
      essenceSeen = essence(mimeType);
    } else if (getParameter(mimeType, 'charset') === null && charset !== null) {
      // 5. Otherwise, if mimeType's parameters["charset"] does not exist and charset is non-null, set it to charset.
      mimeType._parameters.push(['charset', charset]);
    }
  }
  // 7. If mimeType is null, then return failure. 8. Return mimeType.
  return mimeType;
}
