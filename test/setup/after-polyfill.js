// Loaded right after the standalone script (karma.conf.js): puts back the globals that bare-engine.js and the ie9
// profile hid while it loaded (Mocha needs them), except where retrofetch installed its own (a Promise). Those that
// core-js had replaced and bare-engine.js gave back (the engine's own Promise and Symbol in QtWebKit and jsdom) stay
// the engine's: the tests and retrofetch then use the same ones, as a page without Mocha would. ES5.
(function (g) {
  var hidden = g.__retrofetchHidden || {};
  var restored = g.__retrofetchRestored || {};
  for (var name in hidden) {
    if (name in restored || typeof g[name] !== 'undefined') continue;
    Object.defineProperty(g, name, { value: hidden[name], writable: true, configurable: true, enumerable: false });
  }
})(this);
