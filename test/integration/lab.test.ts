// Proves the lab itself (test/server over both origins), with raw XMLHttpRequest only: no fetch, no Promise, so
// these pass or fail on the lab alone, whatever state the polyfill is in. They run in both passes like every suite.
import { expect } from 'chai';
import { suite, servers } from '../support/harness';
import { CLOSE_WAIT_MS } from '../support/abort';

interface Reply {
  status: number;
  statusText: string;
  text: string;
  xhr: XMLHttpRequest;
}

type Callback = (err: Error | null, reply?: Reply) => void;

interface Options {
  body?: string;
  headers?: { [name: string]: string };
  responseType?: XMLHttpRequestResponseType;
  withCredentials?: boolean;
}

/** One XHR; `err` only for a network error (status 0), any HTTP status is a reply. */
function request(method: string, url: string, options: Options, cb: Callback): XMLHttpRequest {
  const x = new XMLHttpRequest();
  let finished = false;
  function finish(err: Error | null) {
    if (finished) return;
    finished = true;
    if (err) { cb(err); return; }
    const text = x.responseType === '' || x.responseType === 'text' ? x.responseText : '';
    cb(null, { status: x.status, statusText: x.statusText, text: text, xhr: x });
  }
  x.open(method, url, true);
  if (options.responseType) x.responseType = options.responseType;
  if (options.withCredentials) x.withCredentials = true;
  const headers = options.headers || {};
  for (const name in headers) {
    if (Object.prototype.hasOwnProperty.call(headers, name)) x.setRequestHeader(name, headers[name]);
  }
  x.onreadystatechange = function () {
    if (x.readyState !== 4) return;
    // A network error also ends in readyState 4, with status 0; wait a tick for onerror in engines that fire both.
    if (x.status === 0) setTimeout(function () { finish(new Error('network error: ' + method + ' ' + url)); }, 0);
    else finish(null);
  };
  x.onerror = function () { finish(new Error('network error: ' + method + ' ' + url)); };
  x.send(options.body === undefined ? null : options.body);
  return x;
}

function getJson(url: string, cb: (err: Error | null, value?: any) => void): void {
  request('GET', url, {}, function (err, reply) {
    if (err) { cb(err); return; }
    try {
      cb(null, JSON.parse(reply!.text));
    } catch (e) {
      cb(new Error('not JSON from ' + url + ': ' + reply!.status + ' ' + reply!.text.slice(0, 200)));
    }
  });
}

/**
 * Runs `check` and routes a thrown assertion to `done` (XHR callbacks are outside Mocha's try/catch).
 * Returns false when it failed, so the caller stops there.
 */
function guard(done: Mocha.Done, check: () => void): boolean {
  try {
    check();
    return true;
  } catch (e) {
    done(e);
    return false;
  }
}

let counter = 0;
function uid(prefix: string): string {
  counter++;
  return prefix + '-' + counter + '-' + Math.random().toString(36).slice(2, 10);
}

