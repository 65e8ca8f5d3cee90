// The body concept and the Body interface mixin: https://fetch.spec.whatwg.org/#body-mixin
import { ChunkSource, partsSource, streamFromSource, streamSource, readAll, teeSource } from '../streams/chunk-source';
import { Bytes, concatBytes } from '../infra/bytes';
import { supportsArrayBuffer, supportsBlob } from '../env/support';
import { Slot, createSlot } from '../webidl/slots';
import { defineAttributes } from '../webidl/interface';
import { typeError } from '../webidl/conversions';
import { utf8DecodeWhole } from '../encoding/utf8';
import { HeaderList, extractMIMEType } from './header-list';
import { Headers, headerListOf } from './headers';
import { serializeMIMEType } from '../infra/mime-type';
import { parseFormDataBody } from './body-form-data';

/** The problem an unusable body's member names (https://fetch.spec.whatwg.org/#body-unusable). */
export var BODY_USED = 'body has already been used';

/** https://fetch.spec.whatwg.org/#concept-body, plus what the transport needs to send it without a stream. */
export interface InnerBody {
  /** Where the bytes come from: what the body getter's stream is made of; null for a ReadableStream given as BodyInit. */
  _source: ChunkSource | null;
  /** The stream the `body` getter returns, made on first access; or the ReadableStream given as BodyInit. */
  _stream: ReadableStream<Uint8Array> | null;
  /** Set by any read or cancel: https://streams.spec.whatwg.org/#is-readable-stream-disturbed */
  _disturbed: boolean;
  /**
   * https://fetch.spec.whatwg.org/#concept-body-source: the bytes, Blob or FormData the body was made from, or
   * null for a stream. `replay` makes a fresh source over it (clone() and the transport use it).
   */
  _origin: Bytes | Blob | FormData | null;
  _replay: (() => ChunkSource) | null;
  _length: number | null;
}

/** A body over a source (null for a stream given as BodyInit) and, where it has one, what it was made from. */
export function bodyFromSource(source: ChunkSource | null, length: number | null, origin?: Bytes | Blob | FormData, replay?: () => ChunkSource): InnerBody {
  return { _source: source, _stream: null, _disturbed: false, _origin: origin || null, _replay: replay || null, _length: length };
}

export function bodyFromReplayable(origin: Bytes | Blob | FormData, replay: () => ChunkSource, length: number | null): InnerBody {
  return bodyFromSource(replay(), length, origin, replay);
}

export function bodyFromBytes(bytes: Bytes): InnerBody {
  return bodyFromReplayable(bytes, function () { return partsSource([bytes]); }, bytes.length);
}

// The bodies of the streams the body getter made, so that such a stream given to new Request/new Response is known
// to be disturbed whatever ReadableStream it is.
var made = createSlot<InnerBody>('ReadableStream');

/**
 * https://streams.spec.whatwg.org/#is-readable-stream-disturbed, where it can be known: for the streams bodies are
 * made of, and for web-streams-polyfill's (its [[disturbed]] slot is the property `_disturbed`). An engine's own
 * ReadableStream does not show it: one that was read and released counts as undisturbed (README "Bodies and streams").
 */
export function isStreamDisturbed(stream: ReadableStream): boolean {
  var body = made.find(stream);
  return (stream as any)._disturbed === true || !!body && body._disturbed;
}

function isDisturbed(body: InnerBody): boolean {
  return body._disturbed || (!!body._stream && isStreamDisturbed(body._stream));
}

/**
 * The body's source, taken to be read whole or teed: a ReadableStream given as BodyInit is read through its reader;
 * otherwise the source is read directly and the stream the getter made of it (if any) is locked, as reading or teeing
 * that stream would lock it. Either way nothing passes through a stream's promises (no Object.prototype.then).
 */
export function takeSource(body: InnerBody): ChunkSource {
  if (!body._source) return streamSource(body._stream!);
  if (body._stream) body._stream.getReader();
  return body._source;
}

/**
 * The body a Request made from another takes over (https://fetch.spec.whatwg.org/#dom-request: with no init body,
 * finalBody is a proxy of inputBody, whose stream is piped into a new one): a new body, whose stream the next body
 * getter makes, over the input's source, with its source object and length. The input's body is used: disturbed, and
 * its stream locked (as the pipe locks it) where there is one.
 */
export function proxyBody(body: InnerBody): InnerBody {
  var proxy = bodyFromSource(takeSource(body), body._length, body._origin || undefined, body._replay || undefined);
  body._disturbed = true;
  return proxy;
}

/** https://fetch.spec.whatwg.org/#body-unusable */
export function isUnusable(body: InnerBody | null): boolean {
  return !!body && (isDisturbed(body) || (!!body._stream && body._stream.locked));
}

/** https://fetch.spec.whatwg.org/#concept-body-clone */
export function cloneBody(body: InnerBody): InnerBody {
  if (!body._stream && body._replay) {
    // A body with a fixed source that nobody has started reading: the copy reads the same source afresh.
    return bodyFromReplayable(body._origin!, body._replay, body._length);
  }
  // 1. Let « out1, out2 » be the result of teeing body's stream (its source while nobody has its stream: no
  //    ReadableStream is needed then).
  var branches = teeSource(takeSource(body));
  // 2. Set body's stream to out1 (made by the next body getter, so reads through it are seen).
  body._stream = null;
  body._source = branches[0];
  body._origin = body._replay = null;
  // 3. Return a body whose stream is out2 and other members are copied from body.
  return bodyFromSource(branches[1], body._length);
}

