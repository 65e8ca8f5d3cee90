// INTERNAL, for retrofetch's own tests only (not API): how many XHRs, abort listeners and timers retrofetch holds
// right now, so the tests can check that nothing survives a settled request. Only the instrumented test build
// (dist/test/retrofetch.instrumented.js, webpack.config.js) counts: everywhere else __RETROFETCH_COUNTERS__ is false,
// count() is empty and the minifier drops it with its calls, so no shipped file holds any of this.
// The instrumented fetch has a non-enumerable property keyed by Symbol.for('retrofetch.counters') (the string
// '@@retrofetch.counters' where there is no Symbol) whose value is a function returning a snapshot.
import { supportsSymbol } from './support';

declare const __RETROFETCH_COUNTERS__: boolean;

interface DebugCounters {
  /** XMLHttpRequests (and XDomainRequests) created and not yet released (src/transport/). */
  liveXHRs: number;
  /** Listeners retrofetch added to abort signals: fetch's abort steps, dependent signals following their sources. */
  liveListeners: number;
  /** Timers retrofetch started and has not yet cleared or seen fire: XHR polling, AbortSignal.timeout(). */
  liveTimers: number;
}

var counters: DebugCounters | undefined;

export function count(name: keyof DebugCounters, delta: number): void {
  if (!__RETROFETCH_COUNTERS__) return;
  if (counters === undefined) counters = { liveXHRs: 0, liveListeners: 0, liveTimers: 0 };
  counters[name] += delta;
}

/** Hangs the snapshot function on `target` (retrofetch's fetch), non-enumerable. */
export function exposeCounters(target: object): void {
  if (__RETROFETCH_COUNTERS__) {
    count('liveXHRs', 0);
    Object.defineProperty(target, supportsSymbol && typeof (Symbol as any)['for'] === 'function'
      ? (Symbol as any)['for']('retrofetch.counters') : '@@retrofetch.counters', {
      value: function (): DebugCounters {
        var c = counters!;
        return { liveXHRs: c.liveXHRs, liveListeners: c.liveListeners, liveTimers: c.liveTimers };
      }
    });
  }
}