suite('lab: test server', function (impl) {
  it('echo answers method, lowercased headers, the raw body as base64, and its length', function (done) {
    // "h\u00e9llo" is 6 bytes in UTF-8, which XHR sends for a string body.
    request('POST', '/api/echo?q=1', { body: 'h\u00e9llo', headers: { 'X-Lab': 'yes', 'Content-Type': 'text/plain' } },
      function (err, reply) {
        guard(done, function () {
          expect(err).to.equal(null);
          expect(reply!.status).to.equal(200);
          const echo = JSON.parse(reply!.text);
          expect(echo.method).to.equal('POST');
          expect(echo.url).to.equal('/api/echo?q=1');
          expect(echo.headers['x-lab']).to.equal('yes');
          expect(echo.bodyLength).to.equal(6);
          expect(echo.body).to.equal('aMOpbGxv');
          done();
        });
      });
  });

  it('status answers any code with a custom status text', function (done) {
    request('GET', '/api/status?code=599&text=Lab%20Text&body=x', {}, function (err, reply) {
      guard(done, function () {
        expect(err).to.equal(null);
        expect(reply!.status).to.equal(599);
        expect(reply!.statusText).to.equal('Lab Text');
        expect(reply!.text).to.equal('x');
        done();
      });
    });
  });

  it('bytes serves 0..255 as application/octet-stream', function (done) {
    request('GET', '/api/bytes', { responseType: 'arraybuffer' }, function (err, reply) {
      guard(done, function () {
        expect(err).to.equal(null);
        expect(reply!.xhr.getResponseHeader('Content-Type')).to.equal('application/octet-stream');
        const bytes = new Uint8Array(reply!.xhr.response as ArrayBuffer);
        expect(bytes.length).to.equal(256);
        for (let i = 0; i < 256; i++) {
          if (bytes[i] !== i) throw new Error('byte ' + i + ' is ' + bytes[i]);
        }
        done();
      });
    });
  });

  it('lockstep sends chunk k only after the page acknowledged it, so chunk 0 is seen before chunk 2 is sent',
    function (done) {
      this.timeout(20000);
      const id = uid('lockstep-' + impl.name);
      const chunks = 3;
      const linesWhenAcked: number[] = [];
      let acked = -1;
      let ended = false;
      const x = new XMLHttpRequest();
      function lines(): number {
        const m = (x.responseText || '').match(/\n/g);
        return m ? m.length : 0;
      }
      function ack(k: number) {
        acked = k;
        linesWhenAcked[k] = lines();
        request('GET', '/api/lockstep-ack?id=' + id + '&k=' + k, {}, function (err) {
          if (err) done(err);
        });
      }
      function check() {
        if (ended) return;
        // Chunk k is asked for once chunks 0..k-1 are in responseText, never earlier.
        const seen = x.readyState >= 3 ? lines() : 0;
        if (seen > acked && acked + 1 < chunks) ack(acked + 1);
        if (x.readyState === 4) {
          ended = true;
          getJson('/api/lockstep-log?id=' + id, function (err, log) {
            guard(done, function () {
              expect(err).to.equal(null);
              expect(x.status).to.equal(200);
              expect(x.responseText.split('\n').slice(0, chunks).map(function (l) { return l.charAt(0); }))
                .to.deep.equal(['0', '1', '2']);
              expect(linesWhenAcked).to.deep.equal([0, 1, 2]);
              const at: { [key: string]: number } = {};
              log.events.forEach(function (e: any) { at[e.type + (e.k === undefined ? '' : e.k)] = e.t; });
              for (let k = 1; k < chunks; k++) {
                expect(at['sent' + k], 'chunk ' + k + ' sent after its ack').to.be.at.least(at['ack' + k]);
              }
              expect(at.end, 'stream ended').to.be.a('number');
              done();
            });
          });
        }
      }
      x.open('GET', '/api/lockstep?id=' + id + '&chunks=' + chunks, true);
      x.onreadystatechange = check;
      x.onprogress = check;
      x.onerror = function () { done(new Error('lockstep request failed')); };
      x.send(null);
      ack(0);
    });

  it('hang + closed: the server sees the connection of an aborted request close', function (done) {
    this.timeout(20000);
    const id = uid('hang-' + impl.name);
    const x = new XMLHttpRequest();
    x.open('GET', '/api/hang?id=' + id, true);
    x.send(null);
    let tries = 0;
    (function waitOpened() {
      getJson('/api/closed?id=' + id, function (err, state) {
        if (err) { done(err); return; }
        if (!state.known) {
          if (++tries > 100) { done(new Error('the hang request never reached the server')); return; }
          setTimeout(waitOpened, 50);
          return;
        }
        x.abort();
        getJson('/api/closed?id=' + id + '&wait=' + CLOSE_WAIT_MS, function (err2, after) {
          guard(done, function () {
            expect(err2).to.equal(null);
            expect(after.closed).to.equal(true);
            expect(after.closedBy).to.equal('client');
            done();
          });
        });
      });
    })();
  });
});

suite('lab: second origin', function () {
  it('is another origin on the page\'s host (another port), answered with CORS for the page origin', function (done) {
    // The page's host: localhost, or on a WebDriver grid the name the nodes reach this machine by (karma.grid.conf.js).
    expect(servers.crossOrigin).to.match(/^http:\/\/[^/:]+:\d+$/);
    expect(servers.crossOrigin.split(':')[1]).to.equal('//' + location.hostname);
    expect(servers.crossOrigin).not.to.equal(servers.sameOrigin);
    request('GET', servers.crossOrigin + '/api/echo', {}, function (err, reply) {
      guard(done, function () {
        expect(err).to.equal(null);
        expect(reply!.status).to.equal(200);
        expect(JSON.parse(reply!.text).headers.origin).to.equal(servers.sameOrigin);
        done();
      });
    });
  });

  it('is refused by the browser with ?cors=deny', function (done) {
    request('GET', servers.crossOrigin + '/api/echo?cors=deny', {}, function (err) {
      guard(done, function () {
        expect(err).to.be.an('error');
        done();
      });
    });
  });

  it('allows a preflighted request only for the methods and headers the query lists', function (done) {
    const base = servers.crossOrigin + '/api/echo?';
    // No body: PhantomJS lists content-type in its preflight even for text/plain and needs it allowed too.
    request('PUT', base + 'allow-methods=PUT&allow-headers=x-custom', { headers: { 'X-Custom': '1' } },
      function (err, reply) {
        const ok = guard(done, function () {
          expect(err).to.equal(null);
          const echo = JSON.parse(reply!.text);
          expect(echo.method).to.equal('PUT');
          expect(echo.headers['x-custom']).to.equal('1');
        });
        if (!ok) return;
        request('PUT', base + 'allow-methods=PUT', { headers: { 'X-Custom': '1' } }, function (err2) {
          guard(done, function () {
            expect(err2, 'x-custom not allowed').to.be.an('error');
            done();
          });
        });
      });
  });

  it('sends cookies set by the second origin on a credentialed request', function (done) {
    const name = 'lab' + uid('c').replace(/[^a-z0-9]/gi, '');
    const base = servers.crossOrigin + '/api/';
    request('GET', base + 'set-cookie?name=' + name + '&value=v1', { withCredentials: true }, function (err) {
      if (err) { done(err); return; }
      request('GET', base + 'cookies', { withCredentials: true }, function (err2, reply) {
        const ok = guard(done, function () {
          expect(err2).to.equal(null);
          expect(JSON.parse(reply!.text).cookies[name]).to.equal('v1');
        });
        if (!ok) return;
        // Expire it again, so no cookie outlives its test.
        request('GET', base + 'set-cookie?name=' + name + '&value=x&maxage=0', { withCredentials: true },
          function (err3) { done(err3 || undefined); });
      });
    });
  });
});
