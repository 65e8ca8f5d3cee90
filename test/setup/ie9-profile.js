// The `ie9` profile (a fifth Karma engine entry, RETROFETCH_ENGINES=ie9): PhantomJS turned into an IE9-class engine
// before the standalone script loads. It does nothing unless the page was opened with `retrofetchProfile=ie9`
// (test/launchers/phantomjs.js adds it for that engine). What IE9 lacks, as Microsoft and MDN document it, is removed;
// XMLHttpRequest becomes the level-1 STAND-IN, and XDomainRequest and VBArray STAND-INS are installed (all from
// test/setup/stand-ins.js, built over the real XHR and the real server). test/support/harness.ts then runs the
// suites that apply to such an engine and skips the others with their reason. ES5, run as it is.
(function (g) {
  var search = (g.parent && g.parent !== g ? g.parent : g).location.search;
  if (!/[?&]retrofetchProfile=ie9(&|$)/.test(search)) return;
  var standIns = g.__retrofetchStandIns;
  // IE9: no Promise, Symbol, typed arrays, ArrayBuffer, DataView, Blob, File, FileReader, FormData, URL,
  // URLSearchParams, TextEncoder/TextDecoder, workers, MutationObserver, MessageChannel or EventSource. Nor Map, Set and WeakMap,
  // but Mocha needs those to run here (the lint config forbids them in src/ instead), and Mocha, loaded before this,
  // needs Symbol once it runs: Symbol is hidden only while the standalone script loads (after-polyfill.js puts it
  // back), which is when retrofetch decides what the engine has.
  g.__retrofetchHidden = { Symbol: g.Symbol };
  var missing = ['Promise', 'Symbol', 'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray',
    'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'Blob', 'File',
    'FileReader', 'FormData', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'Worker', 'MutationObserver', 'WebKitMutationObserver', 'MessageChannel', 'ReadableStream', 'EventSource'];
  for (var i = 0; i < missing.length; i++) {
    try {
      delete g[missing[i]];
    } catch (e) { /* not configurable */ }
    // PhantomJS does not delete its DOM constructors (and may bring one back): shadow them with undefined.
    if (typeof g[missing[i]] !== 'undefined') {
      Object.defineProperty(g, missing[i], { value: undefined, writable: true, configurable: true, enumerable: false });
    }
    if (typeof g[missing[i]] !== 'undefined') throw new Error('ie9 profile: could not remove ' + missing[i]);
  }
  g.XMLHttpRequest = standIns.LevelOneXHR;
  g.XDomainRequest = standIns.XDomainRequest;
  g.VBArray = standIns.VBArray;
  g.__retrofetchProfile = 'ie9';
})(this);
