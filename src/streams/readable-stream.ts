// The ReadableStream that bodies are made of: that of the streams family retrofetch exports where ./family.ts is
// bundled and chose web-streams-polyfill's (the page's streams are then not a working family: bodies must pipe
// through the exported TransformStream), else the one the page has when a body stream is asked for (the engine's,
// or one the page or the standalone script installed), else none: the core build and `import { fetch }` alone in
// an engine without streams give no `body` stream then (README "Ways in"), and every body method still works.
// Read at call time, so that web-streams-polyfill is bundled only with the streams family (./family.ts).
import { globalObject as g } from '../env/global';

var familyReadableStream: typeof ReadableStream | null = null;

/** Makes bodies streams of `Stream`, the ReadableStream of web-streams-polyfill's family (./family.ts). */
export function useFamilyReadableStream(Stream: typeof ReadableStream): void {
  familyReadableStream = Stream;
}

export function hostReadableStream(): typeof ReadableStream | null {
  return familyReadableStream || g.ReadableStream || null;
}

/**
 * Whether `value` is a ReadableStream: the page's, or one of another family (web-streams-polyfill's, an engine's),
 * known by its class string or its shape.
 */
export function isReadableStream(value: any): value is ReadableStream {
  if (value === null || typeof value !== 'object') return false;
  var RS = g.ReadableStream;
  if (RS && value instanceof RS) return true;
  return Object.prototype.toString.call(value) === '[object ReadableStream]' || (typeof value.getReader === 'function' &&
    typeof value.pipeTo === 'function' && typeof value.tee === 'function' && typeof value.locked === 'boolean');
}

/**
 * `fields` in an object of null prototype: a dictionary (an underlying source or sink, a queuing strategy, pipe
 * options) that the streams' constructors read without meeting Object.prototype, where a page may have defined
 * `start`, `type`, `highWaterMark`, … (WebIDL reads a dictionary's absent members from its prototype chain).
 */
export function nullPrototypeDictionary<T extends object>(fields: T): T {
  var dictionary = Object.create(null);
  var names = Object.keys(fields);
  for (var i = 0; i < names.length; i++) dictionary[names[i]] = (fields as any)[names[i]];
  return dictionary;
}
