// The TextEncoder interface: https://encoding.spec.whatwg.org/#interface-textencoder
// The engine's own where it works (env/support.ts), else this one over retrofetch's codec (utf8.ts).
import { globalObject as g } from '../env/global';
import { supportsTextEncoder } from '../env/support';
import { createSlot } from '../webidl/slots';
import { requireArguments, toDOMString, typeError } from '../webidl/conversions';
import { constructing, defineAttributes } from '../webidl/interface';
import { isUint8Array } from '../webidl/buffer-source';
import { utf8Encode, utf8EncodeInto } from './utf8';

var slot = createSlot<{ encoding: string }>('TextEncoder');

export class PolyfillTextEncoder {
  declare readonly encoding: string;
  declare encode: (input?: string) => Uint8Array;
  declare encodeInto: (source: string, destination: Uint8Array) => TextEncoderEncodeIntoResult;

  // https://encoding.spec.whatwg.org/#dom-textencoder
  constructor() {
    slot.set(constructing(this, PolyfillTextEncoder, slot, 'TextEncoder constructor'), { encoding: 'utf-8' });
  }
}

// https://encoding.spec.whatwg.org/#dom-textencoder-encoding
defineAttributes(PolyfillTextEncoder.prototype, slot, 'TextEncoder', { encoding: 0 });

// https://encoding.spec.whatwg.org/#dom-textencoder-encode: the USVString's lone surrogates become U+FFFD.
PolyfillTextEncoder.prototype.encode = function (input?: string): Uint8Array {
  var member = 'TextEncoder.encode';
  slot.get(this, member);
  return utf8Encode(input === undefined ? '' : toDOMString(input, member)) as Uint8Array;
};

// https://encoding.spec.whatwg.org/#dom-textencoder-encodeinto: the code points that fit whole.
PolyfillTextEncoder.prototype.encodeInto = function (source: string, destination: Uint8Array): TextEncoderEncodeIntoResult {
  var member = 'TextEncoder.encodeInto';
  slot.get(this, member);
  requireArguments(arguments.length, 2, member);
  var s = toDOMString(source, member);
  if (!isUint8Array(destination)) throw typeError(member, 'not a Uint8Array');
  return utf8EncodeInto(s, destination);
};


export var TextEncoder: typeof globalThis.TextEncoder = supportsTextEncoder ? g.TextEncoder : PolyfillTextEncoder as any;
