// UTF-8 per the Encoding Standard: the engine's TextDecoder/TextEncoder where they work (faster), else our own
// (PhantomJS, IE, Duktape). https://encoding.spec.whatwg.org/#utf-8-decoder — streaming, so a multi-byte sequence
// may span chunks.
import { globalObject as g } from '../env/global';
import { supportsTextDecoder, supportsTextEncoder } from '../env/support';
import { Bytes, bytesFrom, newBytes, sliceBytes } from '../infra/bytes';

export interface UTF8Decoder {
  /** Decodes a chunk; with `end`, flushes an incomplete sequence as U+FFFD. */
  decode(bytes: Bytes, end: boolean): string;
}

var FFFD = 0xfffd;

/**
 * https://encoding.spec.whatwg.org/#concept-encoding-get, for the one encoding retrofetch has: whether `label`
 * (ASCII whitespace around it ignored, ASCII case-insensitive) is one of UTF-8's labels.
 */
export function isUTF8Label(label: string): boolean {
  return /^[\t\n\f\r ]*(unicode-1-1-utf-8|unicode11utf8|unicode20utf8|utf-?8|x-unicode20utf8)[\t\n\f\r ]*$/i.test(label);
}

// https://encoding.spec.whatwg.org/#utf-8-decode: the BOM is stripped once, at the start of the stream. With
// `fatal`, an invalid sequence throws a TypeError (the error mode "fatal") instead of becoming U+FFFD.
export function createUTF8Decoder(stripBOM?: boolean, fatal?: boolean): UTF8Decoder {
  if (supportsTextDecoder) {
    var native = new g.TextDecoder('utf-8', { ignoreBOM: stripBOM === false, fatal: fatal });
    return {
      decode: function (bytes, end) {
        return native.decode(bytes, { stream: !end });
      }
    };
  }
  var needed = 0;
  var seen = 0;
  var codePoint = 0;
  var lower = 0x80;
  var upper = 0xbf;
  var bomState = stripBOM === false ? 3 : 0; // 0..2: that many leading BOM bytes held back; 3: past the BOM check (a whole BOM is dropped)
  var units: number[] = [];
  var out = '';

  function emit(cp: number): void {
    if (cp > 0xffff) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      units.push(cp);
    }
    if (units.length >= 8192) flushUnits();
  }

  function error(): void {
    if (fatal) throw new TypeError('The encoded data was not valid UTF-8');
    emit(FFFD);
  }

  function flushUnits(): void {
    out += String.fromCharCode.apply(null, units);
    units = [];
  }

  // One byte through the UTF-8 decoder's handler: https://encoding.spec.whatwg.org/#utf-8-decoder
  function handle(byte: number): void {
    if (needed === 0) {
      if (byte <= 0x7f) return emit(byte);
      if (byte >= 0xc2 && byte <= 0xdf) {
        needed = 1;
        codePoint = byte & 0x1f;
      } else if (byte >= 0xe0 && byte <= 0xef) {
        if (byte === 0xe0) lower = 0xa0;
        if (byte === 0xed) upper = 0x9f;
        needed = 2;
        codePoint = byte & 0xf;
      } else if (byte >= 0xf0 && byte <= 0xf4) {
        if (byte === 0xf0) lower = 0x90;
        if (byte === 0xf4) upper = 0x8f;
        needed = 3;
        codePoint = byte & 0x7;
      } else {
        error();
      }
      return;
    }
    if (byte < lower || byte > upper) {
      // An invalid continuation: the sequence so far is one error, and the byte is processed again.
      codePoint = needed = seen = 0;
      lower = 0x80;
      upper = 0xbf;
      error();
      return handle(byte);
    }
    lower = 0x80;
    upper = 0xbf;
    codePoint = (codePoint << 6) | (byte & 0x3f);
    seen++;
    if (seen !== needed) return;
    var cp = codePoint;
    codePoint = needed = seen = 0;
    emit(cp);
  }

  var BOM = [0xef, 0xbb, 0xbf];

  return {
    decode: function (bytes, end) {
      var i = 0;
      // https://encoding.spec.whatwg.org/#utf-8-decode steps 1–3, held across chunk boundaries.
      while (bomState < 3 && i < bytes.length) {
        if (bytes[i] === BOM[bomState]) {
          bomState++;
          i++;
        } else {
          for (var k = 0; k < bomState; k++) handle(BOM[k]);
          bomState = 3;
        }
      }
      // ASCII needs no decoder state: a tight loop for it, the state machine for the rest.
      for (var length = bytes.length; i < length; i++) {
        var b = bytes[i];
        if (b < 0x80 && needed === 0) {
          units.push(b);
          if (units.length >= 8192) flushUnits();
        } else {
          handle(b);
        }
      }
      if (end) {
        if (bomState > 0 && bomState < 3) for (var j = 0; j < bomState; j++) handle(BOM[j]);
        bomState = 3;
        if (needed !== 0) {
          codePoint = needed = seen = 0;
          lower = 0x80;
          upper = 0xbf;
          error();
        }
      }
      flushUnits();
      var result = out;
      out = '';
      return result;
    }
  };
}

/** https://encoding.spec.whatwg.org/#utf-8-decode (or, with `stripBOM` false, #utf-8-decode-without-bom) */
export function utf8Decode(bytes: Bytes, stripBOM?: boolean): string {
  return createUTF8Decoder(stripBOM).decode(bytes, true);
}

/**
 * https://encoding.spec.whatwg.org/#utf-8-encode of the code points of `s` (lone surrogates as U+FFFD) into `out`,
 * as many as fit whole: [UTF-16 code units read, bytes written].
 */
export function utf8EncodeInto(s: string, out: Bytes): [number, number] {
  var read = 0;
  var written = 0;
  while (read < s.length) {
    var c = s.charCodeAt(read);
    var units = 1;
    if (c >= 0xd800 && c <= 0xdbff && read + 1 < s.length) {
      var d = s.charCodeAt(read + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        units = 2;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = FFFD;
    // https://encoding.spec.whatwg.org/#utf-8-encoder: count, then the lead byte and count continuation bytes.
    var count = c < 0x80 ? 0 : c < 0x800 ? 1 : c < 0x10000 ? 2 : 3;
    if (written + count >= out.length) break;
    out[written++] = count === 0 ? c : ((0xff80 >> count) & 0xff) | (c >> (6 * count));
    while (count > 0) out[written++] = 0x80 | ((c >> (6 * --count)) & 0x3f);
    read += units;
  }
  return [read, written];
}

export function utf8Encode(s: string): Bytes {
  if (supportsTextEncoder) return new g.TextEncoder().encode(s);
  var out = newBytes(s.length * 3);
  return bytesFrom(sliceBytes(out, 0, utf8EncodeInto(s, out)[1]));
}
