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
  HeaderList, headerListAppend, headerListContains, headerListDelete, headerListGet, headerListSet, headerListValues, isHeaderName,
  isHeaderValue, normalizeHeaderValue, sortAndCombine
} from './header-list';

// https://fetch.spec.whatwg.org/#concept-headers-guard: "none", "immutable", "request", "request-no-cors" and
// "response", as named numbers (which the minifier inlines).
var GUARD_NONE = 0 as const;
export var GUARD_IMMUTABLE = 1 as const;
export var GUARD_REQUEST = 2 as const;
export var GUARD_REQUEST_NO_CORS = 3 as const;
export var GUARD_RESPONSE = 4 as const;
export type HeadersGuard = typeof GUARD_NONE | typeof GUARD_IMMUTABLE | typeof GUARD_REQUEST | typeof GUARD_REQUEST_NO_CORS |
  typeof GUARD_RESPONSE;

// (Fields named _x: the standalone scripts' minifier shortens them, ARCHITECTURE.md.)
interface HeadersState {
  _list: HeaderList;
  _guard: HeadersGuard;
}

var slot = createSlot<HeadersState>('Headers');

/**
 * The steps that the guards "request" and "response" add to validate (steps 3–4), and "request-no-cors" to append
 * (step 3), delete (step 2) and set (step 3): whether `method` is refused (returns without a change) for (name, value)
 * on `list`. Only Request and Response make Headers with these guards, and their modules give the steps, so that an
 * app with Headers alone bundles none of the header tables they need.
 * @internal
 */
export var guardSteps: { [guard: number]: (name: string, value: string, method: 'append' | 'delete' | 'set', list: HeaderList) => boolean } = {};

export class Headers {
  // https://fetch.spec.whatwg.org/#dom-headers (declared without parameters so that Headers.length is 0, as in IDL)
  constructor(init?: Array<[string, string]> | string[][] | Record<string, string> | Headers);
  constructor() {
    var member = 'Headers constructor';
    var self = constructing(this, Headers, slot, member);
    var init = arguments[0];
    // (WebIDL: init is converted first.)
    var converted = init === undefined ? [] : convertHeadersInit(init, member);
    // 1. Set this's guard to "none".
    slot.set(self, { _list: [], _guard: GUARD_NONE });
    // 2. If init is given, then fill this with init (nothing when it is not).
    fillHeaders(self, converted, member);
  }
}

export interface Headers {
  append(name: string, value: string): void;
  delete(name: string): void;
  get(name: string): string | null;
  getSetCookie(): string[];
  has(name: string): boolean;
  set(name: string, value: string): void;
}

// The operations that take a name (and a value): each brand-checks this, requires its arguments and converts them to
// ByteStrings (in that order, as WebIDL does), then runs its steps on this's header list.
// https://fetch.spec.whatwg.org/#dom-headers-append: append (name, value) to this.
// https://fetch.spec.whatwg.org/#dom-headers-delete:
//   1. If validating (name, ``) for this returns false, then return. 2. (The "request-no-cors" guard's step.)
//   3. If this's header list does not contain name, then return. (Not checked: deleting it changes nothing then, and
//      a "request-no-cors" header list never holds the privileged no-CORS request-headers that step 5 removes.)
//   4. Delete name from this's header list. 5. (Nothing to remove: see append.)
// https://fetch.spec.whatwg.org/#dom-headers-get: 1. If name is not a header name, then throw a TypeError.
//   2. Return the result of getting name from this's header list.
// https://fetch.spec.whatwg.org/#dom-headers-has: 1. If name is not a header name, then throw a TypeError.
//   2. Return true if this's header list contains name.
// https://fetch.spec.whatwg.org/#dom-headers-set: 1. Normalize value. 2. If validating (name, value) for this returns
//   false, then return. 3. (The "request-no-cors" guard's step.) 4. Set (name, value) in this's header list.
//   5. (Nothing to remove: see append.)
var OPERATIONS: { [name: string]: (list: HeaderList, name: string, value: string) => unknown } = {
  append: headerListAppend,
  delete: headerListDelete,
  get: headerListGet,
  has: headerListContains,
  set: headerListSet
};

function defineOperation(operation: string, count: number): void {
  var member = 'Headers.' + operation;
  function call(self: unknown, args: IArguments): unknown {
    var state = slot.get(self, member);
    requireArguments(args.length, count, member);
    // (The name, then the value: arguments are evaluated in order.)
    return run(state, operation, toByteString(args[0], member), count > 1 ? toByteString(args[1], member) : '', member);
  }
  // (Two functions, for the IDL lengths.)
  (Headers.prototype as any)[operation] = count > 1 ? function (this: unknown, _name: string, _value: string) { return call(this, arguments); }
    : function (this: unknown, _name: string) { return call(this, arguments); };
}

defineOperation('append', 2);
defineOperation('delete', 1);
defineOperation('get', 1);

// https://fetch.spec.whatwg.org/#dom-headers-getsetcookie
Headers.prototype.getSetCookie = function () {
  // 1. If this's header list does not contain `Set-Cookie`, then return « ».
  // 2. Return the values of all headers in this's header list whose name is `Set-Cookie`, in order.
  return headerListValues(slot.get(this, 'Headers.getSetCookie')._list, 'Set-Cookie');
};

