// The Headers class: https://fetch.spec.whatwg.org/#headers-class
// Its state (a header list and a guard) lives in a brand-checked slot; Request and Response share their
// header list with their Headers object through the internal helpers at the end.
import { createSlot } from '../webidl/slots';
import { defineIterable } from '../webidl/pair-iterator';
import { constructing, defineToStringTag } from '../webidl/interface';
import { globalObject } from '../env/global';
import { isObject, requireArguments, toByteString, typeError } from '../webidl/conversions';
import { supportsReflectOwnKeys, supportsSymbol, supportsSymbolIterator } from '../env/support';
import {
  HeaderList, headerListAppend, headerListContains, headerListDelete, headerListGet, headerListSet, isHeaderName,
  isHeaderValue, normalizeHeaderValue, sortAndCombine
} from './header-list';

/** https://fetch.spec.whatwg.org/#concept-headers-guard */
export type HeadersGuard = 'immutable' | 'request' | 'request-no-cors' | 'response' | 'none';

// (Fields named _x: the standalone scripts' minifier shortens them, ARCHITECTURE.md.)
interface HeadersState {
  _list: HeaderList;
  _guard: HeadersGuard;
}

var slot = createSlot<HeadersState>('Headers');

/**
 * The steps that the guards "request" and "response" add to validate (steps 3–4), and "request-no-cors" to append
 * (step 3), delete (step 2) and set (step 3): whether `method` may go on with (name, value) on `list`. Only Request and
 * Response make Headers with these guards, and their modules give the steps, so that an app with Headers alone
 * bundles none of the header tables they need.
 * @internal
 */
export var guardSteps: { [guard: string]: (name: string, value: string, method: 'append' | 'delete' | 'set', list: HeaderList) => boolean } = {};

export class Headers {
  // https://fetch.spec.whatwg.org/#dom-headers (declared without parameters so that Headers.length is 0, as in IDL)
  constructor(init?: Array<[string, string]> | string[][] | Record<string, string> | Headers);
  constructor() {
    var member = 'Headers constructor';
    var self = constructing(this, Headers, slot, member);
    var init = arguments[0];
    // (WebIDL: init is converted first.)
    var converted = init === undefined ? null : convertHeadersInit(init, member);
    // 1. Set this's guard to "none".
    slot.set(self, { _list: [], _guard: 'none' });
    // 2. If init is given, then fill this with init.
    if (converted !== null) fillHeaders(self, converted, member);
  }

  // https://fetch.spec.whatwg.org/#dom-headers-append: append (name, value) to this.
  append(name: string, value: string): void {
    var member = 'Headers.append';
    var state = slot.get(this, member);
    requireArguments(arguments.length, 2, member);
    append(state, toByteString(name, member), toByteString(value, member), member);
  }

  // https://fetch.spec.whatwg.org/#dom-headers-delete
  delete(name: string): void {
    var member = 'Headers.delete';
    var state = slot.get(this, member);
    requireArguments(arguments.length, 1, member);
    name = toByteString(name, member);
    // 1. If validating (name, ``) for this returns false, then return. 2. (The "request-no-cors" guard's step.)
    // 3. If this's header list does not contain name, then return. (Not checked: deleting it changes nothing then, and
    //    a "request-no-cors" header list never holds the privileged no-CORS request-headers that step 5 removes.)
    if (!validate(state, name, '', member, 'delete')) return;
    // 4. Delete name from this's header list.
    headerListDelete(state._list, name);
    // 5. (Nothing to remove: see append.)
  }

  // https://fetch.spec.whatwg.org/#dom-headers-get
  get(name: string): string | null {
    // 1. If name is not a header name, then throw a TypeError. 2. Return the result of getting name from this's
    //    header list.
    var state = slot.get(this, 'Headers.get');
    return headerListGet(state._list, checkName(arguments.length, name, 'Headers.get'));
  }

  // https://fetch.spec.whatwg.org/#dom-headers-getsetcookie
  getSetCookie(): string[] {
    var list = slot.get(this, 'Headers.getSetCookie')._list;
    // 1. If this's header list does not contain `Set-Cookie`, then return « ».
    // 2. Return the values of all headers in this's header list whose name is `Set-Cookie`, in order.
    var values: string[] = [];
    for (var i = 0; i < list.length; i++) if (/^set-cookie$/i.test(list[i][0])) values.push(list[i][1]);
    return values;
  }

