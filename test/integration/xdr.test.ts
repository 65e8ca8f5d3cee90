// The XDomainRequest transport (IE8–9 cross-origin), through STAND-INS (test/setup/stand-ins.js): an
// XMLHttpRequest without CORS (as IE9's: no withCredentials, so the chooser picks XDomainRequest for another origin)
// and an XDomainRequest built over the real XHR, against the real second-origin test server.
import { expect } from 'chai';
import { suite, servers, itPolyfillOnly, profile, skipBecause, requireBodyStreams } from '../support/harness';
import { expectRejects, uid, base64ToBytes, bytesOf, utf8Bytes } from '../support/assert';
import { rawJson, hangOpened, hangClosed } from '../support/abort';

var g: any = typeof self !== 'undefined' ? self : window;
var REASON = 'native fetch does not use XDomainRequest';

/** Bytes that are not UTF-8, or null where there is no Uint8Array (and so no way to make a body of them). */
function binaryBody(): any {
  return typeof Uint8Array === 'function' ? new Uint8Array([0x41, 0xff]) : null;
}


suite('XDomainRequest (stand-in)', function (impl) {
  var fetch = impl.fetch;
  var cross = servers.crossOrigin;
  var standIns = g.__retrofetchStandIns;
  var saved: { xhr: any; xdr: any; had: boolean } = { xhr: null, xdr: null, had: false };

  beforeEach(function () {
    saved.xhr = g.XMLHttpRequest;
    saved.had = 'XDomainRequest' in g;
    saved.xdr = g.XDomainRequest;
    // The ie9 profile has these already (and its level-1 XHR is the one to keep).
    if (impl.name !== 'polyfill' || profile === 'ie9') return;
    g.XMLHttpRequest = standIns.xhr({ cors: false });
    g.XDomainRequest = standIns.XDomainRequest;
  });
  afterEach(function () {
    g.XMLHttpRequest = saved.xhr;
    if (saved.had) g.XDomainRequest = saved.xdr;
    else delete g.XDomainRequest;
  });

  function created(): number {
    return standIns.XDomainRequest.created;
  }

  itPolyfillOnly(impl, 'a cross-origin GET goes over XDomainRequest: status 200, only Content-Type, type "cors"', REASON, function () {
    var before = created();
    var response: Response;
    return fetch(cross + '/api/echo?xdr=get').then(function (r) {
      response = r;
      expect(created()).to.equal(before + 1);
      expect(r.status).to.equal(200);
      expect(r.ok).to.equal(true);
      expect(r.type).to.equal('cors');
      expect(r.url).to.equal(cross + '/api/echo?xdr=get');
      var names: string[] = [];
      r.headers.forEach(function (_value: string, name: string) { names.push(name); });
      expect(names).to.deep.equal(['content-type']);
      expect(r.headers.get('Content-Type')).to.equal('application/json');
      return r.json();
    }).then(function (echo) {
      expect(response.bodyUsed).to.equal(true);
      expect(echo.method).to.equal('GET');
      expect(echo.url).to.equal('/api/echo?xdr=get');
      expect(echo.headers.origin).to.equal(servers.sameOrigin);
      expect(echo.headers.cookie).to.equal(undefined);
    });
  });

  itPolyfillOnly(impl, 'a cross-origin POST sends its text body as UTF-8', REASON, function () {
    var text = 'h\u00e9llo \u2713 \ud83d\ude00';
    return fetch(cross + '/api/echo?xdr=post', { method: 'POST', body: text }).then(function (r) {
      return r.json();
    }).then(function (echo) {
      expect(echo.method).to.equal('POST');
      expect(base64ToBytes(echo.body)).to.deep.equal(utf8Bytes(text));
    });
  });

  itPolyfillOnly(impl, 'the status is hidden: an error status comes back as 200, with its body', REASON, function () {
    return fetch(cross + '/api/status?code=404&body=nope').then(function (r) {
      expect(r.status).to.equal(200);
      return r.text();
    }).then(function (text) {
      expect(text).to.equal('nope');
    });
  });

  itPolyfillOnly(impl, 'a streamed body is read before its end (lock-step, server-side log)', REASON, function () {
    requireBodyStreams(this, impl); // (ie9.test.ts streams through download progress)
    var id = uid('xdr-ls');
    var reader: ReadableStreamDefaultReader<Uint8Array>;
    var got = '';
    function ack(k: number): Promise<unknown> {
      return rawJson('/api/lockstep-ack?id=' + id + '&k=' + k);
    }
    function readUntil(length: number): Promise<void> {
      if (got.length >= length) return Promise.resolve();
      return reader.read().then(function (step) {
        if (step.done) throw new Error('the stream ended after ' + got.length + ' bytes');
        got += String.fromCharCode.apply(null, bytesOf(step.value));
        return readUntil(length);
      });
    }
    return ack(0).then(function () {
      return fetch(cross + '/api/lockstep?id=' + id + '&chunks=3&size=16');
    }).then(function (r) {
      reader = r.body!.getReader();
      return readUntil(16);
    }).then(function () {
      return rawJson('/api/lockstep-log?id=' + id);
    }).then(function (log) {
      expect(log.sent).to.equal(1);
      expect(log.done).to.equal(false);
      return ack(1).then(function () { return ack(2); }).then(function () { return readUntil(48); });
    }).then(function () {
      expect(got).to.equal('0:aaaaaaaaaaaaa\n1:bbbbbbbbbbbbb\n2:ccccccccccccc\n');
      return reader.read();
    }).then(function (end) {
      expect(end.done).to.equal(true);
    });
  });

  itPolyfillOnly(impl, "AbortSignal.timeout(): the signal's TimeoutError, and the server sees the close", REASON, function () {
    this.timeout(20000); // (the wait for the server to see the close: CLOSE_WAIT_MS)
    var id = uid('xdr-timeout');
    return fetch(cross + '/api/hang?id=' + id, { signal: impl.AbortSignal.timeout(300) }).then(function () {
      throw new Error('expected a TimeoutError');
    }, function (e) {
      expect(e.name).to.equal('TimeoutError');
      return hangClosed(id);
    }).then(function (state) {
      expect(state.closed).to.equal(true);
      expect(state.closedBy).to.equal('client');
    });
  });

  itPolyfillOnly(impl, "abort(): the signal's reason, and the server sees the close", REASON, function () {
    this.timeout(20000); // (the wait for the server to see the close: CLOSE_WAIT_MS)
    var id = uid('xdr-abort');
    var controller = new impl.AbortController();
    var pending = fetch(cross + '/api/hang?id=' + id, { signal: controller.signal });
    return hangOpened(id).then(function () {
      controller.abort();
      return pending;
    }).then(function () {
      throw new Error('expected an AbortError');
    }, function (e) {
      expect(e.name).to.equal('AbortError');
      return hangClosed(id);
    }).then(function (state) {
      expect(state.closed).to.equal(true);
      expect(state.closedBy).to.equal('client');
    });
  });

  itPolyfillOnly(impl, 'a server that does not allow the origin: a TypeError', REASON, function () {
    return expectRejects(impl, fetch(cross + '/api/echo?cors=deny'), TypeError, 'XDomainRequest');
  });

  // `init` is made when the test runs (an IE9-class engine has no Uint8Array to make at load).
  var limits: Array<{ what: string; init: any; url?: (id: string) => string; says: string }> = [
    { what: 'a method other than GET and POST', init: { method: 'PUT', body: 'x' }, says: 'PUT requests (only GET and POST)' },
    { what: 'DELETE', init: { method: 'DELETE' }, says: 'DELETE requests' },
    { what: 'a request header', init: { headers: { 'X-Custom': '1' } }, says: 'request headers (X-Custom)' },
    { what: 'a Content-Type that is not text/plain', init: { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }, says: 'request headers (Content-Type)' },
    { what: "credentials 'include'", init: { credentials: 'include' }, says: "credentials 'include'" },
    { what: 'a body that is not UTF-8 text', init: function () { var body = binaryBody(); return body && { method: 'POST', body: body }; }, says: 'not UTF-8 text' },
    { what: 'another scheme than the page', init: {}, url: function (id) { return cross.replace(/^http:/, 'https:') + '/api/hang?id=' + id; }, says: "scheme is not the page's" },
    { what: "redirect 'error' (redirects are hidden)", init: { redirect: 'error' }, says: 'hides redirects' },
    { what: 'upload progress', init: { method: 'POST', body: 'x', retrofetch: { onUploadProgress: function () { /* */ } } }, says: 'upload progress' }
  ];
  limits.forEach(function (limit) {
    itPolyfillOnly(impl, 'refuses ' + limit.what + ' with a TypeError naming the limit, before anything is sent', REASON, function () {
      var id = uid('xdr-limit');
      var before = created();
      var url = limit.url ? limit.url(id) : cross + '/api/hang?id=' + id;
      var init = typeof limit.init === 'function' ? limit.init() : limit.init;
      if (init === null) return skipBecause(this, 'no Uint8Array: a body can only be text here');
      return expectRejects(impl, fetch(url, init), TypeError, limit.says).then(function () {
        expect(created()).to.equal(before); // no XDomainRequest was even made
        return rawJson('/api/closed?id=' + id);
      }).then(function (state) {
        expect(state.known).to.equal(false); // the server saw no request
      });
    });
  });

  itPolyfillOnly(impl, 'a POST with a string body keeps its text/plain Content-Type (the one XDomainRequest sends)', REASON, function () {
    return fetch(cross + '/api/echo', { method: 'POST', body: 'abc', headers: { 'Content-Type': 'text/plain; charset=utf-8' } }).then(function (r) {
      return r.json();
    }).then(function (echo) {
      expect(echo.bodyLength).to.equal(3);
    });
  });

  itPolyfillOnly(impl, 'same-origin requests still go over the XMLHttpRequest', REASON, function () {
    var before = created();
    return fetch('/api/echo?xdr=same', { method: 'PUT', body: 'x', headers: { 'X-Custom': '1' } }).then(function (r) {
      return r.json();
    }).then(function (echo) {
      expect(created()).to.equal(before);
      expect(echo.method).to.equal('PUT');
      expect(echo.headers['x-custom']).to.equal('1');
    });
  });

  itPolyfillOnly(impl, 'with neither CORS in XHR nor XDomainRequest, a cross-origin request is a TypeError', REASON, function () {
    g.XDomainRequest = undefined;
    return expectRejects(impl, fetch(cross + '/api/echo'), TypeError, 'cannot make cross-origin requests');
  });
});
