// The global object, found without assuming `window` or `document` (dedicated workers have neither) and without
// the Function constructor ('return this'), which a CSP without 'unsafe-eval' forbids. Not by Node's `global`
// either (Node has globalThis since 12): a bundler that sees that name adds its own helper for it, which uses the
// Function constructor (webpack's, unless `node: false` as in webpack.config.js; an app's bundle of the ES modules
// would get it).
export const globalObject: any = typeof globalThis !== 'undefined' ? globalThis : typeof self !== 'undefined' ? self : window;

/**
 * Whether `value` is an instance of the host's interface `name` (Blob, File, FormData, …). LEGACY(old WebKit):
 * PhantomJS gives its interface objects `typeof 'object'`, so `typeof X === 'function'` would wrongly say they are
 * missing.
 */
export function isHostInstance(value: unknown, name: string): boolean {
  try {
    // (No such interface: instanceof throws.)
    return typeof value === 'object' && value !== null && value instanceof globalObject[name];
  } catch (e) {
    return false;
  }
}

/**
 * Defines `object[key]` as a data property, writable and configurable but not enumerable (as WebIDL's members), also
 * where it replaces an enumerable one (in QtWebKit, a page's assignment to a global interface object makes it so).
 */
export function defineValue(object: any, key: PropertyKey, value: unknown): void {
  Object.defineProperty(object, key, { value: value, writable: true, enumerable: false, configurable: true });
}

/**
 * Sets `object`'s [[Prototype]] to `proto` where the engine can. LEGACY(ES5): through __proto__ (ES5 has no
 * Object.setPrototypeOf); IE9–10 have neither, and there `object` keeps the one it has.
 */
export function setPrototype(object: any, proto: object): void {
  if (({} as any).__proto__) object.__proto__ = proto;
}

// The longest delay the host's setTimeout waits (2^31 − 1 ms, 24.8 days): it fires at once for a longer one, so
// longer waits are clamped to it or chained.
export const MAX_TIMER_MS = 0x7fffffff;
