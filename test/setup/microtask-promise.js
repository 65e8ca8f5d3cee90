// For the core build's page (test/setup/load-polyfill.js): promise-polyfill runs its callbacks with setTimeout by
// default, a task too late for a body read whole to be taken as an ArrayBuffer (README "A script tag"); its
// documented hook `_immediateFn` makes them microtasks, as native Promises and core-js's are. ES5, run as it is.
(function (g) {
  var queue = [];
  var node = g.document.createTextNode('');
  var toggle = 0;
  new (g.MutationObserver || g.WebKitMutationObserver)(function () {
    var callbacks = queue;
    queue = [];
    for (var i = 0; i < callbacks.length; i++) callbacks[i]();
  }).observe(node, { characterData: true });
  g.Promise._immediateFn = function (fn) {
    queue.push(fn);
    if (queue.length === 1) node.data = String(toggle ^= 1);
  };
})(this);
