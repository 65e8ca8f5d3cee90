// The header list record behind Headers, Request and Response: https://fetch.spec.whatwg.org/#concept-header-list
// Names and values are byte sequences; here they are ByteStrings (every code unit <= 0xFF). Names keep the
// casing they were given; every lookup is byte-case-insensitive.
import { HTTP_TAB_OR_SPACE, HTTP_WHITESPACE, Position, byteLowercase, collect, collectHttpQuotedString, isToken, trim } from '../infra/http';
import { MIMEType, parseMIMEType, essence, getParameter } from '../infra/mime-type';

/** https://fetch.spec.whatwg.org/#concept-header: a (name, value) pair. */
export type Header = [string, string];
export type HeaderList = Header[];

function nameMatches(header: Header, lowercaseName: string): boolean {
  return header[0] === lowercaseName || byteLowercase(header[0]) === lowercaseName;
}

// https://fetch.spec.whatwg.org/#header-list-contains
export function headerListContains(list: HeaderList, name: string): boolean {
  var lower = byteLowercase(name);
  for (var i = 0; i < list.length; i++) if (nameMatches(list[i], lower)) return true;
  return false;
}

// https://fetch.spec.whatwg.org/#concept-header-list-get
export function headerListGet(list: HeaderList, name: string): string | null {
  var lower = byteLowercase(name);
  var value: string | null = null;
  // 1. If list does not contain name, then return null.
  // 2. Return the values of all headers in list whose name matches name, separated by 0x2C 0x20, in order.
  for (var i = 0; i < list.length; i++) {
    if (nameMatches(list[i], lower)) value = value === null ? list[i][1] : value + ', ' + list[i][1];
  }
  return value;
}

// https://fetch.spec.whatwg.org/#concept-header-list-get-decode-split
export function headerListGetDecodeSplit(list: HeaderList, name: string): string[] | null {
  // 1. Let value be the result of getting name from list.
  var value = headerListGet(list, name);
  // 2. If value is null, then return null.
  // 3. Return the result of getting, decoding, and splitting value.
  return value === null ? null : getDecodeSplit(value);
}

// https://fetch.spec.whatwg.org/#header-value-get-decode-and-split
// (Isomorphic decoding is the identity on ByteStrings.)
export function getDecodeSplit(input: string): string[] {
  // 1–4. position at the start of input, values « », temporaryValue "".
  var position: Position = { position: 0 };
  var values: string[] = [];
  var temporaryValue = '';
  // 5. While true:
  for (;;) {
    // 1. Append the code points that are not U+0022 (") or U+002C (,) to temporaryValue.
    temporaryValue += collect(input, position, '",', true);
    // 2. If the code point at position is U+0022 ("): append the collected HTTP quoted string; if not at the end, continue.
    if (position.position < input.length && input.charAt(position.position) === '"') {
      temporaryValue += collectHttpQuotedString(input, position, false);
      if (position.position < input.length) continue;
    }
    // 3. Remove all HTTP tab or space from the start and end of temporaryValue.
    // 4. Append temporaryValue to values. 5. Set temporaryValue to the empty string.
    values.push(trim(temporaryValue, HTTP_TAB_OR_SPACE));
    temporaryValue = '';
    // 6. If position is past the end of input, then return values.
    if (position.position >= input.length) return values;
    // 7. Assert: the code point at position is U+002C (,). 8. Advance position by 1.
    position.position++;
  }
}

// https://fetch.spec.whatwg.org/#concept-header-list-append
export function headerListAppend(list: HeaderList, name: string, value: string): void {
  // 1. If list contains name, then set name to the first such header's name (reusing its casing).
  var lower = byteLowercase(name);
  for (var i = 0; i < list.length; i++) {
    if (nameMatches(list[i], lower)) {
      name = list[i][0];
      break;
    }
  }
  // 2. Append (name, value) to list.
  list.push([name, value]);
}

// https://fetch.spec.whatwg.org/#concept-header-list-delete
export function headerListDelete(list: HeaderList, name: string): void {
  // To delete a header name name from a header list list, remove all headers whose name matches name.
  var lower = byteLowercase(name);
  for (var i = list.length - 1; i >= 0; i--) if (nameMatches(list[i], lower)) list.splice(i, 1);
}

// https://fetch.spec.whatwg.org/#concept-header-list-set
export function headerListSet(list: HeaderList, name: string, value: string): void {
  var lower = byteLowercase(name);
  for (var i = 0; i < list.length; i++) {
    if (nameMatches(list[i], lower)) {
      // 1. If list contains name, then set the value of the first such header to value and remove the others.
      list[i][1] = value;
      for (var j = list.length - 1; j > i; j--) if (nameMatches(list[j], lower)) list.splice(j, 1);
      return;
    }
  }
  // 2. Otherwise, append (name, value) to list.
  list.push([name, value]);
}

// https://fetch.spec.whatwg.org/#concept-header-list-combine
export function headerListCombine(list: HeaderList, name: string, value: string): void {
  var lower = byteLowercase(name);
  for (var i = 0; i < list.length; i++) {
    // 1. If list contains name, set the value of the first such header to its value, 0x2C 0x20, value.
    if (nameMatches(list[i], lower)) {
      list[i][1] += ', ' + value;
      return;
    }
  }
  // 2. Otherwise, append (name, value) to list.
  list.push([name, value]);
}

