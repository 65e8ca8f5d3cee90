// The TextDecoderStream interface, for UTF-8: https://encoding.spec.whatwg.org/#interface-textdecoderstream
// The engine's own where it pipes with retrofetch's streams (env/support.ts), else this one: a TransformStream of
// the same family (readable-stream.ts) over retrofetch's decoder.
import { globalObject as g } from '../env/global';
import { supportsNativeTextStreams } from '../env/support';
import { createSlot } from '../webidl/slots';
import { constructing, defineAttributes } from '../webidl/interface';
import { toBufferSourceBytes } from '../webidl/buffer-source';
import { createUTF8Decoder } from '../encoding/utf8';
import { DecoderOptions, decoderOptions } from '../encoding/text-decoder';
import { wrapTransform } from './generic-transform-stream';

interface DecoderStreamState extends DecoderOptions {
  readable: ReadableStream<string>;
  writable: WritableStream<BufferSource>;
}

var slot = createSlot<DecoderStreamState>('TextDecoderStream');

function PolyfillTextDecoderStream(this: unknown, label?: string, options?: TextDecoderOptions): void {
  // https://encoding.spec.whatwg.org/#dom-textdecoderstream
  var member = 'TextDecoderStream constructor';
  constructing(this, PolyfillTextDecoderStream, slot, member);
  // 1–5. The encoding (UTF-8, else a RangeError), error mode and ignore BOM, as for TextDecoder.
  var state = decoderOptions(label, options, member) as DecoderStreamState;
  // 6. Set this's decoder to a new instance of this's encoding's decoder.
  var decoder = createUTF8Decoder(state);
  // 7–11. A TransformStream running decode and enqueue a chunk, and flush and enqueue; an output that is the
  //    empty string is not enqueued; a "fatal" error errors the stream with a TypeError.
  // https://encoding.spec.whatwg.org/#decode-and-enqueue-a-chunk, https://encoding.spec.whatwg.org/#flush-and-enqueue
  wrapTransform(this, slot, state, function (chunk, end) {
    return decoder.decode(end ? new Uint8Array(0) : toBufferSourceBytes(chunk, 'TextDecoderStream'), !!end);
  });
}

defineAttributes(PolyfillTextDecoderStream.prototype, slot, 'TextDecoderStream', { encoding: 0, fatal: 0, ignoreBOM: 0, readable: 0, writable: 0 });

export var TextDecoderStream: typeof globalThis.TextDecoderStream = supportsNativeTextStreams
  ? g.TextDecoderStream : PolyfillTextDecoderStream as any;
