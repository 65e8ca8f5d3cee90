// retrofetch's public declarations, written by hand (not tsc's output of src/, which would need lib.dom):
// `npm run build` copies this file to dist/types/index.d.ts (the `require` condition) and dist/esm/index.d.ts (the
// `import` condition); test/types/run.js compiles consumer projects against the packed package.
//
// How they meet the consumer's world:
// - Where the consumer's libs declare the platform's interface (lib "dom", lib "webworker", or @types/node), the
//   instance types ARE the platform's: `typeof globalThis` then has the interface object, and its `prototype` is the
//   type. So retrofetch's Response is assignable to the DOM's Response and the DOM's to retrofetch's, whatever the
//   version of lib.dom.d.ts. The dictionaries (RequestInit, HeadersInit, BodyInit, ...) come from the platform's
//   constructors' parameters the same way.
// - Where they declare none (ES libs only), the types are retrofetch's own, in the namespace `retrofetch` below:
//   the shapes of lib.dom.d.ts for the same interfaces, written against the ES5 lib alone (no Iterable, no Symbol
//   by name: the iteration members come through the `Symbol` of `typeof globalThis` when the ES2015 lib has one).
// - Nothing here is global: no `declare global`, no `/// <reference lib>`. A project without the DOM gets no DOM
//   globals; a worker project (lib "webworker") compiles (no TS6200 against lib.dom.d.ts).
// The constructors are retrofetch's own where its classes are its own (Headers, Request, Response, AbortController,
// AbortSignal: Request takes the `retrofetch` member), and the platform's where retrofetch hands out the engine's
// class when it has a working one (FormData, DOMException, the streams family, the text codecs).

type Global = typeof globalThis;

/** The instance type of the platform's interface `Name` where the consumer's libs declare it, else `Own`. */
type PlatformType<Name extends string, Own> = Global extends { readonly [K in Name]: { readonly prototype: infer T } } ? T : Own;

/** The platform's interface object (its constructor and statics) `Name` where the consumer's libs declare it, else `Own`. */
type PlatformClass<Name extends string, Own> = Global extends { readonly [K in Name]: infer C } ? C : Own;

// The dictionaries as the platform's constructors take them.
type PlatformHeadersInit = Global extends { readonly Headers: abstract new (init?: infer I) => unknown } ? NonNullable<I> : retrofetch.HeadersInit;
type PlatformRequestInit = Global extends { readonly Request: abstract new (input: any, init?: infer I) => unknown } ? NonNullable<I> : retrofetch.RequestInit;
type PlatformBodyInit = Global extends { readonly Response: abstract new (body?: infer B, init?: any) => unknown } ? NonNullable<B> : retrofetch.BodyInit;
type PlatformResponseInit = Global extends { readonly Response: abstract new (body?: any, init?: infer I) => unknown } ? NonNullable<I> : retrofetch.ResponseInit;
type PlatformEventSourceInit = Global extends { readonly EventSource: abstract new (url: any, init?: infer I) => unknown } ? NonNullable<I> : retrofetch.EventSourceInit;

// ---------------------------------------------------------------------------------------------------------------------
// retrofetch's own extension: the `retrofetch` member of RequestInit.

/** What a progress callback gets: bytes so far, and the total where it is known (Content-Length; else 0). */
export interface RetrofetchProgress {
  readonly loaded: number;
  readonly total: number;
  readonly lengthComputable: boolean;
}

/**
 * The `retrofetch` member of RequestInit (`fetch(url, { retrofetch: { onDownloadProgress } })`, also taken by
 * `new Request()` and carried by the request). Native fetch ignores it. A transport that cannot report a kind of
 * progress (XDomainRequest's uploads, a level-1 XMLHttpRequest) rejects the fetch with a TypeError rather than stay
 * silent. A listener on the upload makes a cross-origin request preflighted.
 */
export interface RetrofetchOptions {
  /** Request body bytes sent so far. */
  onUploadProgress?: (progress: RetrofetchProgress) => void;
  /** Response body bytes received so far, against Content-Length, as the body's stream is fed. */
  onDownloadProgress?: (progress: RetrofetchProgress) => void;
}

