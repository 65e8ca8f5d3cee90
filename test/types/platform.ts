// Where the consumer has the platform's fetch types (lib "dom" or "webworker"), retrofetch's objects are the platform's
// types and the platform's objects are retrofetch's: assignments both ways (test/types/run.js; type-checked only).
import * as retrofetch from 'retrofetch';

// retrofetch's objects where the platform's types are expected.
export const response: Promise<Response> = retrofetch.fetch('/x');
export const bytes: Promise<ReadableStream<Uint8Array<ArrayBuffer>> | null> = response.then((r: Response) => r.body);
export const request: Request = new retrofetch.Request('/x', { retrofetch: { onUploadProgress: (p) => void p.loaded } });
export const headers: Headers = new retrofetch.Headers({ Accept: 'text/plain' });
export const form: FormData = new retrofetch.FormData();
export const controller: AbortController = new retrofetch.AbortController();
export const signal: AbortSignal = retrofetch.AbortSignal.timeout(1000);
export const made: Response = new retrofetch.Response('x');
export const error: DOMException = new retrofetch.DOMException('stop', 'AbortError');
export const stream: ReadableStream<string> = new retrofetch.ReadableStream<string>();
export const sink: WritableStream<Uint8Array> = new retrofetch.WritableStream<Uint8Array>();
export const pair: TransformStream<string, number> = new retrofetch.TransformStream<string, number>();
export const decoder: TextDecoder = new retrofetch.TextDecoder();
export const encoder: TextEncoder = new retrofetch.TextEncoder();
export const decoding: TextDecoderStream = new retrofetch.TextDecoderStream();
export const encoding: TextEncoderStream = new retrofetch.TextEncoderStream();
export const strategy: QueuingStrategy<ArrayBufferView> = new retrofetch.ByteLengthQueuingStrategy({ highWaterMark: 1 });
export const initWithProgress: RequestInit & retrofetch.RetrofetchRequestInit = { method: 'GET', retrofetch: { onDownloadProgress: (p) => void p.total } };
export const asPlatformInit: RequestInit = initWithProgress;
export const globalFetch: typeof fetch = retrofetch.fetch;
export const source: EventSource = new retrofetch.EventSource('/x', { withCredentials: true, retrofetch: { maxBytes: 0 } });
export const sourceInit: EventSourceInit = { withCredentials: true } as retrofetch.EventSourceInit;

// The platform's objects where retrofetch's are expected.
export const fromPlatform: Promise<retrofetch.Response> = retrofetch.fetch(new Request('/x'), {
  headers: new Headers(), body: new FormData(), signal: new AbortController().signal, retrofetch: {}
});
export const platformResponse: retrofetch.Response = new Response('x');
export const copied = new retrofetch.Response(new ReadableStream<Uint8Array>(), { headers: new Headers() });
export const piped = new retrofetch.ReadableStream<string>().pipeThrough(new TextEncoderStream());
export const anySignal: retrofetch.AbortSignal = retrofetch.AbortSignal.any([new AbortController().signal]);
export const blobBody = new retrofetch.Request('/x', { method: 'POST', body: new Blob(['x']) });
export const paramsBody = new retrofetch.Response(new URLSearchParams('a=1'));
export const platformInit: retrofetch.RequestInit = {} as RequestInit;
export const platformSource: retrofetch.EventSource = new EventSource('/x');
