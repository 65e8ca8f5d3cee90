// The examples (examples/, built by `npm run build:examples` into dist/examples/): each page is loaded in a frame of
// its own, runs its app, and posts its results here; the test checks them, and asks the test server what it saw (the
// requests, the order in which a stream's parts were sent and read, the closed connection, the script a page did or
// did not ask for). examples/test-hooks.js, which each page loads first, reads the query set here: `remove=` deletes
// globals first (an engine without them), `track=` sends the conditional-loading page's script through the server's
// tracked-script route. Gated by what a fresh page of this engine has, never by its name.
import { expect } from 'chai';
import { suite, profile, skipBecause } from '../support/harness';
import { rawJson, hangClosed, uid } from '../support/abort';
import { fromFrame } from '../support/frames';

var FETCH_FAMILY = ['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal'];
var STREAMS = ['ReadableStream', 'WritableStream', 'TransformStream', 'TextDecoderStream', 'TextEncoderStream'];

/** Whether a fresh page of this engine has these globals (a blank frame's; this page's were changed by the setup). */
function engineHas(names: string[]): boolean {
  var iframe = document.createElement('iframe');
  iframe.style.display = 'none';
  document.body.appendChild(iframe);
  var win: any = iframe.contentWindow;
  if (!win.document.body) win.document.write('<body></body>');
  var has = names.every(function (name) { return win[name] != null; });
  document.body.removeChild(iframe);
  return has;
}

function isNative(fn: unknown): boolean {
  return typeof fn === 'function' && /\[native code\]/.test(Function.prototype.toString.call(fn));
}

var frames: HTMLIFrameElement[] = [];

/** Loads dist/examples/<name>/index.html<query> in a frame; resolves with the results it posts and its window. */
function openExample(name: string, query: string): Promise<{ result: any; win: any }> {
  var iframe = document.createElement('iframe');
  iframe.style.display = 'none';
  frames.push(iframe);
  return new Promise(function (resolve, reject) {
    var timer = setTimeout(function () {
      window.removeEventListener('message', onMessage);
      var log = iframe.contentWindow && iframe.contentWindow.document.getElementById('log');
      reject(new Error(name + ' posted no result in 8 s; its log: ' + (log ? JSON.stringify(log.textContent) : 'none')));
    }, 8000);
    function onMessage(event: MessageEvent): void {
      if (!fromFrame(event, iframe)) return;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      try {
        resolve({ result: JSON.parse(event.data), win: iframe.contentWindow });
      } catch (e) {
        reject(e);
      }
    }
    window.addEventListener('message', onMessage);
    iframe.src = '/base/dist/examples/' + name + '/index.html' + query;
    document.body.appendChild(iframe);
  });
}

/** UTF-8 bytes of `text` in base64 (the server's view of a multipart part). */
function utf8Base64(text: string): string {
  return btoa(unescape(encodeURIComponent(text)));
}