/** retrofetch's member of RequestInit, to add to the platform's: `RequestInit & RetrofetchRequestInit`. */
export interface RetrofetchRequestInit {
  retrofetch?: RetrofetchOptions;
}

/** @deprecated The inner object of `init.retrofetch`, now named RetrofetchOptions (RetrofetchRequestInit is the member). */
export type RetrofetchInit = RetrofetchOptions;

/**
 * The `retrofetch` member of EventSourceInit (`new EventSource(url, { retrofetch: { headers } })`). A browser's own
 * EventSource ignores it.
 */
export interface RetrofetchEventSourceOptions {
  /** Request headers sent with every connection (`Authorization`, say), in any form `new Headers()` takes. */
  headers?: HeadersInit;
  /** Milliseconds without a byte (not even a comment) after which it reconnects; 0 (the default): never. */
  heartbeatTimeout?: number;
  /** Body bytes one connection may deliver before a new one takes over with the last event ID (default 4 MiB; 0: no cap). */
  maxBytes?: number;
  /** Where the last event ID goes on a reconnection (default: the header same-origin, the query parameter cross-origin). */
  lastEventIdIn?: 'header' | 'query';
}

/** retrofetch's member of EventSourceInit, to add to the platform's: `EventSourceInit & RetrofetchEventSourceInit`. */
export interface RetrofetchEventSourceInit {
  retrofetch?: RetrofetchEventSourceOptions;
}

// ---------------------------------------------------------------------------------------------------------------------
// The dictionaries and unions, the platform's where it has them.

export type HeadersInit = PlatformHeadersInit;
export type BodyInit = PlatformBodyInit;
export type ResponseInit = PlatformResponseInit;
/** The RequestInit that retrofetch's fetch() and Request take: the platform's, with retrofetch's member. */
export type RequestInit = PlatformRequestInit & RetrofetchRequestInit;
export type RequestInfo = Request | string;
/** The EventSourceInit that retrofetch's EventSource takes: the platform's, with retrofetch's member. */
export type EventSourceInit = PlatformEventSourceInit & RetrofetchEventSourceInit;
type URL = PlatformType<'URL', retrofetch.URL>;

// ---------------------------------------------------------------------------------------------------------------------
// fetch and the classes.

/** https://fetch.spec.whatwg.org/#fetch-method, over XMLHttpRequest (or XDomainRequest), with retrofetch's member. */
export declare function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;

export type Headers = PlatformType<'Headers', retrofetch.Headers>;
export declare const Headers: {
  readonly prototype: Headers;
  new (init?: HeadersInit): Headers;
};

export type Request = PlatformType<'Request', retrofetch.Request>;
export declare const Request: {
  readonly prototype: Request;
  new (input: RequestInfo | URL, init?: RequestInit): Request;
};

export type Response = PlatformType<'Response', retrofetch.Response>;
export declare const Response: {
  readonly prototype: Response;
  new (body?: BodyInit | null, init?: ResponseInit): Response;
  error(): Response;
  json(data: any, init?: ResponseInit): Response;
  redirect(url: string | URL, status?: number): Response;
};

export type FormData = PlatformType<'FormData', retrofetch.FormData>;
export declare const FormData: PlatformClass<'FormData', {
  readonly prototype: FormData;
  new (): FormData;
}>;

export type AbortController = PlatformType<'AbortController', retrofetch.AbortController>;
export declare const AbortController: {
  readonly prototype: AbortController;
  new (): AbortController;
};

export type AbortSignal = PlatformType<'AbortSignal', retrofetch.AbortSignal>;
/** Abstract, as the platform's: signals come from an AbortController or the statics (`new AbortSignal()` throws). */
export declare const AbortSignal: (abstract new () => AbortSignal) & {
  readonly prototype: AbortSignal;
  abort(reason?: any): AbortSignal;
  any(signals: AbortSignal[]): AbortSignal;
  timeout(milliseconds: number): AbortSignal;
};

export type DOMException = PlatformType<'DOMException', retrofetch.DOMException>;
export declare const DOMException: PlatformClass<'DOMException', retrofetch.DOMExceptionConstructor>;

