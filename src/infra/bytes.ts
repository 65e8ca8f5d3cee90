// Byte sequences (https://infra.spec.whatwg.org/#byte-sequence): a Uint8Array where the engine has typed arrays,
// else (LEGACY(IE): IE9 and older have none) an Array of numbers 0–255. Both are read the same way (index and
// length); these helpers make and cut them, so that everything but the few places that hand out real ArrayBuffers
// works in either.
import { supportsArrayBuffer } from '../env/support';

export type Bytes = Uint8Array | number[];

export function newBytes(length: number): Bytes {
  if (supportsArrayBuffer) return new Uint8Array(length);
  var bytes: number[] = [];
  for (var i = 0; i < length; i++) bytes.push(0);
  return bytes;
}

/** Bytes holding a copy of `list` (numbers 0–255). */
export function bytesFrom(list: ArrayLike<number>): Bytes {
  return supportsArrayBuffer ? new Uint8Array(list as number[]) : Array.prototype.slice.call(list);
}

/** The bytes from `start` to `end`: a view where there are typed arrays (not a copy), else a copy. */
export function sliceBytes(bytes: Bytes, start: number, end?: number): Bytes {
  // LEGACY(old WebKit): subarray(start, undefined) ends at 0 there.
  if (end === undefined) end = bytes.length;
  return (bytes as Uint8Array).subarray ? (bytes as Uint8Array).subarray(start, end) : (bytes as number[]).slice(start, end);
}

// https://infra.spec.whatwg.org/#isomorphic-decode: each byte becomes the code point of the same value. 8 KiB at a
// time (String.fromCharCode.apply): a char at a time took 1.1 s for 5 MB in PhantomJS; a whole body at once would
// overflow the engines' argument limits.
export function isomorphicDecode(bytes: Bytes): string {
  var out = '';
  for (var i = 0; i < bytes.length; i += 8192) out += String.fromCharCode.apply(null, sliceBytes(bytes, i, i + 8192) as number[]);
  return out;
}

/** https://infra.spec.whatwg.org/#byte-sequence-concatenate, of `chunks` whose lengths add up to `length`. */
export function concatBytes(chunks: Bytes[], length: number): Bytes {
  if (chunks.length === 1) return chunks[0];
  var out = newBytes(length);
  var offset = 0;
  for (var i = 0; i < chunks.length; i++) {
    var chunk = chunks[i];
    if ((out as Uint8Array).set) (out as Uint8Array).set(chunk as Uint8Array, offset);
    else for (var j = 0; j < chunk.length; j++) out[offset + j] = chunk[j];
    offset += chunk.length;
  }
  return out;
}
