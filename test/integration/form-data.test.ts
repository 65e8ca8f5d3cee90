// FormData and every other BodyInit type end to end: uploads parsed by the test server (/api/multipart), echoes
// (/api/echo), and formData() on fetched responses.
import { expect } from 'chai';
import { suite, servers, itPolyfillOnly, skipBecause, requireBodyStreams, engineOwn } from '../support/harness';
import { expectRejects, expectThrows, bytesOf, range, hasBlob, hasURLSearchParams } from '../support/assert';
import { xhrDefaultRequestContentType } from '../support/probes';
import { isNativeCode } from '../support/families';
import {
  base64ToBytes, utf8Bytes, entriesOf, entriesWithBytes, foreignFormData, hasFileConstructor, readsFormDataFiles,
  requireReadableFormData
} from '../support/form-data';

interface ServerPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  disposition: string;
  length: number;
  base64: string;
}

interface ServerMultipart {
  contentType: string;
  boundary: string;
  parts: ServerPart[];
  error?: string;
}

function summary(parts: ServerPart[]): Array<[string, string | null, string | null, number[]]> {
  return parts.map(function (part): [string, string | null, string | null, number[]] {
    return [part.name, part.filename, part.contentType, base64ToBytes(part.base64)];
  });
}

suite('FormData uploads', function (impl) {
  var fetch = impl.fetch;
  var FormData = impl.FormData;
  var readsFiles = false;
  // What the server sees for a body of bytes without a Content-Type, and for no body: nothing, or the type the
  // engine's XHR adds (LEGACY(old WebKit, PhantomJS): application/x-www-form-urlencoded; README "Legacy engines";
  // jsdom: text/plain;charset=UTF-8 for bytes).
  var untyped: string | undefined;
  var bodiless: string | undefined;
  // Whether an engine's FormData goes to XHR as it is (retrofetch's fetch and the engine's own FormData, kept in the
  // as-is profile): XHR's boundary then, not the one request.headers has (see "the engine's own FormData goes to XHR").
  var xhrEncodes = impl.name === 'polyfill' && (impl.FormData === engineOwn('FormData') || isNativeCode(impl.FormData));

  before(function () {
    if (!hasBlob) return skipBecause(this, 'these uploads need Blob');
    return Promise.all([
      readsFormDataFiles(impl),
      impl.name === 'polyfill' ? xhrDefaultRequestContentType('bytes') : Promise.resolve(null),
      impl.name === 'polyfill' ? xhrDefaultRequestContentType('none') : Promise.resolve(null)
    ]).then(function (facts) {
      readsFiles = facts[0] as boolean;
      untyped = (facts[1] as string | null) || undefined;
      bodiless = (facts[2] as string | null) || undefined;
    });
  });

  // Text, a text file with an awkward name, 0–255 four times, and an empty file.
  function sampleForm(Form: typeof FormData): FormData {
    var form = new Form();
    form.append('text', 'h\u00e9 \u2713\nline');
    form.append('note', new Blob(['plain \u2713'], { type: 'text/plain' }), 'a "q".txt');
    form.append('bin', new Blob([new Uint8Array(range(256).concat(range(256), range(256), range(256)))]), 'bytes.bin');
    form.append('empty', new Blob([]), 'e');
    return form;
  }

  var sampleParts = [
    ['text', null, null, utf8Bytes('h\u00e9 \u2713\r\nline')],
    ['note', 'a %22q%22.txt', 'text/plain', utf8Bytes('plain \u2713')],
    ['bin', 'bytes.bin', 'application/octet-stream', range(256).concat(range(256), range(256), range(256))],
    ['empty', 'e', 'application/octet-stream', []]
  ];

  function post(url: string, body: any, init?: any): Promise<ServerMultipart> {
    var options: any = { method: 'POST', body: body };
    for (var name in init) options[name] = init[name];
    return fetch(url, options).then(function (r) { return r.json(); });
  }

  describe('multipart uploads', function () {
    it('text and binary files reach the server byte-exact, with names, filenames and types', function () {
      var request = new impl.Request('/api/multipart', { method: 'POST', body: sampleForm(FormData) });
      var sent = request.headers.get('Content-Type');
      return fetch(request).then(function (r) { return r.json(); }).then(function (result: ServerMultipart) {
        expect(result.error).to.equal(undefined);
        // The engine's own FormData under retrofetch's fetch (kept in the as-is and no-abort engines) is sent by XHR,
        // with a boundary of its own: request.headers shows the one extracted (README "FormData").
        if (!xhrEncodes) expect(result.contentType).to.equal(sent);
        else expect(result.contentType).to.match(/^multipart\/form-data; ?boundary=/);
        expect(summary(result.parts)).to.deep.equal(sampleParts);
      });
    });

    it('new Response(formData) gives the same upload, its Content-Type with it', function () {
      requireReadableFormData(this, impl);
      if (!readsFiles) return skipBecause(this, "WebKitGTK's native Response cannot read a FormData body with files");
      var response = new impl.Response(sampleForm(FormData));
      var type = response.headers.get('Content-Type');
      return response.arrayBuffer().then(function (bytes) {
        return post('/api/multipart', bytes, { headers: { 'Content-Type': type } });
      }).then(function (result) {
        expect(result.error).to.equal(undefined);
        expect(summary(result.parts)).to.deep.equal(sampleParts);
      });
    });

    it('to the other origin too', function () {
      // (PhantomJS preflights any Content-Type: the server allows it, other engines send no preflight.)
      return post(servers.crossOrigin + '/api/multipart?allow-headers=content-type', sampleForm(FormData)).then(function (result) {
        expect(summary(result.parts)).to.deep.equal(sampleParts);
      });
    });

    it("the engine's own FormData (another realm's) uploads byte-exact", function () {
      var foreign = foreignFormData();
      return post('/api/multipart', sampleForm(foreign.FormData)).then(function (result) {
        foreign.remove();
        expect(result.error).to.equal(undefined);
        expect(summary(result.parts)).to.deep.equal(sampleParts);
      }, function (error) {
        foreign.remove();
        throw error;
      });
    });

    it("the engine's own FormData is sent with the entries it had when the Request was made", function () {
      var foreign = foreignFormData();
      var form = new foreign.FormData();
      if (typeof (form as any).forEach !== 'function') {
        foreign.remove();
        return skipBecause(this, 'this engine\'s FormData cannot be read, so it is sent as it is at fetch() time');
      }
      form.append('a', '1');
      var request = new impl.Request('/api/multipart', { method: 'POST', body: form });
      form.append('b', '2');
      return fetch(request).then(function (r) { return r.json(); }).then(function (result: ServerMultipart) {
        foreign.remove();
        expect(summary(result.parts)).to.deep.equal([['a', null, null, [49]]]);
      });
    });

    itPolyfillOnly(impl, "the engine's own FormData goes to XHR as it is: XHR's boundary on the wire, request.headers as extracted",
      'native fetch sends the boundary it extracted; retrofetch lets XHR encode an engine FormData (README "FormData")', function () {
        var foreign = foreignFormData();
        var form = new foreign.FormData();
        form.append('a', '1');
        var request = new impl.Request('/api/multipart', { method: 'POST', body: form });
        var extracted = request.headers.get('Content-Type')!;
        expect(extracted).to.match(/^multipart\/form-data; boundary=----retrofetchformboundary/);
        return fetch(request).then(function (r) { return r.json(); }).then(function (result: ServerMultipart) {
          foreign.remove();
          expect(result.contentType).to.match(/^multipart\/form-data; ?boundary=/);
          expect(result.contentType).to.not.equal(extracted);
          expect(summary(result.parts)).to.deep.equal([['a', null, null, [49]]]);
        });
      });

    it("where the engine's own FormData cannot be read, reading such a body rejects but fetch() sends it", function () {
      var foreign = foreignFormData();
      var form = new foreign.FormData();
      if (typeof (form as any).forEach === 'function') {
        foreign.remove();
        return skipBecause(this, 'only engines whose FormData has no forEach (PhantomJS, IE 10–11)');
      }
      form.append('a', '1');
      var request = new impl.Request('/api/multipart', { method: 'POST', body: form });
      return expectRejects(impl, request.clone().text(), TypeError).then(function () {
        return fetch(request).then(function (r) { return r.json(); });
      }).then(function (result: ServerMultipart) {
        foreign.remove();
        expect(summary(result.parts)).to.deep.equal([['a', null, null, [49]]]);
      });
    });

    it("a Content-Type set by the caller is sent as it is", function () {
      var form = new FormData();
      form.append('a', '1');
      return fetch('/api/echo', { method: 'POST', body: form, headers: { 'Content-Type': 'multipart/form-data; boundary=mine' } })
        .then(function (r) { return r.json(); })
        .then(function (echo) { expect(echo.headers['content-type']).to.equal('multipart/form-data; boundary=mine'); });
    });
  });

  describe('bodies made from a FormData', function () {
    function boundaryOf(contentType: string): string {
      var match = /^multipart\/form-data; boundary=(.+)$/.exec(contentType);
      expect(match, contentType).to.not.equal(null);
      return match![1];
    }

    it('an empty FormData is the close delimiter alone (as Chromium, Firefox and WebKit encode it), read back as no entries', function () {
      // (The HTML and RFC 7578 encodings leave an empty form open: a multipart body of RFC 2046 has at least one part.)
      requireReadableFormData(this, impl);
      var bodies = [new impl.Response(new impl.FormData()), new impl.Request('/x', { method: 'POST', body: new impl.FormData() })];
      return Promise.all(bodies.map(function (body: Body & { headers: Headers }) {
        var boundary = boundaryOf(body.headers.get('Content-Type')!);
        return body.text().then(function (text) { expect(text).to.equal('--' + boundary + '--\r\n'); });
      })).then(function () {
        return new impl.Response(new impl.FormData()).formData();
      }).then(function (form) {
        expect(entriesOf(form)).to.deep.equal([]);
      });
    });

    it("blob() is typed multipart/form-data with the body's boundary", function () {
      if (!hasBlob) return skipBecause(this, 'no Blob here');
      requireReadableFormData(this, impl);
      var form = new impl.FormData();
      form.append('a', 'b');
      var request = new impl.Request('/x', { method: 'POST', body: form });
      var boundary = boundaryOf(request.headers.get('Content-Type')!);
      return request.blob().then(function (blob) {
        expect(blob.type.toLowerCase().replace('; ', ';')).to.equal('multipart/form-data;boundary=' + boundary.toLowerCase());
      });
    });

    itPolyfillOnly(impl, "blob()'s type is the Content-Type serialized, with the body's boundary as it is: the blob reads back as the form",
      'Chromium and WebKit give the Content-Type lowercased (their boundaries have capitals, so the type names another boundary); ' +
      "Firefox serializes it, as https://fetch.spec.whatwg.org/#dom-body-blob says (the Blob's type is the body's MIME type)",
      function () {
        if (!hasBlob) return skipBecause(this, 'no Blob here');
        requireReadableFormData(this, impl);
        var form = new impl.FormData();
        form.append('a', 'b');
        var response = new impl.Response(form);
        var boundary = boundaryOf(response.headers.get('Content-Type')!);
        return response.blob().then(function (blob) {
          expect(blob.type).to.equal('multipart/form-data;boundary=' + boundary);
          return new impl.Response(blob).formData();
        }).then(function (parsed) {
          expect(entriesOf(parsed)).to.deep.equal([['a', 'b']]);
        });
      });
  });

  describe('formData() on fetched responses', function () {
    it('parses a multipart/form-data response with files', function () {
      return fetch('/api/multipart?reflect=1', { method: 'POST', body: sampleForm(FormData) }).then(function (r) {
        return r.formData().then(entriesWithBytes).then(function (entries) {
          expect(entries).to.deep.equal([
            ['text', 'h\u00e9 \u2713\r\nline'],
            ['note', { name: 'a %22q%22.txt', type: 'text/plain', bytes: utf8Bytes('plain \u2713') }],
            ['bin', { name: 'bytes.bin', type: 'application/octet-stream', bytes: range(256).concat(range(256), range(256), range(256)) }],
            ['empty', { name: 'e', type: 'application/octet-stream', bytes: [] }]
          ]);
        });
      });
    });

    it('parses an application/x-www-form-urlencoded response', function () {
      var body = encodeURIComponent('a=1&b=x+y%2B&c=%C3%A9%E2%9C%93');
      return fetch('/api/status?code=200&type=application%2Fx-www-form-urlencoded&body=' + body).then(function (r) {
        return r.formData().then(function (form) {
          expect(entriesOf(form)).to.deep.equal([['a', '1'], ['b', 'x y+'], ['c', '\u00e9\u2713']]);
        });
      });
    });

    it('rejects a JSON response with a TypeError', function () {
      return fetch('/api/echo').then(function (r) { return expectRejects(impl, r.formData(), TypeError, 'Response.formData'); });
    });
  });

  describe('every BodyInit type', function () {
    var bytes = new Uint8Array(range(256));
    var int16 = new Int16Array([1, -2, 0x1234]);
    var cases: Array<{ label: string; body: () => any; type: string | null; bytes: number[]; gate?: boolean }> = [
      { label: 'string', body: function () { return 'h\u00e9 \u2713'; }, type: 'text/plain;charset=UTF-8', bytes: utf8Bytes('h\u00e9 \u2713') },
      { label: 'Uint8Array', body: function () { return bytes; }, type: null, bytes: range(256) },
      { label: 'a Uint8Array view with an offset', body: function () { return bytes.subarray(10, 20); }, type: null, bytes: range(20).slice(10) },
      { label: 'Int16Array', body: function () { return int16; }, type: null, bytes: bytesOf(new Uint8Array(int16.buffer)) },
      { label: 'ArrayBuffer', body: function () { return bytes.buffer; }, type: null, bytes: range(256) },
      { label: 'DataView with an offset', body: function () { return new DataView(bytes.buffer, 3, 5); }, type: null, bytes: [3, 4, 5, 6, 7] },
      { label: 'Blob with a type', body: function () { return new Blob([bytes], { type: 'Text/X; A=B' }); }, type: 'text/x; a=b', bytes: range(256) },
      { label: 'Blob without a type', body: function () { return new Blob(['ab']); }, type: null, bytes: [97, 98] },
      {
        label: 'File', gate: hasFileConstructor, type: 'application/json', bytes: utf8Bytes('{}'),
        body: function () { return new File(['{}'], 'x.json', { type: 'application/json' }); }
      },
      {
        label: 'URLSearchParams', gate: hasURLSearchParams, type: 'application/x-www-form-urlencoded;charset=UTF-8',
        bytes: utf8Bytes('a=1&b=%C3%A9+%2B'), body: function () { return new URLSearchParams('a=1&b=\u00e9 %2B'); }
      }
    ];

    cases.forEach(function (c) {
      it(c.label + ': ' + (c.type === null ? 'no Content-Type' : c.type) + ', exact bytes (Request, Response, fetch)', function () {
        if (c.gate === false) return skipBecause(this, 'the engine lacks this type');
        expect(new impl.Request('/x', { method: 'POST', body: c.body() }).headers.get('Content-Type')).to.equal(c.type);
        var response = new impl.Response(c.body());
        expect(response.headers.get('Content-Type')).to.equal(c.type);
        return response.arrayBuffer().then(function (buffer) {
          expect(bytesOf(buffer)).to.deep.equal(c.bytes);
          return post('/api/echo', c.body());
        }).then(function (echo: any) {
          expect(echo.headers['content-type']).to.equal(c.type === null ? untyped : c.type);
          expect(base64ToBytes(echo.body)).to.deep.equal(c.bytes);
        });
      });
    });

    it('FormData: multipart/form-data with the boundary of its body', function () {
      var form = new FormData();
      form.append('a', '1');
      return post('/api/echo', form).then(function (echo: any) {
        var boundary = /^multipart\/form-data; ?boundary=(.+)$/.exec(echo.headers['content-type'])![1];
        var expected = '--' + boundary + '\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--' + boundary + '--\r\n';
        expect(base64ToBytes(echo.body)).to.deep.equal(utf8Bytes(expected));
      });
    });

    it('no body: no Content-Type', function () {
      return post('/api/echo', null).then(function (echo: any) {
        expect(echo.headers['content-type']).to.equal(bodiless);
        expect(echo.bodyLength).to.equal(0);
      });
    });

    describe('ReadableStream', function () {
      var streams = false;

      before(function () {
        requireBodyStreams(this, impl);
        // Whether the implementation takes a stream as a body (reads init.duplex and sets no text/plain type), the
        // feature test web.dev gives: Firefox turns the stream into the string "[object ReadableStream]".
        var read = false;
        var init: any = { method: 'POST', body: new impl.ReadableStream() };
        Object.defineProperty(init, 'duplex', { get: function () { read = true; return 'half'; }, enumerable: true });
        try {
          streams = !new impl.Request('/x', init).headers.has('Content-Type') && read;
        } catch (e) {
          streams = false;
        }
      });

      function stream(chunks: number[][]): ReadableStream {
        var i = 0;
        return new impl.ReadableStream({
          pull: function (controller: any) {
            if (i < chunks.length) controller.enqueue(new Uint8Array(chunks[i++]));
            else controller.close();
          }
        });
      }

      it("needs duplex: 'half' (a TypeError without it), and has no Content-Type", function () {
        if (!streams) return skipBecause(this, 'the implementation does not take stream bodies');
        expectThrows(impl, function () { new impl.Request('/x', { method: 'POST', body: stream([[1]]) }); }, TypeError, 'duplex');
        var request = new impl.Request('/x', { method: 'POST', body: stream([[1]]), duplex: 'half' } as any);
        expect(request.headers.has('Content-Type')).to.equal(false);
        expect((request as any).duplex).to.equal('half');
      });

      itPolyfillOnly(impl, 'is read to its end, then sent: exact bytes',
        'Chromium uploads a stream only over HTTP/2 (the lab serves HTTP/1.1); Firefox and WebKitGTK do not upload streams',
        function () {
          return post('/api/echo', stream([[0, 1], [], range(256), [255]]), { duplex: 'half' }).then(function (echo: any) {
            expect(echo.headers['content-type']).to.equal(untyped);
            expect(base64ToBytes(echo.body)).to.deep.equal([0, 1].concat(range(256), [255]));
          });
        });
    });
  });
});
