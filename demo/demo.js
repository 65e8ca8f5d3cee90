// The demo page's script: ES5, so it runs in the legacy browsers retrofetch is for.
(function () {
  function $(id) { return document.getElementById(id); }
  function show(id, text) { $(id).textContent = text; }
  function fail(id) { return function (e) { show(id, 'rejected: ' + (e && e.name) + ': ' + (e && e.message)); }; }

  show('who', window.fetch && window.fetch.toString().indexOf('[native code]') < 0
    ? 'fetch here is retrofetch (over XMLHttpRequest).' : 'fetch here is the browser\'s own (add ?polyfill=1 to use retrofetch).');

  $('get').onclick = function () {
    fetch('/api/echo?from=demo', { headers: { 'X-Demo': 'yes' } }).then(function (r) {
      return r.json().then(function (body) {
        show('get-out', r.status + ' ' + r.statusText + ', ' + r.headers.get('content-type') + '\nthe server saw: ' +
          body.method + ' ' + body.url + ', X-Demo: ' + body.headers['x-demo']);
      });
    }).then(null, fail('get-out'));
  };

  var controller = null;
  $('stream').onclick = function () {
    controller = window.AbortController ? new AbortController() : null;
    var started = new Date().getTime();
    var log = '';
    fetch('/api/stream?chunks=10&interval=300&size=24', { signal: controller ? controller.signal : undefined }).then(function (r) {
      var reader = r.body.getReader();
      function next() {
        return reader.read().then(function (result) {
          if (result.done) { show('stream-out', log + 'done'); return; }
          var text = '';
          for (var i = 0; i < result.value.length; i++) text += String.fromCharCode(result.value[i]);
          log += '+' + (new Date().getTime() - started) + ' ms: ' + JSON.stringify(text) + '\n';
          show('stream-out', log);
          return next();
        });
      }
      return next();
    }).then(null, fail('stream-out'));
  };
  $('stream-abort').onclick = function () { if (controller) controller.abort(); };

  $('upload').onclick = function () {
    var body = new Uint8Array(4 * 1024 * 1024);
    fetch('/api/upload', {
      method: 'POST', body: body,
      retrofetch: { onUploadProgress: function (p) { $('upload-bar').value = p.lengthComputable ? p.loaded / p.total : 0; } }
    }).then(function (r) { return r.json(); }).then(function (result) {
      show('upload-out', 'server got ' + result.length + ' bytes, sha256 ' + result.sha256);
    }).then(null, fail('upload-out'));
  };

  $('bytes').onclick = function () {
    fetch('/api/bytes').then(function (r) { return r.arrayBuffer(); }).then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var exact = bytes.length === 256;
      for (var i = 0; i < bytes.length; i++) if (bytes[i] !== i) exact = false;
      show('bytes-out', bytes.length + ' bytes, ' + (exact ? 'exactly 0..255' : 'NOT exact'));
    }).then(null, fail('bytes-out'));
  };
  // ?auto=1 runs every demo on load (for a quick look from a headless browser).
  if (/[?&]auto=1/.test(location.search)) { $('get').onclick(); $('stream').onclick(); $('upload').onclick(); $('bytes').onclick(); }
})();
