// FormData as a body (multipart/form-data encoding) and Body.formData() (multipart/form-data and
// application/x-www-form-urlencoded parsing): https://fetch.spec.whatwg.org/#body-mixin
import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause } from '../../support/harness';
import { expectRejects, bytesOf, range, hasBlob } from '../../support/assert';
import { entriesOf, entriesWithBytes, latin1, utf8Bytes, readsFormDataFiles, readableFormData, requireReadableFormData } from '../../support/form-data';

function boundaryOf(contentType: string | null): string {
  var match = /^multipart\/form-data; boundary=(.+)$/.exec(contentType || '');
  expect(match, 'Content-Type ' + contentType).to.not.equal(null);
  return match![1];
}

function multipart(boundary: string, parts: string[]): string {
  return '--' + boundary + '\r\n' + parts.join('\r\n--' + boundary + '\r\n') + '\r\n--' + boundary + '--\r\n';
}

suite('FormData bodies', function (impl) {
  var FormData = impl.FormData;
  var Response = impl.Response;
  var Request = impl.Request;
  var readsFiles = false;

  before(function () {
    if (!hasBlob) return undefined;
    return readsFormDataFiles(impl).then(function (yes) { readsFiles = yes; });
  });

  function skipUnlessFiles(test: Mocha.Context): void {
    if (!hasBlob) skipBecause(test, 'the engine has no Blob');
    requireReadableFormData(test, impl);
    if (!readsFiles) skipBecause(test, 'this Response cannot read a FormData body with a file in it (WebKitGTK native)');
  }

  function parse(body: string | Uint8Array, type: string): Promise<FormData> {
    return new Response(typeof body === 'string' ? latin1(body) : body, { headers: { 'Content-Type': type } }).formData();
  }

  describe('encoding (multipart/form-data)', function () {
    it('sets multipart/form-data with a boundary, and encodes strings with CRLF line breaks and escaped names', function () {
      requireReadableFormData(this, impl);
      var form = new FormData();
      form.append('a\nb\rc', 'x\ry\nz\r\n');
      form.append('q"uote', 'h\u00e9 \u2713');
      form.append('empty', '');
      var response = new Response(form);
      var boundary = boundaryOf(response.headers.get('Content-Type'));
      return response.arrayBuffer().then(function (buffer) {
        expect(bytesOf(buffer)).to.deep.equal(utf8Bytes(multipart(boundary, [
          'Content-Disposition: form-data; name="a%0D%0Ab%0D%0Ac"\r\n\r\nx\r\ny\r\nz\r\n',
          'Content-Disposition: form-data; name="q%22uote"\r\n\r\nh\u00e9 \u2713',
          'Content-Disposition: form-data; name="empty"\r\n\r\n'
        ])));
      });
    });

    it('encodes files with their filename (escaped, not normalised) and type, and their exact bytes', function () {
      skipUnlessFiles(this);
      var form = new FormData();
      form.append('t', new Blob(['q'], { type: 'text/x' }), 'n\r\n"e.txt');
      form.append('b', new Blob([new Uint8Array(range(256))]), 'bytes.bin');
      form.append('blob', new Blob(['']));
      var response = new Response(form);
      var boundary = boundaryOf(response.headers.get('Content-Type'));
      return response.arrayBuffer().then(function (buffer) {
        var bin = '';
        for (var i = 0; i < 256; i++) bin += String.fromCharCode(i);
        expect(bytesOf(buffer)).to.deep.equal(bytesOf(latin1(multipart(boundary, [
          'Content-Disposition: form-data; name="t"; filename="n%0D%0A%22e.txt"\r\nContent-Type: text/x\r\n\r\nq',
          'Content-Disposition: form-data; name="b"; filename="bytes.bin"\r\nContent-Type: application/octet-stream\r\n\r\n' + bin,
          'Content-Disposition: form-data; name="blob"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ]))));
      });
    });

    it('each body gets a fresh boundary; Request and Response alike', function () {
      var form = new FormData();
      form.append('a', '1');
      var types = [
        new Response(form).headers.get('Content-Type'),
        new Response(form).headers.get('Content-Type'),
        new Request('/x', { method: 'POST', body: form }).headers.get('Content-Type')
      ];
      var boundaries = types.map(boundaryOf);
      expect(boundaries[0]).to.not.equal(boundaries[1]);
      expect(boundaries[1]).to.not.equal(boundaries[2]);
    });

    it('the body holds the entries as they were when it was made', function () {
      requireReadableFormData(this, impl);
      var form = new FormData();
      form.append('a', '1');
      var request = new Request('/x', { method: 'POST', body: form });
      form.append('b', '2');
      return request.formData().then(function (parsed) {
        expect(entriesOf(parsed)).to.deep.equal([['a', '1']]);
      });
    });

    it('a Content-Type given in init is kept', function () {
      var form = new FormData();
      form.append('a', '1');
      var request = new Request('/x', { method: 'POST', body: form, headers: { 'Content-Type': 'text/plain' } });
      expect(request.headers.get('Content-Type')).to.equal('text/plain');
    });

    it('clone() gives the same bytes', function () {
      requireReadableFormData(this, impl);
      var form = new FormData();
      form.append('a', 'b');
      var request = new Request('/x', { method: 'POST', body: form });
      var copy = request.clone();
      return Promise.all([request.text(), copy.text()]).then(function (texts) {
        expect(texts[0]).to.equal(texts[1]);
        expect(texts[0]).to.contain('name="a"');
      });
    });
  });

  describe('formData() on multipart/form-data', function () {
    it('round-trips a FormData with text and files', function () {
      skipUnlessFiles(this);
      var form = new FormData();
      form.append('text', 'h\u00e9 \u2713');
      form.append('lines', 'a\nb');
      form.append('file', new Blob([new Uint8Array(range(256))], { type: 'application/x-bytes' }), 'bytes.bin');
      form.append('text', 'second');
      return new Request('/x', { method: 'POST', body: form }).formData().then(function (parsed) {
        expect(parsed).to.be.an.instanceof(FormData);
        return entriesWithBytes(parsed);
      }).then(function (entries) {
        expect(entries).to.deep.equal([
          ['text', 'h\u00e9 \u2713'], ['lines', 'a\r\nb'],
          ['file', { name: 'bytes.bin', type: 'application/x-bytes', bytes: range(256) }], ['text', 'second']
        ]);
      });
    });

    it('parses parts with files, filenames and types; a file without a type is text/plain', function () {
      var body = multipart('XyZ', [
        'Content-Disposition: form-data; name="plain"\r\n\r\nv1',
        'Content-Disposition: form-data; name="f"; filename="x.bin"\r\nContent-Type: application/x-foo\r\n\r\n\x00\xff\r\n--X\r',
        'Content-Disposition: form-data; name="untyped"; filename="u.txt"\r\n\r\nABC',
        'Content-Disposition: form-data; name="nameless"; filename=""\r\n\r\nz',
        'Content-Disposition: form-data; name="utf8 \xc3\xa9"\r\n\r\n\xc3\xa9',
        'Content-Disposition: form-data; name="empty"\r\n\r\n'
      ]);
      return parse(body, 'multipart/form-data; boundary=XyZ').then(entriesWithBytes).then(function (entries) {
        expect(entries).to.deep.equal([
          ['plain', 'v1'],
          ['f', { name: 'x.bin', type: 'application/x-foo', bytes: [0, 255, 13, 10, 45, 45, 88, 13] }],
          ['untyped', { name: 'u.txt', type: 'text/plain', bytes: [65, 66, 67] }],
          ['nameless', { name: '', type: 'text/plain', bytes: [122] }],
          ['utf8 \u00e9', '\u00e9'],
          ['empty', '']
        ]);
      });
    });

    itPolyfillOnly(impl, 'decodes a UTF-8 filename', 'WebKitGTK 2.50 drops a non-ASCII filename and makes the part a string',
      function () {
        var body = multipart('B', ['Content-Disposition: form-data; name="f"; filename="\xe2\x9c\x93 \xc3\xa9.txt"\r\n\r\nx']);
        return parse(body, 'multipart/form-data; boundary=B').then(function (form) {
          expect(entriesOf(form)).to.deep.equal([['f', { name: '\u2713 \u00e9.txt', type: 'text/plain', size: 1 }]]);
        });
      });

    it('reads quoted and unquoted parameters, in any order, with any case and spacing', function () {
      var body = multipart('a.b-c', [
        'content-disposition: form-data; name=unquoted\r\n\r\n1',
        'Content-Disposition:   form-data;   name="spaced"\r\n\r\n2',
        'Content-Disposition: form-data; filename="first.txt"; name="order"\r\n\r\n3',
        'Content-Disposition: form-data; name="star"; filename*=UTF-8\'\'%C3%A9.txt\r\n\r\n4'
      ]);
      return parse(body, 'multipart/form-data; boundary="a.b-c"').then(function (form) {
        expect(entriesOf(form)).to.deep.equal([
          ['unquoted', '1'], ['spaced', '2'], ['order', { name: 'first.txt', type: 'text/plain', size: 1 }], ['star', '4']
        ]);
      });
    });

    it('decodes text parts as UTF-8 whatever their Content-Type says, keeping a BOM; percent escapes stay', function () {
      var body = multipart('B', [
        'Content-Disposition: form-data; name="latin"\r\nContent-Type: text/plain; charset=latin1\r\n\r\n\xc3\xa9',
        'Content-Disposition: form-data; name="bom"\r\n\r\n\xef\xbb\xbfv',
        'Content-Disposition: form-data; name="a%22b%0D%0Ac"; filename="q%22.txt"\r\n\r\nv'
      ]);
      return parse(body, 'multipart/form-data; boundary=B').then(function (form) {
        expect(entriesOf(form)).to.deep.equal([
          ['latin', '\u00e9'], ['bom', '\uFEFFv'], ['a%22b%0D%0Ac', { name: 'q%22.txt', type: 'text/plain', size: 1 }]
        ]);
      });
    });

    it('ignores an epilogue; a body with only the close delimiter has no entries', function () {
      return Promise.all([
        parse(multipart('B', ['Content-Disposition: form-data; name="a"\r\n\r\n1']) + 'epilogue\r\n', 'multipart/form-data; boundary=B'),
        parse('--B--\r\n', 'multipart/form-data; boundary=B')
      ]).then(function (forms) {
        expect(entriesOf(forms[0])).to.deep.equal([['a', '1']]);
        expect(entriesOf(forms[1])).to.deep.equal([]);
      });
    });

    it('rejects with a TypeError: no boundary, another boundary, an empty body, LF line breaks', function () {
      var good = multipart('B', ['Content-Disposition: form-data; name="a"\r\n\r\n1']);
      return Promise.all([
        expectRejects(impl, parse(good, 'multipart/form-data'), TypeError, 'Response.formData'),
        expectRejects(impl, parse(good, 'multipart/form-data; boundary=other'), TypeError, 'Response.formData'),
        expectRejects(impl, parse('', 'multipart/form-data; boundary=B'), TypeError, 'Response.formData'),
        expectRejects(impl, parse(good.replace(/\r\n/g, '\n'), 'multipart/form-data; boundary=B'), TypeError, 'Response.formData'),
        expectRejects(impl, parse(good, 'multipart/mixed; boundary=B'), TypeError, 'Response.formData')
      ]);
    });

    itPolyfillOnly(impl, 'rejects a body that ends early, a part without a name or a Content-Disposition, a broken header line',
      'WebKitGTK 2.50 returns the parts it could read instead (Chromium and Firefox reject the first three; Chromium and ' +
      'WebKit skip a header line without a colon)', function () {
        var part = 'Content-Disposition: form-data; name="a"\r\n\r\nv1';
        var type = 'multipart/form-data; boundary=B';
        return Promise.all([
          expectRejects(impl, parse('--B\r\n' + part, type), TypeError, 'Response.formData'),
          expectRejects(impl, parse('--B\r\n' + part + '\r\n--B\r\n', type), TypeError, 'Response.formData'),
          expectRejects(impl, parse(multipart('B', ['Content-Disposition: form-data\r\n\r\nv']), type), TypeError, 'Response.formData'),
          expectRejects(impl, parse(multipart('B', ['X-Other: 1\r\n\r\nv']), type), TypeError, 'Response.formData'),
          expectRejects(impl, parse(multipart('B', ['Content-Disposition: attachment; name="a"\r\n\r\nv']), type), TypeError, 'Response.formData'),
          expectRejects(impl, parse(multipart('B', [part.replace('\r\n\r\n', '\r\nbogus\r\n\r\n')]), type), TypeError, 'Response.formData')
        ]);
      });
  });

  describe('formData() on application/x-www-form-urlencoded', function () {
    it('decodes +, percent escapes and UTF-8; a stray or broken % stays; invalid UTF-8 becomes U+FFFD', function () {
      var body = 'a=1&b=x+y%2Bz&c=%C3%A9&d=%&e=%zz&f=%C3&g=\xc3\xa9+%E2%9C%93&h=a=b&&=noname&flag&a=2';
      return parse(body, 'application/x-www-form-urlencoded').then(function (form) {
        // Where the global FormData is an engine's append-only one (kept: README "Legacy engines"), formData() gives
        // retrofetch's own, which can be read.
        if (readableFormData(impl)) expect(form).to.be.an.instanceof(FormData);
        else expect(form).to.not.be.an.instanceof(FormData);
        expect(entriesOf(form)).to.deep.equal([
          ['a', '1'], ['b', 'x y+z'], ['c', '\u00e9'], ['d', '%'], ['e', '%zz'], ['f', '\uFFFD'], ['g', '\u00e9 \u2713'],
          ['h', 'a=b'], ['', 'noname'], ['flag', ''], ['a', '2']
        ]);
      });
    });

    it('leaves %u escapes as they are (percent-decoding takes two hex digits only)', function () {
      return parse('i=%u0041%U00e9&j=%%u41&k=%%41', 'application/x-www-form-urlencoded').then(function (form) {
        expect(entriesOf(form)).to.deep.equal([['i', '%u0041%U00e9'], ['j', '%%u41'], ['k', '%A']]);
      });
    });

    it('ignores a charset parameter: always UTF-8', function () {
      return parse('a=%E9&b=%C3%A9', 'application/x-www-form-urlencoded; charset=windows-1252').then(function (form) {
        expect(entriesOf(form)).to.deep.equal([['a', '\uFFFD'], ['b', '\u00e9']]);
      });
    });

    it('works for Request and Response, and uses the body', function () {
      var request = new Request('/x', { method: 'POST', body: 'k=v', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
      return request.formData().then(function (form) {
        expect(entriesOf(form)).to.deep.equal([['k', 'v']]);
        expect(request.bodyUsed).to.equal(true);
        return expectRejects(impl, request.formData(), TypeError, 'Request.formData');
      });
    });

    it('an empty body gives no entries', function () {
      return parse('', 'application/x-www-form-urlencoded').then(function (form) {
        expect(entriesOf(form)).to.deep.equal([]);
      });
    });
  });

  it('formData() rejects any other Content-Type, or none', function () {
    return Promise.all([
      expectRejects(impl, new Response('a=1', { headers: { 'Content-Type': 'text/plain' } }).formData(), TypeError, 'Response.formData'),
      expectRejects(impl, new Response(latin1('a=1')).formData(), TypeError, 'Response.formData'),
      expectRejects(impl, new Response(null).formData(), TypeError, 'Response.formData')
    ]);
  });
});
