// retrofetch's own declarations against the DOM's (test/types/consumers/shapes; type-checked only): what a project
// without the platform's libs gets is what lib.dom.d.ts says of the same interfaces. Each pair is checked both ways,
// ours where the DOM's is expected and back, so that a difference is reported with its member. (The three stream
// interfaces are compared one level deep: see test/types/run.js.)
import type { retrofetch } from './standalone';

declare function a<T>(): T;
export const headers: [Headers, retrofetch.Headers] = [a<retrofetch.Headers>(), a<Headers>()];
export const request: [Request, retrofetch.Request] = [a<retrofetch.Request>(), a<Request>()];
export const requestInit: [RequestInit, retrofetch.RequestInit] = [a<retrofetch.RequestInit>(), a<RequestInit>()];
export const response: [Response, retrofetch.Response] = [a<retrofetch.Response>(), a<Response>()];
export const responseInit: [ResponseInit, retrofetch.ResponseInit] = [a<retrofetch.ResponseInit>(), a<ResponseInit>()];
export const headersInit: [HeadersInit, retrofetch.HeadersInit] = [a<retrofetch.HeadersInit>(), a<HeadersInit>()];
export const bodyInit: [BodyInit, retrofetch.BodyInit] = [a<retrofetch.BodyInit>(), a<BodyInit>()];
export const formData: [FormData, retrofetch.FormData] = [a<retrofetch.FormData>(), a<FormData>()];
export const blob: [Blob, retrofetch.Blob] = [a<retrofetch.Blob>(), a<Blob>()];
export const file: [File, retrofetch.File] = [a<retrofetch.File>(), a<File>()];
export const uRLSearchParams: [URLSearchParams, retrofetch.URLSearchParams] = [a<retrofetch.URLSearchParams>(), a<URLSearchParams>()];
export const abortController: [AbortController, retrofetch.AbortController] = [a<retrofetch.AbortController>(), a<AbortController>()];
export const abortSignal: [AbortSignal, retrofetch.AbortSignal] = [a<retrofetch.AbortSignal>(), a<AbortSignal>()];
export const event: [Event, retrofetch.Event] = [a<retrofetch.Event>(), a<Event>()];
export const eventTarget: [EventTarget, retrofetch.EventTarget] = [a<retrofetch.EventTarget>(), a<EventTarget>()];
export const dOMException: [DOMException, retrofetch.DOMException] = [a<retrofetch.DOMException>(), a<DOMException>()];
export const dOMExceptionConstructor: [typeof DOMException, retrofetch.DOMExceptionConstructor] = [a<retrofetch.DOMExceptionConstructor>(), a<typeof DOMException>()];
export const readableStream: [ReadableStream<string>, retrofetch.OwnReadableStream<string>] = [a<retrofetch.OwnReadableStream<string>>(), a<ReadableStream<string>>()];
export const readableStreamConstructor: [typeof ReadableStream, retrofetch.ReadableStreamConstructor] = [a<retrofetch.ReadableStreamConstructor>(), a<typeof ReadableStream>()];
export const writableStream: [WritableStream<string>, retrofetch.OwnWritableStream<string>] = [a<retrofetch.OwnWritableStream<string>>(), a<WritableStream<string>>()];
export const writableStreamConstructor: [typeof WritableStream, retrofetch.WritableStreamConstructor] = [a<retrofetch.WritableStreamConstructor>(), a<typeof WritableStream>()];
export const transformStream: [TransformStream<string, number>, retrofetch.OwnTransformStream<string, number>] = [a<retrofetch.OwnTransformStream<string, number>>(), a<TransformStream<string, number>>()];
export const transformStreamConstructor: [typeof TransformStream, retrofetch.TransformStreamConstructor] = [a<retrofetch.TransformStreamConstructor>(), a<typeof TransformStream>()];
export const byteLengthQueuingStrategy: [ByteLengthQueuingStrategy, retrofetch.ByteLengthQueuingStrategy] = [a<retrofetch.ByteLengthQueuingStrategy>(), a<ByteLengthQueuingStrategy>()];
export const countQueuingStrategy: [CountQueuingStrategy, retrofetch.CountQueuingStrategy] = [a<retrofetch.CountQueuingStrategy>(), a<CountQueuingStrategy>()];
export const textDecoder: [TextDecoder, retrofetch.TextDecoder] = [a<retrofetch.TextDecoder>(), a<TextDecoder>()];
export const textEncoder: [TextEncoder, retrofetch.TextEncoder] = [a<retrofetch.TextEncoder>(), a<TextEncoder>()];
export const textDecoderStream: [TextDecoderStream, retrofetch.TextDecoderStream] = [a<retrofetch.TextDecoderStream>(), a<TextDecoderStream>()];
export const textEncoderStream: [TextEncoderStream, retrofetch.TextEncoderStream] = [a<retrofetch.TextEncoderStream>(), a<TextEncoderStream>()];
