import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause, requireBodyStreams } from '../../support/harness';
import { expectThrows, expectRejects, bytesOf, readStream } from '../../support/assert';

suite('Request', function (impl) {
  var Request = impl.Request;
  var base = location.protocol + '//' + location.host;
  // Firefox has no Request.prototype.body (nor ReadableStream request bodies); where it is missing, skip those asserts.
  var hasRequestBody = 'body' in Request.prototype;

  describe('constructor from a URL', function () {
    it('defaults', function () {
      var r = new Request('http://example.com/a?b#c');
      expect(r.url).to.equal('http://example.com/a?b#c');
      expect(r.method).to.equal('GET');
      expect(r.mode).to.equal('cors');
      expect(r.credentials).to.equal('same-origin');
      expect(r.cache).to.equal('default');
      expect(r.redirect).to.equal('follow');
      expect(r.referrer).to.equal('about:client');
      expect(r.referrerPolicy).to.equal('');
      expect(r.integrity).to.equal('');
      expect(r.keepalive).to.equal(false);
      expect(r.destination).to.equal('');
      if (hasRequestBody) expect(r.body).to.equal(null);
      expect(r.bodyUsed).to.equal(false);
      // Not every engine exposes these (Firefox does not); where present they are false for a constructed Request.
      if ('isReloadNavigation' in Request.prototype) expect((r as any).isReloadNavigation).to.equal(false);
      if ('isHistoryNavigation' in Request.prototype) expect((r as any).isHistoryNavigation).to.equal(false);
    });

    itPolyfillOnly(impl, 'its prototype has the IDL attributes and operations, no internal field', 'engines add members of their own', function () {
      var members: string[] = [];
      for (var key in Request.prototype) members.push(key);
      expect(members.sort()).to.deep.equal(('arrayBuffer blob body bodyUsed bytes cache clone credentials destination duplex formData ' +
        'headers integrity isHistoryNavigation isReloadNavigation json keepalive method mode redirect referrer referrerPolicy ' +
        'signal text url').split(' '));
    });

    it('resolves a relative URL against the document base', function () {
      expect(new Request('/x/y?z=1').url).to.equal(base + '/x/y?z=1');
      expect(new Request('rel').url).to.equal(base + location.pathname.replace(/[^\/]*$/, '') + 'rel');
    });

    it('stringifies a non-Request input', function () {
      var input = { toString: function () { return 'http://example.com/obj'; } };
      expect(new Request(input as any).url).to.equal('http://example.com/obj');
    });

    it('refuses a URL with credentials or an invalid URL, naming the member', function () {
      expectThrows(impl, function () { new Request('http://user:pass@example.com/'); }, TypeError, 'Request');
      expectThrows(impl, function () { new Request('http://user@example.com/'); }, TypeError, 'Request');
      expectThrows(impl, function () { new Request('http://[bad'); }, TypeError, 'Request');
    });

    it('needs an argument and new', function () {
      expectThrows(impl, function () { new (Request as any)(); }, TypeError);
      expectThrows(impl, function () { (Request as any)('http://example.com/'); }, TypeError);
    });
  });

  describe('RequestInit members', function () {
    it('stores every member', function () {
      var r = new Request('http://example.com/', {
        method: 'POST', body: 'x', mode: 'same-origin', credentials: 'include', cache: 'no-store', redirect: 'manual',
        referrerPolicy: 'no-referrer', integrity: 'sha256-abc', keepalive: true, headers: { 'X-A': '1' }
      });
      expect(r.method).to.equal('POST');
      expect(r.mode).to.equal('same-origin');
      expect(r.credentials).to.equal('include');
      expect(r.cache).to.equal('no-store');
      expect(r.redirect).to.equal('manual');
      expect(r.referrerPolicy).to.equal('no-referrer');
      expect(r.integrity).to.equal('sha256-abc');
      expect(r.keepalive).to.equal(true);
      expect(r.headers.get('x-a')).to.equal('1');
    });

    it('normalizes the six standard methods only', function () {
      var cases: Array<[string, string]> = [['get', 'GET'], ['post', 'POST'], ['pUt', 'PUT'], ['delete', 'DELETE'],
        ['options', 'OPTIONS'], ['head', 'HEAD'], ['patch', 'patch'], ['Custom', 'Custom'], ['PATCH', 'PATCH']];
      cases.forEach(function (c) {
        expect(new Request('http://example.com/', { method: c[0] }).method).to.equal(c[1]);
      });
    });

    it('refuses forbidden and invalid methods, naming the member', function () {
      ['CONNECT', 'trace', 'Track'].forEach(function (m) {
        expectThrows(impl, function () { new Request('http://example.com/', { method: m }); }, TypeError, 'Request');
      });
      ['', 'a b', 'g\u00e9t', 'a:b'].forEach(function (m) {
        expectThrows(impl, function () { new Request('http://example.com/', { method: m }); }, TypeError, 'Request');
      });
    });

    it('refuses a body with GET or HEAD', function () {
      expectThrows(impl, function () { new Request('http://example.com/', { body: 'x' }); }, TypeError, 'Request');
      expectThrows(impl, function () { new Request('http://example.com/', { method: 'HEAD', body: 'x' }); }, TypeError, 'Request');
      if (hasRequestBody) expect(new Request('http://example.com/', { body: null }).body).to.equal(null);
    });

    it('refuses invalid enum values with a TypeError naming the member', function () {
      var bad: any[] = [{ mode: 'nope' }, { credentials: 'always' }, { cache: 'sometimes' }, { redirect: 'maybe' },
        { referrerPolicy: 'bad' }, { priority: 'urgent' }];
      bad.forEach(function (init) {
        expectThrows(impl, function () { new Request('http://example.com/', init); }, TypeError, 'Request');
      });
    });

    it("refuses mode 'navigate'", function () {
      expectThrows(impl, function () { new Request('http://example.com/', { mode: 'navigate' }); }, TypeError, 'navigate');
    });

    it("only-if-cached needs mode 'same-origin'", function () {
      expectThrows(impl, function () { new Request('http://example.com/', { cache: 'only-if-cached' }); }, TypeError, 'only-if-cached');
      expect(new Request('/x', { cache: 'only-if-cached', mode: 'same-origin' }).cache).to.equal('only-if-cached');
    });

    it('no-cors: only CORS-safelisted methods', function () {
      expectThrows(impl, function () { new Request('http://example.com/', { mode: 'no-cors', method: 'PUT' }); }, TypeError, 'no-cors');
      expect(new Request('http://example.com/', { mode: 'no-cors', method: 'POST' }).mode).to.equal('no-cors');
    });

    it('referrer: empty → "", same-origin URL kept, about:client and other origins → about:client', function () {
      expect(new Request('/x', { referrer: '' }).referrer).to.equal('');
      expect(new Request('/x', { referrer: '/from' }).referrer).to.equal(base + '/from');
      expect(new Request('/x', { referrer: 'about:client' }).referrer).to.equal('about:client');
      expect(new Request('/x', { referrer: 'http://other.example/' }).referrer).to.equal('about:client');
      expectThrows(impl, function () { new Request('/x', { referrer: 'http://[bad' }); }, TypeError, 'referrer');
    });

    it('window null is accepted', function () {
      expect(new Request('/x', { window: null } as any).url).to.equal(base + '/x');
    });

    itPolyfillOnly(impl, 'window other than null is a TypeError', 'Chromium ignores init.window; the spec (Request constructor step 11) throws', function () {
      expectThrows(impl, function () { new Request('/x', { window: {} } as any); }, TypeError, 'window');
    });

    itPolyfillOnly(impl, 'signal must be an AbortSignal', 'WebKitGTK accepts any object as signal', function () {
      expectThrows(impl, function () { new Request('/x', { signal: {} as any }); }, TypeError, 'signal');
    });

    itPolyfillOnly(impl, 'a ReadableStream body needs duplex half',
      'Firefox and WebKitGTK do not take ReadableStream request bodies, so they never check duplex', function () {
      requireBodyStreams(this, impl);
      var stream = new impl.ReadableStream({ start: function (c: any) { c.enqueue(new Uint8Array([1])); c.close(); } });
      expectThrows(impl, function () { new Request('/x', { method: 'POST', body: stream }); }, TypeError, 'duplex');
      var r = new Request('/x', { method: 'POST', body: stream, duplex: 'half' } as any);
      if ('duplex' in Request.prototype) expect((r as any).duplex).to.equal('half');
      return r.arrayBuffer().then(function (b) { expect(bytesOf(b)).to.deep.equal([1]); });
    });

    itPolyfillOnly(impl, 'duplex accepts only half', 'Firefox and WebKitGTK ignore duplex (no ReadableStream request bodies)', function () {
      expectThrows(impl, function () { new Request('/x', { method: 'POST', body: 'x', duplex: 'full' } as any); }, TypeError, 'duplex');
    });
  });

  describe('headers and bodies', function () {
    it('sets the Content-Type of the body unless given', function () {
      var r = new Request('/x', { method: 'POST', body: 'hi' });
      expect(r.headers.get('content-type')).to.equal('text/plain;charset=UTF-8');
      var own = new Request('/x', { method: 'POST', body: 'hi', headers: { 'Content-Type': 'application/x-own' } });
      expect(own.headers.get('content-type')).to.equal('application/x-own');
      return r.text().then(function (t) { expect(t).to.equal('hi'); });
    });

    it('reads a binary body back exactly', function () {
      var r = new Request('/x', { method: 'PUT', body: new Uint8Array([0, 128, 255]) });
      expect(r.headers.get('content-type')).to.equal(null);
      return r.arrayBuffer().then(function (b) { expect(bytesOf(b)).to.deep.equal([0, 128, 255]); });
    });

    it('body is a stream and reading it uses the body', function () {
      requireBodyStreams(this, impl);
      if (!hasRequestBody) return skipBecause(this, 'this engine\'s Request has no body getter');
      var r = new Request('/x', { method: 'POST', body: 'abc' });
      return readStream(r.body!).then(function (bytes) {
        expect(bytes).to.deep.equal([97, 98, 99]);
        expect(r.bodyUsed).to.equal(true);
        return expectRejects(impl, r.text(), TypeError, 'Request.text');
      });
    });
  });

  describe('construction from another Request', function () {
    it('copies every member and the headers (a copy, not shared)', function () {
      var a = new Request('http://example.com/a', {
        method: 'PUT', headers: { 'X-A': '1' }, credentials: 'omit', cache: 'reload', redirect: 'error', integrity: 'i'
      });
      var b = new Request(a);
      expect(b.url).to.equal(a.url);
      expect(b.method).to.equal('PUT');
      expect(b.credentials).to.equal('omit');
      expect(b.cache).to.equal('reload');
      expect(b.redirect).to.equal('error');
      expect(b.integrity).to.equal('i');
      expect(b.headers.get('x-a')).to.equal('1');
      b.headers.set('X-A', '2');
      expect(a.headers.get('x-a')).to.equal('1');
    });

    it('init overrides members and replaces the headers', function () {
      var a = new Request('http://example.com/a', { headers: { 'X-A': '1' } });
      var b = new Request(a, { method: 'POST', headers: { 'X-B': '2' } });
      expect(b.method).to.equal('POST');
      expect(b.headers.get('x-a')).to.equal(null);
      expect(b.headers.get('x-b')).to.equal('2');
      var c = new Request(a, { method: 'POST' });
      expect(c.headers.get('x-a')).to.equal('1');
    });

    it('moves the body: the input becomes used', function () {
      var a = new Request('/x', { method: 'POST', body: 'moved' });
      var b = new Request(a);
      expect(a.bodyUsed).to.equal(true);
      expect(b.bodyUsed).to.equal(false);
      expectThrows(impl, function () { new Request(a); }, TypeError, 'Request');
      return b.text().then(function (t) { expect(t).to.equal('moved'); });
    });

    it("without an init body, the new request has the input's bytes in a stream of its own; the input's is used", function () {
      requireBodyStreams(this, impl);
      var a = new Request('/x', { method: 'POST', body: 'proxied' });
      var before = a.body;
      if (!before) return skipBecause(this, "this engine's Request gives a string body no stream");
      var b = new Request(a);
      expect(b.body).to.not.equal(null);
      expect(a.bodyUsed).to.equal(true);
      expect(b.bodyUsed).to.equal(false);
      expect(a.body!.locked, "the input's stream is locked (piped to the new one)").to.equal(true);
      return b.text().then(function (t) {
        expect(t).to.equal('proxied');
        expect(b.bodyUsed).to.equal(true);
      });
    });

    itPolyfillOnly(impl, 'the new request gets a new stream; the input keeps its own stream object, locked',
      "Chromium hands the input's stream object to the new request and gives the input another (the spec's new request gets a proxy: a new stream the input's is piped to)",
      function () {
        requireBodyStreams(this, impl);
        var a = new Request('/x', { method: 'POST', body: 'proxied' });
        var before = a.body!;
        var b = new Request(a);
        expect(a.body).to.equal(before);
        expect(before.locked).to.equal(true);
        expect(b.body).to.not.equal(before);
        return readStream(b.body!).then(function (bytes) {
          expect(bytes).to.deep.equal([112, 114, 111, 120, 105, 101, 100]);
        });
      });

    itPolyfillOnly(impl, 'an init body replaces the input body, which stays unused',
      'Chromium marks the input body used even when init.body replaces it; the spec transfers it only without an init body', function () {
      var a = new Request('/x', { method: 'POST', body: 'old' });
      var b = new Request(a, { body: 'new' });
      expect(a.bodyUsed).to.equal(false);
      return Promise.all([a.text(), b.text()]).then(function (t) { expect(t).to.deep.equal(['old', 'new']); });
    });

    it('refuses a used input body', function () {
      var a = new Request('/x', { method: 'POST', body: 'x' });
      return a.text().then(function () {
        expectThrows(impl, function () { new Request(a); }, TypeError, 'Request');
      });
    });

    it('refuses GET with the input body', function () {
      var a = new Request('/x', { method: 'POST', body: 'x' });
      expectThrows(impl, function () { new Request(a, { method: 'GET' }); }, TypeError, 'Request');
    });
  });

  describe('clone()', function () {
    it('copies members; both bodies read fully', function () {
      var a = new Request('/x', { method: 'POST', body: 'cl', headers: { 'X-A': '1' }, mode: 'same-origin' });
      var b = a.clone();
      expect(b.method).to.equal('POST');
      expect(b.mode).to.equal('same-origin');
      expect(b.headers.get('x-a')).to.equal('1');
      return Promise.all([a.text(), b.text()]).then(function (t) { expect(t).to.deep.equal(['cl', 'cl']); });
    });

    it('refuses a used body', function () {
      var a = new Request('/x', { method: 'POST', body: 'x' });
      return a.text().then(function () {
        expectThrows(impl, function () { a.clone(); }, TypeError, 'Request.clone');
      });
    });
  });

  describe('formData()', function () {
    it('parses application/x-www-form-urlencoded, with + and % and unicode', function () {
      var r = new Request('/x', {
        method: 'POST', body: 'a=1&b=x+y%2Bz&c=%C3%A9&a=2&empty=&=noname&flag',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
      });
      return r.formData().then(function (form) {
        expect(form.getAll('a')).to.deep.equal(['1', '2']);
        expect(form.get('b')).to.equal('x y+z');
        expect(form.get('c')).to.equal('\u00e9');
        expect(form.get('empty')).to.equal('');
        expect(form.get('')).to.equal('noname');
        expect(form.get('flag')).to.equal('');
      });
    });

    it('rejects with a TypeError for another Content-Type', function () {
      var r = new Request('/x', { method: 'POST', body: 'a=1', headers: { 'Content-Type': 'text/plain' } });
      return expectRejects(impl, r.formData(), TypeError, 'Request.formData');
    });
  });
});