// The streams family (the page's own where it has a whole one, else web-streams-polyfill's). The generic types are the
// instance types of the constructors given the type arguments.
export declare const ReadableStream: PlatformClass<'ReadableStream', retrofetch.ReadableStreamConstructor>;
export type ReadableStream<R = any> = InstanceType<typeof ReadableStream<R>>;
export declare const WritableStream: PlatformClass<'WritableStream', retrofetch.WritableStreamConstructor>;
export type WritableStream<W = any> = InstanceType<typeof WritableStream<W>>;
export declare const TransformStream: PlatformClass<'TransformStream', retrofetch.TransformStreamConstructor>;
export type TransformStream<I = any, O = any> = InstanceType<typeof TransformStream<I, O>>;
export type ByteLengthQueuingStrategy = PlatformType<'ByteLengthQueuingStrategy', retrofetch.ByteLengthQueuingStrategy>;
export declare const ByteLengthQueuingStrategy: PlatformClass<'ByteLengthQueuingStrategy', {
  readonly prototype: ByteLengthQueuingStrategy;
  new (init: retrofetch.QueuingStrategyInit): ByteLengthQueuingStrategy;
}>;
export type CountQueuingStrategy = PlatformType<'CountQueuingStrategy', retrofetch.CountQueuingStrategy>;
export declare const CountQueuingStrategy: PlatformClass<'CountQueuingStrategy', {
  readonly prototype: CountQueuingStrategy;
  new (init: retrofetch.QueuingStrategyInit): CountQueuingStrategy;
}>;

// The text codecs and their streams (the engine's where they work).
export type TextDecoder = PlatformType<'TextDecoder', retrofetch.TextDecoder>;
export declare const TextDecoder: PlatformClass<'TextDecoder', {
  readonly prototype: TextDecoder;
  new (label?: string, options?: retrofetch.TextDecoderOptions): TextDecoder;
}>;
export type TextEncoder = PlatformType<'TextEncoder', retrofetch.TextEncoder>;
export declare const TextEncoder: PlatformClass<'TextEncoder', {
  readonly prototype: TextEncoder;
  new (): TextEncoder;
}>;
export type TextDecoderStream = PlatformType<'TextDecoderStream', retrofetch.TextDecoderStream>;
export declare const TextDecoderStream: PlatformClass<'TextDecoderStream', {
  readonly prototype: TextDecoderStream;
  new (label?: string, options?: retrofetch.TextDecoderOptions): TextDecoderStream;
}>;
export type TextEncoderStream = PlatformType<'TextEncoderStream', retrofetch.TextEncoderStream>;
export declare const TextEncoderStream: PlatformClass<'TextEncoderStream', {
  readonly prototype: TextEncoderStream;
  new (): TextEncoderStream;
}>;

// Server-sent events: the platform's EventSource type where the consumer's libs have one, with retrofetch's
// constructor, which takes retrofetch's member of EventSourceInit.
export type EventSource = PlatformType<'EventSource', retrofetch.EventSource>;
export declare const EventSource: {
  readonly prototype: EventSource;
  new (url: string | URL, eventSourceInitDict?: EventSourceInit): EventSource;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
};

// ---------------------------------------------------------------------------------------------------------------------
// retrofetch's own declarations, for a project whose libs have none of the platform's: the shapes of TypeScript's
// lib.dom.d.ts. Inside this namespace a name is its own declaration (Headers is retrofetch.Headers), as it is in such
// a project. Not exported: what a user names is the types above.

type IteratorKey = Global extends { readonly Symbol: { readonly iterator: infer S extends symbol } } ? S : never;
type AsyncIteratorKey = Global extends { readonly Symbol: { readonly asyncIterator: infer S extends symbol } } ? S : never;

