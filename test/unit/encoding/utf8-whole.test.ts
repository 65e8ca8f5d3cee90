// utf8DecodeWhole() (src/encoding/utf8.ts), straight from its module: the whole-body decode is utf8Decode()'s
// result exactly, whichever way it takes (the engine's TextDecoder; where there is none, its FileReader for large
// valid UTF-8, else retrofetch's decoder): BOMs, bytes that look like a UTF-16 BOM, invalid and surrogate sequences.
import { expect } from 'chai';
import { suite } from '../../support/harness';
import { utf8Decode, utf8DecodeWhole } from '../../../src/encoding/utf8';

function large(head: number[], fill: number): Uint8Array {
  var bytes = new Uint8Array(70000 + head.length);
  for (var i = 0; i < bytes.length; i++) bytes[i] = i < head.length ? head[i] : fill;
  return bytes;
}

function identity(text: string): string {
  return text;
}

suite('UTF-8 decode of a whole body', function (impl) {
  // retrofetch's module itself, once (the native pass has nothing of its own to check here).
  if (impl.name !== 'polyfill') return;

  it('gives utf8Decode()\'s string for large bodies: BOMs, FE FF, FF FE, invalid bytes, surrogates, 4-byte sequences', function () {
    var heads = [[0xef, 0xbb, 0xbf, 0x41], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0xfe, 0xff, 0x00, 0x41], [0xff, 0xfe, 0x41, 0x00],
      [0x41, 0xff, 0x42], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98, 0x80, 0xe2, 0x82, 0xac], [0xe2, 0x82]];
    var checks = heads.map(function (head) {
      var bytes = large(head, 0x61);
      return Promise.resolve(utf8DecodeWhole(bytes, identity)).then(function (text) {
        expect(text === utf8Decode(bytes), head.join(' ')).to.equal(true);
      });
    });
    // A view into a larger buffer: only its own bytes.
    var buffer = large([], 0x62);
    var view = buffer.subarray(3, 69003);
    buffer[2] = 0x41;
    checks.push(Promise.resolve(utf8DecodeWhole(view, identity)).then(function (text) {
      expect(text.length).to.equal(69000);
      expect(text.charAt(0)).to.equal('b');
    }));
    return Promise.all(checks);
  });

  it('hands the text to convert; what convert throws is thrown (small bodies) or rejects (large ones)', function () {
    expect(utf8DecodeWhole(new Uint8Array([0x5b, 0x31, 0x5d]), JSON.parse)).to.deep.equal([1]);
    expect(function () { utf8DecodeWhole(new Uint8Array([0x5b]), JSON.parse); }).to.throw(SyntaxError);
    return Promise.resolve().then(function () {
      return utf8DecodeWhole(large([0x5b], 0x20), JSON.parse);
    }).then(function () {
      throw new Error('expected a SyntaxError');
    }, function (e) {
      expect(e).to.be.an.instanceof(SyntaxError);
    });
  });

  it('a long run of invalid bytes is one U+FFFD each (retrofetch\'s decoder flushes as it goes)', function () {
    var bytes = large([], 0xff);
    return Promise.resolve(utf8DecodeWhole(bytes, identity)).then(function (text) {
      expect(text.length).to.equal(bytes.length);
      expect(/^\ufffd+$/.test(text)).to.equal(true);
    });
  });
});
