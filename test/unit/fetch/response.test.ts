import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause, requireBodyStreams } from '../../support/harness';
import { expectThrows, expectRejects, bytesOf, range, readStream } from '../../support/assert';

suite('Response', function (impl) {
  var Response = impl.Response;

  describe('constructor', function () {
    it('defaults: status 200, ok, empty statusText, type default, url empty, not redirected, null body', function () {
      var r = new Response();
      expect(r.status).to.equal(200);
      expect(r.ok).to.equal(true);
      expect(r.statusText).to.equal('');
      expect(r.type).to.equal('default');
      expect(r.url).to.equal('');
      expect(r.redirected).to.equal(false);
      expect(r.body).to.equal(null);
      expect(r.bodyUsed).to.equal(false);
    });

    it('keeps status and statusText; ok follows 200–299', function () {
      var r = new Response('x', { status: 201, statusText: 'Created' });
      expect(r.status).to.equal(201);
      expect(r.statusText).to.equal('Created');
      expect(r.ok).to.equal(true);
      expect(new Response('x', { status: 299 }).ok).to.equal(true);
      expect(new Response('x', { status: 300 }).ok).to.equal(false);
      expect(new Response('x', { status: 599 }).ok).to.equal(false);
    });

    it('converts status as a WebIDL unsigned short', function () {
      expect(new Response(null, { status: '404' as any }).status).to.equal(404);
      expect(new Response(null, { status: 200.9 }).status).to.equal(200);
      expect(new Response(null, { status: 65536 + 201 }).status).to.equal(201);
    });

    it('refuses a status outside 200–599 with a RangeError naming the member', function () {
      [0, 100, 199, 600, 1223, -1].forEach(function (status) {
        expectThrows(impl, function () { new Response('', { status: status }); }, RangeError, 'Response');
      });
    });

    it('refuses a statusText that is not a reason phrase', function () {
      expectThrows(impl, function () { new Response('', { statusText: 'a\nb' }); }, TypeError, 'statusText');
      expectThrows(impl, function () { new Response('', { statusText: '\u0100' }); }, TypeError, 'statusText');
      expect(new Response('', { statusText: 'caf\u00e9 \t ok' }).statusText).to.equal('caf\u00e9 \t ok');
    });

    it('refuses a body with a null-body status', function () {
      [204, 205, 304].forEach(function (status) {
        expectThrows(impl, function () { new Response('x', { status: status }); }, TypeError, 'Response');
        expect(new Response(null, { status: status }).body).to.equal(null);
        // (Where bodies can have no stream, the core build's `body` is null for every body: README.)
        if (impl.ReadableStream && typeof Uint8Array !== 'undefined') expect(new Response('', { status: 200 }).body).to.not.equal(null);
      });
    });

    it('refuses a non-object init', function () {
      expectThrows(impl, function () { new Response('', 5 as any); }, TypeError);
    });

    it('takes headers from init, mutable (guard response)', function () {
      var r = new Response('x', { headers: { 'X-A': '1' } });
      expect(r.headers.get('x-a')).to.equal('1');
      r.headers.set('X-B', '2');
      expect(r.headers.get('x-b')).to.equal('2');
      expect(r.headers).to.equal(r.headers);
    });

    it('needs new', function () {
      expectThrows(impl, function () { (Response as any)(); }, TypeError);
    });
  });

  describe('body extraction and Content-Type', function () {
    it('string: text/plain;charset=UTF-8, UTF-8 bytes', function () {
      var r = new Response('h\u00e9\u2713');
      expect(r.headers.get('content-type')).to.equal('text/plain;charset=UTF-8');
      return r.arrayBuffer().then(function (buffer) {
        expect(bytesOf(buffer)).to.deep.equal([0x68, 0xc3, 0xa9, 0xe2, 0x9c, 0x93]);
      });
    });

    it('keeps a Content-Type given in init', function () {
      var r = new Response('x', { headers: { 'Content-Type': 'text/html' } });
      expect(r.headers.get('content-type')).to.equal('text/html');
    });

    it('lone surrogates become U+FFFD (USVString)', function () {
      return new Response('a\ud800b').arrayBuffer().then(function (buffer) {
        expect(bytesOf(buffer)).to.deep.equal([0x61, 0xef, 0xbf, 0xbd, 0x62]);
      });
    });

    it('URLSearchParams: application/x-www-form-urlencoded;charset=UTF-8', function () {
      if (typeof URLSearchParams !== 'function') return skipBecause(this, 'the engine has no URLSearchParams');
      var r = new Response(new URLSearchParams('a=1&b=2 3'));
      expect(r.headers.get('content-type')).to.equal('application/x-www-form-urlencoded;charset=UTF-8');
      return r.text().then(function (text) {
        expect(text).to.equal('a=1&b=2+3');
      });
    });

    it('ArrayBuffer and every TypedArray / DataView: bytes copied, no Content-Type', function () {
      var source = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
      var views: any[] = [
        source.buffer, new Uint8Array(source.buffer, 2, 3), new Int8Array(source.buffer, 1, 2),
        new Uint8ClampedArray(source.buffer), new Int16Array(source.buffer, 2, 1), new Uint16Array(source.buffer),
        new Int32Array(source.buffer, 4), new Uint32Array(source.buffer), new Float32Array(source.buffer),
        new Float64Array(source.buffer), new DataView(source.buffer, 3, 2)
      ];
      var expected = [[1, 2, 3, 4, 5, 6, 7, 8], [3, 4, 5], [2, 3], [1, 2, 3, 4, 5, 6, 7, 8], [3, 4],
        [1, 2, 3, 4, 5, 6, 7, 8], [5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 8],
        [1, 2, 3, 4, 5, 6, 7, 8], [4, 5]];
      var responses = views.map(function (v) { return new Response(v); });
      responses.forEach(function (r) { expect(r.headers.get('content-type')).to.equal(null); });
      return Promise.all(responses.map(function (r) { return r.arrayBuffer(); })).then(function (buffers) {
        buffers.forEach(function (b, i) { expect(bytesOf(b), 'view ' + i).to.deep.equal(expected[i]); });
      });
    });

    itPolyfillOnly(impl, 'a BufferSource body is a copy taken at construction',
      'WebKitGTK reads an ArrayBuffer body when it is consumed, not when the Response is made', function () {
        var source = new Uint8Array([1, 2, 3]);
        var rs = [new Response(source.buffer), new Response(source)];
        source[1] = 99;
        return Promise.all([rs[0].arrayBuffer(), rs[1].arrayBuffer()]).then(function (buffers) {
          expect(bytesOf(buffers[0])).to.deep.equal([1, 2, 3]);
          expect(bytesOf(buffers[1])).to.deep.equal([1, 2, 3]);
        });
      });

    it('Blob: its bytes, its type as Content-Type (none when empty)', function () {
      var blob = new Blob(['ab', new Uint8Array([0, 255])], { type: 'application/x-test' });
      var r = new Response(blob);
      expect(r.headers.get('content-type')).to.equal('application/x-test');
      expect(new Response(new Blob(['x'])).headers.get('content-type')).to.equal(null);
      return r.arrayBuffer().then(function (buffer) {
        expect(bytesOf(buffer)).to.deep.equal([0x61, 0x62, 0, 255]);
      });
    });

    it('other objects are stringified', function () {
      return Promise.all([new Response({} as any).text(), new Response(12 as any).text(), new Response(true as any).text()])
        .then(function (texts) {
          expect(texts).to.deep.equal(['[object Object]', '12', 'true']);
        });
    });
  });

  describe('Body methods', function () {
    it('text(), json(), arrayBuffer(), bytes(), blob()', function () {
      var json = new Response('{"a":[1,"\u00e9"]}');
      var bin = new Response(new Uint8Array(range(256)));
      var blob = new Response('xyz', { headers: { 'Content-Type': 'Text/Plain; Charset=UTF-8' } });
      return Promise.all([json.json(), bin.arrayBuffer(), blob.blob()]).then(function (results) {
        expect(results[0]).to.deep.equal({ a: [1, '\u00e9'] });
        expect(bytesOf(results[1] as ArrayBuffer)).to.deep.equal(range(256));
        var b = results[2] as Blob;
        expect(b.size).to.equal(3);
        // The spec serializes the MIME type ('text/plain;charset=utf-8'); Chromium keeps the header's spacing.
        expect(b.type.replace(/ /g, '')).to.equal('text/plain;charset=utf-8');
      });
    });

    it('bytes() gives a Uint8Array', function () {
      if (typeof (Response.prototype as any).bytes !== 'function') return skipBecause(this, 'older natives lack bytes()');
      return (new Response(new Uint8Array([5, 6])) as any).bytes().then(function (u8: Uint8Array) {
        expect(Object.prototype.toString.call(u8)).to.equal('[object Uint8Array]');
        expect(bytesOf(u8)).to.deep.equal([5, 6]);
      });
    });

    it('json() rejects with a SyntaxError on bad JSON', function () {
      // WebKitGTK rejects with a DOMException named SyntaxError, the others with the JS SyntaxError.
      return new Response('{bad').json().then(function () { throw new Error('expected a rejection'); }, function (e) {
        expect(e.name).to.equal('SyntaxError');
        if (impl.name === 'polyfill') expect(e).to.be.an.instanceof(SyntaxError);
      });
    });

    it('a body can be read once: bodyUsed, then TypeError naming the member', function () {
      var r = new Response('once');
      return r.text().then(function (text) {
        expect(text).to.equal('once');
        expect(r.bodyUsed).to.equal(true);
        return expectRejects(impl, r.text(), TypeError, 'Response.text');
      }).then(function () {
        return expectRejects(impl, r.arrayBuffer(), TypeError, 'Response.arrayBuffer');
      });
    });

    it('bodyUsed is true as soon as reading starts', function () {
      var r = new Response('x');
      var p = r.text();
      expect(r.bodyUsed).to.equal(true);
      return p;
    });

    it('a null body reads as empty and is never "used"', function () {
      var r = new Response(null);
      return r.text().then(function (text) {
        expect(text).to.equal('');
        expect(r.bodyUsed).to.equal(false);
        return r.text();
      });
    });

    it('members on a foreign receiver: TypeError (rejection for promise members)', function () {
      var text = Response.prototype.text;
      expectThrows(impl, function () { Object.getOwnPropertyDescriptor(Response.prototype, 'status')!.get!.call({}); }, TypeError, 'Response.status');
      return expectRejects(impl, text.call({}), TypeError, 'Response.text');
    });
  });

  describe('UTF-8 decoding in text()', function () {
    function decode(bytes: number[]): Promise<string> {
      return new Response(new Uint8Array(bytes)).text();
    }

    it('strips one leading BOM only', function () {
      return Promise.all([decode([0xef, 0xbb, 0xbf, 0x61]), decode([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf])]).then(function (t) {
        expect(t[0]).to.equal('a');
        expect(t[1]).to.equal('\ufeff');
      });
    });

    it('decodes 1–4 byte sequences including astral characters', function () {
      return decode([0x24, 0xc2, 0xa2, 0xe2, 0x82, 0xac, 0xf0, 0x90, 0x8d, 0x88]).then(function (t) {
        expect(t).to.equal('$\u00a2\u20ac\ud800\udf48');
      });
    });

    it('replaces invalid sequences with U+FFFD per the Encoding Standard', function () {
      return Promise.all([
        decode([0xff]), decode([0xc0, 0x80]), decode([0xe2, 0x82]), decode([0xe2, 0x82, 0x41]),
        decode([0xed, 0xa0, 0x80]), decode([0xf4, 0x90, 0x80, 0x80]), decode([0x80, 0x80]), decode([0xf0, 0x90, 0x8d])
      ]).then(function (t) {
        expect(t).to.deep.equal(['\ufffd', '\ufffd\ufffd', '\ufffd', '\ufffdA', '\ufffd\ufffd\ufffd',
          '\ufffd\ufffd\ufffd\ufffd', '\ufffd\ufffd', '\ufffd']);
      });
    });

    it('decodes a large body exactly', function () {
      var s = '';
      for (var i = 0; i < 20000; i++) s += 'a\u00e9\u4e2d\ud83d\ude00';
      return new Response(s).text().then(function (t) {
        expect(t.length).to.equal(s.length);
        expect(t === s).to.equal(true);
      });
    });
  });

  describe('body stream', function () {
    it('body is a ReadableStream of Uint8Array; reading it marks the body used', function () {
      requireBodyStreams(this, impl);
      var r = new Response('stream me');
      var body = r.body!;
      expect(body).to.equal(r.body);
      expect(typeof body.getReader).to.equal('function');
      expect(r.bodyUsed).to.equal(false);
      return readStream(body).then(function (bytes) {
        expect(bytes.length).to.equal(9);
        expect(r.bodyUsed).to.equal(true);
        return expectRejects(impl, r.text(), TypeError);
      });
    });

    it('a locked body cannot be consumed or cloned', function () {
      requireBodyStreams(this, impl);
      var r = new Response('x');
      r.body!.getReader();
      expect(r.bodyUsed).to.equal(false);
      expectThrows(impl, function () { r.clone(); }, TypeError, 'Response.clone');
      return expectRejects(impl, r.text(), TypeError, 'Response.text');
    });

    it('a ReadableStream body is read through', function () {
      requireBodyStreams(this, impl);
      var chunks = [new Uint8Array([104, 105]), new Uint8Array([33])];
      var stream = new impl.ReadableStream({
        pull: function (controller: any) {
          var chunk = chunks.shift();
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        }
      });
      var r = new Response(stream);
      expect(r.body).to.equal(stream);
      expect(r.headers.get('content-type')).to.equal(null);
      return r.text().then(function (text) {
        expect(text).to.equal('hi!');
      });
    });

    it('a stream chunk that is not a Uint8Array errors the read with a TypeError', function () {
      requireBodyStreams(this, impl);
      var stream = new impl.ReadableStream({ start: function (c: any) { c.enqueue('str'); c.close(); } });
      return expectRejects(impl, new Response(stream).text(), TypeError);
    });

    it('a locked stream cannot be a body', function () {
      requireBodyStreams(this, impl);
      var stream = new impl.ReadableStream();
      stream.getReader();
      expectThrows(impl, function () { new Response(stream); }, TypeError);
    });
  });

  describe('clone()', function () {
    it('both copies read the whole body, with the same status, headers and type', function () {
      var r = new Response('twice', { status: 202, statusText: 'A', headers: { 'X-A': '1' } });
      var c = r.clone();
      expect(c.status).to.equal(202);
      expect(c.statusText).to.equal('A');
      expect(c.headers.get('x-a')).to.equal('1');
      expect(c.headers).to.not.equal(r.headers);
      c.headers.set('X-A', '2');
      expect(r.headers.get('x-a')).to.equal('1');
      return Promise.all([r.text(), c.text()]).then(function (t) {
        expect(t).to.deep.equal(['twice', 'twice']);
      });
    });

    it('tees a body whose stream was handed out', function () {
      requireBodyStreams(this, impl);
      var r = new Response('tee');
      expect(r.body).to.not.equal(null);
      var c = r.clone();
      return Promise.all([readStream(r.body!), c.text()]).then(function (results) {
        expect(results[0]).to.deep.equal([116, 101, 101]);
        expect(results[1]).to.equal('tee');
      });
    });

    it('reading the clone does not use the original', function () {
      var r = new Response('x');
      var c = r.clone();
      return c.text().then(function () {
        expect(c.bodyUsed).to.equal(true);
        expect(r.bodyUsed).to.equal(false);
      });
    });

    it('refuses a used body', function () {
      var r = new Response('x');
      return r.text().then(function () {
        expectThrows(impl, function () { r.clone(); }, TypeError, 'Response.clone');
      });
    });

    it('keeps an immutable guard', function () {
      var c = Response.error().clone();
      expectThrows(impl, function () { c.headers.set('X-A', '1'); }, TypeError);
    });
  });

  describe('static methods', function () {
    it('error(): type error, status 0, immutable headers, null body', function () {
      var r = Response.error();
      expect(r.type).to.equal('error');
      expect(r.status).to.equal(0);
      expect(r.ok).to.equal(false);
      expect(r.statusText).to.equal('');
      expect(r.body).to.equal(null);
      expectThrows(impl, function () { r.headers.append('X-A', '1'); }, TypeError);
    });

    it('redirect(): Location resolved against the document base, default 302', function () {
      var r = Response.redirect('/next?a=1');
      expect(r.status).to.equal(302);
      expect(r.headers.get('location')).to.equal(location.protocol + '//' + location.host + '/next?a=1');
      expect(r.body).to.equal(null);
      expectThrows(impl, function () { r.headers.set('Location', '/x'); }, TypeError);
      [301, 302, 303, 307, 308].forEach(function (s) {
        expect(Response.redirect('http://example.com/', s).status).to.equal(s);
      });
    });

    it('redirect(): RangeError for a non-redirect status, TypeError for a bad URL', function () {
      expectThrows(impl, function () { Response.redirect('http://example.com/', 200); }, RangeError, 'Response.redirect');
      expectThrows(impl, function () { Response.redirect('http://[bad', 301); }, TypeError, 'Response.redirect');
    });

    it('json(): serialized body, application/json, init respected', function () {
      var r = (Response as any).json({ a: 1, b: '\u00e9' }, { status: 201, headers: { 'X-A': '1' } });
      expect(r.status).to.equal(201);
      expect(r.headers.get('content-type')).to.equal('application/json');
      expect(r.headers.get('x-a')).to.equal('1');
      var custom = (Response as any).json(null, { headers: { 'Content-Type': 'application/vnd.x+json' } });
      expect(custom.headers.get('content-type')).to.equal('application/vnd.x+json');
      return Promise.all([r.text(), custom.text()]).then(function (t) {
        expect(t).to.deep.equal(['{"a":1,"b":"\u00e9"}', 'null']);
      });
    });

    it('json(): TypeError for values JSON cannot serialize, RangeError/TypeError from init', function () {
      expectThrows(impl, function () { (Response as any).json(undefined); }, TypeError, 'Response.json');
      expectThrows(impl, function () { (Response as any).json(function () { /* */ }); }, TypeError, 'Response.json');
      expectThrows(impl, function () { (Response as any).json({}, { status: 204 }); }, TypeError, 'Response.json');
      expectThrows(impl, function () { (Response as any).json({}, { status: 100 }); }, RangeError, 'Response.json');
    });
  });
});
