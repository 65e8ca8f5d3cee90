// A ChunkSource fed from outside (the XHR transport pushes chunks as they arrive). Chunks wait in a queue
// until read; the producer's data is never dropped, and an error after the last chunk still reaches the reader.
import { ChunkSource, ReadRequest } from './chunk-source';
import { Bytes } from '../infra/bytes';

export interface PushSource extends ChunkSource {
  _push(chunk: Bytes): void;
  _close(): void;
  _error(reason: unknown): void;
  /** Bytes queued and not yet read. */
  _queued(): number;
  _whole(): void;
}

// The source's states (named numbers, which the minifier inlines): open, then closed by the producer, errored by it,
// or cancelled by the reader.
var OPEN = 0;
var CLOSED = 1;
var ERRORED = 2;
var CANCELLED = 3;
type PushSourceState = typeof OPEN | typeof CLOSED | typeof ERRORED | typeof CANCELLED;

/** `onWhole` hears, once, that the reader takes the body whole (ChunkSource.whole). */
export function createPushSource(onCancel: (reason: unknown) => void, onWhole: () => void): PushSource {
  var queue: Bytes[] = [];
  var queuedBytes = 0;
  var whole = false;
  var state: PushSourceState = OPEN;
  var failure: unknown;
  var waiting: ReadRequest | null = null;

  function settle(): void {
    var read = waiting;
    if (read && (queue.length || state !== OPEN)) {
      waiting = null;
      var chunk = queue.shift();
      if (chunk) {
        queuedBytes -= chunk.length;
        read._done(chunk);
      } else if (state === ERRORED) {
        read._fail(failure);
      } else {
        read._done(null);
      }
    }
  }

  // Ends an open source (an error or a cancel drops the queue: the chunks in it are not to be read); false if it was
  // not open.
  function stop(to: PushSourceState): boolean {
    if (state !== OPEN) return false;
    state = to;
    if (to === ERRORED || to === CANCELLED) {
      queue = [];
      queuedBytes = 0;
    }
    return true;
  }

  return {
    _read: function (done, fail) {
      waiting = { _done: done, _fail: fail };
      settle();
    },
    _cancel: function (reason) {
      if (stop(CANCELLED)) onCancel(reason);
      settle();
    },
    _push: function (chunk) {
      if (state !== OPEN || chunk.length === 0) return;
      queue.push(chunk);
      queuedBytes += chunk.length;
      settle();
    },
    _close: function () {
      stop(CLOSED);
      settle();
    },
    _error: function (reason) {
      // An error wins over the queued chunks: a truncated body must not read as a complete one.
      if (stop(ERRORED)) failure = reason;
      settle();
    },
    _queued: function () {
      return queuedBytes;
    },
    _whole: function () {
      if (whole) return;
      whole = true;
      onWhole();
    }
  };
}
