// A ChunkSource is where a body's bytes come from before (or instead of) a ReadableStream: fixed bytes, Blobs, a
// ReadableStream's reader, or (src/transport) an XHR feeding chunks as they arrive. Body methods read a source
// directly when no stream was asked for, which keeps text()/json() fast and working where no ReadableStream exists.
//
// Reads call back instead of resolving promises: resolving a promise with a chunk (a Uint8Array is an object) reads
// its `then`, which a page can define on Object.prototype to see or change a body's bytes; a callback also comes at
// once when a chunk is ready, so body methods on an errored body reject at once, as a stream's read requests do
// (https://streams.spec.whatwg.org/#read-request).
import { hostReadableStream } from './readable-stream';
import { globalObject as g } from '../env/global';
import { supportsArrayBufferIsView } from '../env/support';
import { Bytes, bytesFrom } from '../infra/bytes';
import { isUint8Array } from '../webidl/buffer-source';

export interface ChunkSource {
  /**
   * Calls `done` with the next chunk (null at the end) or `fail` with the reason the body failed, at once where it
   * can. Each chunk is the reader's own: nothing else holds its buffer (a byte stream transfers it).
   */
  _read(done: (chunk: Bytes | null) => void, fail: (reason: unknown) => void): void;
  _cancel(reason: unknown): void;
  /** A hint that every chunk will be read and used only together (text(), json(), …): they may come in one. */
  _whole?(): void;
  /** The chunks are a page's stream's, any values, given on as they are (not copied, not checked). */
  _raw?: boolean;
}

/** The bytes and Blobs of `parts`, one after the other; a Blob is read when its turn comes. Empty parts are skipped. */
export function partsSource(parts: Array<Bytes | Blob>): ChunkSource {
  var index = 0;
  function read(done: (chunk: Bytes | null) => void, fail: (reason: unknown) => void): void {
    var part = parts[index++];
    if (part === undefined) {
      index = parts.length;
      done(null);
    } else if ((part as Blob).size === 0 || (part as Bytes).length === 0) {
      read(done, fail);
    } else if ((part as Bytes).length > 0) {
      // A copy: the parts are read again by clone() and the transport.
      done(bytesFrom(part as Bytes));
    } else {
      // LEGACY(old WebKit, IE, Edge): FileReader, which every engine with Blob has (Blob#arrayBuffer is newer, and
      // resolves a promise with the bytes).
      var reader = new FileReader();
      reader.onload = function () {
        done(new Uint8Array(reader.result as ArrayBuffer));
      };
      reader.onerror = function () {
        fail(new TypeError('Body: Blob unreadable (' + (reader.error && reader.error.name) + ')'));
      };
      reader.readAsArrayBuffer(part as Blob);
    }
  }
  return {
    _read: read,
    _cancel: function () {
      index = parts.length;
    }
  };
}

/** Reads a ReadableStream; the reader is taken on the first read. Its chunks are any values (`raw`). */
export function streamSource(stream: ReadableStream): ChunkSource {
  var reader: ReadableStreamDefaultReader | undefined;
  function getReader(): ReadableStreamDefaultReader {
    return reader || (reader = stream.getReader());
  }
  return {
    _read: function (done, fail) {
      getReader().read().then(function (result) {
        done(result.done ? null : result.value);
      }, fail);
    },
    _cancel: function (reason) {
      getReader().cancel(reason).then(null, function () { /* errored already */ });
    },
    _raw: true
  };
}

/**
 * A ReadableStream over a source that pulls one chunk per read (high-water mark 0), so every read reaches the
 * source: that is how the body knows it is disturbed (https://streams.spec.whatwg.org/#is-readable-stream-disturbed)
 * without reaching into the stream's internals. A byte stream (https://fetch.spec.whatwg.org/#body-with-type: the
 * fetch spec's bodies are set up with byte reading support), so `getReader({ mode: 'byob' })` works; a page's stream
 * teed by clone() stays a default one, its chunks given on as they are; and so is any where the page's
 * ReadableStream has no byte streams (its constructor throws for `type: 'bytes'`, as WebKit's, or ignores it, as
 * QtWebKit 5.212's, whose streams are default ones).
 */
