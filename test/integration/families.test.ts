// The families work together, as the page has them (issue 19): the fetch family (fetch, Headers, Request, Response),
// the streams family with the text streams, and abort. In both passes: where the natives are there, they are the
// oracle. Gated by feature, never by engine: the same tests run in an engine's own partial natives (QtWebKit, jsdom),
// where the standalone script must have made each family whole.
import { expect } from 'chai';
import { suite, skipBecause, requireBodyStreams, servers, Impl } from '../support/harness';
import { frameWith } from '../support/frames';
import { readStream, hasSymbolIterator, hasSymbolAsyncIterator } from '../support/assert';

var STREAM = '/api/stream?chunks=3&interval=20&size=8';
var STREAM_TEXT = '0:aaaaa\n1:bbbbb\n2:ccccc\n';

function isNativeCode(value: unknown): boolean {
  return /\[native code\]/.test(Function.prototype.toString.call(value));
}

/** The engine parses for…of (the test bundle is ES5: the loop is compiled from a string where it does). */
var forOfLoop: ((iterable: unknown) => string[]) | null = (function () {
  try {
    return new Function('iterable', 'var out = []; for (var item of iterable) out.push(item); return out;') as any;
  } catch (e) {
    return null;
  }
})();

/** Reads a stream of strings to its end. */
function readStrings(stream: ReadableStream<string>): Promise<string> {
  var reader = stream.getReader();
  var out = '';
  function next(): Promise<string> {
    return reader.read().then(function (result) {
      if (result.done) return out;
      out += result.value;
      return next();
    });
  }
  return next();
}

/** Drains an async iterator by hand (next() until done): the byte count. */
function countIterated(iterator: any): Promise<number> {
  var count = 0;
  function next(): Promise<number> {
    return iterator.next().then(function (result: any) {
      if (result.done) return count;
      count += result.value.length;
      return next();
    });
  }
  return next();
}

function requireTransformStream(context: Mocha.Context, impl: Impl): void {
  requireBodyStreams(context, impl);
  if (!impl.TransformStream || !impl.TextDecoderStream) {
    skipBecause(context, 'no TransformStream or TextDecoderStream here (the core script installs no streams family)');
  }
}

