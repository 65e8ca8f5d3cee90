// A ChunkSource is where a body's bytes come from before (or instead of) a ReadableStream: fixed bytes, a Blob,
// a ReadableStream's reader, or (src/transport) an XHR feeding chunks as they arrive. Body methods read a source
// directly when no stream was asked for, which keeps text()/json() fast and working where no ReadableStream exists.
import { hostReadableStream } from './readable-stream';
import { Bytes, bytesFrom, concatBytes } from '../infra/bytes';

export interface ChunkSource {
  /** The next chunk, or null at the end. Rejects with the reason the body failed. */
  read(): Promise<Bytes | null>;
  cancel(reason: unknown): Promise<void>;
  /** A hint that every chunk will be read and used only together (text(), json(), …): they may come in one. */
  whole?(): void;
}

export function bytesSource(bytes: Bytes): ChunkSource {
  var done = bytes.length === 0;
  return {
    read: function () {
      if (done) return Promise.resolve(null);
      done = true;
      return Promise.resolve(bytes);
    },
    cancel: function () {
      done = true;
      return Promise.resolve();
    }
  };
}

export function blobSource(blob: Blob): ChunkSource {
  var done = false;
  return {
    read: function () {
      if (done) return Promise.resolve(null);
      done = true;
      return readBlob(blob);
    },
    cancel: function () {
      done = true;
      return Promise.resolve();
    }
  };
}

function readBlob(blob: Blob): Promise<Uint8Array> {
  if (typeof (blob as any).arrayBuffer === 'function') {
    return (blob as any).arrayBuffer().then(function (buffer: ArrayBuffer) {
      return new Uint8Array(buffer);
    });
  }
  // LEGACY(old WebKit, IE, Edge): no Blob#arrayBuffer, so FileReader, in windows and workers alike.
  return new Promise(function (resolve, reject) {
    var reader = new FileReader();
    reader.onload = function () {
      resolve(new Uint8Array(reader.result as ArrayBuffer));
    };
    reader.onerror = function () {
      reject(new TypeError('Body: the Blob could not be read (' + (reader.error && reader.error.name) + ')'));
    };
    reader.readAsArrayBuffer(blob);
  });
}

/** Reads a ReadableStream of Uint8Array chunks; the reader is taken on the first read. */
export function streamSource(stream: ReadableStream): ChunkSource {
  var reader: ReadableStreamDefaultReader | null = null;
  function getReader(): ReadableStreamDefaultReader {
    if (reader === null) reader = stream.getReader();
    return reader;
  }
  return {
    read: function () {
      return getReader().read().then(function (result) {
        if (result.done) return null;
        var chunk = result.value;
        if (!isUint8Array(chunk)) throw new TypeError('Body: the stream gave a chunk that is not a Uint8Array');
        return chunk;
      });
    },
    cancel: function (reason) {
      return getReader().cancel(reason);
    }
  };
}

export function isUint8Array(value: unknown): value is Uint8Array {
  return Object.prototype.toString.call(value) === '[object Uint8Array]';
}

/**
 * A ReadableStream over a source that pulls one chunk per read (high-water mark 0), so every read reaches the
 * source: that is how the body knows it is disturbed (https://streams.spec.whatwg.org/#is-readable-stream-disturbed)
 * without reaching into the stream's internals.
 */
export function streamFromSource(source: ChunkSource, onDisturbed: () => void): ReadableStream<Uint8Array> | null {
  var RS = hostReadableStream();
  return RS && new RS<Uint8Array>({
    pull: function (controller) {
      onDisturbed();
      return source.read().then(function (chunk) {
        if (chunk === null) controller.close();
        else controller.enqueue(chunk as Uint8Array);
      });
    },
    cancel: function (reason) {
      onDisturbed();
      return source.cancel(reason);
    }
  }, { highWaterMark: 0 });
}

/** Concatenates the chunks of a source: https://fetch.spec.whatwg.org/#body-fully-read */
export function readAll(source: ChunkSource): Promise<Bytes> {
  var chunks: Bytes[] = [];
  var length = 0;
  function next(): Promise<Bytes> {
    return source.read().then(function (chunk) {
      if (chunk === null) return concatBytes(chunks, length);
      chunks.push(chunk);
      length += chunk.length;
      return next();
    });
  }
  return next();
}

/**
 * Two sources over one (https://streams.spec.whatwg.org/#readable-stream-tee, for a source nobody has made a stream
 * of): a read of either pulls the next chunk for both, the second getting a copy; the underlying source is cancelled
 * once both are. No ReadableStream is needed, so clone() works where the engine has none.
 */
export function teeSource(source: ChunkSource): [ChunkSource, ChunkSource] {
  var queues: Array<Array<Bytes | null>> = [[], []];
  var cancelled = [false, false];
  var pulling: Promise<void> | null = null;
  var failure: { reason: unknown } | null = null;
  function pull(): Promise<void> {
    if (pulling === null) {
      pulling = source.read().then(function (chunk) {
        pulling = null;
        if (!cancelled[0]) queues[0].push(chunk);
        if (!cancelled[1]) queues[1].push(chunk === null ? null : bytesFrom(chunk));
      }, function (reason) {
        failure = { reason: reason };
      });
    }
    return pulling;
  }
  function branch(i: number): ChunkSource {
    function read(): Promise<Bytes | null> {
      if (queues[i].length > 0) return Promise.resolve(queues[i].shift()!);
      if (failure !== null) return Promise.reject(failure.reason);
      return pull().then(read);
    }
    return {
      read: read,
      cancel: function (reason) {
        cancelled[i] = true;
        queues[i] = [];
        return cancelled[1 - i] ? source.cancel(reason) : Promise.resolve();
      }
    };
  }
  return [branch(0), branch(1)];
}
