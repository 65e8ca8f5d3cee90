// The data: URL processor, https://fetch.spec.whatwg.org/#data-url-processor, for the scheme fetch of data: URLs
// (./fetching.ts): decoded here, the same in every engine (old IE's XHR cannot fetch them, others sniff).
import { parseMIMEType, serializeMIMEType } from '../infra/mime-type';
import { stripFragment } from './url';
import { Bytes, bytesFrom } from '../infra/bytes';
import { isomorphicEncode, percentDecode, trim } from '../infra/http';

/** A data: URL's MIME type (serialized) and body, or null for failure. */
export function processDataURL(url: string): { _type: string; _body: Bytes } | null {
  // 1–3. input: the URL serialized with exclude fragment (ASCII: the URL serializer percent-encodes the rest),
  //      without its leading "data:".
  var input = stripFragment(url).slice(5);
  // 4–5. mimeType: the code points up to U+002C (,). 7. If that is the end of input, then return failure.
  var comma = input.indexOf(',');
  if (comma < 0) return null;
  // 6. Strip leading and trailing ASCII whitespace from mimeType (a scan: linear).
  var mimeType = trim(input.slice(0, comma), '\t\n\f\r ');
  // 8–10. body: the percent-decoding of the rest, as a string of bytes.
  var body = percentDecode(input.slice(comma + 1));
  // 11. If mimeType ends with U+003B (;), zero or more U+0020 SPACE, and an ASCII case-insensitive "base64":
  var base64 = /; *base64$/i.exec(mimeType);
  if (base64) {
    // 1–3. body: its forgiving-base64 decode (https://infra.spec.whatwg.org/#forgiving-base64-decode): 1. without
    //      ASCII whitespace; 2. without one or two final "=" where its length divides by 4; 3–4. failure for a
    //      remainder of 1 or a code point outside the alphabet; 5–8. six bits a code point, each whole byte out.
    var data = body.replace(/[\t\n\f\r ]/g, '');
    if (data.length % 4 === 0) data = data.replace(/==?$/, '');
    if (data.length % 4 === 1 || /[^+\/0-9A-Za-z]/.test(data)) return null;
    body = '';
    for (var i = 0, buffer = 0, bits = 0; i < data.length; i++) {
      // (The code point's value in the alphabet A–Z a–z 0–9 + /.)
      var c = data.charCodeAt(i);
      buffer = buffer << 6 | (c > 96 ? c - 71 : c > 64 ? c - 65 : c > 47 ? c + 4 : c > 43 ? 63 : 62);
      bits += 6;
      if (bits >= 8) body += String.fromCharCode((buffer >> (bits -= 8)) & 0xff);
    }
    // 4–6. Remove the last 6 code points, trailing U+0020 SPACEs and the last U+003B (;) from mimeType.
    mimeType = mimeType.slice(0, base64.index);
  }
  // 12. If mimeType starts with ";", then prepend "text/plain" to it. 13–15. Parse it; failure gives
  //     text/plain;charset=US-ASCII.
  var parsed = parseMIMEType(mimeType.charAt(0) === ';' ? 'text/plain' + mimeType : mimeType);
  return { _type: parsed ? serializeMIMEType(parsed) : 'text/plain;charset=US-ASCII', _body: bytesFrom(isomorphicEncode(body)) };
}
