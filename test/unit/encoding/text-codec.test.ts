// TextDecoder and TextEncoder (https://encoding.spec.whatwg.org/#api): the pass's globals (the engine's where it has
// them, else the polyfill's), and retrofetch's own classes straight from their modules, so they are checked in
// every engine. Where the engine has a working TextDecoder, retrofetch's class decodes through it (src/encoding/utf8.ts);
// PhantomJS runs retrofetch's own UTF-8 decoder.
import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause, Impl } from '../../support/harness';
import { bytesOf, detach, expectThrows, hasToStringTag } from '../../support/assert';
import { PolyfillTextDecoder } from '../../../src/encoding/text-decoder';
import { PolyfillTextEncoder } from '../../../src/encoding/text-encoder';


function u8(bytes: number[]): Uint8Array {
  return new Uint8Array(bytes);
}

function isOurs(C: unknown): boolean {
  return !/\[native code\]/.test(Function.prototype.toString.call(C));
}

function decoderChecks(title: string, get: () => typeof TextDecoder, impl: Impl): void {
  describe(title, function () {
    it('UTF-8 by default and for every UTF-8 label (ASCII whitespace and case ignored); attributes', function () {
      var TextDecoder = get();
      var d = new TextDecoder();
      expect(d.encoding).to.equal('utf-8');
      expect(d.fatal).to.equal(false);
      expect(d.ignoreBOM).to.equal(false);
      ['utf-8', 'UTF8', ' \tUtF-8\n', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8'].forEach(function (label) {
        expect(new TextDecoder(label).encoding, label).to.equal('utf-8');
      });
      var options = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      expect(options.fatal).to.equal(true);
      expect(options.ignoreBOM).to.equal(true);
    });

    it('a label that names no encoding, or the replacement encoding, is a RangeError', function () {
      var TextDecoder = get();
      var member = isOurs(TextDecoder) ? 'TextDecoder' : undefined;
      ['nonsense', 'utf-9', 'iso-2022-kr', ''].forEach(function (label) {
        expectThrows(impl, function () { return new TextDecoder(label); }, RangeError, member);
      });
    });

    it('the options must be a dictionary; TextDecoder needs new', function () {
      var TextDecoder = get();
      expectThrows(impl, function () { return new TextDecoder('utf-8', 5 as any); }, TypeError);
      expectThrows(impl, function () { return (TextDecoder as any)(); }, TypeError);
    });

    it('decodes multi-byte sequences; a BOM is removed unless ignoreBOM', function () {
      var TextDecoder = get();
      var bytes = [0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9, 0x20, 0xe2, 0x82, 0xac, 0x20, 0xf0, 0x9f, 0x98, 0x80];
      expect(new TextDecoder().decode(u8(bytes))).to.equal('h\u00e9 \u20ac \ud83d\ude00');
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(u8(bytes))).to.equal('\ufeffh\u00e9 \u20ac \ud83d\ude00');
      // Only the first BOM is one: a second is U+FEFF.
      expect(new TextDecoder().decode(u8([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]))).to.equal('\ufeff');
      expect(new TextDecoder().decode()).to.equal('');
    });

    it('invalid sequences become U+FFFD as the spec counts them', function () {
      var d = new (get())();
      expect(d.decode(u8([0xff, 0x41]))).to.equal('\ufffdA');
      expect(d.decode(u8([0xc0, 0x80]))).to.equal('\ufffd\ufffd'); // overlong: C0 is never a lead byte
      expect(d.decode(u8([0xed, 0xa0, 0x80]))).to.equal('\ufffd\ufffd\ufffd'); // a surrogate: ED takes 80–9F only
      expect(d.decode(u8([0xf0, 0x80, 0x80, 0x80]))).to.equal('\ufffd\ufffd\ufffd\ufffd');
      expect(d.decode(u8([0xe2, 0x82, 0x41]))).to.equal('\ufffdA'); // a truncated sequence is one U+FFFD
      expect(d.decode(u8([0xf4, 0x90, 0x80, 0x80]))).to.equal('\ufffd\ufffd\ufffd\ufffd'); // above U+10FFFF
      expect(d.decode(u8([0xe2, 0x82]))).to.equal('\ufffd'); // cut off at the end
    });

    it('fatal: an invalid or truncated sequence is a TypeError, and the next call starts afresh', function () {
      var d = new (get())('utf-8', { fatal: true });
      expectThrows(impl, function () { d.decode(u8([0x41, 0xff])); }, TypeError);
      expectThrows(impl, function () { d.decode(u8([0xe2, 0x82])); }, TypeError);
      expect(d.decode(u8([0x41]))).to.equal('A');
      d.decode(u8([0xe2]), { stream: true });
      expectThrows(impl, function () { d.decode(); }, TypeError);
      expect(d.decode(u8([0xe2, 0x82, 0xac]))).to.equal('\u20ac');
    });

    it('stream: sequences split across calls decode once, and the BOM across calls too', function () {
      var d = new (get())();
      var euro = [0xe2, 0x82, 0xac];
      var face = [0xf0, 0x9f, 0x98, 0x80];
      var out = '';
      [[0xef], [0xbb], [0xbf, euro[0]], [euro[1]], [euro[2], face[0]], [face[1], face[2]], [face[3]]].forEach(function (part) {
        out += d.decode(u8(part), { stream: true });
      });
      out += d.decode();
      expect(out).to.equal('\u20ac\ud83d\ude00');
      // A call without stream ends the stream: the next one strips a BOM again.
      expect(d.decode(u8([0xef, 0xbb, 0xbf, 0x41]))).to.equal('A');
      // An incomplete sequence held by stream is flushed as U+FFFD by the next call without it.
      expect(d.decode(u8([0xf0, 0x9f]), { stream: true })).to.equal('');
      expect(d.decode()).to.equal('\ufffd');
    });

    it('takes an ArrayBuffer or any view (its own bytes only); anything else is a TypeError', function () {
      var d = new (get())();
      var buffer = u8([0x78, 0x41, 0x42, 0x43, 0x79]).buffer;
      expect(d.decode(buffer)).to.equal('xABCy');
      expect(d.decode(new Uint8Array(buffer, 1, 3))).to.equal('ABC');
      expect(d.decode(new DataView(buffer, 2, 2))).to.equal('BC');
      expect(d.decode(new Uint16Array(u8([0x41, 0x42, 0x43, 0x44]).buffer, 2, 1))).to.equal('CD');
      expectThrows(impl, function () { d.decode('abc' as any); }, TypeError);
      expectThrows(impl, function () { d.decode([0x41] as any); }, TypeError);
    });

    it('a detached ArrayBuffer, or a view on one, decodes to the empty string', function () {
      var buffer = u8([0x41, 0x42]).buffer;
      var view = new Uint8Array(buffer, 1, 1);
      var data = new DataView(buffer);
      if (!detach(buffer)) return skipBecause(this, 'this engine cannot detach an ArrayBuffer (no structuredClone, transfer() or MessageChannel)');
      var d = new (get())();
      expect(d.decode(buffer)).to.equal('');
      expect(d.decode(view)).to.equal('');
      expect(d.decode(data)).to.equal('');
      expect(d.decode(view, { stream: true })).to.equal('');
      expect(d.decode(u8([0x43]))).to.equal('C');
    });

    it('brand-checks its members', function () {
      var TextDecoder = get();
      var ours = isOurs(TextDecoder);
      expectThrows(impl, function () { TextDecoder.prototype.decode.call({}, u8([0x41])); }, TypeError, ours ? 'TextDecoder.decode' : undefined);
      var getter = Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'fatal')!.get!;
      expectThrows(impl, function () { getter.call({}); }, TypeError, ours ? 'TextDecoder.fatal' : undefined);
    });

    it('Object.prototype.toString gives [object TextDecoder]', function () {
      if (!hasToStringTag) return skipBecause(this, 'no Symbol.toStringTag in this engine');
      expect(Object.prototype.toString.call(new (get())())).to.equal('[object TextDecoder]');
    });
  });
}