  // https://fetch.spec.whatwg.org/#dom-headers-has
  has(name: string): boolean {
    // 1. If name is not a header name, then throw a TypeError. 2. Return true if this's header list contains name.
    var state = slot.get(this, 'Headers.has');
    return headerListContains(state._list, checkName(arguments.length, name, 'Headers.has'));
  }

  // https://fetch.spec.whatwg.org/#dom-headers-set
  set(name: string, value: string): void {
    var member = 'Headers.set';
    var state = slot.get(this, member);
    requireArguments(arguments.length, 2, member);
    name = toByteString(name, member);
    // 1. Normalize value.
    value = normalizeHeaderValue(toByteString(value, member));
    // 2. If validating (name, value) for this returns false, then return. 3. (The "request-no-cors" guard's step.)
    if (!validate(state, name, value, member, 'set')) return;
    // 4. Set (name, value) in this's header list.
    headerListSet(state._list, name, value);
    // 5. (Nothing to remove: see append.)
  }
}

// https://webidl.spec.whatwg.org/#es-iterable: `iterable<ByteString, ByteString>`, whose value pairs to iterate
// over are the result of sort and combine with this's header list (https://fetch.spec.whatwg.org/#headers-class).
export interface Headers {
  entries(): IterableIterator<[string, string]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

defineIterable(Headers.prototype, 'Headers', function (self, member) {
  return sortAndCombine(slot.get(self, member)._list);
});
defineToStringTag(Headers.prototype, 'Headers');

// get() and has(): the name argument, required, converted, and a header name.
function checkName(count: number, name: unknown, member: string): string {
  requireArguments(count, 1, member);
  var converted = toByteString(name, member);
  if (!isHeaderName(converted)) throw invalidName(converted, member);
  return converted;
}

function invalidName(name: string, member: string): TypeError {
  return typeError(member, 'bad name ' + JSON.stringify(name));
}

// https://fetch.spec.whatwg.org/#headers-validate, with the step of `method` that the "request-no-cors" guard adds.
function validate(state: HeadersState, name: string, value: string, member: string, method: 'append' | 'delete' | 'set'): boolean {
  // 1. If name is not a header name or value is not a header value, then throw a TypeError.
  if (!isHeaderName(name)) throw invalidName(name, member);
  if (!isHeaderValue(value)) throw typeError(member, 'bad value ' + JSON.stringify(value));
  // 2. If headers's guard is "immutable", then throw a TypeError.
  if (state._guard === 'immutable') throw typeError(member, 'immutable headers');
  // 3. If headers's guard is "request" and (name, value) is a forbidden request-header, then return false.
  // 4. If headers's guard is "response" and name is a forbidden response-header name, then return false.
  // 5. Return true.
  var steps = guardSteps[state._guard];
  return !steps || steps(name, value, method, state._list);
}

// https://fetch.spec.whatwg.org/#concept-headers-append
function append(state: HeadersState, name: string, value: string, member: string): void {
  // 1. Normalize value.
  value = normalizeHeaderValue(value);
  // 2. If validating (name, value) for headers returns false, then return. 3. (The "request-no-cors" guard's step.)
  if (!validate(state, name, value, member, 'append')) return;
  // 4. Append (name, value) to headers's header list.
  headerListAppend(state._list, name, value);
  // 5. If headers's guard is "request-no-cors", then remove privileged no-CORS request-headers from headers
  //    (https://fetch.spec.whatwg.org/#concept-headers-remove-privileged-no-cors-request-headers). Nothing to do:
  //    only the user agent adds those (`Range` is the one), that guard refuses them from script, and the Request
  //    constructor fills a "request-no-cors" header list only through it (or copies one), so none holds them.
}

// --- HeadersInit: (sequence<sequence<ByteString>> or record<ByteString, ByteString>) ---

/**
 * A HeadersInit after WebIDL conversion: its pairs, from a sequence (whose size is checked when filling) or a record
 * (pairs of two, always).
 * @internal
 */
export type ConvertedHeadersInit = string[][];

/**
 * https://webidl.spec.whatwg.org/#es-union: an object with an @@iterator method is a sequence, any other object a
 * record, anything else a TypeError. Dictionary members (RequestInit.headers) are converted at this point.
 * @internal
 */
export function convertHeadersInit(value: unknown, member: string): ConvertedHeadersInit {
  if (!isObject(value)) throw typeError(member, 'bad headers');
  return toSequence(value, member, toPair) || toRecord(value, member);
}

// sequence<ByteString>, for each item of a sequence<sequence<ByteString>>.
function toPair(pair: unknown, member: string): string[] {
  var items = isObject(pair) ? toSequence(pair, member, toByteString) : null;
  if (items === null) throw typeError(member, 'a header is not a pair');
  return items;
}

// https://webidl.spec.whatwg.org/#create-sequence-from-iterable, or null if value has no @@iterator method.
function toSequence<T>(value: any, member: string, convert: (item: unknown, member: string) => T): T[] | null {
  var result: T[] = [];
  if (!supportsSymbolIterator) {
    // LEGACY(ES5): without Symbol.iterator nothing is iterable, so the sequences are real Arrays and the objects
    // whose @@iterator would be built in: Headers (iterated as entries() would).
    var items: unknown[] | null = Array.isArray(value) ? value : slot.has(value) ? sortAndCombine(slot.get(value, member)._list) : null;
    if (items === null) return null;
    for (var i = 0; i < items.length; i++) result.push(convert(items[i], member));
    return result;
  }
  // (A method or a next() that is not a function is a TypeError before any call, as is what either returns if it is
  // not an object.)
  var method = value[Symbol.iterator];
  if (method == null) return null;
  var iterator = typeof method === 'function' && method.call(value);
  if (!isObject(iterator)) throw typeError(member, 'bad iterator');
  var next = iterator.next;
  for (;;) {
    var step = typeof next === 'function' && next.call(iterator);
    if (!isObject(step)) throw typeError(member, 'bad iterator');
    if (step.done) return result;
    result.push(convert(step.value, member));
  }
}

// https://webidl.spec.whatwg.org/#es-record: own enumerable keys (symbols included: they fail ByteString), in order.
function toRecord(value: any, member: string): string[][] {
  var keys: any[] = supportsReflectOwnKeys
    ? globalObject.Reflect.ownKeys(value)
    : Object.getOwnPropertyNames(value).concat(supportsSymbol ? (Object as any).getOwnPropertySymbols(value) : []);
  var result: string[][] = [];
  for (var i = 0; i < keys.length; i++) {
    // (propertyIsEnumerable: [[GetOwnProperty]], then its [[Enumerable]]; false where there is no such property.)
    if (Object.prototype.propertyIsEnumerable.call(value, keys[i])) {
      result.push([toByteString(keys[i], member), toByteString(value[keys[i]], member)]);
    }
  }
  return result;
}

// --- Internal, for Request and Response ---

/** A Headers object over an existing header list (shared, not copied) with a guard. @internal */
export function createHeaders(list: HeaderList, guard: HeadersGuard): Headers {
  var headers = Object.create(Headers.prototype);
  slot.set(headers, { _list: list, _guard: guard });
  return headers;
}

/** A Headers object over a copy of the header list of `headers`, with its guard. @internal */
export function copyHeaders(headers: Headers): Headers {
  var state = slot.get(headers, 'copyHeaders');
  return createHeaders(state._list.map(function (header): [string, string] { return [header[0], header[1]]; }), state._guard);
}

/** @internal */
export function headerListOf(headers: Headers): HeaderList {
  return slot.get(headers, 'headerListOf')._list;
}

/** https://fetch.spec.whatwg.org/#concept-headers-fill, with the guard, from a converted HeadersInit. @internal */
export function fillHeaders(headers: Headers, init: ConvertedHeadersInit, member: string): void {
  var state = slot.get(headers, member);
  for (var i = 0; i < init.length; i++) {
    var header = init[i];
    // 1.1. If header's size is not 2, then throw a TypeError.
    if (header.length !== 2) throw typeError(member, 'a header is not a pair');
    // 1.2 / 2. Append (header[0], header[1]) / (key, value) to headers.
    append(state, header[0], header[1], member);
  }
}
