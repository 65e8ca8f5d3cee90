// The examples' one test hook, loaded first by each example page (a real page has no such script). It reads the
// page's query, set by test/integration/examples.test.ts. ES5 (PhantomJS runs it as it is).
//   ?remove=fetch,Headers,...  deletes these globals before anything else runs, as in an engine without them (as
//                              test/setup/remove-natives.js does for the suites)
//   ?track=ID                  the conditional-loading snippet's script (it writes <script src="js/FILE">) comes from
//                              the test server's tracked-script route instead, which records that the page asked for
//                              it (test/server/README.md): the snippet itself stays as README.md shows it
// It also keeps the page's globals as they were before the app (window.__globalsBefore: every name, and the values
// of those a fetch polyfill installs), so the test can tell what the app wrote.
(function (w) {
  var query = w.location.search;
  var remove = /[?&]remove=([^&]*)/.exec(query);
  var names = remove ? decodeURIComponent(remove[1]).split(',') : [];
  for (var i = 0; i < names.length; i++) {
    try {
      delete w[names[i]];
    } catch (e) { /* non-configurable: shadowed below */ }
    if (typeof w[names[i]] !== 'undefined') {
      Object.defineProperty(w, names[i], { value: undefined, writable: true, configurable: true, enumerable: false });
    }
  }
  var track = /[?&]track=([\w-]+)/.exec(query);
  if (track) {
    var write = w.document.write;
    w.document.write = function (html) {
      return write.call(w.document, String(html).replace(/src="js\//g, 'src="/api/tracked-script?id=' + track[1] + '&file='));
    };
  }
  // Every name, and the values of those a fetch polyfill could write (what retrofetch's scripts install).
  var watched = ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'AbortController', 'AbortSignal', 'DOMException',
    'ReadableStream', 'WritableStream', 'TransformStream', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
    'TextEncoder', 'TextDecoder', 'TextEncoderStream', 'TextDecoderStream', 'Promise', 'Symbol'];
  var values = {};
  for (var j = 0; j < watched.length; j++) values[watched[j]] = w[watched[j]];
  w.__globalsBefore = { names: Object.getOwnPropertyNames(w), watched: watched, values: values };
})(window);