defineOperation('has', 1);
defineOperation('set', 2);

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

// An operation's steps after its arguments' conversion: for get() and has(), with the name checked; for append(),
// set() and delete() (`method`), the steps of https://fetch.spec.whatwg.org/#concept-headers-append (append:
// 1. Normalize value. 2. If validating (name, value) for headers returns false, then return. 3. (The "request-no-cors"
// guard's step.) 4. Append (name, value) to headers's header list) with the header list's own algorithm.
// 5. If headers's guard is "request-no-cors", then remove privileged no-CORS request-headers from headers
//    (https://fetch.spec.whatwg.org/#concept-headers-remove-privileged-no-cors-request-headers). Nothing to do:
//    only the user agent adds those (`Range` is the one), that guard refuses them from script, and the Request
//    constructor fills a "request-no-cors" header list only through it (or copies one), so none holds them.
function run(state: HeadersState, method: string, name: string, value: string, member: string): unknown {
  // https://fetch.spec.whatwg.org/#headers-validate, with the step of `method` that the "request-no-cors" guard adds:
  // 1. If name is not a header name or value is not a header value, then throw a TypeError.
  if (!isHeaderName(name)) throw typeError(member, JSON.stringify(name) + ' is not a valid header name');
  if (method !== 'get' && method !== 'has') {
    value = normalizeHeaderValue(value);
    if (!isHeaderValue(value)) throw typeError(member, JSON.stringify(value) + ' is not a valid header value');
    // 2. If headers's guard is "immutable", then throw a TypeError.
    if (state._guard === GUARD_IMMUTABLE) throw typeError(member, 'immutable headers');
    // 3. If headers's guard is "request" and (name, value) is a forbidden request-header, then return false.
    // 4. If headers's guard is "response" and name is a forbidden response-header name, then return false.
    // 5. Return true.
    var steps = guardSteps[state._guard];
    if (steps && steps(name, value, method as 'append', state._list)) return;
  }
  return OPERATIONS[method](state._list, name, value);
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
  if (!isObject(value)) throw typeError(member, 'headers not an object');
  return toSequence(value, member, toPair) || toRecord(value, member);
}

// sequence<ByteString>, for each item of a sequence<sequence<ByteString>>.
function toPair(pair: unknown, member: string): string[] {
  var items = isObject(pair) ? toSequence(pair, member, toByteString) : null;
  if (!items) throw typeError(member, 'a header is not a pair');
  return items;
}

// https://webidl.spec.whatwg.org/#create-sequence-from-iterable, or null if value has no @@iterator method.
function toSequence<T>(value: any, member: string, convert: (item: unknown, member: string) => T): T[] | null {
  var result: T[] = [];
  if (!supportsSymbolIterator) {
    // LEGACY(ES5): without Symbol.iterator nothing is iterable, so the sequences are real Arrays and the objects
    // whose @@iterator would be built in: Headers (iterated as entries() would).
    var items: unknown[] | null = Array.isArray(value) ? value : slot.has(value) ? sortAndCombine(slot.get(value, member)._list) : null;
    if (!items) return null;
    for (var i = 0; i < items.length; i++) result.push(convert(items[i], member));
    return result;
  }
  // (A method or a next() that is not a function is a TypeError before any call, as is what either returns if it is
  // not an object.)
  var method = value[Symbol.iterator];
  if (method == null) return null;
  var iterator = call(method, value);
  var next = iterator.next;
  for (;;) {
    var step = call(next, iterator);
    if (step.done) return result;
    result.push(convert(step.value, member));
  }

  function call(fn: any, self: unknown): any {
    var returned = typeof fn === 'function' && fn.call(self);
    if (!isObject(returned)) throw typeError(member, 'invalid iterator');
    return returned;
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

// --- Internal, for Request and Response (given their own Headers objects: the state is always there) ---

/** A Headers object over an existing header list (shared, not copied) with a guard. @internal */
export function createHeaders(list: HeaderList, guard: HeadersGuard): Headers {
  var headers = Object.create(Headers.prototype);
  slot.set(headers, { _list: list, _guard: guard });
  return headers;
}

/** A Headers object over a copy of the header list of `headers`, with its guard. @internal */
export function copyHeaders(headers: Headers): Headers {
  var state = slot.find(headers)!;
  return createHeaders(state._list.map(function (header) { return header.slice() as [string, string]; }), state._guard);
}

/** @internal */
export function headerListOf(headers: Headers): HeaderList {
  return slot.find(headers)!._list;
}

/** https://fetch.spec.whatwg.org/#concept-headers-fill, with the guard, from a converted HeadersInit. @internal */
export function fillHeaders(headers: Headers, init: ConvertedHeadersInit, member: string): void {
  var state = slot.get(headers, member);
  for (var i = 0; i < init.length; i++) {
    var header = init[i];
    // 1.1. If header's size is not 2, then throw a TypeError.
    if (header.length !== 2) throw typeError(member, 'a header is not a pair');
    // 1.2 / 2. Append (header[0], header[1]) / (key, value) to headers.
    run(state, 'append', header[0], header[1], member);
  }
}
