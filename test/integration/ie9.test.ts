// The ie9 profile (test/setup/ie9-profile.js): retrofetch in an IE9-class engine, simulated in PhantomJS with
// STAND-INS (a level-1 XMLHttpRequest, XDomainRequest, VBArray, ActiveXObject; test/setup/stand-ins.js) over the
// real XHR and the real test server. Runs only in that profile.
import { expect } from 'chai';
import { suite, servers, profile } from '../support/harness';
import { expectRejects, uid, base64ToBytes, utf8Bytes } from '../support/assert';
import { rawJson, hangOpened, hangClosed } from '../support/abort';

var g: any = window;


// Registered in that profile only: elsewhere these tests have nothing to say.
if (profile === 'ie9') suite('IE9 profile', function (impl) {
  var fetch = impl.fetch;
  var cross = servers.crossOrigin;

  it('the engine is IE9-like: no typed arrays, Blob or native FormData; XHR level 1; stand-ins for XDR and VBArray', function () {
    expect(typeof g.Uint8Array).to.equal('undefined');
    expect(typeof g.ArrayBuffer).to.equal('undefined');
    expect(typeof g.Blob).to.equal('undefined');
    expect(g.__retrofetchHidden.Symbol).to.not.equal(undefined); // hidden while retrofetch loaded
    var xhr = new g.XMLHttpRequest();
    expect('withCredentials' in xhr).to.equal(false);
    expect('overrideMimeType' in xhr).to.equal(false);
    expect('responseType' in xhr).to.equal(false);
    expect(g.XDomainRequest).to.equal(g.__retrofetchStandIns.XDomainRequest);
    // What retrofetch installs: fetch, its classes, a Promise, retrofetch's FormData.
    expect(typeof g.fetch).to.equal('function');
    expect(typeof g.Promise).to.equal('function');
    expect(new g.FormData().append).to.be.a('function');
  });

  describe('bodies without typed arrays', function () {
    it('text(), json() and clone() of Responses and Requests made from strings', function () {
      var response = new impl.Response('{"a":"h\u00e9llo \u2713"}', { headers: { 'Content-Type': 'application/json' } });
      var copy = response.clone();
      var request = new impl.Request('/x', { method: 'POST', body: 'h\u00e9' });
      return Promise.all([response.json(), copy.text(), request.text(), impl.Response.json({ b: [1] }).json()]).then(function (r) {
        expect(r[0]).to.deep.equal({ a: 'h\u00e9llo \u2713' });
        expect(r[1]).to.equal('{"a":"h\u00e9llo \u2713"}');
        expect(r[2]).to.equal('h\u00e9');
        expect(r[3]).to.deep.equal({ b: [1] });
        expect(response.bodyUsed).to.equal(true);
        expect(request.headers.get('Content-Type')).to.equal('text/plain;charset=UTF-8');
      });
    });

    it('arrayBuffer(), blob() and bytes() reject with a TypeError naming what the engine lacks, and leave the body', function () {
      var response = new impl.Response('kept');
      return expectRejects(impl, response.arrayBuffer(), TypeError, 'no ArrayBuffer').then(function () {
        return expectRejects(impl, response.blob(), TypeError, 'no Blob');
      }).then(function () {
        return expectRejects(impl, (response as any).bytes(), TypeError, 'no Uint8Array');
      }).then(function () {
        expect(response.bodyUsed).to.equal(false);
        return response.text();
      }).then(function (text) {
        expect(text).to.equal('kept');
      });
    });

    it('body is null where no chunk can be a Uint8Array (README), and text() still reads it', function () {
      var response = new impl.Response('abc');
      expect(response.body).to.equal(null);
      return response.text().then(function (text) { expect(text).to.equal('abc'); });
    });

    it('formData(): urlencoded, and multipart text parts; a file part is a TypeError (no Blob to hold it)', function () {
      var multipart = '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nh\u00e9\r\n--XyZ--\r\n';
      var withFile = '--XyZ\r\nContent-Disposition: form-data; name="f"; filename="x.txt"\r\n\r\nabc\r\n--XyZ--\r\n';
      var type = { 'Content-Type': 'multipart/form-data; boundary=XyZ' };
      return new impl.Response('k=v&u=%C3%A9+x', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }).formData().then(function (form) {
        expect(form.get('k')).to.equal('v');
        expect(form.get('u')).to.equal('\u00e9 x');
        return new impl.Response(multipart, { headers: type }).formData();
      }).then(function (form) {
        expect(form.get('a')).to.equal('h\u00e9');
        return expectRejects(impl, new impl.Response(withFile, { headers: type }).formData(), TypeError, 'no Blob for the file part');
      });
    });
  });

  it('data: URLs are decoded in script (IE\'s XHR cannot fetch them): text, base64, the MIME type as Content-Type', function () {
    return Promise.all([fetch('data:text/plain;charset=utf-8,h%C3%A9llo'), fetch('data:application/json;base64,eyJhIjoxfQ==')]).then(function (rs) {
      expect(rs[0].type).to.equal('basic');
      expect(rs[0].headers.get('Content-Type')).to.equal('text/plain;charset=utf-8');
      expect(rs[1].headers.get('Content-Type')).to.equal('application/json');
      return Promise.all([rs[0].text(), rs[1].json()]);
    }).then(function (bodies) {
      expect(bodies).to.deep.equal(['h\u00e9llo', { a: 1 }]);
      return expectRejects(impl, fetch('data:;base64,A'), TypeError, 'data: URL');
    });
  });

  describe('same-origin over the level-1 XMLHttpRequest (the body whole at DONE)', function () {
    it('GET: status, headers, UTF-8 text', function () {
      return fetch('/api/charset?enc=utf-8').then(function (r) {
        expect(r.status).to.equal(200);
        expect(r.headers.get('Content-Type')).to.equal('text/plain; charset=utf-8');
        expect(r.type).to.equal('basic');
        return r.text();
      }).then(function (text) {
        expect(text).to.equal('h\u00e9llo w\u00f6rld \u2713');
      });
    });

    it('the bytes are the raw ones (responseBody through VBArray), not the engine\'s decoding: Latin-1 text() as native fetch', function () {
      return fetch('/api/charset?enc=latin1').then(function (r) { return r.text(); }).then(function (text) {
        // text() is UTF-8 decode: the Latin-1 bytes E9 and F6 are not UTF-8.
        expect(text).to.equal('h\ufffdllo w\ufffdrld');
      });
    });

    it('a 204 reported as 1223 is 204 No Content, with a null body', function () {
      return fetch('/api/no-content').then(function (r) {
        expect(r.status).to.equal(204);
        expect(r.statusText).to.equal('No Content');
        expect(r.body).to.equal(null);
      });
    });

    it('POST a text body and retrofetch\'s FormData (string entries, multipart-encoded)', function () {
      var form = new g.FormData();
      form.append('name', 'h\u00e9llo');
      form.append('n', 2);
      return fetch('/api/echo', { method: 'PUT', body: 'h\u00e9 \u2713', headers: { 'X-Custom': '1' } }).then(function (r) {
        return r.json();
      }).then(function (echo) {
        expect(echo.method).to.equal('PUT');
        expect(base64ToBytes(echo.body)).to.deep.equal(utf8Bytes('h\u00e9 \u2713'));
        expect(echo.headers['x-custom']).to.equal('1');
        return fetch('/api/multipart', { method: 'POST', body: form });
      }).then(function (r) { return r.json(); }).then(function (result) {
        expect(result.error).to.equal(undefined);
        expect(result.parts.map(function (p: any) { return p.name; })).to.deep.equal(['name', 'n']);
        expect(base64ToBytes(result.parts[0].base64)).to.deep.equal(utf8Bytes('h\u00e9llo'));
        expect(base64ToBytes(result.parts[1].base64)).to.deep.equal(utf8Bytes('2'));
      });
    });

    it('a network error (a WinInet status) is a TypeError; so is a body cut short', function () {
      var id = uid('ie9-neterr');
      return expectRejects(impl, fetch('/api/hang?id=' + id + '&limit=100'), TypeError, 'network error').then(function () {
        return fetch('/api/reset?after=100').then(function (r) { return r.text(); }).then(function () {
          throw new Error('a body cut short resolved');
        }, function (e) {
          expect(e).to.be.an.instanceof(TypeError);
        });
      });
    });

    it("abort(): the signal's reason, and the server sees the close", function () {
      this.timeout(20000); // (the wait for the server to see the close: CLOSE_WAIT_MS)
      var id = uid('ie9-abort');
      var controller = new impl.AbortController();
      var pending = fetch('/api/hang?id=' + id, { signal: controller.signal });
      return hangOpened(id).then(function () {
        controller.abort();
        return expectRejects(impl, pending, impl.DOMException);
      }).then(function () {
        return hangClosed(id);
      }).then(function (state) {
        expect(state.closed).to.equal(true);
      });
    });

    it("AbortSignal.timeout(): the signal's TimeoutError (the XHR's own timeout as the backstop)", function () {
      return fetch('/api/hang?id=' + uid('ie9-timeout'), { signal: impl.AbortSignal.timeout(300) }).then(function () {
        throw new Error('expected a TimeoutError');
      }, function (e) {
        expect(e.name).to.equal('TimeoutError');
      });
    });

    it('progress callbacks are refused with a TypeError: XHR level 1 has no progress events', function () {
      return expectRejects(impl, fetch('/api/echo', { retrofetch: { onDownloadProgress: function () { /* */ } } } as any), TypeError, 'download progress').then(function () {
        return expectRejects(impl, fetch('/api/echo', { method: 'POST', body: 'x', retrofetch: { onUploadProgress: function () { /* */ } } } as any), TypeError, 'upload progress');
      });
    });
  });

  describe('cross-origin over XDomainRequest', function () {
    it('GET JSON and POST text', function () {
      return fetch(cross + '/api/echo?ie9=1').then(function (r) {
        expect(r.type).to.equal('cors');
        return r.json();
      }).then(function (echo) {
        expect(echo.method).to.equal('GET');
        return fetch(cross + '/api/echo', { method: 'POST', body: '\u2713' });
      }).then(function (r) { return r.json(); }).then(function (echo) {
        expect(base64ToBytes(echo.body)).to.deep.equal(utf8Bytes('\u2713'));
      });
    });

    it('streams: download progress reports the first chunk before the server sends the last (lock-step)', function () {
      var id = uid('ie9-xdr-ls');
      var loaded: number[] = [];
      var sentAtFirst: number | null = null;
      function ack(k: number): Promise<unknown> {
        return rawJson('/api/lockstep-ack?id=' + id + '&k=' + k);
      }
      var init: any = { retrofetch: { onDownloadProgress: function (p: any) { loaded.push(p.loaded); } } };
      var response: Response;
      return ack(0).then(function () {
        return fetch(cross + '/api/lockstep?id=' + id + '&chunks=3&size=16', init);
      }).then(function (r) {
        response = r;
        var until = new Date().getTime() + 5000;
        return new Promise<void>(function (resolve, reject) {
          (function poll() {
            if (loaded.length > 0) return resolve();
            if (new Date().getTime() > until) return reject(new Error('no progress before the end'));
            setTimeout(poll, 20);
          })();
        });
      }).then(function () {
        return rawJson('/api/lockstep-log?id=' + id);
      }).then(function (log) {
        sentAtFirst = log.sent;
        return ack(1).then(function () { return ack(2); });
      }).then(function () {
        return response.text();
      }).then(function (text) {
        expect(sentAtFirst).to.equal(1);
        expect(loaded[0]).to.equal(16);
        expect(loaded[loaded.length - 1]).to.equal(48);
        expect(text).to.equal('0:aaaaaaaaaaaaa\n1:bbbbbbbbbbbbb\n2:ccccccccccccc\n');
      });
    });
  });

  it('with native XMLHttpRequest disabled, the ActiveX XHR (stand-in) does the same', function () {
    var saved = { xhr: g.XMLHttpRequest, activeX: g.ActiveXObject };
    var tried: string[] = [];
    g.XMLHttpRequest = undefined;
    g.ActiveXObject = g.__retrofetchStandIns.ActiveXObject(['MSXML2.XMLHttp.6.0'], tried);
    function restore(): void {
      g.XMLHttpRequest = saved.xhr;
      g.ActiveXObject = saved.activeX;
    }
    return fetch('/api/charset?enc=utf-8').then(function (r) { return r.text(); }).then(function (text) {
      expect(text).to.equal('h\u00e9llo w\u00f6rld \u2713');
      expect(tried[0]).to.equal('MSXML2.XMLHttp.6.0');
      return fetch(cross + '/api/echo?activex=1');
    }).then(function (r) { return r.json(); }).then(function (echo) {
      expect(echo.url).to.equal('/api/echo?activex=1'); // cross-origin went over XDomainRequest
      restore();
    }, function (e) {
      restore();
      throw e;
    });
  });
});
