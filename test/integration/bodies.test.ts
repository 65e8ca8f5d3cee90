// Bodies as the Fetch and Streams specs describe them (issue 10, items 1–6): byte streams and BYOB reads, streams
// handed to Request/Response through clone(), disturbed and locked bodies, no interception through
// Object.prototype.then, errors after the response, and when body methods of an aborted response reject.
import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause, requireBodyStreams, Impl } from '../support/harness';
import { expectThrows, expectRejects, bytesOf, range, readStream, hasBlob, hasURLSearchParams, throws, charBytes } from '../support/assert';
import { requireReadableFormData } from '../support/form-data';
import { xhrEndsLostConnections, LOST_CONNECTION } from '../support/probes';

var g: any = typeof self !== 'undefined' ? self : window;

/** Whether this pass's ReadableStream has byte streams (ReadableByteStreamController) that work here. */
function hasByteStreams(impl: Impl): boolean {
  try {
    var controller: any = null;
    var stream: any = new impl.ReadableStream({ type: 'bytes', start: function (c: any) { controller = c; } } as any);
    controller.enqueue(new Uint8Array([1]));
    return typeof stream.getReader({ mode: 'byob' }).read === 'function';
  } catch (e) {
    return false;
  }
}

function requireByteStreams(context: Mocha.Context, impl: Impl): void {
  requireBodyStreams(context, impl);
  if (!hasByteStreams(impl)) {
    skipBecause(context, "this pass's ReadableStream has no byte streams (WebKit's own has no ReadableByteStreamController; " +
      "web-streams-polyfill's needs ArrayBuffer.isView, which PhantomJS lacks): bodies are default streams there");
  }
}

/** Skips the running native test where the engine differs from the spec in the way `reason` says. */
function nativeDifference(context: Mocha.Context, impl: Impl, different: boolean, reason: string): void {
  if (impl.name === 'native' && different) skipBecause(context, 'native difference: ' + reason);
}

/** Whether this pass's Request takes a ReadableStream body (a string body would get a Content-Type). */
function takesStreamBodies(impl: Impl): boolean {
  return !new impl.Request('/x', { method: 'POST', body: new impl.ReadableStream(), duplex: 'half' } as any).headers.has('Content-Type');
}

/** Reads a byte stream to its end through a BYOB reader, each read into 5 bytes at offset 3 of a new 16-byte buffer. */
function readBYOB(stream: ReadableStream<Uint8Array>): Promise<number[]> {
  var reader: any = (stream as any).getReader({ mode: 'byob' });
  var out: number[] = [];
  function next(): Promise<number[]> {
    return reader.read(new Uint8Array(new ArrayBuffer(16), 3, 5)).then(function (result: any) {
      if (result.done) return out;
      var view = result.value;
      expect(Object.prototype.toString.call(view)).to.equal('[object Uint8Array]');
      expect(view.byteOffset).to.equal(3);
      expect(view.buffer.byteLength).to.equal(16);
      expect(view.byteLength).to.be.within(1, 5);
      for (var i = 0; i < view.length; i++) out.push(view[i]);
      return next();
    });
  }
  return next();
}


/** A page's stream of the given chunks. */
function streamOf(impl: Impl, chunks: unknown[]): ReadableStream<any> {
  return new impl.ReadableStream({
    start: function (c: any) {
      chunks.forEach(function (chunk) { c.enqueue(chunk); });
      c.close();
    }
  });
}

