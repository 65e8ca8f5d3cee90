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
  for (var i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0xff) {
      throw new TypeError(member + ': ' + JSON.stringify(s) + ' is not a valid ByteString (code point > 255 at index ' + i + ')');
    }
  }
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

// A dictionary argument: undefined/null → {}, objects as they are, anything else → TypeError.
// https://webidl.spec.whatwg.org/#es-dictionary
export function toDictionary<T>(value: unknown, member: string): T {
  if (value === undefined || value === null) return {} as T;
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
