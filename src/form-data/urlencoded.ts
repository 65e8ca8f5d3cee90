// The application/x-www-form-urlencoded parser, for Body.formData(): https://url.spec.whatwg.org/#concept-urlencoded-parser
import { utf8DecodeWithoutBOM } from '../encoding/utf8';
import { Bytes, bytesFrom, isomorphicDecode } from '../infra/bytes';
import { isomorphicEncode, percentDecode } from '../infra/http';

// https://url.spec.whatwg.org/#concept-urlencoded-parser, on bytes (isomorphic decoded: one char a byte).
export function parseURLEncoded(bytes: Bytes): Array<[string, string]> {
  var output: Array<[string, string]> = [];
  // 1. Let sequences be the result of splitting input on 0x26 (&).
  var sequences = isomorphicDecode(bytes).split('&');
  // 3. For each byte sequence bytes in sequences:
  for (var i = 0; i < sequences.length; i++) {
    var sequence = sequences[i];
    // 2–3. name: the bytes up to the first 0x3D (=), value: those after it (or none: the name is all of them).
    var eq = (sequence + '=').indexOf('=');
    // 1. If bytes is the empty byte sequence, then continue.
    if (sequence) output.push([decode(sequence.slice(0, eq)), decode(sequence.slice(eq + 1))]);
  }
  return output;
}

// 4–6. Replace 0x2B (+) with 0x20, percent-decode, then UTF-8 decode without BOM.
function decode(s: string): string {
  return utf8DecodeWithoutBOM(bytesFrom(isomorphicEncode(percentDecode(s.replace(/\+/g, ' ')))));
}
