// The AbortSignal interface: https://dom.spec.whatwg.org/#interface-AbortSignal
//
// Dependent signals (AbortSignal.any(), Request.signal) and long-lived sources: the spec has a source hold its
// dependents weakly. ES5 has no weak references, so instead a dependent signal FOLLOWS its sources (is registered
// with them) only while something can observe an abort event on it: an `abort` listener, `onabort`, or one of
// retrofetch's abort algorithms (a fetch in flight). The rest of the time its `aborted` and `reason` are read from
// its sources when asked, which gives the same answers. So `AbortSignal.any([longLived])` leaves nothing on
// `longLived` unless someone listens, and a settled fetch leaves nothing on the signal it was given.
import { createSlot } from '../webidl/slots';
import { isObject, requireArguments, toNumber, typeError } from '../webidl/conversions';
import { defineAttributes, defineOperations, inheritInterface } from '../webidl/interface';
import { works, nativeAbortedGetter, supportsSymbolIterator } from '../env/support';
import { createDOMException } from './dom-exception';
import { count } from '../env/debug-counters';
import { MAX_TIMER_MS } from '../env/global';
import { EventTarget, initEventTarget, hasListeners, fireEvent, defineEventHandler, signalFollower, remove } from './event-target';
import { createTrustedEvent } from './event';

interface AbortSignalState {
  _self: AbortSignal;
  /**
   * Once aborted: when, as a count of aborts so far (from 1; a dependent read later takes the reason of its first
   * source to abort). Undefined while it is not.
   */
  _aborted?: number;
  _reason?: unknown;
  /** https://dom.spec.whatwg.org/#abortsignal-abort-algorithms */
  _algorithms: Array<() => void>;
  /**
   * https://dom.spec.whatwg.org/#abortsignal-source-signals: our non-dependent signals, or foreign (native) ones;
   * set only where the signal is dependent (https://dom.spec.whatwg.org/#abortsignal-dependent).
   */
  _sources?: unknown[];
  /** https://dom.spec.whatwg.org/#abortsignal-dependent-signals: only those following right now (see above). */
  _dependents: AbortSignalState[];
  /** While following: the `abort` listener on its foreign sources (it reads them, as refresh() does). */
  _following?: () => void;
  /** AbortSignal.timeout(): when it fires, and the pending timer. */
  _deadline?: number;
  _timer?: any;
}

var slot = createSlot<AbortSignalState>('AbortSignal');
var abortCount = 0;

export interface AbortSignal extends EventTarget {
  readonly aborted: boolean;
  readonly reason: any;
  onabort: ((this: AbortSignal, event: any) => any) | null;
  throwIfAborted(): void;
}

export var AbortSignal: {
  prototype: AbortSignal;
  new (): AbortSignal;
  abort(reason?: unknown): AbortSignal;
  timeout(milliseconds: number): AbortSignal;
  any(signals: Iterable<AbortSignal>): AbortSignal;
} = function AbortSignal() {
  throw typeError('AbortSignal', 'Illegal constructor');
} as any;

// AbortSignal inherits from EventTarget.
var proto: AbortSignal = inheritInterface(AbortSignal, EventTarget);

// https://dom.spec.whatwg.org/#dom-abortsignal-abort
AbortSignal.abort = function (reason?: unknown): AbortSignal {
  // 1. Let signal be a new AbortSignal object.
  var state = createAbortSignal();
  // 2. Set signal's abort reason to reason if it is given; otherwise to a new "AbortError" DOMException.
  setReason(state, reason);
  // 3. Return signal.
  return state._self;
};

// https://dom.spec.whatwg.org/#dom-abortsignal-timeout
AbortSignal.timeout = function (milliseconds: number): AbortSignal {
  // https://webidl.spec.whatwg.org/#es-unsigned-long-long with [EnforceRange]
  var member = 'AbortSignal.timeout';
  requireArguments(arguments.length, 1, member);
  // (NaN, the infinities and what is out of range after IntegerPart throw: the range is checked before.)
  var ms = toNumber(milliseconds, member);
  if (!(ms > -1 && ms < 9007199254740992)) throw typeError(member, 'not an unsigned long long');
  ms -= ms % 1;
  // 1. Let signal be a new AbortSignal object.
  var state = createAbortSignal();
  // 2–3. Run steps after a timeout of milliseconds: signal abort given signal and a new "TimeoutError" DOMException.
  state._deadline = +new Date() + ms;
  count('liveTimers', 1);
  wait(state, ms);
  // 4. Return signal.
  return state._self;
};

