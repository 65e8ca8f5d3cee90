// The TextEncoderStream interface: https://encoding.spec.whatwg.org/#interface-textencoderstream
// The engine's own where it pipes with retrofetch's streams (env/support.ts), else this one: a TransformStream of
// the same family (readable-stream.ts) over retrofetch's encoder.
import { globalObject as g } from '../env/global';
import { supportsNativeTextStreams } from '../env/support';
import { createSlot } from '../webidl/slots';
import { constructing, defineAttributes } from '../webidl/interface';
import { toDOMString } from '../webidl/conversions';
import { utf8Encode } from '../encoding/utf8';
import { wrapTransform } from './generic-transform-stream';

var slot = createSlot<{ encoding: string; readable: ReadableStream<Uint8Array>; writable: WritableStream<string> }>('TextEncoderStream');

function PolyfillTextEncoderStream(this: unknown): void {
  // https://encoding.spec.whatwg.org/#dom-textencoderstream
  constructing(this, PolyfillTextEncoderStream, slot, 'TextEncoderStream constructor');
  // This's leading surrogate: a high surrogate that ended the last chunk waits for the next one.
  var leading = '';
  wrapTransform(this, slot, { encoding: 'utf-8' }, function (chunk, end) {
    // https://encoding.spec.whatwg.org/#encode-and-enqueue-a-chunk: lone surrogates become U+FFFD (utf8Encode).
    // https://encoding.spec.whatwg.org/#encode-and-flush: a leading surrogate left over is U+FFFD.
    var input = leading + (end ? '' : toDOMString(chunk, 'TextEncoderStream'));
    leading = !end && /[\uD800-\uDBFF]$/.test(input) ? input.slice(-1) : '';
    return utf8Encode(input.slice(0, input.length - leading.length));
  });
}

defineAttributes(PolyfillTextEncoderStream.prototype, slot, 'TextEncoderStream', { encoding: 0, readable: 0, writable: 0 });

export var TextEncoderStream: typeof globalThis.TextEncoderStream = supportsNativeTextStreams
  ? g.TextEncoderStream : PolyfillTextEncoderStream as any;
