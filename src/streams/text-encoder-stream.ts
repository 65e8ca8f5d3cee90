// The TextEncoderStream interface: https://encoding.spec.whatwg.org/#interface-textencoderstream
// The engine's own where it pipes with retrofetch's streams (env/support.ts), else this one: a TransformStream of
// the same family (readable-stream.ts) over retrofetch's encoder.
import { globalObject as g } from '../env/global';
import { supportsNativeTextStreams, supportsSymbolToStringTag } from '../env/support';
import { createSlot } from '../webidl/slots';
import { toDOMString } from '../webidl/conversions';
import { utf8Encode } from '../encoding/utf8';
import { TransformStream } from './family';

var slot = createSlot<TransformStream<string, Uint8Array>>('TextEncoderStream');

export class PolyfillTextEncoderStream {
  // https://encoding.spec.whatwg.org/#dom-textencoderstream
  constructor() {
    if (!(this instanceof PolyfillTextEncoderStream) || slot.has(this)) {
      throw new TypeError("TextEncoderStream constructor: Please use the 'new' operator");
    }
    // This's leading surrogate: a high surrogate that ended the last chunk waits for the next one.
    var leading = '';
    slot.set(this, new TransformStream<string, Uint8Array>({
      // https://encoding.spec.whatwg.org/#encode-and-enqueue-a-chunk: lone surrogates become U+FFFD (utf8Encode).
      transform: function (chunk, controller) {
        var input = leading + toDOMString(chunk, 'TextEncoderStream');
        var last = input.charCodeAt(input.length - 1);
        leading = last >= 0xd800 && last <= 0xdbff ? input.charAt(input.length - 1) : '';
        if (input.length > leading.length) controller.enqueue(utf8Encode(input.slice(0, input.length - leading.length)) as Uint8Array);
      },
      // https://encoding.spec.whatwg.org/#encode-and-flush: a leading surrogate left over is U+FFFD.
      flush: function (controller) {
        if (leading !== '') controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
      }
    }));
  }

  get encoding(): string {
    slot.get(this, 'TextEncoderStream.encoding');
    return 'utf-8';
  }

  // https://streams.spec.whatwg.org/#other-specs-ts-wrapping (GenericTransformStream)
  get readable(): ReadableStream<Uint8Array> {
    return slot.get(this, 'TextEncoderStream.readable').readable;
  }

  get writable(): WritableStream<string> {
    return slot.get(this, 'TextEncoderStream.writable').writable;
  }
}

if (supportsSymbolToStringTag) {
  Object.defineProperty(PolyfillTextEncoderStream.prototype, Symbol.toStringTag, { value: 'TextEncoderStream', configurable: true });
}

export var TextEncoderStream: typeof globalThis.TextEncoderStream = supportsNativeTextStreams
  ? g.TextEncoderStream : PolyfillTextEncoderStream as any;
