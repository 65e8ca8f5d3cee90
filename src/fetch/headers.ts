// The Headers class: https://fetch.spec.whatwg.org/#headers-class
// Its state (a header list and a guard) lives in a brand-checked slot; Request and Response share their
// header list with their Headers object through the internal helpers at the end.
import { createSlot } from '../webidl/slots';
import { iteratorFactory, IteratorKind } from '../webidl/pair-iterator';
import { globalObject } from '../env/global';
import { requireArguments, toByteString } from '../webidl/conversions';
import { supportsReflectOwnKeys, supportsSymbol, supportsSymbolIterator, supportsSymbolToStringTag } from '../env/support';
import {
  HeaderList, headerListAppend, headerListContains, headerListDelete, headerListGet, headerListSet, isForbiddenRequestHeader,
  isForbiddenResponseHeaderName, isHeaderName, isHeaderValue, isNoCorsSafelistedRequestHeader,
  isNoCorsSafelistedRequestHeaderName, isPrivilegedNoCorsRequestHeaderName, normalizeHeaderValue, sortAndCombine
} from './header-list';

/** https://fetch.spec.whatwg.org/#concept-headers-guard */
export type HeadersGuard = 'immutable' | 'request' | 'request-no-cors' | 'response' | 'none';

/** https://fetch.spec.whatwg.org/#typedefdef-headersinit */
export type HeadersInit = Array<[string, string]> | string[][] | Record<string, string> | Headers;

interface HeadersState {
  list: HeaderList;
  guard: HeadersGuard;
}

var slot = createSlot<HeadersState>('Headers');

export class Headers {
  declare [Symbol.iterator]: () => HeadersIterator<[string, string]>;

  // https://fetch.spec.whatwg.org/#dom-headers (declared without parameters so that Headers.length is 0, as in IDL)
  constructor(init?: HeadersInit);
  constructor() {
    if (!(this instanceof Headers)) throw new TypeError("Headers constructor: use 'new Headers()', it cannot be called as a function");
    var init = arguments[0];
    var converted = init === undefined ? null : convertHeadersInit(init, 'Headers constructor');
    // 1. Set this's guard to "none".
    slot.set(this, { list: [], guard: 'none' });
    // 2. If init is given, then fill this with init.
    if (converted !== null) fillHeaders(this, converted, 'Headers constructor');
  }

  // https://fetch.spec.whatwg.org/#dom-headers-append
  append(name: string, value: string): void {
    var state = slot.get(this, 'Headers.append');
    requireArguments(arguments.length, 2, 'Headers.append');
    // The append method steps are to append (name, value) to this.
    append(state, toByteString(name, 'Headers.append'), toByteString(value, 'Headers.append'), 'Headers.append');
  }

  // https://fetch.spec.whatwg.org/#dom-headers-delete
  delete(name: string): void {
    var state = slot.get(this, 'Headers.delete');
    requireArguments(arguments.length, 1, 'Headers.delete');
    name = toByteString(name, 'Headers.delete');
    // 1. If validating (name, ``) for this returns false, then return.
    if (!validate(state, name, '', 'Headers.delete')) return;
    // 2. If this's guard is "request-no-cors", name is not a no-CORS-safelisted request-header name, and name is
    //    not a privileged no-CORS request-header name, then return.
    if (state.guard === 'request-no-cors' && !isNoCorsSafelistedRequestHeaderName(name) && !isPrivilegedNoCorsRequestHeaderName(name)) return;
    // 3. If this's header list does not contain name, then return.
    if (!headerListContains(state.list, name)) return;
    // 4. Delete name from this's header list.
    headerListDelete(state.list, name);
    // 5. If this's guard is "request-no-cors", then remove privileged no-CORS request-headers from this.
    if (state.guard === 'request-no-cors') removePrivilegedNoCorsRequestHeaders(state);
  }

  // https://fetch.spec.whatwg.org/#dom-headers-get
  get(name: string): string | null {
    var state = slot.get(this, 'Headers.get');
    requireArguments(arguments.length, 1, 'Headers.get');
    name = toByteString(name, 'Headers.get');
    // 1. If name is not a header name, then throw a TypeError.
    if (!isHeaderName(name)) throw invalidName(name, 'Headers.get');
    // 2. Return the result of getting name from this's header list.
    return headerListGet(state.list, name);
  }