// https://dom.spec.whatwg.org/#dom-abortsignal-any
AbortSignal.any = function (signals: Iterable<AbortSignal>): AbortSignal {
  var member = 'AbortSignal.any';
  requireArguments(arguments.length, 1, member);
  // https://webidl.spec.whatwg.org/#es-sequence: an iterable (an array-like where the engine has no Symbol.iterator).
  var value: any = signals;
  // LEGACY(ES5): without Symbol.iterator, an array or array-like stands for the iterable (its elements sliced out).
  var method = isObject(value) && (supportsSymbolIterator ? value[Symbol.iterator] : typeof value.length === 'number' && Array.prototype.slice);
  if (typeof method !== 'function') throw typeError(member, 'not iterable');
  // (An iterator, or the sliced elements.)
  var iterator = method.call(value);
  var list: unknown[] = supportsSymbolIterator ? [] : iterator;
  for (var step; supportsSymbolIterator && !(step = iterator.next()).done;) list.push(step.value);
  if (!list.every(isAbortSignal)) throw typeError(member, 'not an AbortSignal');
  // 1. Return the result of creating a dependent abort signal from signals using AbortSignal and the current realm.
  return createDependentAbortSignal(list);
};

defineAttributes(proto, slot, 'AbortSignal', {
  // https://dom.spec.whatwg.org/#dom-abortsignal-aborted
  aborted: function (state) {
    return !!refresh(state)._aborted;
  },
  // https://dom.spec.whatwg.org/#dom-abortsignal-reason
  reason: function (state) {
    return refresh(state)._reason;
  }
});

defineOperations(proto, slot, 'AbortSignal', {
  // https://dom.spec.whatwg.org/#dom-abortsignal-throwifaborted: throw this's abort reason, if this is aborted.
  throwIfAborted: function (state) {
    if (refresh(state)._aborted) throw state._reason;
  }
});

defineEventHandler(proto, 'abort', 'AbortSignal');

function createAbortSignal(): AbortSignalState {
  var signal: AbortSignal = Object.create(proto);
  var state: AbortSignalState = { _self: signal, _algorithms: [], _dependents: [] };
  initEventTarget(signal, function () { updateFollowing(state); });
  slot.set(signal, state);
  return state;
}

/** A new, non-aborted signal (AbortController's). */
export function newAbortSignal(): AbortSignal {
  return createAbortSignal()._self;
}

// Times the signal out in `ms`, in steps of at most MAX_TIMER_MS (each longer one waits again for what is left).
function wait(state: AbortSignalState, ms: number): void {
  state._timer = setTimeout(function () {
    if (ms > MAX_TIMER_MS) wait(state, state._deadline! - +new Date());
    else fireTimeout(state);
  }, Math.min(ms, MAX_TIMER_MS));
}

/** Stops `state`'s pending timeout; whether there was one. */
function clearTimer(state: AbortSignalState): boolean {
  if (state._timer === undefined) return false;
  clearTimeout(state._timer);
  state._timer = undefined;
  count('liveTimers', -1);
  return true;
}

function fireTimeout(state: AbortSignalState): void {
  if (clearTimer(state)) signalAbort(state, createDOMException('signal timed out', 'TimeoutError'));
}

/**
 * Whether value implements AbortSignal (https://webidl.spec.whatwg.org/#implements): ours (by its slot), or the
 * engine's (by the engine's own brand check: its `aborted` getter throws for anything else). Never a look-alike.
 */
export function isAbortSignal(value: unknown): boolean {
  // (Without an engine getter, the call throws: false.)
  return slot.has(value) || works(function () {
    return typeof nativeAbortedGetter!.call(value) === 'boolean';
  });
}

/** Whether `signal` (ours or foreign) is aborted. */
export function signalIsAborted(signal: unknown): boolean {
  var state = slot.find(signal);
  return !!(state ? refresh(state)._aborted : (signal as any).aborted);
}

/** `signal`'s abort reason (ours or foreign; a foreign signal without `reason` gives an "AbortError" DOMException). */
export function signalReason(signal: unknown): unknown {
  var state = slot.find(signal);
  if (state) return refresh(state)._reason;
  return orAbortError((signal as any).reason);
}

