// No body resolved cut short or altered: chunked bodies whose connection ends early, bodies that start with a
// byte-order mark (which XHR decodes before script sees the bytes), and a body queued whole before it is read.
import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause, requireBodyStreams } from '../support/harness';
import { bytesOf, uid, chunksURL, readStream, charBytes } from '../support/assert';
import { rawJson, delay } from '../support/abort';
import {
  xhrReportsCutOffChunkedBodies, expectWholeBody, xhrEndsLostConnections, LOST_CONNECTION, chunksRequestCount, RESENT_BY_ENGINE
} from '../support/probes';

/**
 * A body cut short is a network error: a TypeError (https://fetch.spec.whatwg.org/#concept-network-error). Native
 * difference: Firefox 153 rejects text() with an AbortError DOMException instead; the native pass accepts any Error.
 */
function expectNetworkError(impl: { name: string }, e: unknown): void {
  if (impl.name === 'polyfill') expect(e).to.be.an.instanceof(TypeError);
  else expect(e).to.be.an.instanceof(Error);
}

/**
 * Resolves with the error `promise` failed with; a success is a test failure, unless the engine sent the request of
 * `id` twice on its own (RESENT_BY_ENGINE): then the running test skips.
 */
function failure(context: Mocha.Context, id: string, promise: Promise<unknown>, what: string): Promise<any> {
  return promise.then(function (value) {
    return chunksRequestCount(id).then(function (requests) {
      if (requests > 1) skipBecause(context, RESENT_BY_ENGINE);
      throw new Error(what + ' succeeded (' + JSON.stringify(value) + '): a body cut short must be an error');
    });
  }, function (e) { return e; });
}