  // https://fetch.spec.whatwg.org/#dom-headers-getsetcookie
  getSetCookie(): string[] {
    var list = slot.get(this, 'Headers.getSetCookie').list;
    // 1. If this's header list does not contain `Set-Cookie`, then return « ».
    // 2. Return the values of all headers in this's header list whose name is `Set-Cookie`, in order.
    var values: string[] = [];
    for (var i = 0; i < list.length; i++) if (/^set-cookie$/i.test(list[i][0])) values.push(list[i][1]);
    return values;
  }

  // https://fetch.spec.whatwg.org/#dom-headers-has
  has(name: string): boolean {
    var state = slot.get(this, 'Headers.has');
    requireArguments(arguments.length, 1, 'Headers.has');
    name = toByteString(name, 'Headers.has');
    // 1. If name is not a header name, then throw a TypeError.
    if (!isHeaderName(name)) throw invalidName(name, 'Headers.has');
    // 2. Return true if this's header list contains name; otherwise false.
    return headerListContains(state.list, name);
  }

  // https://fetch.spec.whatwg.org/#dom-headers-set
  set(name: string, value: string): void {
    var state = slot.get(this, 'Headers.set');
    requireArguments(arguments.length, 2, 'Headers.set');
    name = toByteString(name, 'Headers.set');
    // 1. Normalize value.
    value = normalizeHeaderValue(toByteString(value, 'Headers.set'));
    // 2. If validating (name, value) for this returns false, then return.
    if (!validate(state, name, value, 'Headers.set')) return;
    // 3. If this's guard is "request-no-cors" and (name, value) is not a no-CORS-safelisted request-header, then return.
    if (state.guard === 'request-no-cors' && !isNoCorsSafelistedRequestHeader(name, value)) return;
    // 4. Set (name, value) in this's header list.
    headerListSet(state.list, name, value);
    // 5. If this's guard is "request-no-cors", then remove privileged no-CORS request-headers from this.
    if (state.guard === 'request-no-cors') removePrivilegedNoCorsRequestHeaders(state);
  }

  // https://webidl.spec.whatwg.org/#es-iterable: `iterable<ByteString, ByteString>`, whose value pairs to iterate
  // over are the result of sort and combine with this's header list (https://fetch.spec.whatwg.org/#headers-class).
  entries(): HeadersIterator<[string, string]> {
    return createIterator(slot.get(this, 'Headers.entries'), 'key+value');
  }

  // https://webidl.spec.whatwg.org/#es-forEach (declared with one parameter so that forEach.length is 1)
  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void;
  forEach(callback: (value: string, key: string, parent: Headers) => void): void {
    var state = slot.get(this, 'Headers.forEach');
    requireArguments(arguments.length, 1, 'Headers.forEach');
    if (typeof callback !== 'function') throw new TypeError('Headers.forEach: the callback (parameter 1) is not a function');
    var thisArg = arguments[1];
    // 4-6. Call back for each pair, re-reading the pairs after each call (the callback may have changed them).
    var pairs = sortAndCombine(state.list);
    for (var i = 0; i < pairs.length; i++) {
      callback.call(thisArg, pairs[i][1], pairs[i][0], this);
      pairs = sortAndCombine(state.list);
    }
  }

  keys(): HeadersIterator<string> {
    return createIterator(slot.get(this, 'Headers.keys'), 'key');
  }

  values(): HeadersIterator<string> {
    return createIterator(slot.get(this, 'Headers.values'), 'value');
  }
}

// https://webidl.spec.whatwg.org/#es-iterable: @@iterator is the same function object as entries.
if (supportsSymbolIterator) {
  Object.defineProperty(Headers.prototype, Symbol.iterator, { value: Headers.prototype.entries, writable: true, enumerable: false, configurable: true });
}
// https://webidl.spec.whatwg.org/#interface-prototype-object (the class string)
if (supportsSymbolToStringTag) {
  Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', writable: false, enumerable: false, configurable: true });
}