suite('families', function (impl) {
  var fetch = impl.fetch; // (called as a plain function: the engine's refuses another `this`)

  describe('the fetch family', function () {
    it('Headers, Request and Response are one family: every headers object is an instance of the page\'s Headers', function () {
      var request = new impl.Request('/api/echo', { headers: { 'X-A': '1' } });
      var response = new impl.Response('x', { headers: { 'X-B': '2' } });
      expect(request.headers instanceof impl.Headers, 'request.headers').to.equal(true);
      expect(response.headers instanceof impl.Headers, 'response.headers').to.equal(true);
      expect(new impl.Request(request) instanceof impl.Request, 'new Request(request)').to.equal(true);
      expect(request.clone().headers instanceof impl.Headers, 'request.clone().headers').to.equal(true);
      expect(response.clone() instanceof impl.Response, 'response.clone()').to.equal(true);
      expect(impl.Response.error() instanceof impl.Response, 'Response.error()').to.equal(true);
      return fetch('/api/echo').then(function (fetched) {
        expect(fetched instanceof impl.Response, 'fetch() gives a Response').to.equal(true);
        expect(fetched.headers instanceof impl.Headers, 'its headers').to.equal(true);
        return fetched.text();
      });
    });

    it('Headers iterate with forEach, sorted and combined', function () {
      var headers = new impl.Headers([['b', '2'], ['a', '1'], ['b', '3']]);
      var seen: string[] = [];
      headers.forEach(function (value, name, object) {
        expect(object).to.equal(headers);
        seen.push(name + '=' + value);
      });
      expect(seen).to.deep.equal(['a=1', 'b=2, 3']);
    });

    it('Headers iterate with their iterator (next() by hand), sorted and combined', function () {
      if (!hasSymbolIterator) return skipBecause(this, 'retrofetch saw no Symbol.iterator here (ES5)');
      var headers = new impl.Headers([['b', '2'], ['a', '1'], ['b', '3']]);
      var iterator = (headers as any)[Symbol.iterator]();
      var pairs: string[] = [];
      for (var step = iterator.next(); !step.done; step = iterator.next()) pairs.push(step.value.join('='));
      expect(pairs).to.deep.equal(['a=1', 'b=2, 3']);
    });

    it('for…of over Headers (and over its entries())', function () {
      if (!forOfLoop || !hasSymbolIterator) return skipBecause(this, 'the engine does not parse for…of, or retrofetch saw no Symbol.iterator (ES5)');
      var headers = new impl.Headers({ 'X-Two': '2', 'X-One': '1' });
      expect(forOfLoop(headers).map(function (pair: any) { return pair.join('='); })).to.deep.equal(['x-one=1', 'x-two=2']);
      expect(forOfLoop((headers as any).entries()).length).to.equal(2);
    });

    it('fetch() takes a Request, with or without an init (axios\'s fetch adapter: fetch(new Request(url, init)))', function () {
      var request = new impl.Request('/api/echo?family=request', { method: 'POST', body: 'hi', headers: { 'X-A': 'b' } });
      return fetch(request).then(function (response) {
        return response.json();
      }).then(function (echo) {
        expect(echo.url).to.equal('/api/echo?family=request');
        expect(echo.method).to.equal('POST');
        expect(echo.body).to.equal('aGk='); // "hi"
        expect(echo.headers['x-a']).to.equal('b');
        return fetch(new impl.Request('/api/echo?family=init'), { method: 'PUT', body: 'yo' });
      }).then(function (response) {
        return response.json();
      }).then(function (echo) {
        expect(echo.url).to.equal('/api/echo?family=init');
        expect(echo.method).to.equal('PUT');
        expect(echo.body).to.equal('eW8='); // "yo"
      });
    });

    it('request.signal is an instance of the page\'s AbortSignal where abort goes with that fetch', function () {
      // Where the engine's complete AbortController is kept next to retrofetch's fetch (jsdom; an engine with only
      // its fetch family missing), request.signal is retrofetch's signal following the given one (README "What the scripts replace").
      if (isNativeCode(impl.AbortSignal) && !isNativeCode(impl.fetch)) {
        return skipBecause(this, 'the engine\'s AbortSignal is kept next to retrofetch\'s fetch: request.signal follows it without being one');
      }
      var controller = new impl.AbortController();
      var request = new impl.Request('/api/echo', { signal: controller.signal });
      expect(request.signal instanceof impl.AbortSignal).to.equal(true);
      controller.abort();
      expect(request.signal.aborted).to.equal(true);
    });
  });

  describe('the streams family', function () {
    it('response.body is a ReadableStream of the page\'s', function () {
      requireBodyStreams(this, impl);
      return fetch(STREAM).then(function (response) {
        expect(response.body instanceof impl.ReadableStream).to.equal(true);
        return readStream(response.body!);
      }).then(function (bytes) {
        expect(bytes.length).to.equal(24);
      });
    });

    it('response.body.pipeThrough(new TextDecoderStream())', function () {
      requireTransformStream(this, impl);
      return fetch(STREAM).then(function (response) {
        return readStrings(response.body!.pipeThrough(new impl.TextDecoderStream()));
      }).then(function (text) {
        expect(text).to.equal(STREAM_TEXT);
      });
    });

    it('response.body.pipeThrough(new TransformStream()) makes a body again (ky\'s download progress)', function () {
      requireTransformStream(this, impl);
      var seen = 0;
      return fetch(STREAM).then(function (response) {
        var counted = response.body!.pipeThrough(new impl.TransformStream({
          transform: function (chunk: Uint8Array, controller: any) { seen += chunk.length; controller.enqueue(chunk); }
        }));
        return new impl.Response(counted).text();
      }).then(function (text) {
        expect(text).to.equal(STREAM_TEXT);
        expect(seen).to.equal(24);
      });
    });

    it('a WritableStream of the family takes a body (pipeTo), through the text streams both ways', function () {
      requireTransformStream(this, impl);
      var written: string[] = [];
      return fetch(STREAM).then(function (response) {
        return response.body!.pipeThrough(new impl.TextDecoderStream()).pipeThrough(new impl.TextEncoderStream())
          .pipeThrough(new impl.TextDecoderStream())
          .pipeTo(new impl.WritableStream({ write: function (chunk: string) { written.push(chunk); } }));
      }).then(function () {
        expect(written.join('')).to.equal(STREAM_TEXT);
      });
    });

    it('async iteration over response.body (values(), and Symbol.asyncIterator where there is one), by hand', function () {
      requireBodyStreams(this, impl);
      var ours = !isNativeCode(impl.ReadableStream);
      // (The key where retrofetch saw one when it loaded.)
      var asyncIterator = hasSymbolAsyncIterator ? (Symbol as any).asyncIterator : undefined;
      var proto: any = impl.ReadableStream.prototype;
      // Retrofetch's family has them (the key where the engine has Symbol.asyncIterator); an engine's may not yet.
      if (!ours && typeof proto.values !== 'function') return skipBecause(this, 'the engine\'s ReadableStream has no async iteration');
      expect(typeof proto.values, 'values()').to.equal('function');
      if (asyncIterator) expect(proto[asyncIterator], '[Symbol.asyncIterator]').to.equal(proto.values);
      return fetch(STREAM).then(function (response) {
        return countIterated(asyncIterator ? (response.body as any)[asyncIterator]() : (response.body as any).values());
      }).then(function (count) {
        expect(count).to.equal(24);
      });
    });
  });
  // The same families in a page that has only the standalone script: a fresh frame of this engine, with nothing
  // deleted and nothing else loaded (no Mocha, no core-js, none of the lab's setup scripts). In QtWebKit 5.212 that is
  // the engine's partial fetch and 2016 streams, which the script must make whole (issue 19's "Done when").
  describe('in a page with only the standalone script (a fresh frame: no Mocha, no core-js)', function () {
    if (impl.name !== 'polyfill') return; // (the frame is the engine's, whatever the pass)
    var frame: any;

    before(function () {
      this.timeout(20000);
      return frameWith(['/base/dist/retrofetch.polyfill.js']).then(function (f) { frame = f; });
    });

    after(function () {
      if (frame) frame.remove();
    });

    it('fetch, Headers, Request and Response work together: iterate, instanceof, a Request taken by fetch', function () {
      var win = frame.win;
      var names: string[] = [];
      new win.Headers([['b', '2'], ['a', '1']]).forEach(function (_value: string, name: string) { names.push(name); });
      expect(names).to.deep.equal(['a', 'b']);
      var request = new win.Request(servers.sameOrigin + '/api/echo', { method: 'POST', body: 'x', headers: { 'X-A': '1' } });
      expect(request.headers instanceof win.Headers).to.equal(true);
      expect(new win.Response('x').headers instanceof win.Headers).to.equal(true);
      return win.fetch(request).then(function (response: any) {
        expect(response instanceof win.Response).to.equal(true);
        expect(response.headers instanceof win.Headers).to.equal(true);
        return response.json();
      }).then(function (echo: any) {
        expect([echo.method, echo.headers['x-a']]).to.deep.equal(['POST', '1']);
      });
    });

    it('response.body pipes: through TextDecoderStream, through TransformStream, and to a WritableStream', function () {
      var win = frame.win;
      if (!win.ReadableStream || typeof win.Uint8Array === 'undefined') return skipBecause(this, 'no typed arrays here, so bodies have no stream');
      var url = servers.sameOrigin + STREAM;
      var seen = 0;
      var written: string[] = [];
      return win.fetch(url).then(function (response: any) {
        return readStrings(response.body.pipeThrough(new win.TextDecoderStream()));
      }).then(function (text: string) {
        expect(text).to.equal(STREAM_TEXT);
        return win.fetch(url);
      }).then(function (response: any) {
        var counted = response.body.pipeThrough(new win.TransformStream({
          transform: function (chunk: Uint8Array, controller: any) { seen += chunk.length; controller.enqueue(chunk); }
        }));
        return new win.Response(counted).text();
      }).then(function (text: string) {
        expect([text, seen]).to.deep.equal([STREAM_TEXT, 24]);
        return win.fetch(url);
      }).then(function (response: any) {
        return response.body.pipeThrough(new win.TextDecoderStream())
          .pipeTo(new win.WritableStream({ write: function (chunk: string) { written.push(chunk); } }));
      }).then(function () {
        expect(written.join('')).to.equal(STREAM_TEXT);
      });
    });
  });
});
