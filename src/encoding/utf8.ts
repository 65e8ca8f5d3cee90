// UTF-8 per the Encoding Standard, for engines without TextEncoder/TextDecoder (PhantomJS, IE, Duktape).
// https://encoding.spec.whatwg.org/#utf-8-decoder — streaming, so a multi-byte sequence may span chunks.
import { Bytes, bytesFrom } from '../infra/bytes';

export interface UTF8Decoder {
  /** Decodes a chunk; with `end`, flushes an incomplete sequence as U+FFFD. */
  decode(bytes: Bytes, end: boolean): string;
}

var FFFD = 0xfffd;

// https://encoding.spec.whatwg.org/#utf-8-decode: the BOM is stripped once, at the start of the stream. With
// `fatal`, an invalid sequence throws a TypeError (the error mode "fatal") instead of becoming U+FFFD.
export function createUTF8Decoder(stripBOM?: boolean, fatal?: boolean): UTF8Decoder {
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

// https://encoding.spec.whatwg.org/#utf-8-encode of a USVString (lone surrogates are encoded as U+FFFD).
export function utf8Encode(s: string): Bytes {
  var bytes: number[] = [];
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      var d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = FFFD;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return bytesFrom(bytes);
}