export function streamFromSource(source: ChunkSource, onDisturbed: () => void): ReadableStream<Uint8Array> | null {
  var RS = hostReadableStream();
  var underlying: any = {
    // LEGACY(old WebKit): web-streams-polyfill's byte streams need ArrayBuffer.isView.
    type: source._raw || !supportsArrayBufferIsView ? undefined : 'bytes',
    pull: function (controller: any) {
      onDisturbed();
      return new Promise<void>(function (resolve, reject) {
        source._read(function (chunk) {
          try {
            if (chunk !== null) {
              controller.enqueue(chunk);
            } else {
              controller.close();
              // A pending BYOB read ends with the stream only once answered: https://streams.spec.whatwg.org/#rs-byob-request-respond
              if (controller.byobRequest) controller.byobRequest.respond(0);
            }
          } catch (e) {
            return reject(e); // the stream was cancelled meanwhile
          }
          resolve();
        }, reject);
      });
    },
    cancel: function (reason: unknown) {
      onDisturbed();
      source._cancel(reason);
    }
  };
  if (!RS) return null;
  try {
    return new RS<Uint8Array>(underlying, { highWaterMark: 0 });
  } catch (e) {
    underlying.type = undefined;
    return new RS<Uint8Array>(underlying, { highWaterMark: 0 });
  }
}

/**
 * https://fetch.spec.whatwg.org/#body-fully-read: the chunks, each a Uint8Array (a page's stream may give anything
 * else: then a TypeError), to `done`; a failure to `fail`. At once where the source has the chunks.
 */
export function readAll(source: ChunkSource, done: (chunks: Bytes[], length: number) => void, fail: (reason: unknown) => void): void {
  var chunks: Bytes[] = [];
  var length = 0;
  var looping: boolean | undefined;
  var again: boolean | undefined;
  function next(): void {
    // A chunk given during read() continues the loop below instead of nesting (a queue of many chunks).
    if (looping) {
      again = true;
      return;
    }
    looping = true;
    do {
      again = false;
      source._read(onChunk, fail);
    } while (again);
    looping = false;
  }
  function onChunk(chunk: Bytes | null): void {
    if (chunk === null) return done(chunks, length);
    if (source._raw && !isUint8Array(chunk)) return fail(new TypeError('Body: chunk not a Uint8Array'));
    chunks.push(chunk);
    length += chunk.length;
    next();
  }
  next();
}

/**
 * Two sources over one (https://streams.spec.whatwg.org/#readable-stream-tee with cloneForBranch2, as
 * https://fetch.spec.whatwg.org/#concept-body-clone tees): a read of either pulls the next chunk for both, the first
 * getting it as it is and the second a structured clone (LEGACY(ES5): without structuredClone, a copy of bytes, any
 * other value as it is); the underlying source is cancelled once both are. No ReadableStream is needed, so clone()
 * works where the engine has none.
 */
export function teeSource(source: ChunkSource): [ChunkSource, ChunkSource] {
  var queues: Array<Array<Bytes | null>> = [[], []];
  var waiting: Array<[(chunk: Bytes | null) => void, (reason: unknown) => void] | null> = [];
  var cancelled: boolean[] = [];
  var pulling: boolean | undefined;
  var failure: { reason: unknown } | undefined;
  function settle(i: number): void {
    var w = waiting[i];
    if (!w) return;
    if (queues[i].length || failure) {
      waiting[i] = null;
      if (queues[i].length) w[0](queues[i].shift()!);
      else w[1](failure!.reason);
    } else if (!pulling) {
      pulling = true;
      source._read(function (chunk) {
        pulling = false;
        try {
          var copy = chunk === null ? null : g.structuredClone ? g.structuredClone(chunk) : isUint8Array(chunk) ? bytesFrom(chunk) : chunk;
        } catch (e) {
          // The clone failed: both branches error and the source is cancelled.
          source._cancel(e);
          return fail(e);
        }
        if (!cancelled[0]) queues[0].push(chunk);
        if (!cancelled[1]) queues[1].push(copy);
        settle(0);
        settle(1);
      }, fail);
    }
  }
  function fail(reason: unknown): void {
    pulling = false;
    failure = { reason: reason };
    settle(0);
    settle(1);
  }
  function branch(i: number): ChunkSource {
    return {
      _read: function (done, fail) {
        waiting[i] = [done, fail];
        settle(i);
      },
      _cancel: function (reason) {
        cancelled[i] = true;
        queues[i] = [];
        if (cancelled[1 - i]) source._cancel(reason);
      },
      _raw: source._raw
    };
  }
  return [branch(0), branch(1)];
}
