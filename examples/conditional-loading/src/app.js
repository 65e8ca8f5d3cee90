// The page's app, written in ES5 against the globals (fetch, AbortController, a streamed body decoded with
// TextDecoderStream): the snippet before it in index.html loaded retrofetch first where the browser lacked them.
/* global document, fetch, AbortController, TextDecoderStream */
var log = document.getElementById('log');
function show(line) {
  log.appendChild(document.createTextNode(line + '\n'));
}

var result = {
  example: 'conditional-loading',
  nativeFetch: /\[native code\]/.test(Function.prototype.toString.call(window.fetch))
};
show('fetch is ' + (result.nativeFetch ? "the browser's own" : "retrofetch's"));

var controller = new AbortController();
fetch('/api/stream?chunks=3&interval=20&size=12', { signal: controller.signal }).then(function (response) {
  var reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  var text = '';
  function read() {
    return reader.read().then(function (step) {
      if (step.done) return text;
      text += step.value;
      return read();
    });
  }
  return read();
}).then(function (text) {
  show('streamed: ' + JSON.stringify(text));
  result.text = text;
}, function (e) {
  result.error = String((e && e.stack) || e);
}).then(function () {
  show(result.error ? 'failed: ' + result.error : 'done');
  // The results also go to the page that framed this one (the tests: test/integration/examples.test.ts).
  if (window.parent !== window) window.parent.postMessage(JSON.stringify(result), '*');
});