declare namespace retrofetch {
  // Iteration, where the ES lib has Symbol.iterator / Symbol.asyncIterator (else these add nothing).
  type IteratorStep<T> = { done?: false; value: T } | { done: true; value: undefined };
  type IterableOf<T> = { [K in IteratorKey]: () => IteratorOf<T> };
  interface IteratorOf<T> extends IterableOf<T> {
    next(): IteratorStep<T>;
  }
  /** Iterable, and entries(), keys(), values() (https://webidl.spec.whatwg.org/#idl-iterable, pair iterators). */
  interface PairIterable<K, V> extends IterableOf<[K, V]> {
    entries(): IteratorOf<[K, V]>;
    keys(): IteratorOf<K>;
    values(): IteratorOf<V>;
  }
  type AsyncIterableOf<T> = { [K in AsyncIteratorKey]: (options?: ReadableStreamIteratorOptions) => ReadableStreamAsyncIterator<T> };
  interface ReadableStreamAsyncIterator<T> extends AsyncIterableSelf<ReadableStreamAsyncIterator<T>> {
    next(): Promise<IteratorStep<T>>;
    return?(value?: any): Promise<IteratorStep<T>>;
  }
  type AsyncIterableSelf<I> = { [K in AsyncIteratorKey]: () => I };
  interface ReadableStreamIteratorOptions {
    preventCancel?: boolean;
  }

  // https://url.spec.whatwg.org: what fetch() takes of a URL object (its string) and a URLSearchParams body.
  interface URL {
    readonly href: string;
    toString(): string;
  }
  interface URLSearchParams extends PairIterable<string, string> {
    readonly size: number;
    append(name: string, value: string): void;
    delete(name: string, value?: string): void;
    get(name: string): string | null;
    getAll(name: string): string[];
    has(name: string, value?: string): boolean;
    set(name: string, value: string): void;
    sort(): void;
    toString(): string;
    forEach(callbackfn: (value: string, key: string, parent: URLSearchParams) => void, thisArg?: any): void;
  }

  // https://w3c.github.io/FileAPI/
  interface Blob {
    readonly size: number;
    readonly type: string;
    arrayBuffer(): Promise<ArrayBuffer>;
    bytes(): Promise<Uint8Array<ArrayBuffer>>;
    slice(start?: number, end?: number, contentType?: string): Blob;
    stream(): ReadableStream<Uint8Array<ArrayBuffer>>;
    text(): Promise<string>;
  }
  interface File extends Blob {
    readonly lastModified: number;
    readonly name: string;
    readonly webkitRelativePath: string;
  }

  // https://fetch.spec.whatwg.org
  type HeadersInit = [string, string][] | Record<string, string> | Headers;
  type BufferSource = ArrayBufferView<ArrayBuffer> | ArrayBuffer;
  type XMLHttpRequestBodyInit = Blob | BufferSource | FormData | URLSearchParams | string;
  type BodyInit = ReadableStream | XMLHttpRequestBodyInit;
  type RequestCache = 'default' | 'force-cache' | 'no-cache' | 'no-store' | 'only-if-cached' | 'reload';
  type RequestCredentials = 'include' | 'omit' | 'same-origin';
  type RequestDestination = '' | 'audio' | 'audioworklet' | 'document' | 'embed' | 'font' | 'frame' | 'iframe' | 'image' |
    'manifest' | 'object' | 'paintworklet' | 'report' | 'script' | 'sharedworker' | 'style' | 'track' | 'video' |
    'worker' | 'xslt';
  type RequestMode = 'cors' | 'navigate' | 'no-cors' | 'same-origin';
  type RequestPriority = 'auto' | 'high' | 'low';
  type RequestRedirect = 'error' | 'follow' | 'manual';
  type ReferrerPolicy = '' | 'no-referrer' | 'no-referrer-when-downgrade' | 'origin' | 'origin-when-cross-origin' |
    'same-origin' | 'strict-origin' | 'strict-origin-when-cross-origin' | 'unsafe-url';
  type ResponseType = 'basic' | 'cors' | 'default' | 'error' | 'opaque' | 'opaqueredirect';

