// LEGACY(IE): an ActiveX XHR (no overrideMimeType) and XDomainRequest hand over the body only as text they decoded
// themselves. It is encoded back as UTF-8, which gives the exact bytes of a UTF-8 body; a U+FFFD marks bytes
// the engine could not decode (binary, or another charset), and such a body cannot be delivered exactly.
import { utf8Encode } from '../encoding/utf8';
import { Bytes } from '../infra/bytes';
import { TransportRequest } from './transport';

/** The error of a body that this engine gives only as text it decoded, and that is not UTF-8. */
export var NOT_UTF8 = 'fetch: the body is not UTF-8, and this engine gives bodies only as text';

/**
 * A reader of the growing text of `request`'s body: each call gives the bytes of what is new (null: nothing yet), or
 * throws. For a consumer of UTF-8 text (`request._utf8`), a U+FFFD is what its own decoding would give too: kept.
 */
export function decodedTextReader(request: TransportRequest): (text: string) => Bytes | null {
  var received = 0;
  return function (text) {
    var end = text.length;
    // A UTF-16 surrogate pair split across two reads is taken whole on the next one.
    var last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--;
    if (end <= received) return null;
    var part = text.slice(received, end);
    if (!request._utf8 && part.indexOf('\ufffd') >= 0) {
      throw new TypeError(NOT_UTF8);
    }
    received = end;
    return utf8Encode(part);
  };
}