suite('bodies', function (impl) {
  var fetch = impl.fetch;
  var Response = impl.Response;
  var Request = impl.Request;

  describe('response.body is a byte stream', function () {
    var inits: Array<[string, () => any]> = [
      ['a string', function () { return 'h\u00e9llo w\u00f6rld, a body of a few chunks'; }],
      ['an ArrayBuffer', function () { return new Uint8Array(range(40)).buffer; }],
      ['a Uint8Array view with an offset', function () { return new Uint8Array(new Uint8Array(range(50)).buffer, 7, 30); }],
      ['a Blob', function () { return hasBlob ? new Blob(['blob ', new Uint8Array([0, 255, 10])]) : null; }],
      ['a FormData', function () { var f = new impl.FormData(); f.append('a', 'b\u00e9'); f.append('c', 'd'); return f; }],
      ['URLSearchParams', function () { return hasURLSearchParams ? new URLSearchParams('a=1&b=%20') : null; }]
    ];
    inits.forEach(function (pair) {
      it('BYOB reads into views with an offset give every byte of a body made from ' + pair[0], function () {
        requireByteStreams(this, impl);
        if (pair[0] === 'a FormData') requireReadableFormData(this, impl);
        var init = pair[1]();
        if (init === null) return skipBecause(this, pair[0] + ' is missing here');
        var r = new Response(init);
        var copy = r.clone();
        return Promise.all([readBYOB(r.body!), copy.arrayBuffer()]).then(function (results) {
          expect(results[0]).to.deep.equal(bytesOf(results[1] as ArrayBuffer));
          expect(results[0].length).to.be.greaterThan(0);
        });
      });
    });

    it('BYOB reads of a fetched body', function () {
      requireByteStreams(this, impl);
      return fetch('/api/bytes?repeat=2').then(function (r) {
        return readBYOB(r.body!);
      }).then(function (bytes) {
        expect(bytes).to.deep.equal(range(256).concat(range(256)));
      });
    });

    it('BYOB reads of a Request body', function () {
      requireByteStreams(this, impl);
      var request = new Request('/api/echo', { method: 'POST', body: 'request body' });
      nativeDifference(this, impl, request.body === undefined, "this engine's Request has no body attribute");
      return readBYOB(request.body!).then(function (bytes) {
        expect(bytes).to.deep.equal(charBytes('request body'));
      });
    });

    it('a default reader gets Uint8Arrays; reading the stream leaves a clone, bytes() and the body source intact', function () {
      requireBodyStreams(this, impl);
      var bytes = new Uint8Array([1, 2, 3, 4]);
      var r = new Response(bytes);
      var copy = r.clone();
      var later = copy.clone();
      return readStream(r.body!).then(function (read) {
        expect(read).to.deep.equal([1, 2, 3, 4]);
        expect(bytesOf(bytes)).to.deep.equal([1, 2, 3, 4]);
        return copy.bytes ? copy.bytes() : copy.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      }).then(function (own) {
        own[0] = 99;
        return later.arrayBuffer();
      }).then(function (buffer) {
        expect(bytesOf(buffer)).to.deep.equal([1, 2, 3, 4]);
      });
    });

    it('a pending BYOB read ends when the body does', function () {
      requireByteStreams(this, impl);
      var reader: any = (new Response('ab').body as any).getReader({ mode: 'byob' });
      return reader.read(new Uint8Array(8)).then(function (first: any) {
        expect(bytesOf(first.value)).to.deep.equal([97, 98]);
        return reader.read(new Uint8Array(8));
      }).then(function (end: any) {
        expect(end.done).to.equal(true);
        expect(end.value.byteLength).to.equal(0);
      });
    });
  });

  describe('streams handed to Request and Response', function () {
    it("clone() passes the original's chunks on as they are, the clone's as copies (structured clone)", function () {
      requireBodyStreams(this, impl);
      var chunk = new Uint8Array([1, 2, 3]);
      var r = new Response(streamOf(impl, [chunk]));
      var copy = r.clone();
      var self = this;
      return Promise.all([r.body!.getReader().read(), copy.body!.getReader().read()]).then(function (results) {
        expect(results[0].value).to.equal(chunk);
        if (impl.name === 'native' && results[1].value === chunk) {
          return skipBecause(self, "native difference: this engine's clone() gives the clone the same chunk (no structured clone)");
        }
        expect(results[1].value).to.not.equal(chunk);
        expect(results[1].value!.buffer).to.not.equal(chunk.buffer);
        expect(bytesOf(results[1].value!)).to.deep.equal([1, 2, 3]);
      });
    });

    it('chunks that are not Uint8Arrays pass through clone() unchanged; text() of either rejects with a TypeError', function () {
      requireBodyStreams(this, impl);
      var r = new Response(streamOf(impl, ['abc', 7]));
      var copy = r.clone();
      var self = this;
      var other = new Response(streamOf(impl, ['abc'])).clone();
      return Promise.all([readAllChunks(r.body!), readAllChunks(copy.body!)]).then(function (results) {
        expect(results[0]).to.deep.equal(['abc', 7]);
        expect(results[1]).to.deep.equal(['abc', 7]);
        return expectRejects(impl, other.text(), TypeError);
      }, function (e) {
        if (impl.name === 'native') return skipBecause(self, "native difference: this engine's clone() cannot clone a chunk that is not a buffer (" + e + ')');
        throw e;
      });
    });

    it('text() and arrayBuffer() of a stream with a chunk that is not a Uint8Array reject with a TypeError', function () {
      requireBodyStreams(this, impl);
      return Promise.all([
        expectRejects(impl, new Response(streamOf(impl, [new Uint8Array([65]), 'B'])).text(), TypeError, 'Uint8Array'),
        expectRejects(impl, new Response(streamOf(impl, [[65]])).arrayBuffer(), TypeError, 'Uint8Array'),
        expectRejects(impl, new Response(streamOf(impl, [new Uint16Array([65])])).text(), TypeError, 'Uint8Array')
      ]);
    });

    itPolyfillOnly(impl, 'a stream that errors makes text() reject with that error',
      'engines reject with an error of their own (Chromium: TypeError "Failed to fetch", Firefox: an AbortError, WebKit: a TypeError naming it)', function () {
        requireBodyStreams(this, impl);
        var error = new Error('the stream failed');
        var r = new Response(new impl.ReadableStream({
          pull: function (c: any) { c.error(error); }
        }));
        return r.text().then(function () {
          throw new Error('expected a rejection');
        }, function (e) {
          expect(e).to.equal(error);
        });
      });
  });

  describe('disturbed and locked', function () {
    var ways: Array<[string, (body: ReadableStream) => void]> = [
      ['read', function (body) { body.getReader().read(); }],
      ['cancelled', function (body) { body.cancel(); }],
      ['piped (pipeTo)', function (body) { body.pipeTo(new impl.WritableStream()).then(null, function () { /* */ }); }],
      ['piped (pipeThrough)', function (body) { body.pipeThrough(new impl.TransformStream()); }]
    ];
    ways.forEach(function (way) {
      it('bodyUsed is true as soon as the body stream is ' + way[0], function () {
        requireBodyStreams(this, impl);
        if (!impl.WritableStream || !impl.TransformStream) return skipBecause(this, 'no WritableStream/TransformStream here');
        var r = new Response('abc');
        var body = r.body!;
        expect(r.bodyUsed).to.equal(false);
        way[1](body);
        expect(r.bodyUsed).to.equal(true);
        return expectRejects(impl, r.text(), TypeError);
      });
    });

    it('bodyUsed is true as soon as the body of a fetched response is read', function () {
      requireBodyStreams(this, impl);
      return fetch('/api/bytes').then(function (r) {
        var reader = r.body!.getReader();
        var read = reader.read();
        expect(r.bodyUsed).to.equal(true);
        return read.then(function () { return reader.cancel(); });
      });
    });

    ['text', 'json', 'blob', 'arrayBuffer'].forEach(function (name) {
      it('body.getReader() throws after ' + name + '()', function () {
        requireBodyStreams(this, impl);
        var r: any = new Response('{}');
        var result = r[name]();
        expectThrows(impl, function () { r.body.getReader(); }, TypeError);
        expect(r.bodyUsed).to.equal(true);
        return result;
      });
    });

    it('body methods reject after the body stream was cancelled', function () {
      requireBodyStreams(this, impl);
      var r = new Response('abc');
      return r.body!.cancel().then(function () {
        return Promise.all(['text', 'json', 'arrayBuffer'].map(function (name) {
          return expectRejects(impl, (r as any)[name](), TypeError);
        }));
      });
    });

    it("new Response and new Request refuse a page's stream that was read, even with its lock released", function () {
      requireBodyStreams(this, impl);
      var stream = streamOf(impl, [new Uint8Array([1]), new Uint8Array([2])]);
      var reader = stream.getReader();
      var self = this;
      return reader.read().then(function () {
        reader.releaseLock();
        expect(stream.locked).to.equal(false);
        expectThrows(impl, function () { new Response(stream); }, TypeError, 'disturbed');
        nativeDifference(self, impl, !takesStreamBodies(impl), "this engine's Request takes no ReadableStream body (it becomes a string)");
        expectThrows(impl, function () { new Request('/x', { method: 'POST', body: stream, duplex: 'half' } as any); }, TypeError, 'disturbed');
      });
    });

    it("new Response and new Request refuse a body's stream that was read, even with its lock released", function () {
      requireBodyStreams(this, impl);
      var stream = new Response('ab').body!;
      var reader = stream.getReader();
      var self = this;
      return reader.read().then(function () {
        reader.releaseLock();
        nativeDifference(self, impl, !throws(function () { new Response(stream); }),
          "this engine does not see that a Response's body stream was read once its lock is released");
        expectThrows(impl, function () { new Response(stream); }, TypeError, 'disturbed');
        nativeDifference(self, impl, !takesStreamBodies(impl), "this engine's Request takes no ReadableStream body (it becomes a string)");
        expectThrows(impl, function () { new Request('/x', { method: 'POST', body: stream, duplex: 'half' } as any); }, TypeError, 'disturbed');
      });
    });

    it('new Response refuses a stream that was cancelled', function () {
      requireBodyStreams(this, impl);
      var page = streamOf(impl, ['x']);
      var own = new Response('ab').body!;
      page.cancel();
      own.cancel();
      expectThrows(impl, function () { new Response(page); }, TypeError, 'disturbed');
      expectThrows(impl, function () { new Response(own); }, TypeError, 'disturbed');
    });

    it('a body stream given to another Response is read through it', function () {
      requireBodyStreams(this, impl);
      var first = new Response('moved');
      var second = new Response(first.body);
      var self = this;
      expect(first.bodyUsed).to.equal(false);
      return second.text().then(function (text) {
        expect(text).to.equal('moved');
        nativeDifference(self, impl, !first.bodyUsed, "this engine's Response does not see its body stream read by another Response");
        expect(first.bodyUsed).to.equal(true);
      });
    });
  });

  describe('Object.prototype.then', function () {
    // A getter that counts its calls and, for a buffer, hands out a `then` that resolves with other bytes.
    var calls = 0;
    var bufferCalls = 0;
    function install(): void {
      calls = bufferCalls = 0;
      Object.defineProperty(Object.prototype, 'then', {
        configurable: true,
        get: function (this: any) {
          calls++;
          var tag = Object.prototype.toString.call(this);
          if (tag === '[object Uint8Array]' || tag === '[object ArrayBuffer]') {
            bufferCalls++;
            return function (resolve: (value: unknown) => void) { resolve(new Uint8Array([88, 88])); };
          }
          return undefined;
        }
      });
    }
    function uninstall(): void {
      delete (Object.prototype as any).then;
    }
    function guarded<T>(fn: () => Promise<T>): Promise<T> {
      install();
      var promise: Promise<T>;
      try {
        promise = fn();
      } catch (e) {
        uninstall();
        throw e;
      }
      return promise.then(function (value) { uninstall(); return value; }, function (e) { uninstall(); throw e; });
    }

    var bodies: Array<[string, () => Promise<Response> | Response | null]> = [
      ['a string', function () { return new Response('hello'); }],
      ['bytes', function () { return new Response(new Uint8Array([104, 105])); }],
      ['a Blob', function () { return hasBlob ? new Response(new Blob(['blob'])) : null; }],
      ['a FormData', function () { var f = new impl.FormData(); f.append('a', 'b'); return new Response(f); }],
      ['a fetch', function () { return fetch('/api/status?code=200&body=fetched'); }]
    ];
    bodies.forEach(function (pair) {
      it('text() of ' + pair[0] + ' is not seen or changed by a then getter on Object.prototype', function () {
        if (pair[0] === 'a FormData') requireReadableFormData(this, impl);
        var made = pair[1]();
        if (made === null) return skipBecause(this, 'no Blob here');
        return Promise.resolve(made).then(function (r) {
          var expected: string;
          return r.clone().text().then(function (text) {
            expected = text;
            return guarded(function () {
              return r.text().then(function (text) { return [text, calls]; });
            });
          }).then(function (result: any) {
            expect(result[0]).to.equal(expected);
            expect(result[1], 'calls of the then getter').to.equal(0);
          });
        });
      });
    });

    it("the body stream's reads give the body's bytes; no chunk meets the getter", function () {
      requireBodyStreams(this, impl);
      return fetch('/api/bytes?repeat=2').then(function (r) {
        var copy = r.clone();
        return guarded(function () {
          var reader = r.body!.getReader();
          var out: number[] = [];
          function next(): Promise<number[]> {
            return reader.read().then(function (result) {
              if (result.done) return out;
              for (var i = 0; i < result.value.length; i++) out.push(result.value[i]);
              return next();
            });
          }
          return Promise.all([next(), copy.text()]).then(function (results) { return [results[0], results[1], bufferCalls]; });
        });
      }).then(function (result: any) {
        expect(result[0]).to.deep.equal(range(256).concat(range(256)));
        expect(result[1].length).to.equal(512);
        expect(result[2], 'calls of the then getter for a buffer').to.equal(0);
      });
    });

    it("text() of a page's stream gives its bytes", function () {
      requireBodyStreams(this, impl);
      return guarded(function () {
        return new Response(streamOf(impl, [new Uint8Array([104]), new Uint8Array([105])])).text();
      }).then(function (text) {
        expect(text).to.equal('hi');
      });
    });
  });

  describe('errors after the response', function () {
    before(function () {
      var context = this;
      return xhrEndsLostConnections().then(function (ends) {
        if (!ends) skipBecause(context, LOST_CONNECTION);
      });
    });

    it("a network error after fetch() resolved rejects read() and closed with a TypeError, and nothing else rejects unhandled", function () {
      requireBodyStreams(this, impl);
      var unhandled: unknown[] = [];
      var listen = 'onunhandledrejection' in g;
      function onUnhandled(event: any): void { unhandled.push(event.reason); }
      if (listen) g.addEventListener('unhandledrejection', onUnhandled);
      function done(): void {
        if (listen) g.removeEventListener('unhandledrejection', onUnhandled);
      }
      return fetch('/api/reset?after=4096').then(function (r) {
        var reader = r.body!.getReader();
        var closed = reader.closed.then(function () { throw new Error('closed resolved'); }, function (e) { return e; });
        function drain(): Promise<unknown> {
          return reader.read().then(function (result) {
            if (result.done) throw new Error('the body ended normally');
            return drain();
          }, function (e) { return e; });
        }
        return Promise.all([drain(), closed]);
      }, function (e) {
        expect(e).to.be.an.instanceof(TypeError); // an engine may fail the fetch itself: never a short success
        return [e, e];
      }).then(function (errors) {
        expect(errors[0]).to.be.an.instanceof(TypeError);
        expect(errors[1]).to.be.an.instanceof(TypeError);
        return new Promise(function (resolve) { setTimeout(resolve, 200); });
      }).then(function () {
        done();
        expect(unhandled).to.deep.equal([]);
      }, function (e) {
        done();
        throw e;
      });
    });

    it('a network error after fetch() resolved rejects text() with a TypeError', function () {
      return fetch('/api/reset?after=4096').then(function (r) {
        return expectRejects(impl, r.text(), TypeError);
      }, function (e) {
        expect(e).to.be.an.instanceof(TypeError);
      });
    });
  });

  describe('an aborted response', function () {
    function abortedResponse(): Promise<{ response: Response; reason: unknown }> {
      var controller = new impl.AbortController();
      var reason = new Error('why');
      return fetch('/api/stream?chunks=50&interval=50', { signal: controller.signal }).then(function (response) {
        controller.abort(reason);
        return { response: response, reason: reason };
      });
    }

    ['text', 'json', 'arrayBuffer', 'blob', 'bytes', 'formData'].forEach(function (name) {
      it(name + '() rejects before a microtask queued right after the call', function () {
        var self = this;
        return abortedResponse().then(function (aborted) {
          var method = (aborted.response as any)[name];
          if (typeof method !== 'function') return skipBecause(self, name + '() is missing here');
          var order: string[] = [];
          var settled = method.call(aborted.response).then(function () { order.push('resolved'); }, function () { order.push('rejected'); });
          Promise.resolve().then(function () { order.push('microtask'); });
          return settled.then(function () {
            expect(order).to.deep.equal(['rejected', 'microtask']);
          });
        });
      });
    });

    it('text() called twice rejects with the abort reason both times', function () {
      var self = this;
      return abortedResponse().then(function (aborted) {
        var r = aborted.response;
        return r.text().then(function () { throw new Error('resolved'); }, function (first) {
          if (impl.name === 'native' && first !== aborted.reason) {
            return skipBecause(self, 'native difference: this engine rejects with an AbortError of its own, not the signal\'s reason (' + first + ')');
          }
          expect(first).to.equal(aborted.reason);
          expect(r.bodyUsed).to.equal(false);
          return r.text().then(function () { throw new Error('resolved'); }, function (second) {
            expect(second).to.equal(aborted.reason);
          });
        });
      });
    });
  });
});

/** Every chunk of a stream, as the values they are. */
function readAllChunks(stream: ReadableStream<any>): Promise<unknown[]> {
  var reader = stream.getReader();
  var out: unknown[] = [];
  function next(): Promise<unknown[]> {
    return reader.read().then(function (result) {
      if (result.done) return out;
      out.push(result.value);
      return next();
    });
  }
  return next();
}