suite('body integrity', function (impl) {
  var fetch = impl.fetch;

  describe('chunked bodies whose connection ends before the last chunk', function () {
    var parts = [charBytes('first part, '), charBytes('second part')];
    [['reset', 'the connection is reset (TCP RST)'], ['close', 'the connection is closed']].forEach(function (end) {
      [true, false].forEach(function (nosniff) {
        var label = end[1] + (nosniff ? ', with nosniff' : ', without nosniff');
        var url = chunksURL(parts, 'type=text%2Fplain&end=' + end[0] + (nosniff ? '' : '&nosniff=0'));
        var gate = function (context: Mocha.Context): Promise<boolean> {
          if (impl.name !== 'polyfill' || end[0] !== 'close') return Promise.resolve(true);
          return Promise.all([xhrEndsLostConnections(), xhrReportsCutOffChunkedBodies()]).then(function (facts) {
            if (!facts[0]) skipBecause(context, LOST_CONNECTION);
            if (!facts[1]) skipBecause(context, "this engine's XMLHttpRequest reports a chunked body closed before its last chunk as complete, so nothing over it can tell");
            return facts[1];
          });
        };
        var test = end[0] === 'close'
          ? function (title: string, fn: (this: Mocha.Context) => any) {
            itPolyfillOnly(impl, title, 'WebKitGTK 2.50 resolves a chunked body closed before its last chunk', fn);
          }
          : it;
        test(label + ': text() rejects with a TypeError (or fetch() does)', function () {
          var context = this;
          var id = uid('cut');
          return gate(this).then(function () {
            return failure(context, id, fetch(url + '&id=' + id).then(function (r) { return r.text(); }), 'text()');
          }).then(function (e) {
            expectNetworkError(impl, e);
          });
        });
        test(label + ': a getReader() read rejects with a TypeError (or fetch() does)', function () {
          requireBodyStreams(this, impl);
          var context = this;
          var id = uid('cut');
          return gate(this).then(function () {
            return failure(context, id, fetch(url + '&id=' + id).then(function (r) { return readStream(r.body!); }), 'reading the stream');
          }).then(function (e) {
            expectNetworkError(impl, e);
          });
        });
      });
    });
  });

  describe('bodies that start with a byte-order mark', function () {
    var text = 'h\u00e9llo \u2713';
    var utf8 = [0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0x6f, 0x20, 0xe2, 0x9c, 0x93];
    var cases: Array<{ name: string; bytes: number[]; text: string }> = [
      // text() is UTF-8 decode (https://fetch.spec.whatwg.org/#dom-body-text): only a UTF-8 BOM is stripped.
      { name: 'FF FE 41 00 42 00 (UTF-16LE BOM)', bytes: [0xff, 0xfe, 0x41, 0x00, 0x42, 0x00], text: '\ufffd\ufffdA\u0000B\u0000' },
      { name: 'FE FF 00 41 (UTF-16BE BOM)', bytes: [0xfe, 0xff, 0x00, 0x41], text: '\ufffd\ufffd\u0000A' },
      { name: 'EF BB BF + UTF-8 text', bytes: [0xef, 0xbb, 0xbf].concat(utf8), text: text }
    ];
    cases.forEach(function (c) {
      [true, false].forEach(function (withLength) {
        var label = c.name + (withLength ? ', with Content-Length' : ', chunked');
        var url = chunksURL([c.bytes.slice(0, 3), c.bytes.slice(3)], withLength ? 'length=1' : '');

        it(label + ': arrayBuffer() gives the exact bytes', function () {
          return expectWholeBody(function () { return fetch(url).then(function (r) { return r.arrayBuffer(); }); }, function (buffer) {
            expect(bytesOf(buffer)).to.deep.equal(c.bytes);
          });
        });

        it(label + ': text() decodes them as UTF-8, as native fetch does', function () {
          return expectWholeBody(function () { return fetch(url).then(function (r) { return r.text(); }); }, function (decoded) {
            expect(decoded).to.equal(c.text);
          });
        });

        it(label + ': getReader() gives the exact bytes or a TypeError, never others', function () {
          requireBodyStreams(this, impl);
          return fetch(url).then(function (r) { return readStream(r.body!); }).then(function (bytes) {
            expect(bytes).to.deep.equal(c.bytes);
          }, function (e) {
            expect(e).to.be.an.instanceof(TypeError);
          });
        });

        it(label + ': text() called after the body arrived gives the decoded text or a TypeError, never another text', function () {
          return fetch(url).then(function (r) {
            return delay(300).then(function () { return r.text(); });
          }).then(function (decoded) {
            expect(decoded).to.equal(c.text);
          }, function (e) {
            expect(e).to.be.an.instanceof(TypeError);
          });
        });
      });
    });
  });

  it('a multi-chunk body that has fully arrived before the first read is read in order', function () {
    requireBodyStreams(this, impl);
    this.timeout(15000);
    var id = uid('queued');
    var response: Response;
    function ack(k: number): Promise<unknown> {
      // Each chunk goes out on its own, well apart, so that it arrives as its own chunk.
      return rawJson('/api/lockstep-ack?id=' + id + '&k=' + k).then(function () { return delay(120); });
    }
    // Chunk 0 is released first: engines report the headers only with the first bytes of the body.
    return ack(0).then(function () {
      return fetch('/api/lockstep?id=' + id + '&chunks=4&size=16');
    }).then(function (r) {
      response = r;
      return ack(1).then(function () { return ack(2); }).then(function () { return ack(3); });
    }).then(function () {
      return rawJson('/api/lockstep-log?id=' + id);
    }).then(function (log) {
      expect(log.done).to.equal(true);
      return delay(200);
    }).then(function () {
      var reader = response.body!.getReader();
      var reads: string[] = [];
      function next(): Promise<string[]> {
        return reader.read().then(function (step) {
          if (step.done) return reads;
          reads.push(String.fromCharCode.apply(null, bytesOf(step.value)));
          return next();
        });
      }
      return next();
    }).then(function (reads) {
      expect(reads.join('')).to.equal('0:aaaaaaaaaaaaa\n1:bbbbbbbbbbbbb\n2:ccccccccccccc\n3:ddddddddddddd\n');
      // retrofetch's queue held the chunks as they came (the native stream may hand them over in other pieces).
      if (impl.name === 'polyfill') expect(reads.length).to.be.at.least(2);
    });
  });
});