suite('examples', function (impl) {
  // The pages are frames of their own: the pass's globals play no part, so they run once (in the polyfill pass).
  if (impl.name !== 'polyfill') return;
  if (profile === 'core') {
    it.skip('[skipped: the core profile loads the core build into this page; the example pages load their own scripts ' +
      'in frames, which the phantomjs entry runs in this engine]', function () { /* */ });
    return;
  }

  afterEach(function () {
    frames.splice(0).forEach(function (iframe) {
      if (iframe.parentNode) iframe.parentNode.removeChild(iframe);
    });
  });

  it('legacy-app: import "retrofetch/polyfill", then the plain globals: fetch, a feed read in parts through ' +
    'TextDecoderStream, AbortController, FormData (natives deleted first where the engine has them)', function () {
    this.timeout(20000);
    var query = engineHas(['fetch']) ? '?remove=' + FETCH_FAMILY.concat('FormData', STREAMS).join(',') : '';
    var page: any;
    return openExample('legacy-app', query).then(function (p) {
      page = p;
      var r = page.result;
      expect(r.error).to.equal(undefined);
      // The import installed what was missing.
      ['fetch', 'AbortController', 'TextDecoderStream'].forEach(function (name) {
        expect(typeof page.win[name], name).to.equal('function');
        expect(isNative(page.win[name]), name + ' is the native').to.equal(false);
      });
      expect(r.settings).to.deep.equal({ status: 200, method: 'POST', app: 'legacy-app', body: '{"theme":"dark","lang":"fr"}' });
      expect(r.feed.events).to.deep.equal([0, 1, 2].map(function (k) {
        return 'id: ' + k + '\ndata: event ' + k + ' of 3, h\u00e9llo \u2713';
      }));
      expect(r.feed.ended).to.equal(true);
      expect(r.cancel.error).to.equal('AbortError');
      expect(r.form).to.deep.equal([
        { name: 'name', filename: null, type: null, base64: utf8Base64('Ada') },
        { name: 'greeting', filename: null, type: null, base64: utf8Base64('h\u00e9llo \u2713') },
        { name: 'file', filename: 'notes.txt', type: 'text/plain', base64: utf8Base64('file contents\n') }
      ]);
      return rawJson('/api/lockstep-log?id=' + encodeURIComponent(r.feed.id));
    }).then(function (log) {
      // The stream arrived in parts: the page asked for event k (an ack) only after it had read event k-1, and the
      // server sent event k only then.
      var order = log.events.map(function (e: any) { return e.type + (e.k === undefined ? '' : ' ' + e.k); });
      expect(order).to.deep.equal(['ack 0', 'request', 'sent 0', 'ack 1', 'sent 1', 'ack 2', 'sent 2', 'end']);
      return hangClosed(page.result.cancel.id);
    }).then(function (hang) {
      // The abort closed the connection.
      expect(hang.closed, 'the server saw the connection close').to.equal(true);
      expect(hang.closedBy).to.equal('client');
    });
  });

  it('bundler-alias: the global fetch, whatwg-fetch, isomorphic-fetch, cross-fetch and the ponyfill\'s own import all get ' +
    'retrofetch\'s ponyfill; the server saw each request; no global is written', function () {
    this.timeout(20000);
    return openExample('bundler-alias', '').then(function (page) {
      var r = page.result;
      expect(r.error).to.equal(undefined);
      expect(r.sameFetch, "every module's fetch is `import { fetch } from 'retrofetch'`").to.equal(true);
      expect(r.globalFetch).to.equal(engineHas(['fetch']) ? 'function' : 'undefined');
      expect(r.seen).to.deep.equal(['global', 'whatwg-fetch', 'isomorphic-fetch', 'cross-fetch', 'ponyfill'].map(function (via) {
        return { via: via, method: 'POST', url: '/api/echo?from=bundler-alias&via=' + via, header: via, body: via };
      }));
      var before = page.win.__globalsBefore;
      var added = Object.getOwnPropertyNames(page.win).filter(function (name) {
        return before.names.indexOf(name) < 0 && name !== '__globalsBefore';
      });
      expect(added, 'globals added').to.deep.equal([]);
      var changed = before.watched.filter(function (name: string) { return page.win[name] !== before.values[name]; });
      expect(changed, 'globals changed').to.deep.equal([]);
    });
  });

  describe('conditional-loading (the snippet in README "A script tag")', function () {
    this.timeout(20000);
    var PAGE_USES = ['fetch', 'AbortController', 'TextDecoderStream'];
    var STREAMED = '0:aaaaaaaaa\n1:bbbbbbbbb\n2:ccccccccc\n';

    /**
     * Whether a script that an inline script after an external one writes with document.write() runs before the
     * page's next script, as the snippet needs. jsdom 26 runs it after them: there the example's test hook
     * (examples/test-hooks.js, an external script that a real page does not have) comes before the snippet and
     * breaks it. (Probed with after-polyfill.js, which does nothing in a blank page, and test-hooks.js, which sets
     * window.__globalsBefore.)
     */
    function writtenScriptRunsInOrder(): Promise<boolean> {
      var html = '<script src="/base/test/setup/after-polyfill.js"></script>' +
        '<script>document.write(\'<script src="/base/dist/examples/conditional-loading/test-hooks.js"><\\/script>\')</script>' +
        '<script>window.inOrder = !!window.__globalsBefore</script>';
      var iframe = document.createElement('iframe');
      iframe.style.display = 'none';
      return new Promise<boolean>(function (resolve) {
        iframe.onload = function () { resolve((iframe.contentWindow as any).inOrder === true); };
        iframe.src = '/api/status?code=200&type=text%2Fhtml&body=' + encodeURIComponent(html);
        document.body.appendChild(iframe);
      }).then(function (inOrder) {
        document.body.removeChild(iframe);
        return inOrder;
      });
    }

    /** Opens the page with the scripts tracked; resolves with its results and the scripts the server served it. */
    function load(remove: string[]): Promise<{ result: any; scripts: string[] }> {
      var id = uid('conditional-loading');
      var result: any;
      return openExample('conditional-loading', '?track=' + id + (remove.length ? '&remove=' + remove.join(',') : '')).then(function (page) {
        result = page.result;
        expect(result.error).to.equal(undefined);
        expect(result.text, 'the streamed body, decoded').to.equal(STREAMED);
        return rawJson('/api/tracked-script-log?id=' + id);
      }).then(function (log) {
        return { result: result, scripts: log.requests };
      });
    }

    it('where the engine has what the page uses, no script is requested (asked of the server) and the natives run', function () {
      if (!engineHas(PAGE_USES)) return skipBecause(this, 'this engine lacks ' + PAGE_USES.join(', ') + ' or part of it (the next test)');
      return load([]).then(function (page) {
        expect(page.scripts).to.deep.equal([]);
        expect(page.result.nativeFetch).to.equal(true);
      });
    });

    it('where the engine lacks it, the snippet requests a script and fetch works', function () {
      if (engineHas(PAGE_USES)) return skipBecause(this, 'this engine has ' + PAGE_USES.join(', ') + ' (the test above)');
      var file = engineHas(['Promise', 'ReadableStream', 'TextDecoderStream']) ? 'retrofetch.core.js' : 'retrofetch.polyfill.js';
      var context = this;
      return writtenScriptRunsInOrder().then(function (inOrder) {
        if (!inOrder) {
          skipBecause(context, 'in this engine a script that the snippet writes, when an external script (here the test ' +
            'hook, which a real page does not have) comes before it, runs after the page\'s next script (jsdom 26)');
        }
        return load([]);
      }).then(function (page) {
        expect(page.scripts).to.deep.equal([file]);
        expect(page.result.nativeFetch).to.equal(engineHas(['fetch']));
      });
    });

    it('the fetch family deleted, the streams and Promise kept: the core script', function () {
      if (!engineHas(FETCH_FAMILY.concat('Promise', 'ReadableStream', 'TextDecoderStream'))) {
        return skipBecause(this, 'this engine lacks some of fetch, Promise, ReadableStream and TextDecoderStream (the snippet cannot choose the core script here)');
      }
      return load(FETCH_FAMILY).then(function (page) {
        expect(page.scripts).to.deep.equal(['retrofetch.core.js']);
        expect(page.result.nativeFetch).to.equal(false);
      });
    });

    it('the fetch family and the streams deleted: the full script', function () {
      if (!engineHas(['fetch'])) return skipBecause(this, 'this engine has no fetch to delete (the full script ran in the test above)');
      return load(FETCH_FAMILY.concat(STREAMS)).then(function (page) {
        expect(page.scripts).to.deep.equal(['retrofetch.polyfill.js']);
        expect(page.result.nativeFetch).to.equal(false);
      });
    });
  });
});
