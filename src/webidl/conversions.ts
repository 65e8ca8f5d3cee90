// WebIDL conversions: https://webidl.spec.whatwg.org/#es-type-mapping
// Every error names the member it comes from (STYLE habit 8).

// https://webidl.spec.whatwg.org/#es-DOMString
export function toDOMString(value: unknown, member: string): string {
  if (typeof value === 'symbol') throw new TypeError(member + ': cannot convert a Symbol to a string');
  return String(value);
}

// https://webidl.spec.whatwg.org/#es-ByteString
export function toByteString(value: unknown, member: string): string {
  var s = toDOMString(value, member);
  var i = s.search(/[^\0-\xff]/);
  if (i >= 0) throw new TypeError(member + ': ' + JSON.stringify(s) + ' is not a valid ByteString (code point > 255 at index ' + i + ')');
  return s;
}

// https://webidl.spec.whatwg.org/#es-USVString: lone surrogates become U+FFFD.
export function toUSVString(value: unknown, member: string): string {
  var s = toDOMString(value, member);
  return /[\uD800-\uDFFF]/.test(s) ? replaceLoneSurrogates(s) : s;
}

function replaceLoneSurrogates(s: string): string {
  var out = '';
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      var d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s.charAt(i) + s.charAt(i + 1);
        i++;
        continue;
      }
    }
    out += c >= 0xd800 && c <= 0xdfff ? '\uFFFD' : s.charAt(i);
  }
  return out;
}

// https://tc39.es/ecma262/#sec-tonumber: a Symbol or a BigInt is a TypeError (Number() would convert a BigInt).
export function toNumber(value: unknown, member: string): number {
  if (typeof value === 'symbol' || typeof value === 'bigint') throw new TypeError(member + ': cannot convert a ' + typeof value + ' to a number');
  return +(value as number);
}

// https://webidl.spec.whatwg.org/#es-unsigned-short (ConvertToInt(V, 16, "unsigned")).
export function toUnsignedShort(value: unknown, member: string): number {
  // 1. Let x be ? ToNumber(V). 8. If x is NaN, +0, −0, +∞, or −∞, then return +0.
  var x = toNumber(value, member);
  if (x !== x || x === Infinity || x === -Infinity) return 0;
  // 9. Set x to IntegerPart(x). 10. Set x to x modulo 2^16 (a non-negative result, +0 for −0).
  x = (x < 0 ? -1 : 1) * Math.floor(Math.abs(x)) % 65536;
  return x < 0 ? x + 65536 : x + 0;
}

// A dictionary argument: undefined/null → an empty one (nothing inherited is read), objects as they are, anything
// else → TypeError. https://webidl.spec.whatwg.org/#es-dictionary
export function toDictionary<T>(value: unknown, member: string): T {
  if (value === undefined || value === null) return Object.create(null);
  if (typeof value !== 'object' && typeof value !== 'function') {
    throw new TypeError(member + ': the argument is not an object');
  }
  return value as T;
}

// https://webidl.spec.whatwg.org/#es-enumeration
export function toEnum<T extends string>(value: unknown, allowed: readonly T[], member: string): T {
  var s = toDOMString(value, member);
  for (var i = 0; i < allowed.length; i++) if (allowed[i] === s) return s as T;
  throw new TypeError(member + ": '" + s + "' is not a valid value (expected one of " + allowed.join(', ') + ')');
}

export function requireArguments(count: number, required: number, member: string): void {
  if (count < required) {
    throw new TypeError(member + ': ' + required + ' argument' + (required > 1 ? 's' : '') + ' required, but only ' + count + ' present');
  }
}
