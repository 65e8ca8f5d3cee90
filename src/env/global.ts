// The global object, found without assuming `window` or `document` (dedicated workers have neither)
// and without `Function('return this')` first, which a strict CSP forbids.
declare const global: unknown;

function findGlobal(): any {
  if (typeof globalThis !== 'undefined') return globalThis;
  if (typeof self !== 'undefined') return self;
  if (typeof window !== 'undefined') return window;
  if (typeof global !== 'undefined') return global;
  // Last resort for bare ES5 hosts (e.g. Duktape scripts): the sloppy-mode `this` of a new function.
  return Function('return this')();
}

export const globalObject: any = findGlobal();
