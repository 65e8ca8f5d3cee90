// The benchmark page's script (ES5: it runs in PhantomJS too). Loaded after the implementation under test; runs
// each case, then POSTs the timings to /bench-result. Timings are medians of several rounds, in milliseconds.
(function () {
  var impl = /[?&]impl=([a-z-]+)/.exec(location.search)[1];
  // ?only=text: only the cases whose names contain it (RETROFETCH_BENCH_ONLY in bench/run.js). ?stream=name: that
  // EventSource case alone (bench/run.js runs each in a fresh browser: what is kept is then that case's).
  var only = decodeURIComponent((/[?&]only=([^&]*)/.exec(location.search) || ['', ''])[1]);
  var stream = decodeURIComponent((/[?&]stream=([^&]*)/.exec(location.search) || ['', ''])[1]);
  var now = typeof performance !== 'undefined' && performance.now ? function () { return performance.now(); } : function () { return new Date().getTime(); };

  function median(xs) {
    xs = xs.slice().sort(function (a, b) { return a - b; });
    return xs[Math.floor(xs.length / 2)];
  }

  // `times` timed runs of fn after one that is not timed: the first run of a case pays for what the engine does once
  // (compiling the code it runs, opening a connection), which is not what a case measures, and which a script pays
  // more of than the engine's own fetch.
  function repeat(times, fn) {
    var results = [];
    function next() {
      if (results.length >= times) return Promise.resolve(median(results));
      var start = now();
      return fn().then(function () { results.push(now() - start); return next(); });
    }
    return fn().then(next);
  }

  var cases = [
    ['50 small JSON GETs, sequential', 5, function () {
      var n = 0;
      function one() {
        return fetch('/api/echo?i=' + n).then(function (r) { return r.json(); }).then(function () { return ++n < 50 ? one() : null; });
      }
      return one();
    }],
    ['first chunk of a stream read, from fetch()', 7, function () {
      // The server sends chunk 0 at once and chunk 1 500 ms later: this is the time to the first read().
      return fetch('/api/stream?chunks=2&interval=500&size=64').then(function (r) {
        var reader = r.body.getReader();
        return reader.read().then(function () { return reader.cancel(); });
      });
    }],
    ['1 MB binary body, arrayBuffer()', 7, function () {
      return fetch('/api/bytes?repeat=4096').then(function (r) { return r.arrayBuffer(); }).then(function (b) {
        if (b.byteLength !== 1048576) throw new Error('short body');
      });
    }],
    ['4 MB text body (64 chunks), text()', 5, function () {
      return fetch('/api/stream?chunks=64&interval=0&size=65536').then(function (r) { return r.text(); }).then(function (t) {
        if (t.length !== 4194304) throw new Error('short body');
      });
    }],
    // The same bytes through a stream reader, 1 MB and 64 MB: the second should take 64 times the first (linear).
    ['1 MB body through getReader()', 7, function () {
      return readAll('/api/bytes?repeat=4096', 1048576);
    }],
    ['64 MB body through getReader()', 3, function () {
      return readAll('/api/bytes?repeat=262144', 67108864);
    }],
    ['1 MB POST body', 7, function () {
      return fetch('/api/upload', { method: 'POST', body: new Uint8Array(1048576) }).then(function (r) { return r.json(); });
    }],
    ['10,000 × new Headers(record) + get()', 5, function () {
      for (var i = 0; i < 10000; i++) new Headers({ 'Content-Type': 'text/plain', 'X-A': String(i) }).get('x-a');
      return Promise.resolve();
    }],
    ['1,000 × new Response(string).text()', 5, function () {
      var all = [];
      for (var i = 0; i < 1000; i++) all.push(new Response('hello ' + i).text());
      return Promise.all(all);
    }],
    // A response header of 'a', then spaces and tabs, then 'b': the worst case for a regex trim. Chromium and Firefox
    // refuse a response head over 256 KB (the 1 MB row shows their error); PhantomJS takes it.
    ['1 MB response header (inner whitespace), fetch + headers.get', 5, function () {
      return longHeader(1048576);
    }],
    ['200 KB response header (inner whitespace), fetch + headers.get', 5, function () {
      return longHeader(204800);
    }]
  ];

  function readAll(url, length) {
    return fetch(url).then(function (r) {
      var reader = r.body.getReader();
      var got = 0;
      function next() {
        return reader.read().then(function (step) {
          if (step.done) {
            if (got !== length) throw new Error('read ' + got + ' bytes');
            return;
          }
          got += step.value.length;
          return next();
        });
      }
      return next();
    });
  }

  function longHeader(length) {
    return fetch('/api/long-header?length=' + length).then(function (r) {
      var value = r.headers.get('X-Long');
      if (value === null || value.length !== length) throw new Error('header of ' + (value && value.length) + ' chars');
      return r.text();
    });
  }

  // The floor under every XHR-based body (retrofetch's column only): a bare XMLHttpRequest that takes the body as
  // x-user-defined text and turns it into bytes once, at the end. What retrofetch spends above it is its own.
  function bareXHR(url, length) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.overrideMimeType('text/plain; charset=x-user-defined');
      xhr.onload = function () {
        var text = xhr.responseText;
        var bytes = new Uint8Array(text.length);
        for (var j = 0; j < text.length; j++) bytes[j] = text.charCodeAt(j);
        if (bytes.length !== length) reject(new Error('read ' + bytes.length + ' bytes'));
        resolve();
      };
      xhr.onerror = function () { reject(new Error('network error')); };
      xhr.send();
    });
  }
  // The floor under the per-request cost: the same 50 small JSON GETs over a bare XMLHttpRequest (responseText,
  // JSON.parse). What retrofetch spends above it is its own (Request, headers, the body, the promise chain).
  function bareJSON(url) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.onload = function () { resolve(JSON.parse(xhr.responseText)); };
      xhr.onerror = function () { reject(new Error('network error')); };
      xhr.send();
    });
  }
  function fiftyGETs(get) {
    var n = 0;
    function one() {
      return get('/api/echo?i=' + n).then(function () { return ++n < 50 ? one() : null; });
    }
    return one();
  }
  // Retrofetch's rounds and the bare XHR's alternate, seven of each, and each gets its own median: both are then
  // measured under the same conditions (the page's warm-up, the machine's load), which two cases run one after the
  // other are not.
  var interleaved = impl === 'retrofetch' ? [['50 small JSON GETs, interleaved with the floor', function (url) {
    return fetch(url).then(function (r) { return r.json(); });
  }], ['floor: bare XHR, 50 small JSON GETs, sequential', bareJSON]] : [];
  if (impl === 'retrofetch') {
    cases.push(['floor: bare XHR, 1 MB as x-user-defined, bytes at the end', 7, function () {
      return bareXHR('/api/bytes?repeat=4096', 1048576);
    }], ['floor: bare XHR, 64 MB as x-user-defined, bytes at the end', 3, function () {
      return bareXHR('/api/bytes?repeat=262144', 67108864);
    }]);
  }

  // A 64 MB stream of 100-byte events at 4 MB/s (/api/sse-flood: it resumes after a Last-Event-ID, so a reconnection
  // loses and repeats nothing; the rate is one every engine here keeps up with, so that what is held is what was kept,
  // not what waits to be read) through an EventSource, one setting per fresh browser (bench/run.js): the time (the
  // stream's 16 s at least), whether every event came once and in order, and what is kept, every 8 MB of events: the
  // text the XHR under retrofetch's
  // EventSource holds (an XHR keeps its whole response, so retrofetch's reconnects after `maxBytes`, default 4 MiB;
  // `maxBytes: 0` keeps one connection for the whole stream), and the JS heap after a garbage collection where the
  // engine lets the page ask for one and tells its size (Chromium, with --js-flags=--expose-gc).
  var FLOOD = 67108864;
  var EVENTS = Math.floor(FLOOD / 100);
  var EVERY = Math.floor(8388608 / 100);
  var xhrs = [];
  if (impl === 'retrofetch' && window.XMLHttpRequest) {
    // Every XHR retrofetch makes (it reads the global when it makes one), to read what the open one holds.
    var RealXHR = window.XMLHttpRequest;
    window.XMLHttpRequest = function () {
      var xhr = new RealXHR();
      xhrs.push(xhr);
      return xhr;
    };
  }
  function heldText() {
    var chars = 0;
    xhrs = xhrs.filter(function (xhr) { return xhr.readyState > 0 && xhr.readyState < 4; });
    xhrs.forEach(function (xhr) { chars += xhr.responseText.length; });
    return chars;
  }
  function collectedHeap() {
    if (typeof window.gc !== 'function' || typeof performance === 'undefined' || !performance.memory) return null;
    window.gc();
    return performance.memory.usedJSHeapSize;
  }
  function eventStream(init) {
    return new Promise(function (resolve, reject) {
      var heapStart = collectedHeap();
      var heapPeak = 0;
      var textPeak = 0;
      var started = now();
      var events = 0;
      var wrong = 0;
      var es = new window.EventSource('/api/sse-flood?bytes=' + FLOOD + '&size=100&rate=4194304', init);
      es.onmessage = function (e) {
        if (e.lastEventId !== String(events)) wrong++;
        events++;
        if (events % EVERY !== 0) return;
        textPeak = Math.max(textPeak, heldText());
        // (In a task of its own: not while the chunk being dispatched is still in use.)
        setTimeout(function () {
          if (heapStart !== null) heapPeak = Math.max(heapPeak, collectedHeap() - heapStart);
        }, 0);
      };
      es.addEventListener('done', function () {
        var ms = now() - started;
        es.close();
        if (events !== EVENTS || wrong) return reject(new Error(events + ' events, ' + wrong + ' out of order'));
        resolve({ ms: ms, text: impl === 'retrofetch' ? textPeak / 1048576 : null, heap: heapStart === null ? null : heapPeak / 1048576 });
      });
      es.onerror = function () {
        if (es.readyState === 2) reject(new Error('the connection failed'));
      };
    });
  }
  var streams = [['EventSource 64 MB of 100 B events', undefined], ['EventSource 64 MB, no cap (maxBytes: 0)', { retrofetch: { maxBytes: 0 } }]];

  cases = stream ? [] : cases.filter(function (c) { return c[0].indexOf(only) >= 0; });
  streams = streams.filter(function (c) { return c[0] === stream; });

  var results = {};
  var i = 0;
  function next() {
    if (i >= cases.length) return Promise.resolve();
    var c = cases[i++];
    return repeat(c[1], c[2]).then(function (ms) { results[c[0]] = ms; }, function (e) { results[c[0]] = 'error: ' + e; }).then(next);
  }
  function nextStream() {
    var c = streams.shift();
    if (!c) return Promise.resolve();
    return eventStream(c[1]).then(function (r) {
      results[c[0] + ': ms'] = r.ms;
      if (r.text !== null) results[c[0] + ': XHR text held (largest), MB'] = Number(r.text.toFixed(1));
      if (r.heap !== null) results[c[0] + ': JS heap kept (largest growth), MB'] = Number(r.heap.toFixed(1));
    }, function (e) { results[c[0] + ': ms'] = 'error: ' + e; }).then(nextStream);
  }
  function nextInterleaved() {
    var times = interleaved.map(function () { return []; });
    var round = 0;
    function step() {
      if (round++ >= 7 || !interleaved.length) {
        interleaved.forEach(function (c, k) { results[c[0]] = median(times[k]); });
        return Promise.resolve();
      }
      return interleaved.reduce(function (chain, c, k) {
        return chain.then(function () {
          var start = now();
          return fiftyGETs(c[1]).then(function () { times[k].push(now() - start); });
        });
      }, Promise.resolve()).then(step);
    }
    return step().then(null, function (e) { results[interleaved[0][0]] = 'error: ' + e; });
  }
  if (stream || ('50 small JSON GETs, interleaved with the floor'.indexOf(only) < 0 && 'floor: bare XHR, 50 small JSON GETs, sequential'.indexOf(only) < 0)) interleaved = [];
  next().then(nextInterleaved).then(nextStream).then(function () {
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/bench-result?impl=' + impl);
    xhr.send(JSON.stringify(results));
  });
})();
