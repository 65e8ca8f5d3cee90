// The script of demo/side.html, which demo/index.html shows twice: ?impl=native (the browser's own fetch) and
// ?impl=retrofetch (natives deleted, then the standalone script). ES5, so it runs in the legacy browsers retrofetch
// is for. Each result line gets data-state="running|done|error", which test/smoke/demo.js reads.
(function () {
  var retro = /[?&]impl=retrofetch/.test(location.search);
  var crossOrigin = (window.RETROFETCH_DEMO || {}).crossOrigin;
  var pendingAbort = null;

  function $(id) { return document.getElementById(id); }
  function now() { return new Date().getTime(); }
  function since(started) { return ' (' + (now() - started) + ' ms)'; }
  function describe(e) { return (e && e.name) + ': ' + (e && e.message); }
  function report(id, state, text) {
    $(id).setAttribute('data-state', state);
    $(id).textContent = text;
  }
  function rejected(id, started) {
    return function (e) { report(id, 'error', 'rejected with ' + describe(e) + since(started)); };
  }
  function setBar(id, fraction) {
    $(id + '-bar').value = fraction;
    $(id + '-pct').textContent = Math.floor(fraction * 100) + '%';
  }

  // UTF-8 bytes to text as they arrive: the engine's TextDecoder where there is one, else the bytes of complete
  // sequences through decodeURIComponent(escape()), holding back a sequence split across two chunks.
  function utf8Decoder() {
    if (typeof window.TextDecoder === 'function') {
      var decoder = new window.TextDecoder();
      return function (bytes) { return decoder.decode(bytes, { stream: true }); };
    }
    var held = '';
    return function (bytes) {
      var s = held;
      for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
      var lead = s.length - 1;
      while (lead > 0 && lead > s.length - 4 && (s.charCodeAt(lead) & 0xc0) === 0x80) lead--;
      var c = s.charCodeAt(lead);
      var need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      var cut = lead >= 0 && s.length - lead < need ? lead : s.length;
      held = s.slice(cut);
      try { return decodeURIComponent(escape(s.slice(0, cut))); } catch (e) { return s.slice(0, cut); }
    };
  }

  // Calls onBytes with each chunk of the body as it arrives (the whole body at once where there is no stream).
  function readBody(response, onBytes) {
    if (!response.body) return response.arrayBuffer().then(function (buffer) { onBytes(new Uint8Array(buffer)); });
    var reader = response.body.getReader();
    function next() {
      return reader.read().then(function (result) {
        if (result.done) return undefined;
        onBytes(result.value);
        return next();
      });
    }
    return next();
  }

  var isNative = typeof window.fetch === 'function' && /\[native code\]/.test(Function.prototype.toString.call(window.fetch));
  $('title').textContent = retro ? 'retrofetch' : 'native fetch';
  document.title = $('title').textContent;
  $('who').textContent = retro
    ? (isNative ? 'The natives could not be deleted here: this side runs the browser\'s own fetch.'
      : 'window.fetch is retrofetch, over XMLHttpRequest.')
    : (isNative ? 'window.fetch is this browser\'s own.' : 'This browser has no fetch of its own: nothing to compare here.');
  $('cors-origin').textContent = crossOrigin;
  $('stream-how').textContent = retro ? 'Progress from init.retrofetch.onDownloadProgress.'
    : 'Progress by counting the bytes read against Content-Length.';
  $('upload-how').textContent = retro ? 'Progress from init.retrofetch.onUploadProgress.' : '';
  if (!retro) {
    // Native fetch has no upload progress: the bar could only jump from 0 to done, so there is none.
    $('upload-bar').style.display = 'none';
    $('upload-pct').textContent = 'fetch() has no upload progress: nothing to show until the server answers.';
  }
  if (typeof window.fetch !== 'function') {
    var buttons = document.getElementsByTagName('button');
    for (var b = 0; b < buttons.length; b++) buttons[b].disabled = true;
    return;
  }

  $('stream').onclick = function () {
    var started = now();
    var decode = utf8Decoder();
    var parts = 0;
    var received = 0;
    var init = {};
    $('stream-text').textContent = '';
    setBar('stream', 0);
    report('stream-out', 'running', 'waiting for the response');
    if (retro) {
      init.retrofetch = { onDownloadProgress: function (p) { if (p.lengthComputable) setBar('stream', p.loaded / p.total); } };
    }
    fetch('/api/paced-text?lines=12&interval=150', init).then(function (response) {
      var total = Number(response.headers.get('content-length'));
      return readBody(response, function (bytes) {
        parts++;
        received += bytes.length;
        if (!retro && total) setBar('stream', received / total);
        $('stream-text').textContent += decode(bytes);
        report('stream-out', 'running', received + ' of ' + total + ' bytes in ' + parts + ' parts' + since(started));
      });
    }).then(function () {
      $('stream-out').setAttribute('data-parts', String(parts));
      report('stream-out', 'done', 'done: ' + received + ' bytes in ' + parts + ' parts' + since(started));
    }, rejected('stream-out', started));
  };

  $('upload').onclick = function () {
    var started = now();
    var size = 8 * 1024 * 1024;
    var events = 0;
    var init = { method: 'POST', body: new Uint8Array(size) };
    if (retro) {
      setBar('upload', 0);
      init.retrofetch = { onUploadProgress: function (p) {
        events++;
        if (p.lengthComputable) setBar('upload', p.loaded / p.total);
      } };
    }
    report('upload-out', 'running', 'sending ' + size + ' bytes');
    fetch('/api/upload', init).then(function (response) { return response.json(); }).then(function (result) {
      report('upload-out', result.length === size ? 'done' : 'error', 'the server got ' + result.length + ' bytes; ' +
        (retro ? events + ' upload progress event' + (events === 1 ? '' : 's') : 'no upload progress events (native fetch has none)') + since(started));
    }, rejected('upload-out', started));
  };

  $('abort-start').onclick = function () {
    var started = now();
    var id = 'demo-' + (retro ? 'retrofetch-' : 'native-') + started + '-' + Math.floor(Math.random() * 1e9);
    var controller = new AbortController();
    pendingAbort = controller;
    report('abort-out', 'running', 'waiting for a response that never comes: press abort');
    fetch('/api/hang?id=' + id + '&limit=60000', { signal: controller.signal }).then(function () {
      report('abort-out', 'error', 'resolved, though the server never answers');
    }, function (e) {
      var line = 'rejected with ' + describe(e) + since(started);
      report('abort-out', 'running', line + '; asking the server');
      return fetch('/api/closed?id=' + id + '&wait=3000').then(function (r) { return r.json(); }).then(function (seen) {
        report('abort-out', e && e.name === 'AbortError' && seen.closed ? 'done' : 'error', line + '; ' +
          (!seen.known ? 'the request never reached the server'
            : seen.closed ? 'the server saw the connection close' : 'the server still has the connection open'));
      });
    }).then(null, rejected('abort-out', started));
  };
  $('abort').onclick = function () {
    if (pendingAbort) pendingAbort.abort();
    pendingAbort = null;
  };

  $('timeout').onclick = function () {
    var started = now();
    if (typeof window.AbortSignal !== 'function' || typeof window.AbortSignal.timeout !== 'function') {
      report('timeout-out', 'error', 'AbortSignal.timeout() is missing here');
      return;
    }
    report('timeout-out', 'running', 'waiting (the server answers after 5 s)');
    fetch('/api/slow-headers?ms=5000', { signal: window.AbortSignal.timeout(500) }).then(function () {
      report('timeout-out', 'error', 'resolved before the timeout' + since(started));
    }, function (e) {
      report('timeout-out', e && e.name === 'TimeoutError' ? 'done' : 'error', 'rejected with ' + describe(e) + since(started));
    });
  };

  $('cors').onclick = function () {
    var started = now();
    report('cors-out', 'running', 'waiting for ' + crossOrigin);
    fetch(crossOrigin + '/api/echo?from=demo&allow-headers=x-demo', { headers: { 'X-Demo': retro ? 'retrofetch' : 'native' } })
      .then(function (response) {
        return response.json().then(function (seen) {
          report('cors-out', response.status === 200 && response.type === 'cors' ? 'done' : 'error', response.status +
            ' from ' + crossOrigin + ', response.type "' + response.type + '"; the server saw Origin ' +
            seen.headers.origin + ' and X-Demo: ' + seen.headers['x-demo'] + since(started));
        });
      }).then(null, rejected('cors-out', started));
  };

  // Shows each message of an EventSource on `url` as it arrives in the list `id`-list; closes it after `count`. A
  // failed connection is an error, or the outcome the page expects (`failure`, said after it).
  function listen(id, url, init, count, failure) {
    var started = now();
    var received = 0;
    var list = $(id + '-list');
    while (list.firstChild) list.removeChild(list.firstChild);
    if (typeof window.EventSource !== 'function') return report(id + '-out', 'error', 'no EventSource here');
    report(id + '-out', 'running', 'listening');
    var source = new window.EventSource(url, init);
    source.onmessage = function (e) {
      var item = document.createElement('li');
      item.setAttribute('data-ms', String(now() - started));
      item.textContent = '+' + (now() - started) + ' ms: ' + e.data + ' (lastEventId ' + e.lastEventId + ')';
      list.appendChild(item);
      if (++received < count) return report(id + '-out', 'running', received + ' events so far' + since(started));
      source.close();
      report(id + '-out', 'done', received + ' events, then close()' + since(started));
    };
    source.onerror = function () {
      // CLOSED: the connection failed (a response that is not an event stream, a 401); else it reconnects.
      if (source.readyState !== 2) return;
      report(id + '-out', failure ? 'done' : 'error', 'error, readyState CLOSED: the connection failed' + since(started) + (failure ? ': ' + failure : ''));
    };
  }

  $('events-how').textContent = retro ? 'retrofetch\'s EventSource, over XMLHttpRequest.' : 'The browser\'s own EventSource.';
  $('events').onclick = function () {
    listen('events', '/api/events?count=5&interval=300', undefined, 5);
  };
  $('auth-events').onclick = function () {
    listen('auth-events', '/api/events?count=3&interval=300&auth=demo', { retrofetch: { headers: { Authorization: 'Bearer demo' } } }, 3,
      retro ? '' : 'the browser\'s EventSource sent no Authorization, and got a 401');
  };
})();
