// The TextDecoder interface, for UTF-8: https://encoding.spec.whatwg.org/#interface-textdecoder
// The engine's own where it works (env/support.ts), else this one over retrofetch's codec (utf8.ts).
import { globalObject as g } from '../env/global';
import { supportsSymbolToStringTag, supportsTextDecoder } from '../env/support';
import { createSlot } from '../webidl/slots';
import { toDictionary, toDOMString } from '../webidl/conversions';
import { toBufferSourceBytes } from '../webidl/buffer-source';
import { UTF8Decoder, createUTF8Decoder, isUTF8Label } from './utf8';

/** TextDecoderOptions, as the constructors of TextDecoder and TextDecoderStream take them. */
export interface DecoderOptions {
  fatal: boolean;
  ignoreBOM: boolean;
}

/**
 * The constructor steps both interfaces share (https://encoding.spec.whatwg.org/#dom-textdecoder): 1. get an
 * encoding from label; 2. a RangeError if that fails (here: unless it is UTF-8); 4–5. the error mode and ignore BOM.
 */
export function decoderOptions(label: unknown, options: unknown, member: string): DecoderOptions {
  var name = label === undefined ? 'utf-8' : toDOMString(label, member);
  var dict = toDictionary<TextDecoderOptions>(options, member);
  if (!isUTF8Label(name)) throw new RangeError(member + ": the encoding '" + name + "' is not supported (only UTF-8 is)");
  return { fatal: !!dict.fatal, ignoreBOM: !!dict.ignoreBOM };
}

interface DecoderState extends DecoderOptions {
  /** The decoder kept between calls with `stream` (this's do not flush); null: a new one for the next call. */
  decoder: UTF8Decoder | null;
}

var slot = createSlot<DecoderState>('TextDecoder');

export class PolyfillTextDecoder {
  constructor(label?: string, options?: TextDecoderOptions) {
    var member = 'TextDecoder constructor';
    if (!(this instanceof PolyfillTextDecoder) || slot.has(this)) throw new TypeError(member + ": Please use the 'new' operator");
    var state = decoderOptions(label, options, member) as DecoderState;
    state.decoder = null;
    slot.set(this, state);
  }

  // https://encoding.spec.whatwg.org/#dom-textdecoder-encoding
  get encoding(): string {
    slot.get(this, 'TextDecoder.encoding');
    return 'utf-8';
  }

  // https://encoding.spec.whatwg.org/#dom-textdecoder-fatal
  get fatal(): boolean {
    return slot.get(this, 'TextDecoder.fatal').fatal;
  }

  // https://encoding.spec.whatwg.org/#dom-textdecoder-ignorebom
  get ignoreBOM(): boolean {
    return slot.get(this, 'TextDecoder.ignoreBOM').ignoreBOM;
  }

  // https://encoding.spec.whatwg.org/#dom-textdecoder-decode
  decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    var member = 'TextDecoder.decode';
    var state = slot.get(this, member);
    var bytes = input === undefined ? new Uint8Array(0) : toBufferSourceBytes(input, member);
    var stream = !!toDictionary<TextDecodeOptions>(options, member).stream;
    // 1. If this's do not flush is false, then set this's decoder to a new instance of this's encoding's decoder,
    //    this's I/O queue to « end-of-queue », and this's BOM seen to false.
    var decoder = state.decoder || createUTF8Decoder(!state.ignoreBOM, state.fatal);
    // 2. Set this's do not flush to options["stream"]. (A fatal error below leaves a new decoder for the next call.)
    state.decoder = null;
    // 3–5. Decode the bytes, flushing at the end unless streaming; with "fatal", an error throws a TypeError.
    var output = decoder.decode(bytes, !stream);
    if (stream) state.decoder = decoder;
    return output;
  }
}

if (supportsSymbolToStringTag) {
  Object.defineProperty(PolyfillTextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });
}

export var TextDecoder: typeof globalThis.TextDecoder = supportsTextDecoder ? g.TextDecoder : PolyfillTextDecoder as any;