  interface Headers extends PairIterable<string, string> {
    append(name: string, value: string): void;
    delete(name: string): void;
    get(name: string): string | null;
    getSetCookie(): string[];
    has(name: string): boolean;
    set(name: string, value: string): void;
    forEach(callbackfn: (value: string, key: string, parent: Headers) => void, thisArg?: any): void;
  }
  interface Body {
    readonly body: ReadableStream<Uint8Array<ArrayBuffer>> | null;
    readonly bodyUsed: boolean;
    arrayBuffer(): Promise<ArrayBuffer>;
    blob(): Promise<Blob>;
    bytes(): Promise<Uint8Array<ArrayBuffer>>;
    formData(): Promise<FormData>;
    json(): Promise<any>;
    text(): Promise<string>;
  }
  interface RequestInit {
    body?: BodyInit | null;
    cache?: RequestCache;
    credentials?: RequestCredentials;
    headers?: HeadersInit;
    integrity?: string;
    keepalive?: boolean;
    method?: string;
    mode?: RequestMode;
    priority?: RequestPriority;
    redirect?: RequestRedirect;
    referrer?: string;
    referrerPolicy?: ReferrerPolicy;
    signal?: AbortSignal | null;
    window?: null;
  }
  interface Request extends Body {
    readonly cache: RequestCache;
    readonly credentials: RequestCredentials;
    readonly destination: RequestDestination;
    readonly headers: Headers;
    readonly integrity: string;
    readonly keepalive: boolean;
    readonly method: string;
    readonly mode: RequestMode;
    readonly redirect: RequestRedirect;
    readonly referrer: string;
    readonly referrerPolicy: ReferrerPolicy;
    readonly signal: AbortSignal;
    readonly url: string;
    clone(): Request;
  }
  interface ResponseInit {
    headers?: HeadersInit;
    status?: number;
    statusText?: string;
  }
  interface Response extends Body {
    readonly headers: Headers;
    readonly ok: boolean;
    readonly redirected: boolean;
    readonly status: number;
    readonly statusText: string;
    readonly type: ResponseType;
    readonly url: string;
    clone(): Response;
  }

  // https://xhr.spec.whatwg.org/#interface-formdata
  type FormDataEntryValue = File | string;
  interface FormData extends PairIterable<string, FormDataEntryValue> {
    append(name: string, value: string | Blob): void;
    append(name: string, value: string): void;
    append(name: string, blobValue: Blob, filename?: string): void;
    delete(name: string): void;
    get(name: string): FormDataEntryValue | null;
    getAll(name: string): FormDataEntryValue[];
    has(name: string): boolean;
    set(name: string, value: string | Blob): void;
    set(name: string, value: string): void;
    set(name: string, blobValue: Blob, filename?: string): void;
    forEach(callbackfn: (value: FormDataEntryValue, key: string, parent: FormData) => void, thisArg?: any): void;
  }

