// The whole API through retrofetch's own exports, as every consumer project in test/types/consumers/ compiles it
// (copied there as .ts, .mts or .cts by test/types/run.js): with and without the platform's libs, TypeScript 5.9 and 7,
// strict (noImplicitAny), the declarations checked too (skipLibCheck off). Type-checked only, never run. No `async`,
// no iteration protocol and no global but Promise's type: the dom-node16 consumer has the ES5 lib only.
import {
  fetch, Headers, Request, Response, FormData, ReadableStream, WritableStream, TransformStream, ByteLengthQueuingStrategy,
  CountQueuingStrategy, TextDecoder, TextEncoder, TextDecoderStream, TextEncoderStream, AbortController, AbortSignal,
  DOMException, EventSource
} from 'retrofetch';
import type {
  RequestInfo, RequestInit, ResponseInit, HeadersInit, BodyInit, RetrofetchRequestInit, RetrofetchOptions, RetrofetchProgress,
  EventSourceInit, RetrofetchEventSourceInit, RetrofetchEventSourceOptions
} from 'retrofetch';
import 'retrofetch/polyfill';
import 'retrofetch/core';

// The progress callbacks: their parameter is typed without an annotation (no implicit any under noImplicitAny).
const options: RetrofetchOptions = {
  onUploadProgress: (progress) => { const sent: number = progress.loaded; void sent; },
  onDownloadProgress: ({ loaded, total, lengthComputable }) => { void (lengthComputable ? loaded / total : 0); }
};
const onProgress = (progress: RetrofetchProgress): string => progress.loaded + ' of ' + progress.total;
// What a user writes: the platform's RequestInit with retrofetch's member, and retrofetch's own RequestInit (the same).
const withProgress: RetrofetchRequestInit = { retrofetch: { onDownloadProgress: onProgress } };
const init: RequestInit = { method: 'POST', body: 'hi', retrofetch: options };

const controller = new AbortController();
const signal: AbortSignal = controller.signal;
const headersInit: HeadersInit = [['X-A', '1']];
const headers = new Headers(headersInit);
headers.append('X-B', '2');
const form = new FormData();
form.append('name', 'value');
const body: BodyInit = form;
const input: RequestInfo = new Request('/api/echo', { method: 'POST', headers, body, signal, retrofetch: options });
const responseInit: ResponseInit = { status: 201, headers: { 'Content-Type': 'text/plain' } };

export const done: Promise<string> = fetch(input, init).then((response: Response) => {
  const stream: ReadableStream<Uint8Array> | null = response.body;
  const timed: AbortSignal = AbortSignal.any([AbortSignal.timeout(1000), signal]);
  controller.abort(new DOMException('stop', 'AbortError'));
  void stream; void timed;
  return response.clone().text().then((text: string) => response.arrayBuffer().then((bytes: ArrayBuffer) =>
    text + bytes.byteLength + (response.headers.get('content-type') || '') + new Response('x', responseInit).status));
});
export const other: Promise<number> = fetch('/api/echo', withProgress).then((response) => response.status)
  .then(() => fetch(new Request('/api/echo'), { retrofetch: { onUploadProgress: (p) => void p.lengthComputable } }))
  .then((response) => response.bytes()).then((bytes) => bytes.byteLength);

// The streams family and the text codecs.
export const lines: Promise<string> = fetch('/api/events').then((response: Response) => {
  const counted = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({ transform: (chunk, ctrl) => ctrl.enqueue(chunk) });
  const text: ReadableStream<string> = response.body!.pipeThrough(counted).pipeThrough(new TextDecoderStream('utf-8', { fatal: true }));
  const sink = new WritableStream<Uint8Array>({ write: (chunk) => void chunk.byteLength }, new ByteLengthQueuingStrategy({ highWaterMark: 1024 }));
  void new ReadableStream<string>({ start: (ctrl) => ctrl.enqueue('x') }, new CountQueuingStrategy({ highWaterMark: 1 }))
    .pipeThrough(new TextEncoderStream()).pipeTo(sink);
  const bytes: Uint8Array = new TextEncoder().encode('x');
  return text.getReader().read().then((step) => (step.value || '') + new TextDecoder().decode(bytes));
});

// EventSource, with retrofetch's member.
const sourceOptions: RetrofetchEventSourceOptions = { headers: { Authorization: 'Bearer x' }, heartbeatTimeout: 45000, maxBytes: 0, lastEventIdIn: 'query' };
const sourceMember: RetrofetchEventSourceInit = { retrofetch: sourceOptions };
const sourceInit: EventSourceInit = { withCredentials: true, retrofetch: sourceOptions };
const source = new EventSource('/api/sse', sourceInit);
source.onmessage = (event) => { const data: string = event.data + event.lastEventId; void data; };
source.addEventListener('tick', () => source.close());
export const state: number = source.readyState === EventSource.OPEN ? source.OPEN : EventSource.CLOSED + sourceMember.toString().length;

// The mistakes the declarations catch.
// @ts-expect-error a number is no RequestInfo
void fetch(42);
// @ts-expect-error a method is a string
void fetch('/x', { method: 12345 });
// @ts-expect-error a misspelt member (headers)
void fetch('/x', { headres: {} });
// @ts-expect-error a misspelt member of retrofetch's (onUploadProgress)
void fetch('/x', { retrofetch: { onUpladProgress: () => {} } });
// @ts-expect-error a progress callback is a function
void new Request('/x', { retrofetch: { onDownloadProgress: 'yes' } });
// @ts-expect-error progress has loaded, total and lengthComputable, no percent
void fetch('/x', { retrofetch: { onDownloadProgress: (progress) => progress.percent } });
// @ts-expect-error a Headers init is pairs of strings
void new Headers([['X-A', 1]]);
// @ts-expect-error Request needs its input
void new Request();
// @ts-expect-error lastEventIdIn is 'header' or 'query'
void new EventSource('/x', { retrofetch: { lastEventIdIn: 'body' } });
// @ts-expect-error a misspelt member of retrofetch's (heartbeatTimeout)
void new EventSource('/x', { retrofetch: { heartbeatTimeOut: 1000 } });
