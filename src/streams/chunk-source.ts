// A ChunkSource is where a body's bytes come from before (or instead of) a ReadableStream: fixed bytes, Blobs, a
// ReadableStream's reader, or (src/transport) an XHR feeding chunks as they arrive. Body methods read a source
// directly when no stream was asked for, which keeps text()/json() fast and working where no ReadableStream exists.
//
// Reads call back instead of resolving promises: resolving a promise with a chunk (a Uint8Array is an object) reads
// its `then`, which a page can define on Object.prototype to see or change a body's bytes; a callback also comes at
// once when a chunk is ready, so body methods on an errored body reject at once, as a stream's read requests do
// (https://streams.spec.whatwg.org/#read-request).
import { hostReadableStream, nullPrototypeDictionary } from './readable-stream';
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

/** A read waiting for its chunk: its two callbacks (https://streams.spec.whatwg.org/#read-request). */
export interface ReadRequest {
  /** The chunk steps, and the close steps with null. */
  _done: (chunk: Bytes | null) => void;
  /** The error steps. */
  _fail: (reason: unknown) => void;
}

/** The bytes and Blobs of `parts`, one after the other; a Blob is read when its turn comes. Empty parts are skipped. */
export function partsSource(parts: Array<Bytes | Blob>): ChunkSource {
  var index = 0;
  function read(done: (chunk: Bytes | null) => void, fail: (reason: unknown) => void): void {
    var part = parts[index++];
    if (part === undefined) {
      index = parts.length;
      done(null);
    } else if (typeof (part as Bytes).length === 'number') {
      // Bytes (asked for their length, which a Blob has not: never for a `size`, which a page may have defined on
      // Object.prototype). A copy: the parts are read again by clone() and the transport.
      if ((part as Bytes).length === 0) read(done, fail);
      else done(bytesFrom(part as Bytes));
    } else if ((part as Blob).size === 0) {
      read(done, fail);
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

/**
 * Reads a page's ReadableStream (its chunks are any values: `raw`), locking it at once. Where the page's
 * WritableStream is of the stream's family, by piping into one (https://streams.spec.whatwg.org/#rs-pipe-to): the
 * pipe reads with the stream's own read requests, which hand each chunk on as it is; a reader's read() would resolve
 * a promise with a `{ value, done }` object, whose `then` a page may have defined on Object.prototype (to see the
 * chunks, or to answer with others). A stream of another family (the pipe refuses the WritableStream and leaves
 * the stream unlocked) is read through its reader.
 */
export function streamSource(stream: ReadableStream): ChunkSource {
  return pipedSource(stream) || readerSource(stream);
}

function readerSource(stream: ReadableStream): ChunkSource {
  var reader = stream.getReader();
  return {
    _read: function (done, fail) {
      reader.read().then(function (result) {
        done(result.done ? null : result.value);
      }, fail);
    },
    _cancel: function (reason) {
      reader.cancel(reason).then(null, ignore);
    },
    _raw: true
  };
}

function pipedSource(stream: ReadableStream): ChunkSource | null {
  var WS = g.WritableStream;
  if (!WS) return null;
  // What the pipe gives the sink (a chunk, the end, the stream's error) answers the read waiting for it, or else the
  // next read. A write is done once its chunk is read, and only then does the pipe write the next one.
  var waiting: ReadRequest | null = null;
  var answer: ((read: ReadRequest) => void) | null = null;
  var controller: WritableStreamDefaultController;
  function give(next: (read: ReadRequest) => void): void {
    var read = waiting;
    waiting = null;
    if (read) next(read);
    else answer = next;
  }
  // The sink, the strategy (none of its members: a high-water mark of 1) and the pipe's options are dictionaries of
  // null prototype, which are read without meeting Object.prototype.
  var sink = nullPrototypeDictionary({
    start: function (c: WritableStreamDefaultController) {
      controller = c;
    },
    write: function (chunk: Bytes) {
      return new Promise<void>(function (resolve) {
        give(function (read) {
          resolve();
          read._done(chunk);
        });
      });
    },
    close: function () {
      give(function (read) { read._done(null); });
    },
    // The stream errored: the pipe aborts the sink with its error.
    abort: function (reason: unknown) {
      give(function (read) { read._fail(reason); });
    }
  });
  stream.pipeTo(new WS(sink, Object.create(null)), Object.create(null)).then(null, ignore);
  return stream.locked ? {
    _read: function (done, fail) {
      var next = answer;
      answer = null;
      waiting = { _done: done, _fail: fail };
      if (next) give(next);
    },
    // Errors the sink (nothing once it is closed) and ends the write in progress, whose chunk is not to be read: the
    // pipe then cancels the stream with the reason.
    _cancel: function (reason) {
      controller.error(reason);
      if (answer) answer({ _done: ignore, _fail: ignore });
      answer = null;
    },
    _raw: true
  } : null;
}

// (For the pipe's promise, which rejects with the stream's error or the cancel's reason, both given on already.)
function ignore(): void { /* nothing to do */ }

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
  // (Dictionaries of null prototype: the constructor reads them without meeting Object.prototype.)
  var underlying: any = nullPrototypeDictionary({
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
  });
  var strategy = nullPrototypeDictionary({ highWaterMark: 0 });
  if (!RS) return null;
  try {
    return new RS<Uint8Array>(underlying, strategy);
  } catch (e) {
    underlying.type = undefined;
    return new RS<Uint8Array>(underlying, strategy);
  }
}

/**
 * A reading loop over `source`: each call of the function it returns reads one chunk into `onChunk` (null at the end)
 * or a failure into `onFailure`; `onChunk` asks for the next by calling it again. A call made while a chunk is being
 * given (a source that has its chunks at once) continues the loop instead of nesting, so a queue of many chunks does
 * not grow the stack.
 */
export function chunkReader(source: ChunkSource, onChunk: (chunk: Bytes | null) => void,
  onFailure: (reason: unknown) => void): () => void {
  var looping = false;
  var again = false;
  return function next(): void {
    if (looping) {
      again = true;
      return;
    }
    looping = true;
    do {
      again = false;
      source._read(onChunk, onFailure);
    } while (again);
    looping = false;
  };
}

/**
 * https://fetch.spec.whatwg.org/#body-fully-read: the chunks, each a Uint8Array (a page's stream may give anything
 * else: then a TypeError), to `done`; a failure to `fail`. At once where the source has the chunks.
 */
export function readAll(source: ChunkSource, done: (chunks: Bytes[], length: number) => void, fail: (reason: unknown) => void): void {
  var chunks: Bytes[] = [];
  var length = 0;
  var next = chunkReader(source, onChunk, fail);
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
  var waiting: Array<ReadRequest | null> = [null, null];
  var cancelled: boolean[] = [false, false];
  var pulling = false;
  var failure: { _reason: unknown } | null = null;
  function settle(i: number): void {
    var read = waiting[i];
    if (!read) return;
    if (queues[i].length || failure) {
      waiting[i] = null;
      if (queues[i].length) read._done(queues[i].shift()!);
      else read._fail(failure!._reason);
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
    failure = { _reason: reason };
    settle(0);
    settle(1);
  }
  function branch(i: number): ChunkSource {
    return {
      _read: function (done, fail) {
        waiting[i] = { _done: done, _fail: fail };
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
