// The end of the ie9 profile's setup (see ie9-profile.js), loaded right after the standalone script: Symbol, which
// retrofetch did not see while it loaded, comes back for Mocha and chai. ES5, run as it is.
(function (g) {
  if (g.__retrofetchProfile !== 'ie9') return;
  Object.defineProperty(g, 'Symbol', { value: g.__retrofetchHidden.Symbol, writable: true, configurable: true, enumerable: false });
})(this);