// https://fetch.spec.whatwg.org/#headers-validate
function validate(state: HeadersState, name: string, value: string, member: string): boolean {
  // 1. If name is not a header name or value is not a header value, then throw a TypeError.
  if (!isHeaderName(name)) throw invalidName(name, member);
  if (!isHeaderValue(value)) throw new TypeError(member + ': ' + JSON.stringify(value) + ' is not a valid value for header ' + JSON.stringify(name));
  // 2. If headers's guard is "immutable", then throw a TypeError.
  if (state.guard === 'immutable') throw new TypeError(member + ': headers are immutable, cannot change ' + JSON.stringify(name));
  // 3. If headers's guard is "request" and (name, value) is a forbidden request-header, then return false.
  if (state.guard === 'request' && isForbiddenRequestHeader(name, value)) return false;
  // 4. If headers's guard is "response" and name is a forbidden response-header name, then return false.
  if (state.guard === 'response' && isForbiddenResponseHeaderName(name)) return false;
  // 5. Return true.
  return true;
}

function invalidName(name: string, member: string): TypeError {
  return new TypeError(member + ': ' + JSON.stringify(name) + ' is not a valid header name');
}

// https://fetch.spec.whatwg.org/#concept-headers-append
function append(state: HeadersState, name: string, value: string, member: string): void {
  // 1. Normalize value.
  value = normalizeHeaderValue(value);
  // 2. If validating (name, value) for headers returns false, then return.
  if (!validate(state, name, value, member)) return;
  // 3. If headers's guard is "request-no-cors": the value combined with any existing one must stay safelisted.
  if (state.guard === 'request-no-cors') {
    var temporaryValue = headerListGet(state.list, name);
    temporaryValue = temporaryValue === null ? value : temporaryValue + ', ' + value;
    if (!isNoCorsSafelistedRequestHeader(name, temporaryValue)) return;
  }
  // 4. Append (name, value) to headers's header list.
  headerListAppend(state.list, name, value);
  // 5. If headers's guard is "request-no-cors", then remove privileged no-CORS request-headers from headers.
  if (state.guard === 'request-no-cors') removePrivilegedNoCorsRequestHeaders(state);
}

// https://fetch.spec.whatwg.org/#concept-headers-remove-privileged-no-cors-request-headers
function removePrivilegedNoCorsRequestHeaders(state: HeadersState): void {
  // 1. For each headerName of privileged no-CORS request-header names (only `Range`), delete it from the list.
  headerListDelete(state.list, 'Range');
}

// --- HeadersInit: (sequence<sequence<ByteString>> or record<ByteString, ByteString>) ---

/** A HeadersInit after WebIDL conversion: pairs from a sequence (checked for size 2 when filling) or a record. @internal */
export class ConvertedHeadersInit {
  constructor(public isSequence: boolean, public pairs: string[][]) {}
}

/**
 * https://webidl.spec.whatwg.org/#es-union: an object with an @@iterator method is a sequence, any other object a
 * record, anything else a TypeError. Dictionary members (RequestInit.headers) are converted at this point.
 * @internal
 */
export function convertHeadersInit(value: unknown, member: string): ConvertedHeadersInit {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    throw new TypeError(member + ': headers must be a sequence of [name, value] pairs, a record or a Headers object');
  }
  var sequence = toSequence(value, member, function (pair) {
    if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function')) {
      throw new TypeError(member + ': each header must be a [name, value] pair, got ' + String(pair));
    }
    var items = toSequence(pair, member, function (item) { return toByteString(item, member); });
    if (items === null) throw new TypeError(member + ': each header must be a [name, value] pair (an iterable)');
    return items;
  });
  return sequence !== null ? new ConvertedHeadersInit(true, sequence) : new ConvertedHeadersInit(false, toRecord(value, member));
}

