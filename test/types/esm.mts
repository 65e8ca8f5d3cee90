// Compiled by `npm run check:types` against the built package, as a TypeScript user of it sees it
// (through `exports`, self-referenced by name): with the DOM lib and without it. Type-checked only, never run.
import { fetch, Headers, Request, Response, FormData, ReadableStream, AbortController, AbortSignal, DOMException } from 'retrofetch';
import { TransformStream, WritableStream, TextDecoder, TextEncoder, TextDecoderStream, TextEncoderStream } from 'retrofetch';
import type { RetrofetchInit, EventSourceInit, EventSourceRetrofetchInit } from 'retrofetch';
import { EventSource } from 'retrofetch';
import 'retrofetch/polyfill';

const progress: RetrofetchInit = {
  onUploadProgress: (p) => { const sent: number = p.loaded; void sent; },
  onDownloadProgress: ({ loaded, total, lengthComputable }) => { void (lengthComputable ? loaded / total : 0); }
};
const controller = new AbortController();
const signal: AbortSignal = controller.signal;
const headers = new Headers({ Accept: 'text/plain' });
headers.append('X-A', '1');
const request = new Request('/api/echo', { method: 'POST', headers, body: 'hi', signal });
const form = new FormData();
form.append('name', 'value');

export const done: Promise<string> = fetch(request, { retrofetch: progress }).then((response: Response) => {
  const stream: ReadableStream<Uint8Array> | null = response.body;
  const timed: AbortSignal = AbortSignal.timeout(1000);
  controller.abort(new DOMException('stop', 'AbortError'));
  void stream; void timed;
  return response.clone().text().then((text: string) => response.arrayBuffer().then((bytes: ArrayBuffer) =>
    text + bytes.byteLength + (response.headers.get('content-type') || '') + new Response('x').status));
});

// The streams family and the text codecs (issue 11).
export const lines: Promise<string> = fetch('/api/events').then((response: Response) => {
  const counted = new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, controller) => controller.enqueue(chunk) });
  const text: ReadableStream<string> = response.body!.pipeThrough(counted).pipeThrough(new TextDecoderStream('utf-8', { fatal: true }));
  const sink = new WritableStream<Uint8Array>();
  void new ReadableStream<string>().pipeThrough(new TextEncoderStream()).pipeTo(sink);
  const bytes: Uint8Array = new TextEncoder().encode('x');
  return text.getReader().read().then((step) => (step.value || '') + new TextDecoder().decode(bytes));
});

// EventSource, with the extension member (issue 20).
const extension: EventSourceRetrofetchInit = { headers: { Authorization: 'Bearer x' }, heartbeatTimeout: 45000, maxBytes: 0, lastEventIdIn: 'query' };
const init: EventSourceInit = { withCredentials: true, retrofetch: extension };
const source = new EventSource('/api/sse', init);
source.onmessage = (event) => { const data: string = event.data; void data; };
source.addEventListener('tick', () => source.close());
export const state: number = source.readyState === EventSource.OPEN ? source.OPEN : EventSource.CLOSED;
