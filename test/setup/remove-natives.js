// Runs before the polyfill bundle (see karma.conf.js `files`). In engines that have them, the natives are saved
// (the oracle for the "native" pass) and deleted, so the polyfill installs and is what the "polyfill" pass tests.
// ES5 only: this file is loaded as-is in PhantomJS.
(function (g) {
  var names = ['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal', 'FormData', 'ReadableStream', 'EventSource'];
  var natives = {};
  var found = 0;
  for (var i = 0; i < names.length; i++) {
    var name = names[i];
    if (typeof g[name] === 'function') {
      natives[name] = g[name];
      found++;
    }
  }
  for (var j = 0; j < names.length; j++) {
    try {
      delete g[names[j]];
    } catch (e) { /* non-configurable: checked below */ }
    if (typeof g[names[j]] !== 'undefined') {
      // Inherited from a prototype (WorkerGlobalScope.prototype in workers): shadow it with an own undefined.
      Object.defineProperty(g, names[j], { value: undefined, writable: true, configurable: true, enumerable: false });
    }
    if (typeof g[names[j]] !== 'undefined') {
      throw new Error('remove-natives: could not delete ' + names[j] + '; the polyfill pass would test the native');
    }
  }
  // Kept, not deleted, but saved for the oracle: the polyfill replaces the streams family where the global
  // ReadableStream is its own (an engine's TransformStream cannot take part in its pipes).
  ['DOMException', 'TextDecoder', 'TextEncoder', 'WritableStream', 'TransformStream', 'TextDecoderStream', 'TextEncoderStream']
    .forEach(function (name) { natives[name] = g[name]; });
  // The oracle pass runs only where the engine has a native fetch stack.
  g.__retrofetchNatives = typeof natives.fetch === 'function' ? natives : null;
  g.__retrofetchNativeCount = found;
})(typeof self !== 'undefined' ? self : this);
