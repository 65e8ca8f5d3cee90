// INTERNAL, for retrofetch's own tests only (not API, may change without notice): how many XHRs, abort listeners
// and timers retrofetch holds right now, so the tests can check that nothing survives a settled request.
// The tests run against the built bundle, so the counters are reachable through one discreet hook: a
// non-enumerable property of retrofetch's `fetch` function, keyed by Symbol.for('retrofetch.counters') (the string
// '@@retrofetch.counters' where there is no Symbol), whose value is a function returning a snapshot.
import { supportsSymbol } from './support';

export interface DebugCounters {
  /** XMLHttpRequests created and not yet released (src/transport/xhr.ts). */
  liveXHRs: number;
  /** Listeners retrofetch added to abort signals: fetch's abort steps, dependent signals following their sources. */
  liveListeners: number;
  /** Timers retrofetch started and has not yet cleared or seen fire: XHR polling, AbortSignal.timeout(). */
  liveTimers: number;
}

export var counters: DebugCounters = { liveXHRs: 0, liveListeners: 0, liveTimers: 0 };

var KEY: any = supportsSymbol && typeof (Symbol as any)['for'] === 'function'
  ? (Symbol as any)['for']('retrofetch.counters')
  : '@@retrofetch.counters';

/** Hangs the snapshot function on `target` (retrofetch's fetch), non-enumerable. */
export function exposeCounters(target: object): void {
  Object.defineProperty(target, KEY, {
    value: function (): DebugCounters {
      return { liveXHRs: counters.liveXHRs, liveListeners: counters.liveListeners, liveTimers: counters.liveTimers };
    },
    enumerable: false, writable: false, configurable: false
  });
}
