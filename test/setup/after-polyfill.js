// Loaded right after the standalone script (karma.conf.js): puts back the globals that bare-engine.js and the ie9
// profile hid or changed while it loaded (Mocha needs them), except where retrofetch installed its own (a Promise).
// ES5.
(function (g) {
  var hidden = g.__retrofetchHidden || {};
  var restored = g.__retrofetchRestored || {};
  for (var name in hidden) {
    if (g[name] !== (name in restored ? restored[name] : undefined)) continue;
    Object.defineProperty(g, name, { value: hidden[name], writable: true, configurable: true, enumerable: false });
  }
})(this);
