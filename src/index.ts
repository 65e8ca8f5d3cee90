// The ponyfill entry: named exports only, no side effects (package.json `sideEffects` names only the polyfill).
export { Headers } from './fetch/headers';
export { Request } from './fetch/request';
export { Response } from './fetch/response';
export { FormData } from './form-data/exported';
export { ReadableStream, WritableStream, TransformStream, ByteLengthQueuingStrategy, CountQueuingStrategy } from './streams/family';
export { TextDecoderStream } from './streams/text-decoder-stream';
export { TextEncoderStream } from './streams/text-encoder-stream';
export { TextDecoder } from './encoding/text-decoder';
export { TextEncoder } from './encoding/text-encoder';
export { AbortController } from './dom/abort-controller';
export { AbortSignal } from './dom/abort-signal';
export { DOMException } from './dom/dom-exception';
export { fetch } from './fetch/fetch';
export type { RetrofetchInit } from './fetch/fetch';
export { EventSource } from './event-source/event-source';
export type { EventSourceInit, RetrofetchEventSourceOptions } from './event-source/event-source';
