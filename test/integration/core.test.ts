// The core build (dist/retrofetch.core.js) in PhantomJS, after promise-polyfill (the `core` engine entry,
// test/setup/load-polyfill.js): the fetch family, abort and FormData, and nothing of the streams family or the text
// codecs; bodies have no stream where the page has no ReadableStream, and every body method works.
import { expect } from 'chai';
import { suite, profile } from '../support/harness';

var g: any = window;

// Registered in that profile only: elsewhere these tests have nothing to say.
if (profile === 'core') suite('core build', function (impl) {
  it('installs the fetch family, abort and FormData, and no streams, codecs or Promise of its own', function () {
    ['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal'].forEach(function (name) {
      expect(typeof g[name], name).to.equal('function');
    });
    ['ReadableStream', 'WritableStream', 'TransformStream', 'TextDecoder', 'TextEncoder', 'TextDecoderStream'].forEach(function (name) {
      expect(typeof g[name], name).to.equal('undefined');
    });
  });

  it('body is null where the page has no ReadableStream; text(), json(), arrayBuffer(), formData() work', function () {
    var r = new impl.Response('{"a":1}');
    expect(r.body).to.equal(null);
    return r.json().then(function (v) {
      expect(v).to.deep.equal({ a: 1 });
      return new impl.Response('abc').arrayBuffer();
    }).then(function (buffer) {
      expect(new Uint8Array(buffer).length).to.equal(3);
      return new impl.Response('a=1', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }).formData();
    }).then(function (form) {
      expect(form.get('a')).to.equal('1');
    });
  });

  it('fetch() over XHR: a streamed response read whole, and clone() without a stream', function () {
    return impl.fetch('/api/stream?chunks=3&interval=20&size=8').then(function (r) {
      expect(r.body).to.equal(null);
      var copy = r.clone();
      return Promise.all([r.text(), copy.text()]);
    }).then(function (texts) {
      expect(texts[0]).to.equal('0:aaaaa\n1:bbbbb\n2:ccccc\n');
      expect(texts[1]).to.equal(texts[0]);
    });
  });

  it('download progress is reported as the body arrives, without a stream', function () {
    var loaded: number[] = [];
    return impl.fetch('/api/stream?chunks=3&interval=30&size=8', { retrofetch: { onDownloadProgress: function (p: any) { loaded.push(p.loaded); } } } as any).then(function (r) {
      return r.text();
    }).then(function (text) {
      expect(text.length).to.equal(24);
      expect(loaded[loaded.length - 1]).to.equal(24);
    });
  });
});
