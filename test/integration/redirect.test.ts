// Redirects that retrofetch follows itself: https://fetch.spec.whatwg.org/#http-redirect-fetch. Old WebKit leaves
// a 308 to script (PhantomJS, for real); everywhere else a STAND-IN XMLHttpRequest (test/setup/stand-ins.js) over the
// real one hands every redirect to script, through the test server's `as=ok` answers.
import { expect } from 'chai';
import { suite, servers, itPolyfillOnly, requireBodyStreams } from '../support/harness';
import { expectRejects, base64ToBytes } from '../support/assert';

var g: any = typeof self !== 'undefined' ? self : window;
var REASON = 'native fetch does not use XHR';

suite('redirects followed by retrofetch', function (impl) {
  var fetch = impl.fetch;
  var same = servers.sameOrigin;
  var cross = servers.crossOrigin;
  var saved: any = null;

  beforeEach(function () {
    saved = g.XMLHttpRequest;
    if (impl.name === 'polyfill') g.XMLHttpRequest = g.__retrofetchStandIns.xhr({ redirects: 'script' });
  });
  afterEach(function () {
    g.XMLHttpRequest = saved;
  });

  function redirect(status: number, to: string): string {
    return '/api/redirect?status=' + status + '&to=' + encodeURIComponent(to);
  }

  itPolyfillOnly(impl, 'follows a 308, keeps the method and body, and reports the URL list', REASON, function () {
    return fetch(redirect(308, '/api/echo?final=1'), { method: 'POST', body: 'payload' }).then(function (r) {
      expect(r.status).to.equal(200);
      expect(r.redirected).to.equal(true);
      expect(r.url).to.equal(same + '/api/echo?final=1');
      return r.json();
    }).then(function (echo) {
      expect(echo.method).to.equal('POST');
      expect(echo.bodyLength).to.equal(7);
    });
  });

  itPolyfillOnly(impl, 'a 303 after POST becomes a GET without body and without request-body headers (step 12)', REASON, function () {
    return fetch(redirect(303, '/api/echo?after=303'), {
      method: 'POST', body: 'payload',
      headers: { 'Content-Language': 'de', 'X-Kept': 'yes' }
    }).then(function (r) { return r.json(); }).then(function (echo) {
      expect(echo.method).to.equal('GET');
      expect(echo.bodyLength).to.equal(0);
      expect(echo.headers['content-type']).to.equal(undefined);
      expect(echo.headers['content-language']).to.equal(undefined);
      expect(echo.headers['x-kept']).to.equal('yes');
    });
  });

  itPolyfillOnly(impl, 'a 301 or 302 after POST becomes a GET; after PUT it stays a PUT with its body', REASON, function () {
    return fetch(redirect(302, '/api/echo'), { method: 'POST', body: 'a' }).then(function (r) { return r.json(); }).then(function (echo) {
      expect(echo.method).to.equal('GET');
      expect(echo.headers['content-type']).to.equal(undefined);
      return fetch(redirect(301, '/api/echo'), { method: 'PUT', body: 'abc' });
    }).then(function (r) { return r.json(); }).then(function (echo) {
      expect(echo.method).to.equal('PUT');
      expect(base64ToBytes(echo.body)).to.deep.equal([0x61, 0x62, 0x63]);
      expect(echo.headers['content-type']).to.equal('text/plain;charset=UTF-8');
    });
  });

  itPolyfillOnly(impl, 'a redirect to another origin drops Authorization (step 13), a same-origin one keeps it', REASON, function () {
    var init = { headers: { Authorization: 'Basic cmV0cm86ZmV0Y2g=' } };
    return fetch(redirect(307, cross + '/api/echo?hop=cross'), init).then(function (r) {
      expect(r.type).to.equal('cors');
      expect(r.url).to.equal(cross + '/api/echo?hop=cross');
      return r.json();
    }).then(function (echo) {
      expect(echo.headers.authorization).to.equal(undefined);
      expect(echo.headers.origin).to.equal(same);
      return fetch(redirect(307, '/api/echo?hop=same'), init);
    }).then(function (r) {
      expect(r.type).to.equal('basic');
      return r.json();
    }).then(function (echo) {
      expect(echo.headers.authorization).to.equal('Basic cmV0cm86ZmV0Y2g=');
    });
  });

  itPolyfillOnly(impl, 'a chain that left the origin and came back is still tainted: type "cors"', REASON, function () {
    var back = cross + '/api/redirect?status=302&to=' + encodeURIComponent(same + '/api/echo?back=1');
    return fetch(redirect(302, back)).then(function (r) {
      expect(r.url).to.equal(same + '/api/echo?back=1');
      expect(r.type).to.equal('cors');
    });
  });

  itPolyfillOnly(impl, "redirect 'error' rejects with a TypeError", REASON, function () {
    return expectRejects(impl, fetch(redirect(302, '/api/echo'), { redirect: 'error' }), TypeError, "redirect mode is 'error'");
  });

  itPolyfillOnly(impl, 'a 21st redirect rejects with a TypeError; 20 are followed', REASON, function () {
    return fetch('/api/redirect-chain?n=20').then(function (r) {
      expect(r.status).to.equal(200);
      return expectRejects(impl, fetch('/api/redirect-chain?n=21'), TypeError, 'too many redirects');
    });
  });

  itPolyfillOnly(impl, 'a Location that is not an HTTP(S) URL rejects with a TypeError', REASON, function () {
    return expectRejects(impl, fetch(redirect(302, 'ftp://example.com/x')), TypeError, 'not a valid HTTP(S) URL');
  });

  itPolyfillOnly(impl, 'a stream body cannot follow a 307 (step 11), but does follow a 303', REASON, function () {
    requireBodyStreams(this, impl);
    function body(): ReadableStream<Uint8Array> {
      return new impl.ReadableStream({
        start: function (c: ReadableStreamDefaultController<Uint8Array>) { c.enqueue(new Uint8Array([1, 2])); c.close(); }
      });
    }
    return expectRejects(impl, fetch(redirect(307, '/api/echo'), { method: 'POST', body: body(), duplex: 'half' } as any), TypeError, 'ReadableStream').then(function () {
      return fetch(redirect(303, '/api/echo'), { method: 'POST', body: body(), duplex: 'half' } as any);
    }).then(function (r) { return r.json(); }).then(function (echo) {
      expect(echo.method).to.equal('GET');
    });
  });
});
