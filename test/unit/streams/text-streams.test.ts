// TextDecoderStream and TextEncoderStream (https://encoding.spec.whatwg.org/#interface-textdecoderstream), as the
// pass's globals: in the polyfill pass retrofetch's wherever the engine's cannot pipe with the installed
// ReadableStream (every engine here, whose ReadableStream the suite deletes), in the native pass the engine's.
import { expect } from 'chai';
import { suite, skipBecause } from '../../support/harness';
import { bytesOf, detach, expectThrows, hasToStringTag } from '../../support/assert';


/** Every chunk `stream` gives, or the error it ends with (resolved, as `{ error }`). */
function collect(stream: ReadableStream<any>): Promise<any> {
  var reader = stream.getReader();
  var chunks: any[] = [];
  function next(): Promise<any> {
    return reader.read().then(function (step) {
      if (step.done) return chunks;
      chunks.push(step.value);
      return next();
    });
  }
  return next().then(null, function (error) { return { error: error, chunks: chunks }; });
}

suite('TextDecoderStream and TextEncoderStream', function (impl) {
  function source(chunks: any[]): ReadableStream<any> {
    return new impl.ReadableStream({
      start: function (controller) {
        chunks.forEach(function (chunk) { controller.enqueue(chunk); });
        controller.close();
      }
    });
  }

  describe('TextDecoderStream', function () {
    it('attributes, labels and options as TextDecoder; readable and writable of the pass\'s family', function () {
      var d = new impl.TextDecoderStream('UTF8', { fatal: true });
      expect([d.encoding, d.fatal, d.ignoreBOM]).to.deep.equal(['utf-8', true, false]);
      expect(d.readable).to.be.an.instanceof(impl.ReadableStream);
      expect(d.writable).to.be.an.instanceof(impl.WritableStream);
      expect(d.readable).to.equal(d.readable);
      expectThrows(impl, function () { return new impl.TextDecoderStream('nonsense'); }, RangeError);
      expectThrows(impl, function () { return (impl.TextDecoderStream as any)(); }, TypeError);
      if (hasToStringTag) expect(Object.prototype.toString.call(d)).to.equal('[object TextDecoderStream]');
    });

    it('decodes sequences split across chunks once; empty outputs are not enqueued; the BOM goes', function () {
      var chunks = [[0xef, 0xbb], [0xbf, 0x68, 0xe2], [0x82], [0xac, 0xf0, 0x9f, 0x98], [0x80], []];
      return collect(source(chunks.map(function (c) { return new Uint8Array(c); })).pipeThrough(new impl.TextDecoderStream()))
        .then(function (out) {
          expect(out.error).to.equal(undefined);
          expect(out.join('')).to.equal('h\u20ac\ud83d\ude00');
          out.forEach(function (s: string) { expect(s).to.not.equal(''); });
        });
    });

    it('ignoreBOM keeps it; an incomplete sequence at the end is U+FFFD; ArrayBuffers and views are taken', function () {
      var buffer = new Uint8Array([0, 0x41, 0xe2, 0x82]).buffer;
      return collect(source([new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array(buffer, 1, 1), buffer.slice(2)])
        .pipeThrough(new impl.TextDecoderStream('utf-8', { ignoreBOM: true }))).then(function (out) {
        expect(out.join('')).to.equal('\ufeffA\ufffd');
      });
    });

    it('fatal: an invalid sequence errors the stream with a TypeError', function () {
      return collect(source([new Uint8Array([0x41]), new Uint8Array([0xff])]).pipeThrough(new impl.TextDecoderStream('utf-8', { fatal: true })))
        .then(function (out) {
          expect(out.error).to.be.an.instanceof(TypeError);
        });
    });

    it('a chunk that is not a BufferSource errors the stream with a TypeError', function () {
      return collect(source(['text']).pipeThrough(new impl.TextDecoderStream())).then(function (out) {
        expect(out.error).to.be.an.instanceof(TypeError);
      });
    });
    it('a detached ArrayBuffer, or a view on one, is a chunk of no bytes', function () {
      var buffer = new Uint8Array([0x41, 0x42]).buffer;
      var view = new Uint8Array(buffer, 1, 1);
      if (!detach(buffer)) return skipBecause(this, 'this engine cannot detach an ArrayBuffer (no structuredClone, transfer() or MessageChannel)');
      return collect(source([new Uint8Array([0x68]), buffer, view, new Uint8Array([0x69])]).pipeThrough(new impl.TextDecoderStream())).then(function (out) {
        expect(out.error).to.equal(undefined);
        expect(out.join('')).to.equal('hi');
      });
    });

    it('is made and decodes with accessors for the stream dictionaries\' members on Object.prototype', function () {
      var names = ['start', 'transform', 'flush', 'cancel', 'readableType', 'writableType', 'type', 'size', 'highWaterMark'];
      names.forEach(function (name) {
        Object.defineProperty(Object.prototype, name, { configurable: true, get: function () { throw new Error('Object.prototype.' + name + ' was read'); } });
      });
      var made: any;
      try {
        made = [new impl.TextDecoderStream(), new impl.TextEncoderStream()];
      } finally {
        names.forEach(function (name) { delete (Object.prototype as any)[name]; });
      }
      return collect(source([new Uint8Array([0x68, 0x69])]).pipeThrough(made[0])).then(function (out) {
        expect(out).to.deep.equal(['hi']);
        return collect(source(['ok']).pipeThrough(made[1]));
      }).then(function (out) {
        expect(bytesOf(out[0])).to.deep.equal([0x6f, 0x6b]);
      });
    });
  });

  describe('TextEncoderStream', function () {
    it('encodes strings to Uint8Array chunks; a surrogate pair split across chunks is one code point', function () {
      var e = new impl.TextEncoderStream();
      expect(e.encoding).to.equal('utf-8');
      if (hasToStringTag) expect(Object.prototype.toString.call(e)).to.equal('[object TextEncoderStream]');
      return collect(source(['h\u00e9', '', '\ud83d', '\ude00!', 12]).pipeThrough(e)).then(function (out) {
        var bytes: number[] = [];
        out.forEach(function (chunk: Uint8Array) {
          expect(Object.prototype.toString.call(chunk)).to.equal('[object Uint8Array]');
          expect(chunk.length).to.be.greaterThan(0);
          bytes = bytes.concat(bytesOf(chunk));
        });
        expect(bytes).to.deep.equal([0x68, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80, 0x21, 0x31, 0x32]);
      });
    });

    it('lone surrogates become U+FFFD, one left at the end too', function () {
      return collect(source(['\ude00a\ud800', 'b\ud83d']).pipeThrough(new impl.TextEncoderStream())).then(function (out) {
        var bytes: number[] = [];
        out.forEach(function (chunk: Uint8Array) { bytes = bytes.concat(bytesOf(chunk)); });
        expect(bytes).to.deep.equal([0xef, 0xbf, 0xbd, 0x61, 0xef, 0xbf, 0xbd, 0x62, 0xef, 0xbf, 0xbd]);
      });
    });

    it('round trip: TextEncoderStream then TextDecoderStream', function () {
      var text = 'h\u00e9llo \u2713 \ud83d\ude00';
      return collect(source([text.slice(0, 8), text.slice(8)]).pipeThrough(new impl.TextEncoderStream())
        .pipeThrough(new impl.TextDecoderStream())).then(function (out) {
        expect(out.join('')).to.equal(text);
      });
    });
  });

  describe('the streams family', function () {
    it('ReadableStream, WritableStream and TransformStream of the pass work together (pipeThrough, pipeTo)', function () {
      if (typeof impl.TransformStream !== 'function') return skipBecause(this, 'no TransformStream in this pass');
      var seen: string[] = [];
      var upper = new impl.TransformStream<string, string>({
        transform: function (chunk, controller) { controller.enqueue(chunk.toUpperCase()); }
      });
      var sink = new impl.WritableStream<string>({ write: function (chunk) { seen.push(chunk); } });
      return source(['a', 'b']).pipeThrough(upper).pipeTo(sink).then(function () {
        expect(seen).to.deep.equal(['A', 'B']);
      });
    });
  });
});