// https://webidl.spec.whatwg.org/#create-sequence-from-iterable, or null if value has no @@iterator method.
function toSequence<T>(value: any, member: string, convert: (item: unknown) => T): T[] | null {
  var result: T[] = [];
  if (!supportsSymbolIterator) {
    // LEGACY(ES5): without Symbol.iterator nothing is iterable, so the sequences are real Arrays and the objects
    // whose @@iterator would be built in: Headers (iterated as entries() would).
    var items: unknown[] | null = Array.isArray(value) ? value : slot.has(value) ? sortAndCombine(slot.get(value, member).list) : null;
    if (items === null) return null;
    for (var i = 0; i < items.length; i++) result.push(convert(items[i]));
    return result;
  }
  var method = value[Symbol.iterator];
  if (method === undefined || method === null) return null;
  if (typeof method !== 'function') throw new TypeError(member + ': the [Symbol.iterator] property is not a function');
  var iterator = method.call(value);
  if (iterator === null || (typeof iterator !== 'object' && typeof iterator !== 'function')) {
    throw new TypeError(member + ': [Symbol.iterator]() did not return an object');
  }
  var next = iterator.next;
  for (;;) {
    if (typeof next !== 'function') throw new TypeError(member + ': the iterator has no next() method');
    var step = next.call(iterator);
    if (step === null || (typeof step !== 'object' && typeof step !== 'function')) {
      throw new TypeError(member + ': the iterator result is not an object');
    }
    if (step.done) return result;
    result.push(convert(step.value));
  }
}

// https://webidl.spec.whatwg.org/#es-record: own enumerable keys (symbols included: they fail ByteString), in order.
function toRecord(value: any, member: string): string[][] {
  var keys: any[] = supportsReflectOwnKeys
    ? globalObject.Reflect.ownKeys(value)
    : Object.getOwnPropertyNames(value).concat(supportsSymbol ? (Object as any).getOwnPropertySymbols(value) : []);
  var result: string[][] = [];
  for (var i = 0; i < keys.length; i++) {
    var desc = Object.getOwnPropertyDescriptor(value, keys[i]);
    if (desc === undefined || !desc.enumerable) continue;
    var typedKey = toByteString(keys[i], member);
    result.push([typedKey, toByteString(value[keys[i]], member)]);
  }
  return result;
}

// --- Iterators: https://webidl.spec.whatwg.org/#es-default-iterator-object ---

export interface HeadersIterator<T> extends IterableIterator<T> {
  next(): IteratorResult<T, undefined>;
}

// The Headers Iterator prototype and its iterators (src/webidl/pair-iterator.ts): each step reads the sorted and
// combined list afresh, so changes made during iteration are seen.
var createHeadersIterator = iteratorFactory('Headers');

function createIterator(target: HeadersState, kind: IteratorKind): any {
  return createHeadersIterator(function () { return sortAndCombine(target.list); }, kind);
}

// --- Internal, for Request and Response ---

/** A Headers object over an existing header list (shared, not copied) with a guard. @internal */
export function createHeaders(list: HeaderList, guard: HeadersGuard): Headers {
  var headers = Object.create(Headers.prototype);
  slot.set(headers, { list: list, guard: guard });
  return headers;
}

/** @internal */
export function headerListOf(headers: Headers): HeaderList {
  return slot.get(headers, 'headerListOf').list;
}

/** @internal */
export function setHeadersGuard(headers: Headers, guard: HeadersGuard): void {
  slot.get(headers, 'setHeadersGuard').guard = guard;
}

/** https://fetch.spec.whatwg.org/#concept-headers-append, with the guard, e.g. for the Request constructor. @internal */
export function appendToHeaders(headers: Headers, name: string, value: string, member: string): void {
  append(slot.get(headers, member), name, value, member);
}

/**
 * https://fetch.spec.whatwg.org/#concept-headers-fill, with the guard. `object` is a HeadersInit as given (it is
 * converted here) or the result of convertHeadersInit.
 * @internal
 */
export function fillHeaders(headers: Headers, object: unknown, member: string): void {
  var init = object instanceof ConvertedHeadersInit ? object : convertHeadersInit(object, member);
  var state = slot.get(headers, member);
  for (var i = 0; i < init.pairs.length; i++) {
    var header = init.pairs[i];
    // 1.1. If header's size is not 2, then throw a TypeError.
    if (init.isSequence && header.length !== 2) {
      throw new TypeError(member + ': each header must be a [name, value] pair, got ' + header.length + ' item' + (header.length === 1 ? '' : 's'));
    }
    // 1.2 / 2. Append (header[0], header[1]) / (key, value) to headers.
    append(state, header[0], header[1], member);
  }
}
