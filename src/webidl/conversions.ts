// WebIDL conversions: https://webidl.spec.whatwg.org/#es-type-mapping
// Every error names the member it comes from (STYLE habit 8).

/** A TypeError whose message names the member, then the problem: `Headers.append: ...`. */
export function typeError(member: string, problem: string): TypeError {
  return new TypeError(member + ': ' + problem);
}

// https://webidl.spec.whatwg.org/#es-DOMString
export function toDOMString(value: unknown, member: string): string {
  if (typeof value === 'symbol') throw typeError(member, 'bad value (a ' + typeof value + ')');
  return String(value);
}

// https://webidl.spec.whatwg.org/#es-ByteString: a code point over 255 is a TypeError.
export function toByteString(value: unknown, member: string): string {
  var s = toDOMString(value, member);
  if (/[^\0-\xff]/.test(s)) throw typeError(member, 'not a ByteString ' + JSON.stringify(s));
  return s;
}

// https://webidl.spec.whatwg.org/#es-USVString: lone surrogates become U+FFFD (a pair is kept as it is).
export function toUSVString(value: unknown, member: string): string {
  return toDOMString(value, member).replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, function (m) {
    return m.length > 1 ? m : '\uFFFD';
  });
}

// https://tc39.es/ecma262/#sec-tonumber: a Symbol or a BigInt is a TypeError (Number() would convert a BigInt).
export function toNumber(value: unknown, member: string): number {
  if (typeof value === 'symbol' || typeof value === 'bigint') throw typeError(member, 'bad value (a ' + typeof value + ')');
  return +(value as number);
}

// https://webidl.spec.whatwg.org/#es-unsigned-short: ConvertToInt(V, 16, "unsigned"), whose steps (NaN and the
// infinities to +0, IntegerPart, modulo 2^16) are the low 16 bits of ToInt32.
export function toUnsignedShort(value: unknown, member: string): number {
  return toNumber(value, member) & 0xffff;
}

// A dictionary argument: undefined/null → an empty one (nothing inherited is read), objects as they are, anything
// else → TypeError. https://webidl.spec.whatwg.org/#es-dictionary
export function toDictionary<T>(value: unknown, member: string): T {
  if (value == null) return Object.create(null);
  if (!isObject(value)) throw typeError(member, 'not an object');
  return value as T;
}

/** https://webidl.spec.whatwg.org/#dfn-object-type: an ECMAScript Object (a function too), which Object() returns as it is. */
export function isObject(value: unknown): value is any {
  return Object(value) === value;
}

/**
 * https://webidl.spec.whatwg.org/#es-dictionary: each of `members` (in lexicographic order) read once from the
 * dictionary `value` and converted as it is read, into `record`: by its function, or as an enumeration of the
 * space-separated values of its string. Absent members stay absent. Returns the dictionary (for members read after).
 */
export function toDictionaryMembers(value: unknown, member: string, members: { [name: string]: string | ((value: any, member: string) => unknown) },
  record: any): any {
  var dictionary = toDictionary<any>(value, member);
  for (var name in members) {
    var v = dictionary[name];
    var convert = members[name];
    var named = member + ' (' + name + ')';
    if (v !== undefined) record[name] = typeof convert === 'string' ? toEnum(v, convert, named) : convert(v, named);
  }
  return dictionary;
}

// https://webidl.spec.whatwg.org/#es-enumeration: `allowed` is the enumeration's values separated by spaces (the
// empty string is one where the list starts with a space).
function toEnum<T extends string>(value: unknown, allowed: string, member: string): T {
  var s = toDOMString(value, member);
  if (allowed.split(' ').indexOf(s) < 0) throw typeError(member, 'bad value ' + s);
  return s as T;
}

export function requireArguments(count: number, required: number, member: string): void {
  if (count < required) throw typeError(member, required + ' argument(s) required');
}