// `reason`, or where it is undefined a new "AbortError" DOMException.
function orAbortError(reason: unknown): unknown {
  return reason !== undefined ? reason : createDOMException('signal aborted', 'AbortError');
}

// https://dom.spec.whatwg.org/#create-a-dependent-abort-signal
function createDependentAbortSignal(signals: unknown[]): AbortSignal {
  // 1. Let resultSignal be a new object implementing signalInterface using realm.
  var result = createAbortSignal();
  // 2. For each signal of signals: if signal is aborted, then set resultSignal's abort reason to signal's abort
  //    reason and return resultSignal.
  for (var i = 0; i < signals.length; i++) {
    if (signalIsAborted(signals[i])) {
      setReason(result, signalReason(signals[i]));
      return result._self;
    }
  }
  // 3. Set resultSignal's dependent to true.
  var sources: unknown[] = result._sources = [];
  // 4. For each signal of signals: a non-dependent signal is a source; a dependent one gives its sources instead.
  //    (Registering resultSignal with them waits until something listens: see the top of this file.)
  signals.forEach(function (signal) {
    var own = slot.find(signal);
    ((own && own._sources) || [signal]).forEach(function (source) {
      if (sources.indexOf(source) < 0) sources.push(source);
    });
  });
  // 5. Return resultSignal.
  return result._self;
}

// The interface whose dependent signals a Request gets (https://fetch.spec.whatwg.org/#dom-request steps 29–30: a new
// AbortSignal of the request's realm, which is the page's global AbortSignal): retrofetch's, unless src/polyfill.ts
// installed retrofetch's fetch family next to an engine's whole abort pair that it kept (jsdom), whose any() makes
// them then, so that `request.signal instanceof AbortSignal` holds and the engine's APIs take it (addEventListener's
// `signal`).
var engineAbortSignal: { any(signals: unknown[]): AbortSignal } | null = null;

/** Requests' signals are `AbortSignal`'s (an engine's, with any()) from now on: see engineAbortSignal. */
export function useEngineAbortSignal(AbortSignalInterface: { any(signals: unknown[]): AbortSignal }): void {
  engineAbortSignal = AbortSignalInterface;
}

/**
 * A request's signal: a dependent signal of `signals` made by the page's AbortSignal interface (see
 * engineAbortSignal), or retrofetch's where that is retrofetch's or one of `signals` is (the engine's any() takes
 * only its own).
 */
export function createRequestSignal(signals: unknown[]): AbortSignal {
  for (var i = 0; i < signals.length; i++) {
    if (slot.has(signals[i])) return createDependentAbortSignal(signals);
  }
  return engineAbortSignal ? engineAbortSignal.any(signals) : createDependentAbortSignal(signals);
}

function setReason(state: AbortSignalState, reason: unknown): void {
  state._aborted = ++abortCount;
  state._reason = orAbortError(reason);
  stopFollowing(state);
  clearTimer(state);
}

// https://dom.spec.whatwg.org/#abortsignal-signal-abort
function signalAbort(state: AbortSignalState, reason: unknown): void {
  // 1. If signal is aborted, then return.
  if (refresh(state)._aborted) return;
  // 2. Set signal's abort reason to reason if it is given; otherwise to a new "AbortError" DOMException.
  setReason(state, reason);
  // 3–4. Each dependent signal (following, so not aborted) gets signal's abort reason, to run its abort steps after
  //      signal's.
  var dependents = state._dependents;
  state._dependents = [];
  dependents.forEach(function (dependent) { setReason(dependent, state._reason); });
  // 5. Run the abort steps for signal.
  runAbortSteps(state);
  // 6. For each dependentSignal of dependentSignalsToAbort, run the abort steps for dependentSignal.
  dependents.forEach(runAbortSteps);
}

/** Signal abort on one of our signals with the reason AbortController.abort() was given (its arguments). */
export function abortSignal(args: IArguments, signal: AbortSignal): void {
  signalAbort(slot.find(signal)!, args[0]);
}

