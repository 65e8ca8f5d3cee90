// Legacy apps load core-js before anything else. Its Symbol is an object (`typeof Symbol() === 'object'`) where the
// engine has none (PhantomJS), and retrofetch must count it as a Symbol: @@iterator on Headers, FormData and their
// iterators, @@toStringTag on its classes and on response.body, @@asyncIterator on the stream. Checked in a fresh
// frame: core-js-bundle, the suite's natives removal, then the standalone script. In engines with their own Symbol,
// core-js keeps it and the same expectations hold.
import { expect } from 'chai';
import { suite, servers, skipBecause } from '../support/harness';
import { frameWith } from '../support/frames';

var SCRIPTS = ['/base/node_modules/core-js-bundle/minified.js', '/base/test/setup/remove-natives.js', '/base/dist/retrofetch.polyfill.js'];

function tag(win: any, value: unknown): string {
  return win.Object.prototype.toString.call(value);
}

suite('core-js first', function (impl) {
  if (impl.name !== 'polyfill') return; // about the standalone script in a page that has core-js, not an API the native has
  var frame: any;
  var win: any;

  before(function () {
    this.timeout(20000);
    return frameWith(SCRIPTS).then(function (f) {
      frame = f;
      win = f.win;
    });
  });

  after(function () {
    if (frame) frame.remove();
  });

  it('core-js has a Symbol in the frame (the engine\'s, or its own object one)', function () {
    expect(typeof win.Symbol).to.equal('function');
    expect(['symbol', 'object']).to.include(typeof win.Symbol.iterator);
    expect(typeof win.fetch).to.equal('function');
  });

  it('for…of over Headers, its keys() and FormData, with that Symbol.iterator', function () {
    var S = win.Symbol;
    // for (const [name, value] of headers), as Babel compiles it, with the frame's Symbol.
    var headers = new win.Headers({ b: '2', a: '1' });
    var pairs: string[] = [];
    var all = headers[S.iterator]();
    for (var pair = all.next(); !pair.done; pair = all.next()) pairs.push(pair.value.join('='));
    expect(pairs).to.deep.equal(['a=1', 'b=2']);
    var iterator = headers.keys();
    expect(iterator[S.iterator]()).to.equal(iterator);
    expect(tag(win, iterator)).to.equal('[object Headers Iterator]');
    var form = new win.FormData();
    form.append('k', 'v');
    if (typeof form.entries === 'function') {
      var entries: string[] = [];
      var it = form[S.iterator]();
      for (var step = it.next(); !step.done; step = it.next()) entries.push(step.value.join('='));
      expect(entries).to.deep.equal(['k=v']);
    }
    // Not an enumerable own key of the prototype (WebIDL: @@iterator is not enumerable).
    var keys: string[] = [];
    for (var key in win.Headers.prototype) keys.push(key);
    expect(keys.join()).to.not.match(/Symbol/);
  });

  it('Object.prototype.toString of retrofetch\'s objects, of response.body and of the text codecs', function () {
    var response = new win.Response('x');
    expect(tag(win, response)).to.equal('[object Response]');
    expect(tag(win, new win.Headers())).to.equal('[object Headers]');
    expect(tag(win, new win.Request(servers.sameOrigin + '/x'))).to.equal('[object Request]');
    expect(tag(win, new win.AbortController().signal)).to.equal('[object AbortSignal]');
    expect(tag(win, response.body)).to.equal('[object ReadableStream]');
    expect(tag(win, new win.TransformStream())).to.equal('[object TransformStream]');
    expect(tag(win, new win.TextDecoder())).to.equal('[object TextDecoder]');
    expect(tag(win, new win.TextEncoder())).to.equal('[object TextEncoder]');
  });

  it('fetch in the frame: for…of over response.headers, the body through its async iterator', function () {
    var S = win.Symbol;
    return new Promise<any>(function (resolve, reject) {
      // An absolute URL: in PhantomJS the blank frame's document.baseURI is "about:blank" (not its creator's base
      // URL), which core-js's URL then resolves against (without core-js, retrofetch resolves through an <a>).
      win.fetch(servers.sameOrigin + '/api/headers?x-core=js').then(resolve, reject);
    }).then(function (response) {
      var names: string[] = [];
      var it = response.headers[S.iterator]();
      for (var step = it.next(); !step.done; step = it.next()) names.push(step.value[0]);
      expect(names).to.include('x-core');
      expect(response.headers.get('content-type')).to.equal('application/json');
      var body = response.body;
      expect(typeof body[S.asyncIterator]).to.equal('function');
      var iterator = body[S.asyncIterator]();
      var length = 0;
      function next(): Promise<number> {
        return iterator.next().then(function (step: any) {
          if (step.done) return length;
          length += step.value.length;
          return next();
        });
      }
      return next();
    }).then(function (length) {
      expect(length).to.be.above(10);
    });
  });
  // core-js's structuredClone cannot transfer an ArrayBuffer where the engine gives it no way to detach one (jsdom 26
  // on Node 20: no MessageChannel, no ArrayBuffer.prototype.transfer): it throws a DataCloneError. The bundled
  // web-streams-polyfill transfers every chunk of a byte stream, so it must not use that one (src/env/support.ts
  // structuredCloneThatTransfers). Here a STAND-IN of it, in every engine: a structuredClone that refuses to transfer,
  // and no ArrayBuffer.prototype.transfer (which web-streams-polyfill would use first: Chrome 114, Firefox 122 and
  // Safari 17.4 have it; Node 20, and so jsdom there, do not).
  describe('a page whose structuredClone cannot transfer an ArrayBuffer (core-js\'s in jsdom: a stand-in)', function () {
    var refusing: any;

    before(function () {
      if (typeof Uint8Array === 'undefined') return skipBecause(this, 'no typed arrays here, so bodies have no stream');
      this.timeout(20000);
      return frameWith(['code:delete ArrayBuffer.prototype.transfer;' +
        ' window.structuredClone = function structuredClone(value, options) {' +
        ' if (options && options.transfer && options.transfer.length) throw new DOMException("Transferring of ArrayBuffer' +
        ' cannot be properly polyfilled in this engine", "DataCloneError"); return value; };',
      '/base/test/setup/remove-natives.js', '/base/dist/retrofetch.polyfill.js']).then(function (f) {
        refusing = f;
      });
    });

    after(function () {
      if (refusing) refusing.remove();
    });

    function readBody(mode: 'default' | 'byob'): Promise<number[]> {
      var win = refusing.win;
      return win.fetch(servers.sameOrigin + '/api/bytes?chunked=1&chunk=100').then(function (response: any) {
        var reader = mode === 'byob' ? response.body.getReader({ mode: 'byob' }) : response.body.getReader();
        var out: number[] = [];
        function next(): Promise<number[]> {
          var read = mode === 'byob' ? reader.read(new win.Uint8Array(64)) : reader.read();
          return read.then(function (step: any) {
            if (step.done) return out;
            for (var i = 0; i < step.value.length; i++) out.push(step.value[i]);
            return next();
          });
        }
        return next();
      });
    }

    var ALL: number[] = [];
    for (var i = 0; i < 256; i++) ALL.push(i);

    it('response.body streams every byte (a default reader); the page\'s structuredClone stays', function () {
      expect(refusing.win.structuredClone.name).to.equal('structuredClone');
      expect(typeof refusing.win.ArrayBuffer.prototype.transfer).to.equal('undefined');
      return readBody('default').then(function (bytes) {
        expect(bytes).to.deep.equal(ALL);
      });
    });

    it('response.body streams every byte into the views of a BYOB reader', function () {
      var win = refusing.win;
      if (typeof win.ArrayBuffer.isView !== 'function') {
        return skipBecause(this, "web-streams-polyfill's byte streams need ArrayBuffer.isView, which this engine lacks: bodies are default streams here");
      }
      return readBody('byob').then(function (bytes) {
        expect(bytes).to.deep.equal(ALL);
      });
    });
  });
});