/** The body getter: https://fetch.spec.whatwg.org/#dom-body-body (null where the page has no ReadableStream). */
function bodyStream(body: InnerBody): ReadableStream<Uint8Array> | null {
  if (!body._stream) {
    var stream = streamFromSource(body._source!, function () {
      // Only reads through the stream the body currently owns count (after clone() it owns a tee branch).
      if (body._stream === stream) body._disturbed = true;
    });
    if (stream) {
      made.set(stream, body);
      // Read whole before anyone asked for its stream: locked, as fully reading it locks it.
      if (body._disturbed) stream.getReader();
    }
    body._stream = stream;
  }
  return body._stream;
}

/** The Body mixin's members, as Request and Response expose them (installed by includeBody). */
export interface Body {
  readonly body: ReadableStream<Uint8Array> | null;
  readonly bodyUsed: boolean;
  arrayBuffer(): Promise<ArrayBuffer>;
  blob(): Promise<Blob>;
  bytes(): Promise<Uint8Array>;
  formData(): Promise<FormData>;
  json(): Promise<any>;
  text(): Promise<string>;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  // (A view as long as its buffer starts at its start; else a copy of the bytes, in a buffer of their own.)
  return (bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes)).buffer as ArrayBuffer;
}

// Each mixin member, given the body's bytes and the header list: https://fetch.spec.whatwg.org/#body-mixin
var consumers: { [name: string]: (bytes: any, headerList: HeaderList, member: string) => unknown } = {
  arrayBuffer: toArrayBuffer,
  blob: function (bytes, headerList) {
    var mime = extractMIMEType(headerList);
    return new Blob([toArrayBuffer(bytes)], { type: mime ? serializeMIMEType(mime) : '' });
  },
  bytes: function (bytes) {
    return new Uint8Array(toArrayBuffer(bytes));
  },
  formData: parseFormDataBody,
  // https://infra.spec.whatwg.org/#parse-json-bytes-to-a-javascript-value: a SyntaxError propagates as it is.
  // utf8DecodeWhole: the engine's FileReader decodes a large body where there is no TextDecoder (PhantomJS, IE).
  json: function (bytes) {
    return utf8DecodeWhole(bytes, JSON.parse);
  },
  text: function (bytes) {
    return utf8DecodeWhole(bytes, String);
  }
};

// LEGACY(IE): what an engine lacks for a member's result (IE9: ArrayBuffer and Blob). The member rejects before it
// takes the body, which stays readable by the others.
var lacks: { [name: string]: string | false } = {
  arrayBuffer: !supportsArrayBuffer && 'ArrayBuffer',
  blob: !supportsBlob && 'Blob',
  bytes: !supportsArrayBuffer && 'Uint8Array'
};

/**
 * Installs the Body mixin's members on a class prototype (Request, Response), whose objects' records (in `slot`) have
 * the body and the Headers object. For the promise-returning members a failed brand check rejects, as WebIDL says.
 */
export function includeBody(proto: any, className: string, slot: Slot<{ _body: InnerBody | null; headers: Headers }>): void {
  defineAttributes(proto, slot, className, {
    // LEGACY(IE): without typed arrays (IE9) no chunk can be a Uint8Array, so there is no stream to give.
    body: function (inner) {
      return inner._body && supportsArrayBuffer ? bodyStream(inner._body) : null;
    },
    bodyUsed: function (inner) {
      return !!inner._body && isDisturbed(inner._body);
    }
  });
  for (var name in consumers) proto[name] = consumer(name, className + '.' + name, slot);
}

/**
 * A mixin member: https://fetch.spec.whatwg.org/#concept-body-consume-body with the member's conversion of the bytes.
 * Whatever throws in the promise's executor rejects it: a failed brand check (as WebIDL says of promise-returning
 * operations), what the engine lacks, an unusable body. The promise settles at once where the bytes (or the error)
 * are there already.
 */
function consumer(name: string, member: string, slot: Slot<{ _body: InnerBody | null; headers: Headers }>) {
  return function (this: unknown): Promise<unknown> {
    var self = this;
    // 2. Let promise be a new promise.
    return new Promise(function (resolve, reject) {
      var inner = slot.get(self, member);
      if (lacks[name]) throw typeError(member, 'no ' + lacks[name] + ' in this engine');
      var body = inner._body;
      // 1. If object is unusable, then return a promise rejected with a TypeError.
      if (isUnusable(body)) throw typeError(member, BODY_USED);
      // 4. successSteps given a byte sequence data: resolve promise with the result of running convertBytesToJSValue
      //    with data; if that threw an exception, reject promise with it.
      function success(chunks: Bytes[], length: number): void {
        try {
          resolve(consumers[name](concatBytes(chunks, length), headerListOf(inner.headers), member));
        } catch (e) {
          reject(e);
        }
      }
      // 5. If object's body is null, then run successSteps with an empty byte sequence.
      if (!body) return success([], 0);
      // 6. Fully read object's body: its source directly, which may then deliver the bytes at once (the XHR transport
      //    converts its text once, at the end).
      body._disturbed = true;
      var source = takeSource(body);
      if (source._whole) source._whole();
      var reading = true;
      readAll(source, success, function (error) {
        // 3. errorSteps given error: reject promise with error. A body errored already (an aborted fetch) is left
        //    undisturbed, so every body method rejects with its error, as engines do (the spec's stream would be
        //    disturbed, and the next method would reject with a TypeError).
        if (reading) body!._disturbed = false;
        reject(error);
      });
      reading = false;
    });
  };
}
