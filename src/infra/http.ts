// HTTP syntax, in one place for fetch/, form-data/ and transport/: https://fetch.spec.whatwg.org/#terminology-http
// and the Infra primitives it builds on (https://infra.spec.whatwg.org/). Strings of bytes are ByteStrings here
// (one code unit per byte). Every scan is one loop over the input: linear. A trim written as a regular expression
// (/[\t ]+$/) restarts at every code unit of a whitespace run that does not end the input, and is quadratic.

/** https://infra.spec.whatwg.org/#string-position-variable */
export interface Position {
  _position: number;
}

/** https://fetch.spec.whatwg.org/#http-whitespace */
export var HTTP_WHITESPACE = '\t\n\r ';
/** https://fetch.spec.whatwg.org/#http-tab-or-space */
export var HTTP_TAB_OR_SPACE = '\t ';

// https://infra.spec.whatwg.org/#collect-a-sequence-of-code-points: from position on, the code points that are in
// `set` (`inSet`) or not; position moves past them.
function collectWhere(input: string, position: Position, set: string, inSet: boolean): string {
  var start = position._position;
  while (position._position < input.length && (set.indexOf(input.charAt(position._position)) >= 0) === inSet) position._position++;
  return input.slice(start, position._position);
}

/** Collects the code points that are in `set`, from position on (https://infra.spec.whatwg.org/#collect-a-sequence-of-code-points). */
export function collect(input: string, position: Position, set: string): string {
  return collectWhere(input, position, set, true);
}

/** Collects the code points that are not in `set`: up to the first that is, or the end. */
export function collectUntil(input: string, position: Position, set: string): string {
  return collectWhere(input, position, set, false);
}

// https://infra.spec.whatwg.org/#strip-leading-and-trailing-ascii-whitespace, for the code points in `set` (HTTP
// whitespace, HTTP tab or space).
export function trim(input: string, set: string): string {
  var start = 0;
  while (start < input.length && set.indexOf(input.charAt(start)) >= 0) start++;
  return trimTrailing(input.slice(start), set);
}

// Strips only the trailing code points in `set` (trim()'s second half).
export function trimTrailing(input: string, set: string): string {
  var end = input.length;
  while (end > 0 && set.indexOf(input.charAt(end - 1)) >= 0) end--;
  return input.slice(0, end);
}

var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * A non-empty string of HTTP token code points (https://mimesniff.spec.whatwg.org/#http-token-code-point): a
 * header name (https://fetch.spec.whatwg.org/#header-name), a method, a MIME type's type, subtype or parameter name.
 * (One anchored character class: linear.)
 */
export function isToken(input: string): boolean {
  return TOKEN.test(input);
}

/**
 * Only HTTP quoted-string token code points (https://mimesniff.spec.whatwg.org/#http-quoted-string-token-code-point):
 * U+0009, U+0020–U+007E, U+0080–U+00FF. Also the reason-phrase production (HTAB, SP, VCHAR, obs-text).
 */
export function isQuotedStringTokens(input: string): boolean {
  return /^[\t -~\x80-\xff]*$/.test(input);
}

// https://fetch.spec.whatwg.org/#collect-an-http-quoted-string
export function collectHttpQuotedString(input: string, position: Position, extractValue: boolean): string {
  // 1. Let positionStart be position. 2. Let value be the empty string.
  var positionStart = position._position;
  var value = '';
  // 3. Assert: the code point at position within input is U+0022 ("). 4. Advance position by 1.
  position._position++;
  // 5. While true:
  for (;;) {
    // 1. Append the code points that are not U+0022 (") or U+005C (\) to value.
    value += collectUntil(input, position, '"\\');
    // 2. If position is past the end of input, then break.
    if (position._position >= input.length) break;
    // 3–4. Let quoteOrBackslash be the code point at position; advance position by 1.
    var quoteOrBackslash = input.charAt(position._position++);
    // 5. If quoteOrBackslash is U+005C (\): past the end, append U+005C (\) and break; otherwise append the code
    //    point at position and advance position by 1.
    if (quoteOrBackslash === '\\') {
      if (position._position >= input.length) {
        value += '\\';
        break;
      }
      value += input.charAt(position._position++);
    } else {
      // 6. Otherwise (U+0022 ("), the closing quote): break.
      break;
    }
  }
  // 6. If extract-value is true, then return value. 7. Return the code points from positionStart to position.
  return extractValue ? value : input.slice(positionStart, position._position);
}

// https://infra.spec.whatwg.org/#byte-lowercase (and ASCII lowercase): only A-Z change; toLowerCase() would also
// map Latin-1 letters, and U+212A KELVIN SIGN to an ASCII k.
export function byteLowercase(input: string): string {
  // (Pure ASCII, the usual case, lowercases natively and at once.)
  return !/[^\0-\x7f]/.test(input) ? input.toLowerCase() : input.replace(/[A-Z]+/g, function (m) { return m.toLowerCase(); });
}

// https://url.spec.whatwg.org/#percent-decode, as a string of bytes (a char 0–255 each): unescape() decodes %XX to
// the char of that byte and leaves any other % as it is, but takes %uXXXX too: the % before a u or U is escaped first.
export function percentDecode(input: string): string {
  return unescape(input.replace(/%(?=u)/gi, '%25'));
}

// https://infra.spec.whatwg.org/#isomorphic-encode: each code point (<= U+00FF, asserted by the callers) is a byte.
export function isomorphicEncode(input: string): number[] {
  var out: number[] = [];
  for (var i = 0; i < input.length; i++) out.push(input.charCodeAt(i) & 0xff);
  return out;
}
