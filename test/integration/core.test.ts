// The core build (dist/retrofetch.core.js) in PhantomJS, after promise-polyfill (the `core` engine entry,
// test/setup/load-polyfill.js): the fetch family, abort and FormData, and nothing of the streams family or the text
// codecs; bodies have no stream where the page has no ReadableStream, and every body method works.
import { expect } from 'chai';
import { suite, profile, servers } from '../support/harness';

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

  it('a FormData from a <form> is a TypeError that says to load the full script (only engines without FormData get ours)', function () {
    var form = document.createElement('form');
    expect(function () { return new impl.FormData(form); }).to.throw(TypeError,
      'FormData constructor: a FormData from a <form> needs the full script (retrofetch.polyfill.js), not the core one');
    // Without a form it is the whole FormData.
    var empty = new impl.FormData();
    empty.append('a', '1');
    expect(empty.get('a')).to.equal('1');
  });

  it('a cross-origin request that would need XDomainRequest (IE8–9) rejects with a TypeError that says to load the full script', function () {
    // An IE9-like page (test/setup/stand-ins.js): an XHR without CORS, and an XDomainRequest.
    var standIns = g.__retrofetchStandIns;
    var saved = { XMLHttpRequest: g.XMLHttpRequest, XDomainRequest: g.XDomainRequest };
    g.XMLHttpRequest = standIns.xhr({ cors: false });
    g.XDomainRequest = standIns.XDomainRequest;
    var created = standIns.XDomainRequest.created;
    var result = impl.fetch(servers.crossOrigin + '/api/echo');
    g.XMLHttpRequest = saved.XMLHttpRequest;
    g.XDomainRequest = saved.XDomainRequest;
    return result.then(function () { throw new Error('resolved'); }, function (e) {
      expect(e).to.be.instanceOf(TypeError);
      expect(e.message).to.contain('need the full script (retrofetch.polyfill.js), not the core one');
      expect(standIns.XDomainRequest.created).to.equal(created);
    });
  });
});
