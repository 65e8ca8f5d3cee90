// Loaded before Mocha (karma.conf.js, framework `retrofetch-before-mocha`). Mocha's browser build brings core-js,
// which adds what the engine lacks and replaces what it finds incomplete, and bare-engine.js undoes that while the
// standalone script loads, so that retrofetch sees the engine as it is. This file keeps the engine's own Promise,
// Symbol and Reflect as the page had them, for bare-engine.js to give back. And where the engine has no
// PromiseRejectionEvent (jsdom, QtWebKit 5.212), core-js would replace its Promise for that alone, and change the
// engine's Promise.prototype with it (its prototype chain, and `then` where it finds no subclassing), past undoing:
// a placeholder PromiseRejectionEvent, removed again by bare-engine.js, keeps core-js's hands off the engine's Promise
// (in jsdom; in QtWebKit core-js replaces it anyway, for want of subclassing). ES5, run as it is.
(function (g) {
  g.__retrofetchBeforeMocha = { Promise: g.Promise, Symbol: g.Symbol, Reflect: g.Reflect };
  if (typeof g.Promise === 'function' && typeof g.PromiseRejectionEvent === 'undefined') {
    g.PromiseRejectionEvent = function PromiseRejectionEvent() { /* placeholder: see above */ };
    g.__retrofetchBeforeMocha.placeholder = g.PromiseRejectionEvent;
  }
})(this);
