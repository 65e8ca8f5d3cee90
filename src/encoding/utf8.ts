// UTF-8 per the Encoding Standard: the engine's TextDecoder/TextEncoder where they work (faster), else our own
// (PhantomJS, IE, Duktape). https://encoding.spec.whatwg.org/#utf-8-decoder — streaming, so a multi-byte sequence
// may span chunks.
import { globalObject as g } from '../env/global';
import { supportsBlob, supportsTextDecoder, supportsTextEncoder } from '../env/support';
import { Bytes, bytesFrom, newBytes, sliceBytes } from '../infra/bytes';

export interface UTF8Decoder {
  /** Decodes a chunk; with `end`, flushes an incomplete sequence as U+FFFD. */
  decode(bytes: Bytes, end: boolean): string;
}

/**
 * https://encoding.spec.whatwg.org/#concept-encoding-get, for the one encoding retrofetch has: whether `label`
 * (ASCII whitespace around it ignored, ASCII case-insensitive) is one of UTF-8's labels.
 */
export function isUTF8Label(label: string): boolean {
  return /^[\t\n\f\r ]*(unicode-1-1-utf-8|unicode11utf8|unicode20utf8|utf-?8|x-unicode20utf8)[\t\n\f\r ]*$/i.test(label);
}

/** A decoder's options, as TextDecoderOptions names them. */
interface UTF8DecoderOptions {
  /** Keep a BOM at the start of the stream (else it is stripped, once: https://encoding.spec.whatwg.org/#utf-8-decode). */
  ignoreBOM: boolean;
  /** The error mode "fatal": an invalid sequence throws a TypeError instead of becoming U+FFFD. */
  fatal: boolean;
}

// https://encoding.spec.whatwg.org/#utf-8-decoder, streaming.
export function createUTF8Decoder(options: UTF8DecoderOptions): UTF8Decoder {
  var fatal = options.fatal;
  if (supportsTextDecoder) {
    var native = new g.TextDecoder('utf-8', { ignoreBOM: options.ignoreBOM, fatal: fatal });
    return {
      decode: function (bytes, end) {
        return native.decode(bytes, { stream: !end });
      }
    };
  }
  // The UTF-8 decoder's state (https://encoding.spec.whatwg.org/#utf-8-decoder): bytes needed and seen, the code
  // point so far, the bounds of the next byte.
  var needed = 0;
  var seen = 0;
  var codePoint = 0;
  var lower = 0x80;
  var upper = 0xbf;
  // Steps 1–3 of UTF-8 decode: a BOM at the start of the stream goes. Only EF BB BF decodes to U+FEFF, so this is
  // the first code point of the output, if it is U+FEFF (so a BOM split across chunks needs no bytes held back).
  var bom = !options.ignoreBOM;
  var units: number[] = [];
  var out = '';
  function flush(): void {
    out += String.fromCharCode.apply(null, units);
    units = [];
  }
  function error(): void {
    needed = seen = 0;
    lower = 0x80;
    upper = 0xbf;
    if (fatal) throw new TypeError('invalid UTF-8');
    if (units.push(0xfffd) > 8191) flush();
  }
  // One byte through the UTF-8 decoder's handler: https://encoding.spec.whatwg.org/#utf-8-decoder
  function handle(byte: number): void {
    if (needed === 0) {
      if (byte < 0x80) {
        if (units.push(byte) > 8191) flush();
      } else {
        // A lead byte (else an error, which resets the state), as the validity scan below reads it.
        needed = byte < 0xc2 || byte > 0xf4 ? 0 : byte < 0xe0 ? 1 : byte < 0xf0 ? 2 : 3;
        codePoint = byte & (0x7f >> (needed + 1));
        lower = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
        upper = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
        if (!needed) error();
      }
    } else if (byte < lower || byte > upper) {
      // An invalid continuation: the sequence so far is one error, and the byte is processed again.
      error();
      handle(byte);
    } else {
      lower = 0x80;
      upper = 0xbf;
      codePoint = (codePoint << 6) | (byte & 0x3f);
      if (++seen === needed) {
        needed = seen = 0;
        if ((codePoint > 0xffff ? units.push(0xd7c0 + (codePoint >> 10), 0xdc00 + (codePoint & 0x3ff)) : units.push(codePoint)) > 8191) flush();
      }
    }
  }
  return {
    decode: function (bytes, end) {
      for (var i = 0, length = bytes.length; i < length; i++) {
        // ASCII needs no decoder state: a tight loop for it, the state machine for the rest.
        var byte = bytes[i];
        if (byte < 0x80 && needed === 0) {
          if (units.push(byte) > 8191) flush();
        } else {
          handle(byte);
        }
      }
      if (end && needed) error();
      flush();
      var result = out;
      out = '';
      if (bom && result) {
        bom = false;
        if (result.charCodeAt(0) === 0xfeff) result = result.slice(1);
      }
      return result;
    }
  };
}

