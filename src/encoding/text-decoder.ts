// The TextDecoder interface, for UTF-8: https://encoding.spec.whatwg.org/#interface-textdecoder
// The engine's own where it works (env/support.ts), else this one over retrofetch's codec (utf8.ts).
import { globalObject as g } from '../env/global';
import { supportsTextDecoder } from '../env/support';
import { createSlot } from '../webidl/slots';
import { toDictionary, toDOMString } from '../webidl/conversions';
import { toBufferSourceBytes } from '../webidl/buffer-source';
import { constructing, defineAttributes } from '../webidl/interface';
import { UTF8Decoder, createUTF8Decoder, isUTF8Label } from './utf8';

/** TextDecoderOptions, as the constructors of TextDecoder and TextDecoderStream take them. */
export interface DecoderOptions {
  encoding: string;
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
  return { encoding: 'utf-8', fatal: !!dict.fatal, ignoreBOM: !!dict.ignoreBOM };
}

interface DecoderState extends DecoderOptions {
  /** The decoder kept between calls with `stream` (this's do not flush); none: a new one for the next call. */
  _decoder?: UTF8Decoder;
}

var slot = createSlot<DecoderState>('TextDecoder');

export class PolyfillTextDecoder {
  declare readonly encoding: string;
  declare readonly fatal: boolean;
  declare readonly ignoreBOM: boolean;
  declare decode: (input?: AllowSharedBufferSource, options?: TextDecodeOptions) => string;

  // https://encoding.spec.whatwg.org/#dom-textdecoder
  constructor(label?: string, options?: TextDecoderOptions) {
    var member = 'TextDecoder constructor';
    slot.set(constructing(this, PolyfillTextDecoder, slot, member), decoderOptions(label, options, member));
  }
}

// https://encoding.spec.whatwg.org/#dom-textdecoder-encoding, #dom-textdecoder-fatal, #dom-textdecoder-ignorebom
defineAttributes(PolyfillTextDecoder.prototype, slot, 'TextDecoder', { encoding: 0, fatal: 0, ignoreBOM: 0 });

// https://encoding.spec.whatwg.org/#dom-textdecoder-decode
PolyfillTextDecoder.prototype.decode = function (input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
  var member = 'TextDecoder.decode';
  var state = slot.get(this, member);
  var bytes = input === undefined ? new Uint8Array(0) : toBufferSourceBytes(input, member);
  var stream = !!toDictionary<TextDecodeOptions>(options, member).stream;
  // 1. If this's do not flush is false, then set this's decoder to a new instance of this's encoding's decoder,
  //    this's I/O queue to « end-of-queue », and this's BOM seen to false.
  var decoder = state._decoder || createUTF8Decoder(state);
  // 2. Set this's do not flush to options["stream"]. (A fatal error below leaves a new decoder for the next call.)
  state._decoder = undefined;
  // 3–5. Decode the bytes, flushing at the end unless streaming; with "fatal", an error throws a TypeError.
  var output = decoder.decode(bytes, !stream);
  if (stream) state._decoder = decoder;
  return output;
};


export var TextDecoder: typeof globalThis.TextDecoder = supportsTextDecoder ? g.TextDecoder : PolyfillTextDecoder as any;