function encoderChecks(title: string, get: () => typeof TextEncoder, impl: Impl): void {
  describe(title, function () {
    it('encodes to UTF-8; lone surrogates become U+FFFD (EF BF BD)', function () {
      var e = new (get())();
      expect(e.encoding).to.equal('utf-8');
      expect(bytesOf(e.encode())).to.deep.equal([]);
      expect(bytesOf(e.encode('h\u00e9\u20ac\ud83d\ude00'))).to.deep.equal(
        [0x68, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
      expect(bytesOf(e.encode('\ud800'))).to.deep.equal([0xef, 0xbf, 0xbd]);
      expect(bytesOf(e.encode('a\udc00b\ud83d'))).to.deep.equal([0x61, 0xef, 0xbf, 0xbd, 0x62, 0xef, 0xbf, 0xbd]);
      expect(bytesOf(e.encode('\ude00\ud83d'))).to.deep.equal([0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd]);
      expect(bytesOf(e.encode(12 as any))).to.deep.equal([0x31, 0x32]);
      expect(Object.prototype.toString.call(e.encode('x'))).to.equal('[object Uint8Array]');
    });

    it('encodeInto writes the code points that fit whole and says how many code units it read', function () {
      var e = new (get())();
      var out = new Uint8Array(6);
      // "a" 1 byte, "€" 3 bytes, then U+1F600 needs 4 and only 2 are left.
      var result = e.encodeInto('a\u20ac\ud83d\ude00', out);
      expect(result.read).to.equal(2);
      expect(result.written).to.equal(4);
      expect(bytesOf(out)).to.deep.equal([0x61, 0xe2, 0x82, 0xac, 0, 0]);
      var pair = e.encodeInto('\ud83d\ude00!', new Uint8Array(5));
      expect([pair.read, pair.written]).to.deep.equal([3, 5]);
      var lone = e.encodeInto('\ud800x', new Uint8Array(3));
      expect([lone.read, lone.written]).to.deep.equal([1, 3]);
      var view = new Uint8Array(new ArrayBuffer(8), 4, 2);
      expect(e.encodeInto('abc', view).written).to.equal(2);
      expect(bytesOf(new Uint8Array(view.buffer))).to.deep.equal([0, 0, 0, 0, 0x61, 0x62, 0, 0]);
      expectThrows(impl, function () { e.encodeInto('a', new Uint16Array(2) as any); }, TypeError);
      expectThrows(impl, function () { e.encodeInto('a', [] as any); }, TypeError);
    });

    it('brand-checks its members, and needs new', function () {
      var TextEncoder = get();
      var ours = isOurs(TextEncoder);
      expectThrows(impl, function () { TextEncoder.prototype.encode.call({}, 'a'); }, TypeError, ours ? 'TextEncoder.encode' : undefined);
      expectThrows(impl, function () { return (TextEncoder as any)(); }, TypeError);
      if (hasToStringTag) expect(Object.prototype.toString.call(new TextEncoder())).to.equal('[object TextEncoder]');
    });
  });
}

suite('TextDecoder and TextEncoder', function (impl) {
  decoderChecks('the TextDecoder of the pass', function () { return impl.TextDecoder; }, impl);
  encoderChecks('the TextEncoder of the pass', function () { return impl.TextEncoder; }, impl);
  if (impl.name === 'polyfill') {
    decoderChecks("retrofetch's own TextDecoder (src/encoding/text-decoder.ts)", function () { return PolyfillTextDecoder as any; }, impl);
    encoderChecks("retrofetch's own TextEncoder (src/encoding/text-encoder.ts)", function () { return PolyfillTextEncoder as any; }, impl);
  }

  itPolyfillOnly(impl, 'an encoding other than UTF-8 is a RangeError that says so', 'the engines decode the legacy encodings too',
    function () {
      expectThrows(impl, function () { return new PolyfillTextDecoder('utf-16le'); }, RangeError, "TextDecoder constructor: the encoding 'utf-16le'");
      expectThrows(impl, function () { return new PolyfillTextDecoder('latin1'); }, RangeError, 'only UTF-8');
    });
});
