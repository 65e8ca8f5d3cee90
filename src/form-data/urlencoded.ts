// The application/x-www-form-urlencoded parser, for Body.formData(): https://url.spec.whatwg.org/#concept-urlencoded-parser
import { utf8Decode } from '../encoding/utf8';
import { Bytes, newBytes, sliceBytes } from '../infra/bytes';

// https://url.spec.whatwg.org/#concept-urlencoded-parser, on bytes.
export function parseURLEncoded(bytes: Bytes): Array<[string, string]> {
  var output: Array<[string, string]> = [];
  var start = 0;
  for (var i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x26 /* & */) continue;
    if (i > start) {
      var sequence = sliceBytes(bytes, start, i);
      var eq = -1;
      for (var j = 0; j < sequence.length; j++) {
        if (sequence[j] === 0x3d /* = */) { eq = j; break; }
      }
      var name = eq < 0 ? sequence : sliceBytes(sequence, 0, eq);
      var value = eq < 0 ? newBytes(0) : sliceBytes(sequence, eq + 1);
      output.push([decodeComponent(name), decodeComponent(value)]);
    }
    start = i + 1;
  }
  return output;
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

// Replace 0x2B (+) with 0x20, percent-decode, then UTF-8 decode without BOM.
function decodeComponent(bytes: Bytes): string {
  var out = newBytes(bytes.length);
  var n = 0;
  for (var i = 0; i < bytes.length; i++) {
    var b = bytes[i];
    if (b === 0x2b) {
      out[n++] = 0x20;
    } else if (b === 0x25 && i + 2 < bytes.length && hexValue(bytes[i + 1]) >= 0 && hexValue(bytes[i + 2]) >= 0) {
      out[n++] = hexValue(bytes[i + 1]) * 16 + hexValue(bytes[i + 2]);
      i += 2;
    } else {
      out[n++] = b;
    }
  }
  return utf8Decode(sliceBytes(out, 0, n), false);
}
