// The response's real Content-Type, in old WebKit too, whose XHR would report its MIME type override instead (issue
// 11): there retrofetch sets none, streams a body declared UTF-8 as the engine's decoding encoded back (checked), and
// takes any other as an ArrayBuffer. In every engine, whatever the declared type: exact bytes, or a TypeError.
import { expect } from 'chai';
import { suite, requireBodyStreams } from '../support/harness';
import { bytesOf, chunksURL, readStream } from '../support/assert';
import { delay } from '../support/abort';
import { expectWholeBody } from '../support/probes';

suite('Content-Type and body bytes', function (impl) {
  var fetch = impl.fetch;

  it('the real Content-Type of binary, text, JSON, form and event-stream responses', function () {
    var cases = [
      ['/api/bytes', 'application/octet-stream'],
      ['/api/charset?enc=latin1', 'text/plain; charset=latin1'],
      ['/api/echo', 'application/json'],
      ['/api/status?code=200&body=a%3D1&type=application%2Fx-www-form-urlencoded', 'application/x-www-form-urlencoded'],
      ['/api/events?count=1&interval=0', 'text/event-stream; charset=utf-8']
    ];
    return Promise.all(cases.map(function (c) {
      return fetch(c[0]).then(function (r) {
        expect(r.headers.get('Content-Type'), c[0]).to.equal(c[1]);
        return r.arrayBuffer();
      });
    }));
  });

  it('a body not declared UTF-8 comes exact through getReader(), and through arrayBuffer() read late', function () {
    requireBodyStreams(this, impl);
    var latin1 = [0x68, 0xe9, 0x6c, 0x6c, 0x6f, 0x20, 0x77, 0xf6, 0x72, 0x6c, 0x64];
    var binary = [0x00, 0xff, 0xfe, 0x80, 0xc3, 0x28, 0x0a];
    return Promise.all([
      fetch('/api/charset?enc=latin1').then(function (r) { return readStream(r.body!); }),
      fetch(chunksURL([binary.slice(0, 3), binary.slice(3)], 'type=text%2Fplain')).then(function (r) {
        return delay(300).then(function () { return r.arrayBuffer(); });
      })
    ]).then(function (results) {
      expect(results[0]).to.deep.equal(latin1);
      expect(bytesOf(results[1] as ArrayBuffer)).to.deep.equal(binary);
    });
  });

  [
    { name: 'EF BB BF + UTF-8', bytes: [0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9] },
    { name: 'FF FE + UTF-16LE', bytes: [0xff, 0xfe, 0x41, 0x00, 0x42, 0x00] },
    { name: 'invalid UTF-8', bytes: [0x41, 0xff, 0x42, 0xc3] }
  ].forEach(function (c) {
    ['text/plain; charset=utf-8', 'application/json'].forEach(function (type) {
      var url = chunksURL([c.bytes.slice(0, 3), c.bytes.slice(3)], 'type=' + encodeURIComponent(type));

      it(c.name + ' declared ' + type + ': arrayBuffer() gives the exact bytes', function () {
        return expectWholeBody(function () { return fetch(url).then(function (r) { return r.arrayBuffer(); }); }, function (buffer) {
          expect(bytesOf(buffer)).to.deep.equal(c.bytes);
        });
      });

      it(c.name + ' declared ' + type + ': getReader() gives the exact bytes or a TypeError, never others', function () {
        requireBodyStreams(this, impl);
        return fetch(url).then(function (r) { return readStream(r.body!); }).then(function (bytes) {
          expect(bytes).to.deep.equal(c.bytes);
        }, function (e) {
          expect(e).to.be.an.instanceof(TypeError);
        });
      });
    });
  });
});
