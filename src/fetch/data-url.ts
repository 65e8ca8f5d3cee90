// The data: URL processor, https://fetch.spec.whatwg.org/#data-url-processor, for the scheme fetch of data: URLs
// (./fetching.ts): decoded here, the same in every engine (old IE's XHR cannot fetch them, others sniff).
import { parseMIMEType, serializeMIMEType } from './mime-type';
import { stripFragment } from './url';
import { utf8Encode } from '../encoding/utf8';
import { Bytes, newBytes, sliceBytes } from '../infra/bytes';

var BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// https://infra.spec.whatwg.org/#ascii-whitespace
function isASCIIWhitespace(c: number): boolean {
  return c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x20;
}

/** A data: URL's MIME type (serialized) and body, or null for failure. */
export function processDataURL(url: string): { type: string; body: Bytes } | null {
  // 1–3. input: the URL serialized with exclude fragment, without its leading "data:".
  var input = stripFragment(url).slice(5);
  // 4–5. mimeType: the code points up to U+002C (,). 7. If that is the end of input, then return failure.
  var comma = input.indexOf(',');
  if (comma < 0) return null;
  var end = comma;
  // 6. Strip leading and trailing ASCII whitespace from mimeType.
  var start = 0;
  while (start < end && isASCIIWhitespace(input.charCodeAt(start))) start++;
  while (end > start && isASCIIWhitespace(input.charCodeAt(end - 1))) end--;
  var mimeType = input.slice(start, end);
  // 8–10. body: the percent-decoding of the rest (https://url.spec.whatwg.org/#string-percent-decode).
  var encoded = utf8Encode(input.slice(comma + 1));
  var body = newBytes(encoded.length);
  var n = 0;
  for (var i = 0; i < encoded.length; i++) {
    var hex = String.fromCharCode(encoded[i + 1], encoded[i + 2]);
    if (encoded[i] === 0x25 && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      body[n++] = parseInt(hex, 16);
      i += 2;
    } else {
      body[n++] = encoded[i];
    }
  }
  body = sliceBytes(body, 0, n);
  // 11. If mimeType ends with U+003B (;), zero or more U+0020 SPACE, and an ASCII case-insensitive "base64":
  var base64 = /;\u0020*base64$/i.exec(mimeType);
  if (base64) {
    // 1–3. body: the forgiving-base64 decode of its isomorphic decode; failure → failure.
    var decoded = forgivingBase64Decode(body);
    if (decoded === null) return null;
    body = decoded;
    // 4–6. Remove the last 6 code points, trailing U+0020 SPACEs and the last U+003B (;) from mimeType.
    mimeType = mimeType.slice(0, base64.index);
  }
  // 12. If mimeType starts with ";", then prepend "text/plain" to it. 13–15. Parse it; failure gives
  //     text/plain;charset=US-ASCII.
  var parsed = parseMIMEType(mimeType.charAt(0) === ';' ? 'text/plain' + mimeType : mimeType);
  return { type: parsed === null ? 'text/plain;charset=US-ASCII' : serializeMIMEType(parsed), body: body };
}

// https://infra.spec.whatwg.org/#forgiving-base64-decode, of bytes (each an isomorphic code point).
function forgivingBase64Decode(bytes: Bytes): Bytes | null {
  // 1. Remove all ASCII whitespace from data.
  var data = '';
  for (var i = 0; i < bytes.length; i++) if (!isASCIIWhitespace(bytes[i])) data += String.fromCharCode(bytes[i]);
  // 2. If its length divides by 4 leaving no remainder, remove one or two trailing U+003D (=).
  if (data.length % 4 === 0) data = data.replace(/==?$/, '');
  // 3–4. A remainder of 1, or a code point outside the base64 alphabet: failure.
  if (data.length % 4 === 1 || /[^+\/0-9A-Za-z]/.test(data)) return null;
  // 5–8. Six bits per code point; each full byte goes out, the 2 or 4 bits left at the end are dropped.
  var out = newBytes(Math.floor(data.length * 3 / 4));
  var buffer = 0;
  var bits = 0;
  var n = 0;
  for (var j = 0; j < data.length; j++) {
    buffer = ((buffer << 6) | BASE64.indexOf(data.charAt(j))) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}
