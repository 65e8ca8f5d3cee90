// Bodies as the Fetch and Streams specs describe them (issue 10, items 1–6): byte streams and BYOB reads, streams
// handed to Request/Response through clone(), disturbed and locked bodies, no interception through
// Object.prototype.then, errors after the response, and when body methods of an aborted response reject.
import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause, requireBodyStreams, Impl } from '../support/harness';
import { expectThrows, expectRejects, bytesOf, range, readStream, hasBlob, hasURLSearchParams, throws, charBytes, detach } from '../support/assert';
import { isNativeCode } from '../support/families';
import { delay } from '../support/abort';
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
    // retrofetch's bodies on the engine's own ReadableStream (the core script next to a native one: the no-abort
    // engine): a read right after `body` was first got is seen a microtask later, and an engine's stream read and
    // released looks undisturbed (README "Bodies and streams": Disturbed and locked).
    var engineStreams = impl.name === 'polyfill' && isNativeCode(impl.ReadableStream);
    function requireVisibleDisturbance(context: Mocha.Context): void {
      if (engineStreams) skipBecause(context, 'retrofetch cannot see that an engine\'s own stream was read once its lock is released (README "Bodies and streams": disturbed and locked)');
    }
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
        // (On an engine's stream: once it has started, a task at most later.)
        if (!engineStreams) expect(r.bodyUsed).to.equal(true);
        return (engineStreams ? delay(0) : Promise.resolve()).then(function () {
          expect(r.bodyUsed).to.equal(true);
          return expectRejects(impl, r.text(), TypeError);
        });
      });
    });

    it('bodyUsed is true as soon as the body of a fetched response is read', function () {
      requireBodyStreams(this, impl);
      return fetch('/api/bytes').then(function (r) {
        var reader = r.body!.getReader();
        var read = reader.read();
        if (!engineStreams) expect(r.bodyUsed).to.equal(true);
        return read.then(function () {
          expect(r.bodyUsed).to.equal(true);
          return reader.cancel();
        });
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
      requireVisibleDisturbance(this);
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
      requireVisibleDisturbance(this);
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

  describe('Object.prototype.then that answers every promise', function () {
    // A `then` defined on Object.prototype makes every object a thenable: a promise resolved with one (a reader's
    // `{ value, done }`) takes what this `then` gives instead. Body reads must not pass through such a promise: the
    // spec's read all bytes uses the stream's read requests (https://streams.spec.whatwg.org/#readablestreamdefaultreader-read-all-bytes).
    // (The fake result has a null prototype, so that it is not a thenable itself.)
    var answers: Array<[string, (resolve: (value: unknown) => void) => void]> = [
      ['a fake { done, value }', function (resolve) {
        var fake = Object.create(null);
        fake.done = true;
        fake.value = undefined;
        resolve(fake);
      }],
      ['undefined', function (resolve) { resolve(undefined); }],
      ['a number', function (resolve) { resolve(5); }]
    ];

    /** Runs `read` with `then` on Object.prototype until the promise it returns settles (2 s at most). */
    function withThen<T>(then: Function, read: () => Promise<T>): Promise<T> {
      Object.defineProperty(Object.prototype, 'then', { configurable: true, writable: true, value: then });
      var removed = false;
      function remove(): void {
        if (!removed) delete (Object.prototype as any).then;
        removed = true;
      }
      return new Promise<T>(function (resolve, reject) {
        var timer = setTimeout(function () {
          remove();
          reject(new Error('the read did not settle'));
        }, 2000);
        function settle(fn: () => void): void {
          clearTimeout(timer);
          remove();
          fn();
        }
        try {
          read().then(function (value) { settle(function () { resolve(value); }); }, function (e) { settle(function () { reject(e); }); });
        } catch (e) {
          settle(function () { reject(e); });
        }
      });
    }

    /** A page's stream made with the pass's ReadableStream (the installed one, in the polyfill pass). */
    function pageStream(): ReadableStream<Uint8Array> {
      return streamOf(impl, [new Uint8Array([104, 105]), new Uint8Array([33])]);
    }

    answers.forEach(function (answer) {
      var name = answer[0];
      var then = answer[1];

      it("text() of a Response over a page's stream gives its bytes (then answers " + name + ')', function () {
        requireBodyStreams(this, impl);
        var response = new Response(pageStream());
        return withThen(then, function () { return response.text(); }).then(function (text) {
          expect(text).to.equal('hi!');
        });
      });

      // (Several reads run one after the other, each result a string: Promise.all's array would meet the `then`.)
      it("text() of a Request over a page's stream, and of its clone, give its bytes (then answers " + name + ')', function () {
        requireBodyStreams(this, impl);
        if (!takesStreamBodies(impl)) return skipBecause(this, "this pass's Request takes no ReadableStream body (it makes a string of it)");
        var request = new Request('/x', { method: 'POST', body: pageStream(), duplex: 'half' } as any);
        var copy = request.clone();
        return withThen(then, function () {
          return request.text().then(function (text) {
            return copy.text().then(function (copied) { return text + ' ' + copied; });
          });
        }).then(function (texts) {
          expect(texts).to.equal('hi! hi!');
        });
      });

      it('an ArrayBuffer body read as text, through another Response and through a pipe gives its bytes (then answers ' + name + ')', function () {
        var buffer = new Uint8Array([104, 105]).buffer;
        var streams = !!impl.ReadableStream && typeof Uint8Array !== 'undefined';
        var piped: number[] = [];
        return withThen(then, function () {
          return new Response(buffer).text().then(function (text) {
            if (!streams) return text;
            return new Response(new Response(buffer).body).text().then(function (again) {
              return new Response(buffer).body!.pipeTo(new impl.WritableStream({
                write: function (chunk: Uint8Array) { piped.push.apply(piped, bytesOf(chunk)); }
              })).then(function () { return text + ' ' + again; });
            });
          });
        }).then(function (texts) {
          expect(texts).to.equal(streams ? 'hi hi' : 'hi');
          if (streams) expect(piped).to.deep.equal([104, 105]);
        });
      });
    });
  });

  it('a body made from a detached ArrayBuffer, or a view on one, is empty', function () {
    var buffer = new Uint8Array([1, 2]).buffer;
    var view = new Uint8Array(buffer, 1);
    if (!detach(buffer)) return skipBecause(this, 'this engine cannot detach an ArrayBuffer (no structuredClone, transfer() or MessageChannel)');
    return Promise.all([new Response(buffer).arrayBuffer(), new Request('/x', { method: 'POST', body: view }).arrayBuffer()]).then(function (buffers) {
      expect(buffers[0].byteLength).to.equal(0);
      expect(buffers[1].byteLength).to.equal(0);
    });
  });

  describe('Object.prototype accessors for the members of stream dictionaries', function () {
    // Accessors on Object.prototype for the members of an underlying source and a queuing strategy: the streams that
    // bodies are made of must not read them (their dictionaries have no prototype, or are read by the engine itself).
    var NAMES = ['start', 'pull', 'cancel', 'type', 'size', 'highWaterMark', 'autoAllocateChunkSize'];
    var modes: Array<[string, () => unknown]> = [
      ['return junk', function () { return 'junk'; }],
      ['throw', function () { throw new Error('an accessor on Object.prototype was read'); }]
    ];

    /** Runs `use` with the accessors on Object.prototype until the promise it returns settles. */
    function withAccessors<T>(get: () => unknown, use: () => Promise<T>): Promise<T> {
      NAMES.forEach(function (name) {
        Object.defineProperty(Object.prototype, name, { configurable: true, get: get });
      });
      function remove(): void {
        NAMES.forEach(function (name) { delete (Object.prototype as any)[name]; });
      }
      var used: Promise<T>;
      try {
        used = use();
      } catch (e) {
        remove();
        throw e;
      }
      return used.then(function (value) { remove(); return value; }, function (e) { remove(); throw e; });
    }

    modes.forEach(function (mode) {
      it('bodies are made, read, streamed and cloned with accessors that ' + mode[0], function () {
        var streams = !!impl.ReadableStream && typeof Uint8Array !== 'undefined';
        var page = streams && takesStreamBodies(impl) ? streamOf(impl, [new Uint8Array([112])]) : null;
        return withAccessors(mode[1], function () {
          var reads: Array<Promise<unknown>> = [
            new Request('/x', { method: 'POST', body: 'request' }).text(),
            new Response(new Uint8Array([98, 121, 116, 101, 115])).text(),
            new Response('cloned').clone().text()
          ];
          if (hasBlob) reads.push(new Response(new Blob(['blob'])).text());
          if (streams) reads.push(readStream(new Response('stream').body!));
          if (page) reads.push(new Request('/x', { method: 'POST', body: page, duplex: 'half' } as any).text());
          return Promise.all(reads);
        }).then(function (results) {
          var expected: unknown[] = ['request', 'bytes', 'cloned'];
          if (hasBlob) expected.push('blob');
          if (streams) expected.push([115, 116, 114, 101, 97, 109]);
          if (page) expected.push('p');
          expect(results).to.deep.equal(expected);
        });
      });
    });
  });

  describe("a page's engine ReadableStream whose consumption fails", function () {
    // An engine's own ReadableStream (in the polyfill pass, the one the engine had before retrofetch's was installed)
    // shows nothing of its state: the body knows it is used only because it read it.
    var natives = g.__retrofetchNatives;
    var EngineReadableStream: any = impl.name === 'native' ? impl.ReadableStream : natives && natives.ReadableStream;
    var failures: Array<[string, (c: any) => void]> = [
      ['an errored stream', function (c) { c.error(new TypeError('the stream failed')); }],
      ['a chunk that is not a Uint8Array', function (c) { c.enqueue('text'); c.close(); }]
    ];
    failures.forEach(function (failure) {
      it('the body of ' + failure[0] + ' rejects and is used afterwards, and so are both after clone()', function () {
        if (!EngineReadableStream) return skipBecause(this, 'this engine has no ReadableStream of its own');
        function body(): ReadableStream {
          return new EngineReadableStream({ start: failure[1] });
        }
        var response = new Response(body());
        var request = new Request('/x', { method: 'POST', body: body(), duplex: 'half' } as any);
        var original = new Response(body());
        var copy = original.clone();
        var bodies = [response, request, original, copy];
        return Promise.all(bodies.map(function (r: Body) {
          return r.text().then(function () { return 'resolved'; }, function () { return 'rejected'; });
        })).then(function (outcomes) {
          var streamRequest = takesStreamBodies(impl);
          expect(outcomes[0]).to.equal('rejected');
          if (streamRequest) expect(outcomes[1]).to.equal('rejected');
          expect(outcomes.slice(2)).to.deep.equal(['rejected', 'rejected']);
          expect(response.bodyUsed, 'the Response').to.equal(true);
          if (streamRequest) expect(request.bodyUsed, 'the Request').to.equal(true);
          expect(original.bodyUsed, 'the original after clone()').to.equal(true);
          expect(copy.bodyUsed, 'the clone').to.equal(true);
        });
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
