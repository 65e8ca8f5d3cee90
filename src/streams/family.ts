// The streams family that retrofetch exports and the standalone script installs: the page's own where its
// ReadableStream works and pipes through its TransformStream, else web-streams-polyfill's ES5 ponyfill, all of it
// (each family's pipes take only streams of that family), bodies included (./readable-stream.ts). The ONE import of
// web-streams-polyfill: bodies do not import this, so `import { fetch } from 'retrofetch'` does not bundle it.
// Nothing here writes a global; src/polyfill.ts does that.
import {
  ReadableStream as PonyfillReadableStream, WritableStream as PonyfillWritableStream,
  TransformStream as PonyfillTransformStream, ByteLengthQueuingStrategy as PonyfillByteLengthQueuingStrategy,
  CountQueuingStrategy as PonyfillCountQueuingStrategy
} from 'web-streams-polyfill/es5';
import { defineValue, globalObject as g } from '../env/global';
import { supportsNativeStreams, supportsSymbolAsyncIterator } from '../env/support';
import { defineToStringTag } from '../webidl/interface';
import { useFamilyReadableStream } from './readable-stream';

// The page's class `name`, or the ponyfill's. LEGACY(ES5): web-streams-polyfill gives its classes @@toStringTag, and
// ReadableStream @@asyncIterator, only where Symbol is the engine's; a polyfilled one (core-js) counts too. (Defined
// again where it has them: the same value, the same attributes.)
function familyClass(name: string, Ponyfill: any): any {
  if (supportsNativeStreams) return g[name];
  defineToStringTag(Ponyfill.prototype, name);
  return Ponyfill;
}

export var ReadableStream: typeof globalThis.ReadableStream = familyClass('ReadableStream', PonyfillReadableStream);
export var WritableStream: typeof globalThis.WritableStream = familyClass('WritableStream', PonyfillWritableStream);
export var TransformStream: typeof globalThis.TransformStream = familyClass('TransformStream', PonyfillTransformStream);
export var ByteLengthQueuingStrategy: typeof globalThis.ByteLengthQueuingStrategy = familyClass('ByteLengthQueuingStrategy', PonyfillByteLengthQueuingStrategy);
export var CountQueuingStrategy: typeof globalThis.CountQueuingStrategy = familyClass('CountQueuingStrategy', PonyfillCountQueuingStrategy);

var proto: any = ReadableStream.prototype;
if (!supportsNativeStreams) {
  if (supportsSymbolAsyncIterator) defineValue(proto, (Symbol as any).asyncIterator, proto.values);
  // Bodies are streams of this family too, whatever ReadableStream the page has.
  useFamilyReadableStream(ReadableStream);
}
