// The TextDecoderStream interface, for UTF-8: https://encoding.spec.whatwg.org/#interface-textdecoderstream
// The engine's own where it pipes with retrofetch's streams (env/support.ts), else this one: a TransformStream of
// the same family (readable-stream.ts) over retrofetch's decoder.
import { globalObject as g } from '../env/global';
import { supportsNativeTextStreams, supportsSymbolToStringTag } from '../env/support';
import { createSlot } from '../webidl/slots';
import { toBufferSourceBytes } from '../webidl/buffer-source';
import { createUTF8Decoder } from '../encoding/utf8';
import { DecoderOptions, decoderOptions } from '../encoding/text-decoder';
import { TransformStream } from './family';

interface DecoderStreamState extends DecoderOptions {
  transform: TransformStream<BufferSource, string>;
}

var slot = createSlot<DecoderStreamState>('TextDecoderStream');

export class PolyfillTextDecoderStream {
  // https://encoding.spec.whatwg.org/#dom-textdecoderstream
  constructor(label?: string, options?: TextDecoderOptions) {
    var member = 'TextDecoderStream constructor';
    if (!(this instanceof PolyfillTextDecoderStream) || slot.has(this)) throw new TypeError(member + ": Please use the 'new' operator");
    // 1–5. The encoding (UTF-8, else a RangeError), error mode and ignore BOM, as for TextDecoder.
    var state = decoderOptions(label, options, member) as DecoderStreamState;
    // 6. Set this's decoder to a new instance of this's encoding's decoder.
    var decoder = createUTF8Decoder(!state.ignoreBOM, state.fatal);
    // 7–11. A TransformStream running decode and enqueue a chunk, and flush and enqueue; an output that is the
    //    empty string is not enqueued; a "fatal" error errors the stream with a TypeError.
    state.transform = new TransformStream<BufferSource, string>({
      // https://encoding.spec.whatwg.org/#decode-and-enqueue-a-chunk
      transform: function (chunk, controller) {
        var output = decoder.decode(toBufferSourceBytes(chunk, 'TextDecoderStream'), false);
        if (output !== '') controller.enqueue(output);
      },
      // https://encoding.spec.whatwg.org/#flush-and-enqueue
      flush: function (controller) {
        var output = decoder.decode(new Uint8Array(0), true);
        if (output !== '') controller.enqueue(output);
      }
    });
    slot.set(this, state);
  }

  get encoding(): string {
    slot.get(this, 'TextDecoderStream.encoding');
    return 'utf-8';
  }

  get fatal(): boolean {
    return slot.get(this, 'TextDecoderStream.fatal').fatal;
  }

  get ignoreBOM(): boolean {
    return slot.get(this, 'TextDecoderStream.ignoreBOM').ignoreBOM;
  }

  // https://streams.spec.whatwg.org/#other-specs-ts-wrapping (GenericTransformStream)
  get readable(): ReadableStream<string> {
    return slot.get(this, 'TextDecoderStream.readable').transform.readable;
  }

  get writable(): WritableStream<BufferSource> {
    return slot.get(this, 'TextDecoderStream.writable').transform.writable;
  }
}

if (supportsSymbolToStringTag) {
  Object.defineProperty(PolyfillTextDecoderStream.prototype, Symbol.toStringTag, { value: 'TextDecoderStream', configurable: true });
}

export var TextDecoderStream: typeof globalThis.TextDecoderStream = supportsNativeTextStreams
  ? g.TextDecoderStream : PolyfillTextDecoderStream as any;