// https://fetch.spec.whatwg.org/#convert-header-names-to-a-sorted-lowercase-set
export function convertHeaderNamesToASortedLowercaseSet(headerNames: string[]): string[] {
  // 1-2. Append each byte-lowercased name to an ordered set.
  var set: string[] = [];
  for (var i = 0; i < headerNames.length; i++) {
    var lower = byteLowercase(headerNames[i]);
    if (set.indexOf(lower) < 0) set.push(lower);
  }
  // 3. Sort it in ascending order with byte less than (code units of a ByteString are its bytes).
  return set.sort();
}

// https://fetch.spec.whatwg.org/#concept-header-list-sort-and-combine
export function sortAndCombine(list: HeaderList): HeaderList {
  // 1. Let headers be « ».
  var headers: HeaderList = [];
  // 2. Let names be the result of converting the names in list to a sorted-lowercase set.
  var allNames: string[] = [];
  for (var i = 0; i < list.length; i++) allNames.push(list[i][0]);
  var names = convertHeaderNamesToASortedLowercaseSet(allNames);
  // 3. For each name of names:
  for (var n = 0; n < names.length; n++) {
    var name = names[n];
    if (name === 'set-cookie') {
      // 3.1. If name is `set-cookie`, append (name, value) for each of its values, in order.
      for (var j = 0; j < list.length; j++) if (nameMatches(list[j], name)) headers.push([name, list[j][1]]);
    } else {
      // 3.2. Otherwise, append (name, the result of getting name from list).
      headers.push([name, headerListGet(list, name) as string]);
    }
  }
  // 4. Return headers.
  return headers;
}

// https://fetch.spec.whatwg.org/#header-name: a field-name token (https://httpwg.org/specs/rfc9110.html#fields.names)
export var isHeaderName = isToken;

// https://fetch.spec.whatwg.org/#header-value: no leading or trailing HTTP tab or space, no 0x00 NUL or HTTP newline.
export function isHeaderValue(value: string): boolean {
  return !/[\0\r\n]/.test(value) && trim(value, HTTP_TAB_OR_SPACE) === value;
}

// https://fetch.spec.whatwg.org/#concept-header-value-normalize: strip leading and trailing HTTP whitespace bytes.
export function normalizeHeaderValue(potentialValue: string): string {
  return trim(potentialValue, HTTP_WHITESPACE);
}

// https://fetch.spec.whatwg.org/#forbidden-method
export function isForbiddenMethod(method: string): boolean {
  return /^(CONNECT|TRACE|TRACK)$/i.test(method);
}

var forbiddenRequestHeaderNames = ['accept-charset', 'accept-encoding', 'access-control-request-headers',
  'access-control-request-method', 'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect',
  'host', 'keep-alive', 'origin', 'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via'];

// https://fetch.spec.whatwg.org/#forbidden-request-header
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  var lower = byteLowercase(name);
  // 1. If name is a byte-case-insensitive match for one of the listed names, then return true.
  if (forbiddenRequestHeaderNames.indexOf(lower) >= 0) return true;
  // 2. If name when byte-lowercased starts with `proxy-` or `sec-`, then return true.
  if (lower.slice(0, 6) === 'proxy-' || lower.slice(0, 4) === 'sec-') return true;
  // 3. If name is `X-HTTP-Method`, `X-HTTP-Method-Override` or `X-Method-Override`: return true if any of the
  //    values got, decoded and split from value is a forbidden method.
  if (lower === 'x-http-method' || lower === 'x-http-method-override' || lower === 'x-method-override') {
    var parsedValues = getDecodeSplit(value);
    for (var i = 0; i < parsedValues.length; i++) if (isForbiddenMethod(parsedValues[i])) return true;
  }
  // 4. Return false.
  return false;
}

// https://fetch.spec.whatwg.org/#forbidden-response-header-name
export function isForbiddenResponseHeaderName(name: string): boolean {
  var lower = byteLowercase(name);
  return lower === 'set-cookie' || lower === 'set-cookie2';
}

// https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header-name
export function isNoCorsSafelistedRequestHeaderName(name: string): boolean {
  var lower = byteLowercase(name);
  return lower === 'accept' || lower === 'accept-language' || lower === 'content-language' || lower === 'content-type';
}

// https://fetch.spec.whatwg.org/#privileged-no-cors-request-header-name
export function isPrivilegedNoCorsRequestHeaderName(name: string): boolean {
  return byteLowercase(name) === 'range';
}

// https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header
export function isNoCorsSafelistedRequestHeader(name: string, value: string): boolean {
  // 1. If name is not a no-CORS-safelisted request-header name, then return false.
  // 2. Return whether (name, value) is a CORS-safelisted request-header.
  return isNoCorsSafelistedRequestHeaderName(name) && isCorsSafelistedRequestHeader(name, value);
}

// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
var corsUnsafeRequestHeaderByte = /[\0-\x08\x0A-\x1F"():<>?@[\\\]{}\x7F]/;

// https://fetch.spec.whatwg.org/#cors-safelisted-request-header
export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  // 1. If value's length is greater than 128, then return false.
  if (value.length > 128) return false;
  // 2. Byte-lowercase name and switch on the result:
  switch (byteLowercase(name)) {
    case 'accept':
      return !corsUnsafeRequestHeaderByte.test(value);
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
    case 'content-type':
      // The essence must be one of the three; this deliberately parses rather than extracting a MIME type.
      if (corsUnsafeRequestHeaderByte.test(value)) return false;
      var mimeType = parseMIMEType(value);
      var type = mimeType === null ? null : essence(mimeType);
      return type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data' || type === 'text/plain';
    case 'range':
      // 1-2. Parse a single range header value (without whitespace); 3. a suffix range (rangeStart null) fails.
      var range = parseSingleRangeHeaderValue(value, false);
      return range !== null && range[0] !== null;
    default:
      return false;
  }
  // 3. Return true (each case above returns it).
}

// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
export function corsUnsafeRequestHeaderNames(headers: HeaderList): string[] {
  // 1-3. unsafeNames, potentiallyUnsafeNames, safelistValueSize.
  var unsafeNames: string[] = [];
  var potentiallyUnsafeNames: string[] = [];
  var safelistValueSize = 0;
  // 4. Sort each header into one list or the other, adding up the safelisted values' lengths.
  for (var i = 0; i < headers.length; i++) {
    if (!isCorsSafelistedRequestHeader(headers[i][0], headers[i][1])) {
      unsafeNames.push(headers[i][0]);
    } else {
      potentiallyUnsafeNames.push(headers[i][0]);
      safelistValueSize += headers[i][1].length;
    }
  }
  // 5. If safelistValueSize is greater than 1024, then every potentially unsafe name is unsafe.
  if (safelistValueSize > 1024) unsafeNames = unsafeNames.concat(potentiallyUnsafeNames);
  // 6. Return the result of convert header names to a sorted-lowercase set with unsafeNames.
  return convertHeaderNamesToASortedLowercaseSet(unsafeNames);
}

// https://fetch.spec.whatwg.org/#simple-range-header-value: returns (rangeStart, rangeEnd) or null for failure.
export function parseSingleRangeHeaderValue(value: string, allowWhitespace: boolean): [number | null, number | null] | null {
  var ws = allowWhitespace ? '[\\t ]*' : '';
  // 1-13. `bytes` (ASCII case-insensitive), optional whitespace, `=`, digits, `-`, digits, end of data.
  var m = new RegExp('^([A-Za-z]*)' + ws + '=' + ws + '([0-9]*)' + ws + '-' + ws + '([0-9]*)$').exec(value);
  if (m === null || m[1].toLowerCase() !== 'bytes') return null;
  var rangeStart = m[2] === '' ? null : parseInt(m[2], 10);
  var rangeEnd = m[3] === '' ? null : parseInt(m[3], 10);
  // 14. If rangeEndValue and rangeStartValue are null, then return failure.
  if (rangeStart === null && rangeEnd === null) return null;
  // 15. If both are numbers and rangeStartValue is greater than rangeEndValue, then return failure.
  if (rangeStart !== null && rangeEnd !== null && rangeStart > rangeEnd) return null;
  // 16. Return (rangeStartValue, rangeEndValue).
  return [rangeStart, rangeEnd];
}

// https://fetch.spec.whatwg.org/#concept-header-extract-mime-type
export function extractMIMEType(headers: HeaderList): MIMEType | null {
  // 1–3. charset and essence are null; mimeType is null. 4. Let values be the result of getting, decoding, and
  //    splitting `Content-Type` from headers. 5. If values is null, then return failure.
  var charset: string | null = null;
  var essenceSeen: string | null = null;
  var mimeType: MIMEType | null = null;
  var values = headerListGetDecodeSplit(headers, 'Content-Type');
  if (values === null) return null;
  // 6. For each value of values:
  for (var i = 0; i < values.length; i++) {
    // 1. Let temporaryMimeType be the result of parsing value.
    var temporaryMimeType = parseMIMEType(values[i]);
    // 2. If temporaryMimeType is failure or its essence is "*/*", then continue.
    if (temporaryMimeType === null || essence(temporaryMimeType) === '*/*') continue;
    // 3. Set mimeType to temporaryMimeType.
    mimeType = temporaryMimeType;
    // 4. If mimeType's essence is not essence: charset is its "charset" parameter (or null), essence its essence.
    if (essence(mimeType) !== essenceSeen) {
      charset = getParameter(mimeType, 'charset');
      essenceSeen = essence(mimeType);
    } else if (getParameter(mimeType, 'charset') === null && charset !== null) {
      // 5. Otherwise, if mimeType's parameters["charset"] does not exist and charset is non-null, set it to charset.
      mimeType.parameters.push(['charset', charset]);
    }
  }
  // 7. If mimeType is null, then return failure. 8. Return mimeType.
  return mimeType;
}
