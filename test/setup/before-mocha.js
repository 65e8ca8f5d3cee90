// Loaded before Mocha (karma.conf.js, framework `retrofetch-before-mocha`): keeps the engine's own Promise, Symbol
// and Reflect as the page had them, because Mocha's browser build brings core-js, which adds what the engine lacks
// and also replaces what it finds incomplete (in QtWebKit 5.212: Promise and Symbol). bare-engine.js puts these back
// while the standalone script loads, so retrofetch sees the engine's own. ES5, run as it is.
(function (g) {
  g.__retrofetchBeforeMocha = { Promise: g.Promise, Symbol: g.Symbol, Reflect: g.Reflect };
})(this);