  // https://dom.spec.whatwg.org: events, as AbortSignal dispatches them.
  interface Event {
    readonly bubbles: boolean;
    cancelBubble: boolean;
    readonly cancelable: boolean;
    readonly composed: boolean;
    readonly currentTarget: EventTarget | null;
    readonly defaultPrevented: boolean;
    readonly eventPhase: number;
    readonly isTrusted: boolean;
    returnValue: boolean;
    readonly srcElement: EventTarget | null;
    readonly target: EventTarget | null;
    readonly timeStamp: number;
    readonly type: string;
    composedPath(): EventTarget[];
    initEvent(type: string, bubbles?: boolean, cancelable?: boolean): void;
    preventDefault(): void;
    stopImmediatePropagation(): void;
    stopPropagation(): void;
    readonly NONE: 0;
    readonly CAPTURING_PHASE: 1;
    readonly AT_TARGET: 2;
    readonly BUBBLING_PHASE: 3;
  }
  interface EventListener {
    (evt: Event): void;
  }
  interface EventListenerObject {
    handleEvent(object: Event): void;
  }
  type EventListenerOrEventListenerObject = EventListener | EventListenerObject;
  interface EventListenerOptions {
    capture?: boolean;
  }
  interface AddEventListenerOptions extends EventListenerOptions {
    once?: boolean;
    passive?: boolean;
    signal?: AbortSignal;
  }
  interface EventTarget {
    addEventListener(type: string, callback: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void;
    dispatchEvent(event: Event): boolean;
    removeEventListener(type: string, callback: EventListenerOrEventListenerObject | null, options?: EventListenerOptions | boolean): void;
  }
  interface AbortSignalEventMap {
    abort: Event;
  }
  interface AbortSignal extends EventTarget {
    readonly aborted: boolean;
    onabort: ((this: AbortSignal, ev: Event) => any) | null;
    readonly reason: any;
    throwIfAborted(): void;
    addEventListener<K extends keyof AbortSignalEventMap>(type: K, listener: (this: AbortSignal, ev: AbortSignalEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
    removeEventListener<K extends keyof AbortSignalEventMap>(type: K, listener: (this: AbortSignal, ev: AbortSignalEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
  }
  interface AbortController {
    readonly signal: AbortSignal;
    abort(reason?: any): void;
  }

  // https://html.spec.whatwg.org/multipage/server-sent-events.html
  interface MessageEvent<T = any> extends Event {
    readonly data: T;
    readonly lastEventId: string;
    readonly origin: string;
  }
  interface EventSourceInit {
    withCredentials?: boolean;
  }
  interface EventSourceEventMap {
    error: Event;
    message: MessageEvent;
    open: Event;
  }
  interface EventSource extends EventTarget {
    onerror: ((this: EventSource, ev: Event) => any) | null;
    onmessage: ((this: EventSource, ev: MessageEvent) => any) | null;
    onopen: ((this: EventSource, ev: Event) => any) | null;
    readonly readyState: number;
    readonly url: string;
    readonly withCredentials: boolean;
    close(): void;
    readonly CONNECTING: 0;
    readonly OPEN: 1;
    readonly CLOSED: 2;
    addEventListener<K extends keyof EventSourceEventMap>(type: K, listener: (this: EventSource, ev: EventSourceEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
    addEventListener(type: string, listener: (this: EventSource, event: MessageEvent) => any, options?: boolean | AddEventListenerOptions): void;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
    removeEventListener<K extends keyof EventSourceEventMap>(type: K, listener: (this: EventSource, ev: EventSourceEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
    removeEventListener(type: string, listener: (this: EventSource, event: MessageEvent) => any, options?: boolean | EventListenerOptions): void;
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
  }

  // https://webidl.spec.whatwg.org/#idl-DOMException
  interface DOMExceptionCodes {
    readonly INDEX_SIZE_ERR: 1;
    readonly DOMSTRING_SIZE_ERR: 2;
    readonly HIERARCHY_REQUEST_ERR: 3;
    readonly WRONG_DOCUMENT_ERR: 4;
    readonly INVALID_CHARACTER_ERR: 5;
    readonly NO_DATA_ALLOWED_ERR: 6;
    readonly NO_MODIFICATION_ALLOWED_ERR: 7;
    readonly NOT_FOUND_ERR: 8;
    readonly NOT_SUPPORTED_ERR: 9;
    readonly INUSE_ATTRIBUTE_ERR: 10;
    readonly INVALID_STATE_ERR: 11;
    readonly SYNTAX_ERR: 12;
    readonly INVALID_MODIFICATION_ERR: 13;
    readonly NAMESPACE_ERR: 14;
    readonly INVALID_ACCESS_ERR: 15;
    readonly VALIDATION_ERR: 16;
    readonly TYPE_MISMATCH_ERR: 17;
    readonly SECURITY_ERR: 18;
    readonly NETWORK_ERR: 19;
    readonly ABORT_ERR: 20;
    readonly URL_MISMATCH_ERR: 21;
    readonly QUOTA_EXCEEDED_ERR: 22;
    readonly TIMEOUT_ERR: 23;
    readonly INVALID_NODE_TYPE_ERR: 24;
    readonly DATA_CLONE_ERR: 25;
  }
  interface DOMException extends Error, DOMExceptionCodes {
    readonly code: number;
    readonly message: string;
    readonly name: string;
  }
  interface DOMExceptionConstructor extends DOMExceptionCodes {
    readonly prototype: DOMException;
    new (message?: string, name?: string): DOMException;
  }

  // https://streams.spec.whatwg.org
  interface QueuingStrategySize<T = any> {
    (chunk: T): number;
  }
  interface QueuingStrategy<T = any> {
    highWaterMark?: number;
    size?: QueuingStrategySize<T>;
  }
  interface QueuingStrategyInit {
    highWaterMark: number;
  }
  interface ByteLengthQueuingStrategy extends QueuingStrategy<ArrayBufferView> {
    readonly highWaterMark: number;
    readonly size: QueuingStrategySize<ArrayBufferView>;
  }
  interface CountQueuingStrategy extends QueuingStrategy {
    readonly highWaterMark: number;
    readonly size: QueuingStrategySize;
  }
  interface ReadableStreamReadValueResult<T> {
    done: false;
    value: T;
  }
  interface ReadableStreamReadDoneResult<T> {
    done: true;
    value: T | undefined;
  }
  type ReadableStreamReadResult<T> = ReadableStreamReadValueResult<T> | ReadableStreamReadDoneResult<T>;
  interface ReadableStreamGenericReader {
    readonly closed: Promise<void>;
    cancel(reason?: any): Promise<void>;
  }
  interface ReadableStreamDefaultReader<R = any> extends ReadableStreamGenericReader {
    read(): Promise<ReadableStreamReadResult<R>>;
    releaseLock(): void;
  }
  interface ReadableStreamBYOBReaderReadOptions {
    min?: number;
  }
  interface ReadableStreamBYOBReader extends ReadableStreamGenericReader {
    read<T extends ArrayBufferView<ArrayBuffer>>(view: T, options?: ReadableStreamBYOBReaderReadOptions): Promise<ReadableStreamReadResult<T>>;
    releaseLock(): void;
  }
  type ReadableStreamReader<T> = ReadableStreamDefaultReader<T> | ReadableStreamBYOBReader;
  interface ReadableStreamGetReaderOptions {
    mode?: 'byob';
  }
  interface ReadableStreamDefaultController<R = any> {
    readonly desiredSize: number | null;
    close(): void;
    enqueue(chunk?: R): void;
    error(e?: any): void;
  }
  interface ReadableStreamBYOBRequest {
    readonly view: ArrayBufferView<ArrayBuffer> | null;
    respond(bytesWritten: number): void;
    respondWithNewView(view: ArrayBufferView<ArrayBuffer>): void;
  }
  interface ReadableByteStreamController {
    readonly byobRequest: ReadableStreamBYOBRequest | null;
    readonly desiredSize: number | null;
    close(): void;
    enqueue(chunk: ArrayBufferView<ArrayBuffer>): void;
    error(e?: any): void;
  }
  type UnderlyingSourceCancelCallback = (reason?: any) => void | PromiseLike<void>;
  interface UnderlyingByteSource {
    autoAllocateChunkSize?: number;
    cancel?: UnderlyingSourceCancelCallback;
    pull?: (controller: ReadableByteStreamController) => void | PromiseLike<void>;
    start?: (controller: ReadableByteStreamController) => any;
    type: 'bytes';
  }
  interface UnderlyingDefaultSource<R = any> {
    cancel?: UnderlyingSourceCancelCallback;
    pull?: (controller: ReadableStreamDefaultController<R>) => void | PromiseLike<void>;
    start?: (controller: ReadableStreamDefaultController<R>) => any;
    type?: undefined;
  }
  interface UnderlyingSource<R = any> {
    autoAllocateChunkSize?: number;
    cancel?: UnderlyingSourceCancelCallback;
    pull?: (controller: ReadableStreamDefaultController<R> | ReadableByteStreamController) => void | PromiseLike<void>;
    start?: (controller: ReadableStreamDefaultController<R> | ReadableByteStreamController) => any;
    type?: 'bytes';
  }
  interface StreamPipeOptions {
    preventAbort?: boolean;
    preventCancel?: boolean;
    preventClose?: boolean;
    signal?: AbortSignal;
  }
  interface ReadableWritablePair<R = any, W = any> {
    readable: ReadableStream<R>;
    writable: WritableStream<W>;
  }
  interface ReadableStream<R = any> extends AsyncIterableOf<R> {
    readonly locked: boolean;
    cancel(reason?: any): Promise<void>;
    getReader(options: { mode: 'byob' }): ReadableStreamBYOBReader;
    getReader(): ReadableStreamDefaultReader<R>;
    getReader(options?: ReadableStreamGetReaderOptions): ReadableStreamReader<R>;
    pipeThrough<T>(transform: ReadableWritablePair<T, R>, options?: StreamPipeOptions): ReadableStream<T>;
    pipeTo(destination: WritableStream<R>, options?: StreamPipeOptions): Promise<void>;
    tee(): [ReadableStream<R>, ReadableStream<R>];
    values(options?: ReadableStreamIteratorOptions): ReadableStreamAsyncIterator<R>;
  }
  interface ReadableStreamConstructor {
    readonly prototype: ReadableStream;
    new (underlyingSource: UnderlyingByteSource, strategy?: { highWaterMark?: number }): ReadableStream<Uint8Array<ArrayBuffer>>;
    new <R = any>(underlyingSource: UnderlyingDefaultSource<R>, strategy?: QueuingStrategy<R>): ReadableStream<R>;
    new <R = any>(underlyingSource?: UnderlyingSource<R>, strategy?: QueuingStrategy<R>): ReadableStream<R>;
  }
  interface WritableStreamDefaultController {
    readonly signal: AbortSignal;
    error(e?: any): void;
  }
  interface WritableStreamDefaultWriter<W = any> {
    readonly closed: Promise<void>;
    readonly desiredSize: number | null;
    readonly ready: Promise<void>;
    abort(reason?: any): Promise<void>;
    close(): Promise<void>;
    releaseLock(): void;
    write(chunk?: W): Promise<void>;
  }
  interface UnderlyingSink<W = any> {
    abort?: (reason?: any) => void | PromiseLike<void>;
    close?: () => void | PromiseLike<void>;
    start?: (controller: WritableStreamDefaultController) => any;
    type?: undefined;
    write?: (chunk: W, controller: WritableStreamDefaultController) => void | PromiseLike<void>;
  }
  interface WritableStream<W = any> {
    readonly locked: boolean;
    abort(reason?: any): Promise<void>;
    close(): Promise<void>;
    getWriter(): WritableStreamDefaultWriter<W>;
  }
  interface WritableStreamConstructor {
    readonly prototype: WritableStream;
    new <W = any>(underlyingSink?: UnderlyingSink<W>, strategy?: QueuingStrategy<W>): WritableStream<W>;
  }
  interface TransformStreamDefaultController<O = any> {
    readonly desiredSize: number | null;
    enqueue(chunk?: O): void;
    error(reason?: any): void;
    terminate(): void;
  }
  interface Transformer<I = any, O = any> {
    flush?: (controller: TransformStreamDefaultController<O>) => void | PromiseLike<void>;
    readableType?: undefined;
    start?: (controller: TransformStreamDefaultController<O>) => any;
    transform?: (chunk: I, controller: TransformStreamDefaultController<O>) => void | PromiseLike<void>;
    writableType?: undefined;
  }
  interface TransformStream<I = any, O = any> {
    readonly readable: ReadableStream<O>;
    readonly writable: WritableStream<I>;
  }
  interface TransformStreamConstructor {
    readonly prototype: TransformStream;
    new <I = any, O = any>(transformer?: Transformer<I, O>, writableStrategy?: QueuingStrategy<I>, readableStrategy?: QueuingStrategy<O>): TransformStream<I, O>;
  }

  // https://encoding.spec.whatwg.org
  type AllowSharedBufferSource = ArrayBufferLike | ArrayBufferView<ArrayBufferLike>;
  interface TextDecoderOptions {
    fatal?: boolean;
    ignoreBOM?: boolean;
  }
  interface TextDecodeOptions {
    stream?: boolean;
  }
  interface TextDecoderCommon {
    readonly encoding: string;
    readonly fatal: boolean;
    readonly ignoreBOM: boolean;
  }
  interface TextDecoder extends TextDecoderCommon {
    decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string;
  }
  interface TextEncoderEncodeIntoResult {
    read: number;
    written: number;
  }
  interface TextEncoder {
    readonly encoding: string;
    encode(input?: string): Uint8Array<ArrayBuffer>;
    encodeInto(source: string, destination: Uint8Array<ArrayBufferLike>): TextEncoderEncodeIntoResult;
  }
  interface TextDecoderStream extends TextDecoderCommon {
    readonly readable: ReadableStream<string>;
    readonly writable: WritableStream<BufferSource>;
  }
  interface TextEncoderStream {
    readonly encoding: string;
    readonly readable: ReadableStream<Uint8Array<ArrayBuffer>>;
    readonly writable: WritableStream<string>;
  }
}
