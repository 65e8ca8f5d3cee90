// fetch() of data: and blob: URLs (https://fetch.spec.whatwg.org/#scheme-fetch): data: URLs are decoded in script by
// the data: URL processor, blob: URLs are read by the engine's XHR; both give a basic response whose Content-Type is
// the URL's MIME type or the Blob's type, never sniffed.
import { expect } from 'chai';
import { suite, skipBecause } from '../support/harness';
import { expectRejects, bytesOf, hasBlob } from '../support/assert';

var g: any = typeof self !== 'undefined' ? self : window;

/** What the engine's own XHR says of a URL: its status (0: an error) and Content-Type. */
function xhrHead(url: string): Promise<{ status: number; type: string | null }> {
  return new Promise(function (resolve) {
    var xhr = new g.XMLHttpRequest();
    xhr.open('GET', url);
    xhr.onload = function () { resolve({ status: xhr.status, type: xhr.getResponseHeader('Content-Type') }); };
    xhr.onerror = function () { resolve({ status: 0, type: null }); };
    xhr.send();
  });
}

suite('data: and blob: URLs', function (impl) {
  var fetch = impl.fetch;

  describe('data:', function () {
    it('GET: a basic response, status 200 OK, the MIME type as Content-Type, the decoded body', function () {
      var url = 'data:text/x-foo;charset=latin1,hi%20there%e2%9c%93#fragment';
      return fetch(url).then(function (r) {
        expect(r.type).to.equal('basic');
        expect(r.status).to.equal(200);
        expect(r.statusText).to.equal('OK');
        expect(r.ok).to.equal(true);
        expect(r.redirected).to.equal(false);
        expect(r.url).to.equal('data:text/x-foo;charset=latin1,hi%20there%e2%9c%93');
        expect(r.headers.get('Content-Type')).to.equal('text/x-foo;charset=latin1');
        return r.text();
      }).then(function (text) {
        expect(text).to.equal('hi there\u2713');
      });
    });

    it('the Content-Type is never sniffed: HTML without a type is text/plain;charset=US-ASCII', function () {
      return Promise.all([fetch('data:,<html><body>x'), fetch('data:;charset=utf-8,<html>'), fetch('data:image/png,<html>'),
        fetch('data:  Text/HTML ;Charset="utf-8" ,x')]).then(function (rs) {
        expect(rs.map(function (r) { return r.headers.get('Content-Type'); })).to.deep.equal([
          'text/plain;charset=US-ASCII', 'text/plain;charset=utf-8', 'image/png', 'text/html;charset=utf-8']);
        return rs[0].text();
      }).then(function (text) {
        expect(text).to.equal('<html><body>x');
      });
    });

    it('base64: exact bytes, whitespace and padding forgiven, the marker ASCII case-insensitive', function () {
      var urls = ['data:application/octet-stream;base64,AAEC/w==', 'data:application/octet-stream;BASE64,AA%20EC%0A/w',
        'data:application/octet-stream ;  base64,AAEC/w'];
      return Promise.all(urls.map(function (url) {
        return fetch(url).then(function (r) {
          expect(r.headers.get('Content-Type')).to.equal('application/octet-stream');
          return r.arrayBuffer();
        });
      })).then(function (buffers) {
        buffers.forEach(function (buffer) { expect(bytesOf(buffer)).to.deep.equal([0, 1, 2, 255]); });
      });
    });

    it('percent-decoding keeps what is not a percent sign and two hex digits', function () {
      return fetch('data:,%u0041%U0042%zz%4%41%c3%a9').then(function (r) { return r.text(); }).then(function (text) {
        expect(text).to.equal('%u0041%U0042%zz%4A\u00e9');
      });
    });

    it('any method: POST gives the body, HEAD none', function () {
      return Promise.all([fetch('data:,posted', { method: 'POST', body: 'ignored' }), fetch('data:,head', { method: 'HEAD' })]).then(function (rs) {
        expect(rs[0].status).to.equal(200);
        expect(rs[1].status).to.equal(200);
        return Promise.all([rs[0].text(), rs[1].text()]);
      }).then(function (texts) {
        expect(texts).to.deep.equal(['posted', '']);
      });
    });

    it("whatever the request's mode: same-origin and no-cors give a basic response", function () {
      return Promise.all([fetch('data:,a', { mode: 'same-origin' }), fetch('data:,b', { mode: 'no-cors' })]).then(function (rs) {
        expect(rs[0].type).to.equal('basic');
        expect(rs[1].type).to.equal('basic');
        return Promise.all([rs[0].text(), rs[1].text()]);
      }).then(function (texts) {
        expect(texts).to.deep.equal(['a', 'b']);
      });
    });

    it('a bad data: URL rejects with a TypeError', function () {
      return Promise.all(['data:text/plain', 'data:;base64,A', 'data:;base64,AB=C', 'data:;base64,AB*C'].map(function (url) {
        return expectRejects(impl, fetch(url), TypeError, 'data: URL');
      }));
    });

    it('a data: body streams, and clones', function () {
      return fetch('data:,streamed').then(function (r) {
        var copy = r.clone();
        return Promise.all([r.text(), copy.text()]);
      }).then(function (texts) {
        expect(texts).to.deep.equal(['streamed', 'streamed']);
      });
    });
  });

  describe('blob:', function () {
    function blobURL(parts: any[], type?: string): string | null {
      if (!hasBlob || !g.URL || typeof g.URL.createObjectURL !== 'function') return null;
      return g.URL.createObjectURL(type === undefined ? new Blob(parts) : new Blob(parts, { type: type }));
    }

    it("GET: a basic response, status 200, the Blob's type as Content-Type (never sniffed), its bytes", function () {
      var url = blobURL(['<html><b>x</b>', new Uint8Array([0, 255])], 'text/x-blob');
      if (url === null) return skipBecause(this, 'no Blob or URL.createObjectURL here');
      var self = this;
      return Promise.all([fetch(url), xhrHead(url)]).then(function (results) {
        var r = results[0];
        expect(r.type).to.equal('basic');
        expect(r.status).to.equal(200);
        expect(r.url).to.equal(url);
        return r.arrayBuffer().then(function (buffer) {
          var bytes = bytesOf(buffer);
          expect(bytes.length).to.equal(16);
          expect(bytes.slice(14)).to.deep.equal([0, 255]);
          if (impl.name === 'polyfill' && results[1].type === null) {
            return skipBecause(self, "LEGACY(old WebKit): this engine's XHR reports no Content-Type for a blob: URL, so neither can retrofetch");
          }
          expect(r.headers.get('Content-Type')).to.equal('text/x-blob');
        });
      });
    });

    it('a Blob without a type is not sniffed', function () {
      var url = blobURL(['<html><body>x']);
      if (url === null) return skipBecause(this, 'no Blob or URL.createObjectURL here');
      return fetch(url).then(function (r) {
        expect(r.headers.get('Content-Type') || '').to.equal('');
        return r.text();
      }).then(function (text) {
        expect(text).to.equal('<html><body>x');
      });
    });

    it("a Blob whose type is not a valid MIME type: that type as it is for Content-Type", function () {
      // https://fetch.spec.whatwg.org/#scheme-fetch "blob": the Content-Type is the blob's type, as the Blob
      // constructor kept it (ASCII, lowercased), whether it parses or not.
      var url = blobURL(['x'], 'Not A MIME Type');
      if (url === null) return skipBecause(this, 'no Blob or URL.createObjectURL here');
      var self = this;
      return Promise.all([fetch(url), xhrHead(url)]).then(function (results) {
        if (results[1].type !== 'not a mime type') {
          return skipBecause(self, "this engine's blob: URLs give the type " + JSON.stringify(results[1].type) + ' (its XHR and its fetch alike)');
        }
        expect(results[0].headers.get('Content-Type')).to.equal('not a mime type');
      });
    });

    it('a method other than GET rejects with a TypeError', function () {
      var url = blobURL(['x']);
      if (url === null) return skipBecause(this, 'no Blob or URL.createObjectURL here');
      return Promise.all([
        expectRejects(impl, fetch(url, { method: 'POST', body: 'z' }), TypeError, 'GET'),
        expectRejects(impl, fetch(url, { method: 'HEAD' }), TypeError, 'GET')
      ]);
    });

    it('a revoked blob: URL rejects with a TypeError', function () {
      var url = blobURL(['y']);
      if (url === null) return skipBecause(this, 'no Blob or URL.createObjectURL here');
      g.URL.revokeObjectURL(url);
      return expectRejects(impl, fetch(url), TypeError);
    });
  });
});
