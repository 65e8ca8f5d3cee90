// Runs before the polyfill bundle (see karma.conf.js `files`). In engines that have them, the natives are saved
// (the oracle for the "native" pass) and deleted, so the polyfill installs and is what the "polyfill" pass tests.
// In the `no-abort` profile (an engine with fetch but no AbortController: test/launchers/chromium-profile.js puts
// `retrofetchProfile=no-abort` in the URL of Karma's page) only AbortController and AbortSignal are deleted from the
// test page, and there is no oracle pass (the natives would be the `chromium` engine's). In the `as-is` profile (real
// legacy engines as they are: QtWebKit, jsdom; the launcher puts `retrofetchProfile=as-is` in the URL of Karma's
// page) nothing is deleted from the test page: the engine's own partial natives are what it is about, and such an
// engine has no native fetch, so there is no oracle pass either. What the engine has of its own is noted
// (__retrofetchEngine) for the tests about it (test/support/harness.ts). A frame or worker that a
// test makes and loads this file into (no __karma__ there) is another page: its natives are deleted, as it asks.
// ES5 only: this file is loaded as-is in PhantomJS.
(function (g) {
  var search = (g.parent && g.parent !== g ? g.parent : g).location.search;
  if (g.__karma__ && /[?&]retrofetchProfile=no-abort(&|$)/.test(search)) {
    delete g.AbortController;
    delete g.AbortSignal;
    if (typeof g.AbortController !== 'undefined' || typeof g.AbortSignal !== 'undefined') {
      throw new Error('remove-natives: could not delete AbortController and AbortSignal');
    }
    g.__retrofetchProfile = 'no-abort';
    g.__retrofetchNatives = null;
    g.__retrofetchNativeCount = 0;
    return;
  }
  if (g.__karma__ && /[?&]retrofetchProfile=as-is(&|$)/.test(search)) {
    g.__retrofetchProfile = 'as-is';
    g.__retrofetchNatives = null;
    g.__retrofetchNativeCount = 0;
    g.__retrofetchEngine = {};
    var own = ['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal', 'FormData', 'ReadableStream',
      'WritableStream', 'DOMException', 'EventSource'];
    for (var k = 0; k < own.length; k++) g.__retrofetchEngine[own[k]] = g[own[k]];
    return;
  }
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
