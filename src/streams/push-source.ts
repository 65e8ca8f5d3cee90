// A ChunkSource fed from outside (the XHR transport pushes chunks as they arrive). Chunks wait in a queue
// until read; the producer's data is never dropped, and an error after the last chunk still reaches the reader.
import { ChunkSource } from './chunk-source';
import { Bytes } from '../infra/bytes';

export interface PushSource extends ChunkSource {
  push(chunk: Bytes): void;
  close(): void;
  error(reason: unknown): void;
  /** Bytes queued and not yet read. */
  queued(): number;
  whole(): void;
}

/** `onWhole` hears, once, that the reader takes the body whole (ChunkSource.whole). */
export function createPushSource(onCancel: (reason: unknown) => void, onWhole: () => void): PushSource {
  var queue: Bytes[] = [];
  var queuedBytes = 0;
  var whole = false;
  var state: 'open' | 'closed' | 'errored' | 'cancelled' = 'open';
  var failure: unknown;
  var waiting: [(chunk: Bytes | null) => void, (reason: unknown) => void] | null = null;

  function settle(): void {
    var w = waiting;
    if (w === null) return;
    if (queue.length > 0) {
      var chunk = queue.shift()!;
      queuedBytes -= chunk.length;
      waiting = null;
      w[0](chunk);
    } else if (state === 'errored') {
      waiting = null;
      w[1](failure);
    } else if (state !== 'open') {
      waiting = null;
      w[0](null);
    }
  }

  return {
    read: function (done, fail) {
      waiting = [done, fail];
      settle();
    },
    cancel: function (reason) {
      if (state === 'open') {
        state = 'cancelled';
        queue = [];
        queuedBytes = 0;
        onCancel(reason);
      }
      settle();
    },
    push: function (chunk) {
      if (state !== 'open' || chunk.length === 0) return;
      queue.push(chunk);
      queuedBytes += chunk.length;
      settle();
    },
    close: function () {
      if (state !== 'open') return;
      state = 'closed';
      settle();
    },
    error: function (reason) {
      if (state !== 'open') return;
      // An error wins over the queued chunks: a truncated body must not read as a complete one.
      state = 'errored';
      failure = reason;
      queue = [];
      queuedBytes = 0;
      settle();
    },
    queued: function () {
      return queuedBytes;
    },
    whole: function () {
      if (whole) return;
      whole = true;
      onWhole();
    }
  };
}
