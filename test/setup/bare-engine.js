// Mocha's browser build brings core-js, which installs globals the engine lacks (in PhantomJS 2.1: Symbol, Map, Set,
// Reflect, Array.from, Object.assign, ...) and replaces some it finds incomplete (in QtWebKit 5.212: Symbol and
// Promise; jsdom's Promise is kept by before-mocha.js's placeholder, removed here). retrofetch must load as it would
// in the bare engine: while the standalone script loads, the globals it looks at that a fresh frame of this engine
// does not have are hidden, and after-polyfill.js puts back those it did not install itself (Mocha needs them); those
// core-js replaced are the engine's own again (saved by before-mocha.js), for good, where core-js left them intact
// (not QtWebKit's Promise, whose prototype it rewired). So in PhantomJS retrofetch sees no Symbol and installs its own
// Promise, in jsdom the page has the engine's Promise, and in QtWebKit the engine's Symbol (and core-js's Promise).
// test/support/assert.ts reads __retrofetchHidden to know what retrofetch saw. ES5, run as it is.
(function (g) {
  var hidden = g.__retrofetchHidden || (g.__retrofetchHidden = {});
  var frame = g.document.createElement('iframe');
  frame.style.display = 'none';
  g.document.documentElement.appendChild(frame);
  var bare = frame.contentWindow;
  if (!bare.document.body) bare.document.write('<body></body>');
  var own = g.__retrofetchBeforeMocha || {};
  if (own.placeholder && g.PromiseRejectionEvent === own.placeholder) delete g.PromiseRejectionEvent;
  // The engine's own values given back while the script loads (hidden ones are not here: they are undefined then).
  var restored = g.__retrofetchRestored || (g.__retrofetchRestored = {});
  var names = ['Promise', 'Symbol', 'Reflect'];
  for (var i = 0; i < names.length; i++) {
    var name = names[i];
    if (typeof g[name] === 'undefined' || name in hidden) continue;
    var engines = typeof bare[name] !== 'undefined' ? own[name] : undefined;
    if (g[name] === engines) continue;
    // Where core-js replaced the engine's Promise it also rewired its prototype (its `constructor` deleted, core-js's
    // prototype under it, in QtWebKit 5.212), so that the engine's then() makes core-js promises: the engine's own
    // Promise is gone, past giving back, and the page keeps core-js's.
    if (name === 'Promise' && engines && !(engines.prototype.constructor === engines &&
      Object.getPrototypeOf(engines.prototype) === Object.prototype)) continue;
    hidden[name] = g[name];
    if (engines !== undefined) restored[name] = engines;
    Object.defineProperty(g, name, { value: engines, writable: true, configurable: true, enumerable: false });
  }
  g.document.documentElement.removeChild(frame);
})(this);
