// request.referrer (https://fetch.spec.whatwg.org/#dom-request step 14 and the referrer getter) and the keepalive
// quota (https://fetch.spec.whatwg.org/#http-network-or-cache-fetch: 64 KiB of keepalive request bodies in flight).
import { expect } from 'chai';
import { suite } from '../support/harness';
import { expectThrows, expectRejects } from '../support/assert';

var g: any = typeof self !== 'undefined' ? self : window;

suite('referrer and keepalive', function (impl) {
  var fetch = impl.fetch;
  var Request = impl.Request;
  var origin = g.location.protocol + '//' + g.location.host;

  describe('referrer', function () {
    it('a same-origin URL referrer is kept, serialized whole (credentials and fragment too, as the getter returns it)', function () {
      var url = g.location.protocol + '//user:pass@' + g.location.host + '/page?q=1#fragment';
      expect(new Request('/x', { referrer: url }).referrer).to.equal(url);
      expect(new Request('/x', { referrer: '/relative?a#b' }).referrer).to.equal(origin + '/relative?a#b');
    });

    it("'' is no referrer, about:client and a cross-origin URL are the client", function () {
      expect(new Request('/x', { referrer: '' }).referrer).to.equal('');
      expect(new Request('/x', { referrer: 'about:client' }).referrer).to.equal('about:client');
      expect(new Request('/x', { referrer: 'http://example.invalid/page' }).referrer).to.equal('about:client');
      expect(new Request('/x').referrer).to.equal('about:client');
    });

    it('a referrer that is not a URL is a TypeError', function () {
      expectThrows(impl, function () { new Request('/x', { referrer: 'http://[' }); }, TypeError, 'referrer');
    });

    it("the Referer on the wire is the page's URL without its fragment (the engine's own)", function () {
      return fetch('/api/echo').then(function (r) { return r.json(); }).then(function (echo) {
        expect(echo.headers.referer).to.equal(g.location.href.split('#')[0]);
      });
    });
  });

  describe('keepalive', function () {
    // Engines give the quota back a little after the response has ended (Firefox): each test starts after a pause.
    beforeEach(function () {
      return new Promise(function (resolve) { setTimeout(resolve, 300); });
    });

    function post(size: number, url?: string): Promise<Response> {
      return fetch(url || '/api/upload', { method: 'POST', body: new Uint8Array(size), keepalive: true });
    }

    it('a keepalive body over 64 KiB is refused with a TypeError; one of 64 KiB goes', function () {
      return expectRejects(impl, post(65537), TypeError, 'keepalive').then(function () {
        return post(65536);
      }).then(function (r) { return r.json(); }).then(function (result) {
        expect(result.length).to.equal(65536);
      });
    });

    // retrofetch gives the quota back when the body has been read; Firefox's native a little later (the record is
    // done in another process), so the native pass tries again for up to two seconds.
    function postOnceFree(size: number): Promise<Response> {
      var tries = impl.name === 'native' ? 20 : 1;
      function attempt(): Promise<Response> {
        return post(size).catch(function (e) {
          if (!(e instanceof TypeError) || --tries <= 0) throw e;
          return new Promise<void>(function (resolve) { setTimeout(resolve, 100); }).then(attempt);
        });
      }
      return attempt();
    }

    it('keepalive bodies in flight count together; the quota comes back when a request ends', function () {
      var first = post(40000, '/api/echo?delay=400');
      return expectRejects(impl, post(40000), TypeError, 'keepalive').then(function () {
        return first;
      }).then(function (r) {
        return r.text();
      }).then(function () {
        return postOnceFree(40000);
      }).then(function (r) {
        return r.json();
      }).then(function (result) {
        expect(result.length).to.equal(40000);
      });
    });

    it('a request without keepalive is not counted', function () {
      var first = post(20000, '/api/echo?delay=300');
      return fetch('/api/upload', { method: 'POST', body: new Uint8Array(60000) }).then(function (r) {
        return r.json();
      }).then(function (result) {
        expect(result.length).to.equal(60000);
        return first;
      }).then(function (r) { return r.text(); });
    });
  });
});