/** https://encoding.spec.whatwg.org/#utf-8-decode */
export function utf8Decode(bytes: Bytes): string {
  return createUTF8Decoder({ ignoreBOM: false, fatal: false }).decode(bytes, true);
}

/** https://encoding.spec.whatwg.org/#utf-8-decode-without-bom */
export function utf8DecodeWithoutBOM(bytes: Bytes): string {
  return createUTF8Decoder({ ignoreBOM: true, fatal: false }).decode(bytes, true);
}

/**
 * utf8Decode() of a whole body, then `convert` of the text: its result, or a promise of it where the engine has no
 * TextDecoder and the body is large. There, valid UTF-8 (checked in one pass that builds no string) is decoded by
 * the engine's FileReader at native speed, and anything else by utf8Decode(). The FileReader reads "a" before the
 * bytes, so that it sniffs no BOM: its result is "a" and the bytes decoded as they are (a UTF-8 BOM as U+FEFF,
 * which then goes). Its length is checked against the one counted.
 */
export function utf8DecodeWhole<T>(bytes: Bytes, convert: (text: string) => T): T | Promise<T> {
  var length = supportsTextDecoder || !supportsBlob || !g.FileReader || bytes.length < 65536 ? -1 : validUTF16Length(bytes);
  if (length < 0) return convert(utf8Decode(bytes));
  return new Promise<string>(function (resolve) {
    var reader = new g.FileReader();
    reader.onloadend = function () {
      var text = reader.result;
      resolve(typeof text === 'string' && text.length === length + 1 ? text.slice(text.charCodeAt(1) === 0xfeff ? 2 : 1) : utf8Decode(bytes));
    };
    reader.readAsText(new g.Blob(['a', bytes]), 'utf-8');
  }).then(null, function () {
    // (A Blob that cannot be made of a Uint8Array.)
    return utf8Decode(bytes);
  }).then(convert);
}

// The length in UTF-16 code units of `bytes` decoded, if they are valid UTF-8 (the UTF-8 decoder meets no error:
// https://encoding.spec.whatwg.org/#utf-8-decoder); else -1.
function validUTF16Length(bytes: Bytes): number {
  for (var count = 0, i = 0, length = bytes.length; i < length; count++) {
    var byte = bytes[i++];
    if (byte < 0x80) continue;
    var needed = byte < 0xc2 || byte > 0xf4 ? 0 : byte < 0xe0 ? 1 : byte < 0xf0 ? 2 : 3;
    var lower = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
    var upper = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
    if (!needed) return -1;
    if (needed > 2) count++;
    while (needed--) {
      var next = bytes[i++];
      if (!(next >= lower && next <= upper)) return -1;
      lower = 0x80;
      upper = 0xbf;
    }
  }
  return count;
}

/**
 * https://encoding.spec.whatwg.org/#utf-8-encode of the code points of `s` (lone surrogates as U+FFFD) into `out`,
 * as many as fit whole: the UTF-16 code units read and the bytes written (TextEncoderEncodeIntoResult).
 */
export function utf8EncodeInto(s: string, out: Bytes): { read: number; written: number } {
  var read = 0;
  var written = 0;
  while (read < s.length) {
    var c = s.charCodeAt(read);
    var d = s.charCodeAt(read + 1);
    if (c > 0xd7ff && c < 0xdc00 && d > 0xdbff && d < 0xe000) c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
    else if (c > 0xd7ff && c < 0xe000) c = 0xfffd;
    // https://encoding.spec.whatwg.org/#utf-8-encoder: count, then the lead byte and count continuation bytes.
    var count = c < 0x80 ? 0 : c < 0x800 ? 1 : c < 0x10000 ? 2 : 3;
    if (written + count >= out.length) break;
    out[written++] = count ? ((0xff80 >> count) & 0xff) | (c >> (6 * count)) : c;
    while (count > 0) out[written++] = 0x80 | ((c >> (6 * --count)) & 0x3f);
    read += c > 0xffff ? 2 : 1;
  }
  return { read: read, written: written };
}

export function utf8Encode(s: string): Bytes {
  if (supportsTextEncoder) return new g.TextEncoder().encode(s);
  var out = newBytes(s.length * 3);
  return bytesFrom(sliceBytes(out, 0, utf8EncodeInto(s, out).written));
}