// https://dom.spec.whatwg.org/#run-the-abort-steps
function runAbortSteps(state: AbortSignalState): void {
  // 1–2. For each algorithm of signal's abort algorithms: run algorithm; then empty the list. (Each removes itself
  //      first: see addAbortAlgorithm(). None can be added now that signal is aborted.)
  state._algorithms.slice().forEach(function (algorithm) { algorithm(); });
  // 3. Fire an event named abort at signal.
  fireEvent(state._self, createTrustedEvent('abort'));
}

// A dependent signal that is not following reads its sources: the first of ours to abort gives the reason, else
// the first foreign one in order that has. One that is following hears of its sources' aborts, except that a
// foreign source's listeners run in the foreign order: if one of them asks first, the abort happens here, events
// and all.
function refresh(state: AbortSignalState): AbortSignalState {
  var sources = state._sources;
  if (state._aborted || !sources) return state;
  var first: unknown;
  var firstAs = Infinity;
  sources.forEach(function (source: any) {
    var own = slot.find(source);
    if (own ? own._aborted! < firstAs : !first && source.aborted) {
      first = source;
      if (own) firstAs = own._aborted!;
    }
  });
  if (first) {
    var following = !!state._following;
    setReason(state, signalReason(first));
    if (following) runAbortSteps(state);
  }
  return state;
}

// Follows the sources while something could observe an abort (see the top of this file).
function updateFollowing(state: AbortSignalState): void {
  var sources = state._sources;
  if (!sources || state._aborted) return;
  var observed = state._algorithms.length > 0 || hasListeners(state._self, 'abort');
  if (!observed) return stopFollowing(state);
  if (state._following || refresh(state)._aborted) return;
  state._following = function () { refresh(state); };
  sources.forEach(function (source) { follow(state, source, true); });
}

function stopFollowing(state: AbortSignalState): void {
  if (!state._following) return;
  state._sources!.forEach(function (source) { follow(state, source); });
  state._following = undefined;
}

// Starts (`on`) or stops following `source`: one of ours lists the dependent; of a foreign (native) one, the abort
// event is the only way to hear (`_following` listens).
function follow(state: AbortSignalState, source: any, on?: boolean): void {
  var own = slot.find(source);
  count('liveListeners', on ? 1 : -1);
  if (!own) source[on ? 'addEventListener' : 'removeEventListener']('abort', state._following);
  else if (on) own._dependents.push(state);
  else remove(own._dependents, state);
}

/**
 * https://dom.spec.whatwg.org/#abortsignal-add: adds `algorithm` to `signal`'s abort algorithms (unless it is
 * aborted) and returns the function that removes it (https://dom.spec.whatwg.org/#abortsignal-remove).
 * Foreign signals get an `abort` listener instead.
 */
export function addAbortAlgorithm(signal: any, algorithm: () => void): () => void {
  var state = slot.find(signal);
  // 1. If signal is aborted, then return.
  var added = !signalIsAborted(signal);
  // What is added: the algorithm, removed first (when the abort steps run it, or the foreign signal's event does).
  function listener(): void {
    stop();
    algorithm();
  }
  // Removes it, once.
  function stop(): void {
    if (added) {
      added = false;
      count('liveListeners', -1);
      if (!state) signal.removeEventListener('abort', listener);
      else {
        remove(state._algorithms, listener);
        updateFollowing(state);
      }
    }
  }
  // 2. Append algorithm to signal's abort algorithms.
  if (added) {
    count('liveListeners', 1);
    if (!state) signal.addEventListener('abort', listener);
    else {
      state._algorithms.push(listener);
      updateFollowing(state);
    }
  }
  return stop;
}

signalFollower.follow = addAbortAlgorithm;

/**
 * The earliest AbortSignal.timeout() deadline `signal` depends on (itself or one of its sources), for the XHR
 * `timeout` backstop: `ms` left, and `fire()` to time the signal out now (the XHR timed out, so the deadline passed).
 */
export function timeoutOf(signal: unknown): { ms: number; fire: () => void } | null {
  var state = slot.find(signal);
  var candidates = state ? state._sources || [signal] : [];
  var best: AbortSignalState | undefined;
  candidates.forEach(function (candidate) {
    var own = slot.find(candidate);
    if (own && own._timer !== undefined && !(best && best._deadline! <= own._deadline!)) best = own;
  });
  return best ? {
    ms: Math.max(0, best._deadline! - +new Date()),
    fire: function () { fireTimeout(best!); }
  } : null;
}
