// Installs an A+ Promise (promise-polyfill, ~1.5 KB) where the host has none that works. Only the standalone
// script imports this; the module entries list Promise as a prerequisite instead.
import PromisePolyfill from 'promise-polyfill';
import { defineValue, globalObject as g } from './global';
import { works } from './support';

var broken = !works(function () {
  var P = g.Promise;
  return typeof P === 'function' && typeof P.resolve(1).then === 'function' && typeof P.all === 'function';
});

// promise-polyfill runs callbacks through `_immediateFn` (its documented hook), by default setImmediate or
// setTimeout(0); a timer is clamped to 1–4 ms, and a streamed body takes several promise hops per chunk (measured in
// PhantomJS by `npm run bench`). A microtask-like queue instead: a MutationObserver in windows, a MessageChannel in
// workers, else the default.
function microtaskScheduler(): ((fn: () => void) => void) | null {
  var queue: Array<() => void> = [];
  function flush(): void {
    var callbacks = queue;
    queue = [];
    // (A plain loop: this runs for every promise callback.)
    for (var i = 0; i < callbacks.length; i++) callbacks[i]();
  }
  var Observer = g.MutationObserver || g.WebKitMutationObserver;
  if (Observer && g.document) {
    var node = g.document.createTextNode('');
    var toggle = 0;
    new Observer(flush).observe(node, { characterData: true });
    return function (fn) {
      if (queue.push(fn) === 1) node.data = toggle ^= 1;
    };
  }
  if (g.MessageChannel) {
    var channel = new g.MessageChannel();
    channel.port1.onmessage = flush;
    return function (fn) {
      if (queue.push(fn) === 1) channel.port2.postMessage(0);
    };
  }
  return null;
}

if (broken) {
  try {
    var scheduler = microtaskScheduler();
    if (scheduler) (PromisePolyfill as any)._immediateFn = scheduler;
  } catch (e) {
    // the default scheduling still works
  }
  defineValue(g, 'Promise', PromisePolyfill);
}
