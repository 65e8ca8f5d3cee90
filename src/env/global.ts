// The global object, found without assuming `window` or `document` (dedicated workers have neither) and without
// `Function('return this')`, which a CSP without 'unsafe-eval' forbids (webpack's own helper for `global` is off:
// `node: false` in webpack.config.js).
declare const global: unknown;

function findGlobal(): any {
  if (typeof globalThis !== 'undefined') return globalThis;
  if (typeof self !== 'undefined') return self;
  if (typeof window !== 'undefined') return window;
  return global;
}

export const globalObject: any = findGlobal();

/**
 * Whether `value` is an instance of the host's interface `name` (Blob, File, FormData, …). Old WebKit (PhantomJS)
 * gives its interface objects `typeof 'object'`, so `typeof X === 'function'` would wrongly say they are missing.
 */
export function isHostInstance(value: unknown, name: string): boolean {
  try {
    // (No such interface: instanceof throws.)
    return typeof value === 'object' && value !== null && value instanceof globalObject[name];
  } catch (e) {
    return false;
  }
}
