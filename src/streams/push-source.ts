// A ChunkSource fed from outside (the XHR transport pushes chunks as they arrive). Chunks wait in a queue
// until read; the producer's data is never dropped, and an error after the last chunk still reaches the reader.
import { ChunkSource } from './chunk-source';
import { Bytes } from '../infra/bytes';

export interface PushSource extends ChunkSource {
  _push(chunk: Bytes): void;
  _close(): void;
  _error(reason: unknown): void;
  /** Bytes queued and not yet read. */
  _queued(): number;
  _whole(): void;
}

/** `onWhole` hears, once, that the reader takes the body whole (ChunkSource.whole). */
export function createPushSource(onCancel: (reason: unknown) => void, onWhole: () => void): PushSource {
  var queue: Bytes[] = [];
  var queuedBytes = 0;
  var whole: boolean | undefined;
  var state = 0; // open; then 1 closed, 2 errored or 3 cancelled
  var failure: unknown;
  var waiting: [(chunk: Bytes | null) => void, (reason: unknown) => void] | null = null;

  function settle(): void {
    var w = waiting;
    if (w && (queue.length || state)) {
      waiting = null;
      var chunk = queue.shift();
      if (chunk) {
        queuedBytes -= chunk.length;
        w[0](chunk);
      } else if (state === 2) w[1](failure);
      else w[0](null);
    }
  }

  // Ends an open source (an error or a cancel drops the queue); false if it was not open.
  function stop(to: number): boolean {
    if (state) return false;
    state = to;
    if (to > 1) {
      queue = [];
      queuedBytes = 0;
    }
    return true;
  }

  return {
    _read: function (done, fail) {
      waiting = [done, fail];
      settle();
    },
    _cancel: function (reason) {
      if (stop(3)) onCancel(reason);
      settle();
    },
    _push: function (chunk) {
      if (state || chunk.length === 0) return;
      queue.push(chunk);
      queuedBytes += chunk.length;
      settle();
    },
    _close: function () {
      stop(1);
      settle();
    },
    _error: function (reason) {
      // An error wins over the queued chunks: a truncated body must not read as a complete one.
      if (stop(2)) failure = reason;
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
