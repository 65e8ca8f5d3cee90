// Mocha's browser build brings core-js, which installs globals the engine lacks (in PhantomJS 2.1: Symbol, Map, Set,
// Reflect, Array.from, Object.assign, ...) and replaces some it finds incomplete (in QtWebKit 5.212: Promise, Symbol).
// retrofetch must load as it would in the bare engine: while the standalone script loads, the globals it looks at
// that a fresh frame of this engine does not have are hidden, those core-js replaced are the engine's own again
// (saved by before-mocha.js), and after-polyfill.js puts back those it did not install itself (Mocha needs them). So
// in PhantomJS retrofetch sees no Symbol and installs its own Promise, and in QtWebKit it sees the engine's Promise,
// as a page without Mocha would. test/support/assert.ts reads __retrofetchHidden to know what retrofetch saw. ES5,
// run as it is.
(function (g) {
  var hidden = g.__retrofetchHidden || (g.__retrofetchHidden = {});
  var frame = g.document.createElement('iframe');
  frame.style.display = 'none';
  g.document.documentElement.appendChild(frame);
  var bare = frame.contentWindow;
  if (!bare.document.body) bare.document.write('<body></body>');
  var own = g.__retrofetchBeforeMocha || {};
  // The engine's own values given back while the script loads (hidden ones are not here: they are undefined then).
  var restored = g.__retrofetchRestored || (g.__retrofetchRestored = {});
  var names = ['Promise', 'Symbol', 'Reflect'];
  for (var i = 0; i < names.length; i++) {
    var name = names[i];
    if (typeof g[name] === 'undefined' || name in hidden) continue;
    var engines = typeof bare[name] !== 'undefined' ? own[name] : undefined;
    if (g[name] === engines) continue;
    hidden[name] = g[name];
    if (engines !== undefined) restored[name] = engines;
    Object.defineProperty(g, name, { value: engines, writable: true, configurable: true, enumerable: false });
  }
  g.document.documentElement.removeChild(frame);
})(this);
