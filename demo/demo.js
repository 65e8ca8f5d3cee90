// The panels of the demo (demo/index.html), each run in a frame of demo/side.html: ?impl=native (the browser's own
// fetch) or ?impl=retrofetch (natives deleted, then the standalone script), and &panel=NAME for one panel (the page
// has one frame per panel and side, so the two sides of a panel sit on one row). Without &panel the frame shows every
// panel, e.g. to open side.html?impl=retrofetch alone in a legacy browser. ES5, so it runs in the legacy browsers
// retrofetch is for.
//
// Each panel is a function of `ui`, the plumbing below the panels (progress bar, output, result line). The lines
// between a panel's `// #region NAME` and `// #endregion` are the code the page shows beside it: demo/page.js reads
// this file and cuts them out at run time, so the code shown is the code that runs (test/smoke/demo.js checks that
// the page shows exactly these lines). Keep their lines within 66 characters (after the indent), the width of the code column.
(function () {
  var panels = {};

  // What each panel needs from the page: where it is missing (a native side in an older browser) the panel says so
  // instead of failing.
  var needs = {
    stream: ['fetch', 'response.body', 'TextDecoder'],
    upload: ['fetch', 'Uint8Array'],
    abort: ['fetch', 'AbortController'],
    timeout: ['fetch', 'AbortSignal.timeout()'],
    cors: ['fetch'],
    events: ['EventSource'],
    'auth-events': ['EventSource']
  };

  panels.stream = function (ui) {
    // #region stream
    fetch('/api/paced-text?lines=12&interval=150', {
      // retrofetch's extension (the browser's own fetch ignores it)
      retrofetch: {
        onDownloadProgress: function (p) {
          ui.progress(p.loaded, p.total);
        }
      }
    }).then(function (response) {
      var total = Number(response.headers.get('Content-Length'));
      var received = 0;
      var parts = 0;
      var decoder = new TextDecoder();
      var reader = response.body.getReader();
      function read() {
        return reader.read().then(function (chunk) {
          if (chunk.done) {
            var text = received + ' bytes in ' + parts + ' parts';
            return ui.done(text);
          }
          received += chunk.value.length;
          parts++;
          // the browser's own fetch has no progress events: count
          if (ui.side === 'native') ui.progress(received, total);
          ui.append(decoder.decode(chunk.value, { stream: true }));
          return read();
        });
      }
      return read();
    }).then(null, ui.fail);
    // #endregion
  };

  panels.upload = function (ui) {
    // #region upload
    var body = new Uint8Array(24 * 1024 * 1024);
    // a demo route that reads 5 MB a second: on localhost the server
    // would take the whole body at once, leaving no progress to show
    fetch('/api/paced-upload?rate=' + 5 * 1024 * 1024, {
      method: 'POST',
      body: body,
      // retrofetch's extension (the browser's own fetch has none)
      retrofetch: {
        onUploadProgress: function (p) {
          ui.progress(p.loaded, p.total);
        }
      }
    }).then(function (response) {
      return response.json();
    }).then(function (result) {
      ui.check(result.length === body.length,
        'the server got ' + result.length + ' bytes');
    }).then(null, ui.fail);
    // #endregion
  };

  panels.abort = function (ui) {
    // #region abort
    var id = 'demo-' + ui.side + '-' + new Date().getTime();
    var controller = new AbortController();
    ui.abortButton.onclick = function () { controller.abort(); };
    ui.status('waiting for an answer that never comes: press abort');
    fetch('/api/hang?id=' + id, { signal: controller.signal })
      .then(function () {
        ui.fail('resolved, though the server never answers');
      }, function (error) {
        // ask the server whether it saw the connection close
        return fetch('/api/closed?id=' + id + '&wait=3000')
          .then(function (r) { return r.json(); })
          .then(function (seen) {
            ui.check(error.name === 'AbortError' && seen.closed,
              'rejected with ' + error.name + ': ' + error.message +
              '; the server ' + (seen.closed ?
                'saw the connection close' : 'still has it open'));
          });
      })
      .then(null, ui.fail);
    // #endregion
  };

  panels.timeout = function (ui) {
    // #region timeout
    ui.status('waiting: the server sends its headers after 5 s');
    fetch('/api/slow-headers?ms=5000', {
      signal: AbortSignal.timeout(500)
    }).then(function () {
      ui.fail('resolved before the timeout');
    }, function (error) {
      ui.check(error.name === 'TimeoutError',
        'rejected with ' + error.name + ': ' + error.message);
    });
    // #endregion
  };

  panels.cors = function (ui) {
    // #region cors
    var other = ui.crossOrigin; // the test server's second origin
    // a custom header: the browser asks the server first (preflight)
    fetch(other + '/api/echo?allow-headers=x-demo', {
      headers: { 'X-Demo': ui.side }
    }).then(function (response) {
      return response.json().then(function (seen) {
        ui.check(response.status === 200 && response.type === 'cors',
          response.status + ' from ' + other + ', type "' +
          response.type + '"; the server saw X-Demo: ' +
          seen.headers['x-demo'] + ' from Origin ' +
          seen.headers.origin);
      });
    }).then(null, ui.fail);
    // #endregion
  };

  panels.events = function (ui) {
    // #region events
    var source = new EventSource('/api/events?count=5&interval=300');
    var received = 0;
    source.onmessage = function (event) {
      ui.item(event.data + ' (lastEventId ' + event.lastEventId + ')');
      if (++received < 5) return;
      source.close();
      ui.done(received + ' events, then close()');
    };
    source.onerror = function () {
      // CLOSED: the connection failed (else it reconnects by itself)
      if (source.readyState === EventSource.CLOSED) {
        ui.fail('the connection failed');
      }
    };
    // #endregion
  };

  panels['auth-events'] = function (ui) {
    // #region auth-events
    var url = '/api/events?count=3&interval=300&auth=demo';
    var source = new EventSource(url, {
      // retrofetch's extension (the browser's own EventSource
      // ignores it: it cannot send a header)
      retrofetch: { headers: { Authorization: 'Bearer demo' } }
    });
    var received = 0;
    source.onmessage = function (event) {
      ui.item(event.data);
      if (++received < 3) return;
      source.close();
      ui.done(received + ' events, then close()');
    };
    source.onerror = function () {
      if (source.readyState !== EventSource.CLOSED) return;
      // the browser's own EventSource sent no Authorization: a 401
      ui.check(ui.side === 'native',
        'the connection failed: readyState CLOSED');
    };
    // #endregion
  };

  // ---------------------------------------------------------------------------------------------------------------
  // The plumbing: what `ui` does, which side this is, and the buttons.

  var side = /[?&]impl=retrofetch/.test(location.search) ? 'retrofetch' : 'native';
  var only = /[?&]panel=([\w-]+)/.exec(location.search);
  var crossOrigin = (window.RETROFETCH_DEMO || {}).crossOrigin;

  function $(id) { return document.getElementById(id); }
  function now() { return new Date().getTime(); }
  function isNative(f) { return typeof f === 'function' && /\[native code\]/.test(Function.prototype.toString.call(f)); }

  var present = {
    fetch: function () { return typeof window.fetch === 'function'; },
    'response.body': function () { return typeof window.Response === 'function' && 'body' in window.Response.prototype; },
    TextDecoder: function () { return typeof window.TextDecoder === 'function'; },
    // (typeof is 'object' for the typed array constructors of old WebKit, PhantomJS among them)
    Uint8Array: function () { return typeof window.Uint8Array !== 'undefined'; },
    AbortController: function () { return typeof window.AbortController === 'function'; },
    'AbortSignal.timeout()': function () { return typeof window.AbortSignal === 'function' && typeof window.AbortSignal.timeout === 'function'; },
    EventSource: function () { return typeof window.EventSource === 'function'; }
  };

  // Tells the page (the parent frame) that this frame's height may have changed, so it sizes the row to fit.
  function changed() {
    try {
      if (window.parent !== window && window.parent.retrofetchDemo) window.parent.retrofetchDemo.fit();
    } catch (e) { /* another origin's page: nothing to tell */ }
  }

  // The `ui` of one run of panel `name`. Result line states (data-state, read by test/smoke/demo.js): running, done,
  // error, missing (the page lacks what the panel needs).
  function Ui(name) {
    var started = now();
    var ui = this;
    var finished = false;
    var events = 0;
    var out = $(name + '-out');
    var bar = $(name + '-bar');
    function say(state, text) {
      out.setAttribute('data-state', state);
      out.textContent = text + (state === 'missing' ? '' : ' (' + (now() - started) + ' ms)');
      if (state === 'done' || state === 'error') {
        finished = true;
        $(name + '-run').disabled = false;
        if (ui.abortButton) ui.abortButton.disabled = true;
      }
      changed();
    }
    this.side = side;
    this.crossOrigin = crossOrigin;
    this.abortButton = $(name + '-stop');
    /** Moves the progress bar to loaded / total (the bar's data-events counts the calls). */
    this.progress = function (loaded, total) {
      events++;
      bar.setAttribute('data-events', String(events));
      if (!total) return;
      bar.value = loaded / total;
      $(name + '-pct').textContent = Math.floor(loaded / total * 100) + '%';
      // (retrofetch calls back on each progress event; the native side's stream panel on each chunk it reads)
      $(name + '-events').textContent = events + (side === 'retrofetch' ? ' progress event' : ' chunk') + (events === 1 ? '' : 's');
    };
    /** Adds text to the panel's text box. */
    this.append = function (text) { $(name + '-text').appendChild(document.createTextNode(text)); };
    /** Adds a line to the panel's list, with the time since the click. */
    this.item = function (text) {
      var li = document.createElement('li');
      li.setAttribute('data-ms', String(now() - started));
      li.textContent = '+' + (now() - started) + ' ms: ' + text;
      $(name + '-list').appendChild(li);
      changed();
    };
    this.status = function (text) { if (!finished) say('running', text); };
    this.done = function (text) { say('done', text); };
    /** A failure: a message, or an error (what a rejected promise gives). */
    this.fail = function (error) {
      say('error', typeof error === 'string' ? error : 'rejected with ' + (error && error.name) + ': ' + (error && error.message));
    };
    /** The outcome the panel expects (ok) or not. */
    this.check = function (ok, text) { say(ok ? 'done' : 'error', text); };
    this.missing = function (text) { say('missing', text); };
  }

  function reset(name) {
    var list = $(name + '-list');
    var text = $(name + '-text');
    var bar = $(name + '-bar');
    if (list) while (list.firstChild) list.removeChild(list.firstChild);
    if (text) text.textContent = '';
    if (bar) {
      bar.value = 0;
      bar.removeAttribute('data-events');
      $(name + '-pct').textContent = '0%';
      $(name + '-events').textContent = '';
    }
  }

  function lacking(name) {
    var missing = [];
    for (var i = 0; i < needs[name].length; i++) if (!present[needs[name][i]]()) missing.push(needs[name][i]);
    return missing;
  }

  function setUp(name) {
    var button = $(name + '-run');
    var missing = lacking(name);
    if (missing.length) {
      button.disabled = true;
      $(name).className += ' missing';
      new Ui(name).missing('not in this browser: ' + missing.join(', '));
      return;
    }
    $(name + '-out').textContent = 'not run yet';
    button.onclick = function () {
      button.disabled = true;
      reset(name);
      var ui = new Ui(name);
      if (ui.abortButton) ui.abortButton.disabled = false;
      ui.status('waiting for the response');
      try {
        panels[name](ui);
      } catch (e) {
        ui.fail(e);
      }
    };
  }

  var fetchIsNative = isNative(window.fetch);
  var who = side === 'retrofetch'
    ? (typeof window.fetch !== 'function' ? 'retrofetch did not install here: no fetch at all.'
      : fetchIsNative ? 'The natives could not be deleted here: this side runs the browser\'s own fetch.'
        : 'window.fetch is retrofetch, over XMLHttpRequest (the natives were deleted first).')
    : (fetchIsNative ? 'window.fetch is this browser\'s own.'
      : 'This browser has no fetch of its own: nothing to compare here.');
  // What the frame is, for the page's column headings and for test/smoke/demo.js.
  window.retrofetchDemoSide = { side: side, who: who, fetchIsNative: fetchIsNative,
    eventSourceIsNative: isNative(window.EventSource) };

  document.documentElement.className += ' impl-' + side + (only ? ' one-panel' : '');
  $('title').textContent = side === 'retrofetch' ? 'retrofetch' : 'native fetch';
  $('who').textContent = who;
  if (!only) document.title = $('title').textContent + ': retrofetch demo';
  for (var name in panels) {
    if (!Object.prototype.hasOwnProperty.call(panels, name)) continue;
    if (only && only[1] !== name) $(name).style.display = 'none';
    setUp(name);
  }
  changed();
})();
