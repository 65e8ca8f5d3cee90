// The AbortSignal interface: https://dom.spec.whatwg.org/#interface-AbortSignal
//
// Dependent signals (AbortSignal.any(), Request.signal) and long-lived sources: the spec has a source hold its
// dependents weakly. ES5 has no weak references, so instead a dependent signal FOLLOWS its sources (is registered
// with them) only while something can observe an abort event on it: an `abort` listener, `onabort`, or one of
// retrofetch's abort algorithms (a fetch in flight). The rest of the time its `aborted` and `reason` are read from
// its sources when asked, which gives the same answers. So `AbortSignal.any([longLived])` leaves nothing on
// `longLived` unless someone listens, and a settled fetch leaves nothing on the signal it was given.
import { createSlot } from '../webidl/slots';
import { toNumber } from '../webidl/conversions';
import { works, nativeAbortedGetter, supportsSymbolIterator, supportsSymbolToStringTag } from '../env/support';
import { createDOMException } from './dom-exception';
import { count } from '../env/debug-counters';
import { EventTarget, initEventTarget, hasListeners, fireEvent, defineEventHandler, signalFollower } from './event-target';
import { createTrustedEvent } from './event';

interface AbortSignalState {
  self: AbortSignal;
  aborted: boolean;
  reason: unknown;
  /** When it aborted, as a count of aborts so far: a dependent read later takes the reason of its first source. */
  abortedAs: number;
  /** https://dom.spec.whatwg.org/#abortsignal-abort-algorithms */
  algorithms: Array<() => void>;
  /** https://dom.spec.whatwg.org/#abortsignal-dependent */
  dependent: boolean;
  /** https://dom.spec.whatwg.org/#abortsignal-source-signals: our non-dependent signals, or foreign (native) ones. */
  sources: unknown[];
  /** https://dom.spec.whatwg.org/#abortsignal-dependent-signals: only those following right now (see above). */
  dependents: AbortSignalState[];
  /** While following: how to stop, one function per source. */
  following: Array<() => void> | null;
  /** AbortSignal.timeout(): when it fires, and the pending timer. */
  timeout: { deadline: number; timer: any } | null;
}

var slot = createSlot<AbortSignalState>('AbortSignal');
var abortCount = 0;
var MAX_TIMER_MS = 0x7fffffff; // setTimeout fires at once for longer delays: longer timeouts are chained

export class AbortSignal extends EventTarget {
  declare onabort: ((this: AbortSignal, event: any) => any) | null;

  constructor() {
    throw new TypeError("AbortSignal constructor: Illegal constructor (use new AbortController().signal or AbortSignal's static methods)");
    super();
  }

  // https://dom.spec.whatwg.org/#dom-abortsignal-abort
  static abort(reason?: unknown): AbortSignal {
    // 1. Let signal be a new AbortSignal object.
    var state = createAbortSignal();
    // 2. Set signal's abort reason to reason if it is given; otherwise to a new "AbortError" DOMException.
    setReason(state, reason !== undefined ? reason : newAbortError());
    // 3. Return signal.
    return state.self;
  }

  // https://dom.spec.whatwg.org/#dom-abortsignal-timeout
  static timeout(milliseconds: number): AbortSignal {
    var ms = toUnsignedLongLong(milliseconds, 'AbortSignal.timeout', arguments.length);
    // 1. Let signal be a new AbortSignal object.
    var state = createAbortSignal();
    // 2–3. Run steps after a timeout of milliseconds: signal abort given signal and a new "TimeoutError" DOMException.
    state.timeout = { deadline: new Date().getTime() + ms, timer: null };
    count('liveTimers', 1);
    wait(state, ms);
    // 4. Return signal.
    return state.self;
  }

  // https://dom.spec.whatwg.org/#dom-abortsignal-any
  static any(signals: Iterable<AbortSignal>): AbortSignal {
    var list = toSignalSequence(signals, 'AbortSignal.any', arguments.length);
    // 1. Return the result of creating a dependent abort signal from signals using AbortSignal and the current realm.
    return createDependentAbortSignal(list);
  }

  // https://dom.spec.whatwg.org/#dom-abortsignal-aborted
  get aborted(): boolean {
    return refresh(slot.get(this, 'AbortSignal.aborted')).aborted;
  }

  // https://dom.spec.whatwg.org/#dom-abortsignal-reason
  get reason(): any {
    return refresh(slot.get(this, 'AbortSignal.reason')).reason;
  }

  // https://dom.spec.whatwg.org/#dom-abortsignal-throwifaborted
  throwIfAborted(): void {
    var state = refresh(slot.get(this, 'AbortSignal.throwIfAborted'));
    // The throwIfAborted() method steps are to throw this's abort reason, if this is aborted.
    if (state.aborted) throw state.reason;
  }
}

defineEventHandler(AbortSignal.prototype, 'abort', 'AbortSignal');

if (supportsSymbolToStringTag) {
  Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });
}

function createAbortSignal(): AbortSignalState {
  var signal: AbortSignal = Object.create(AbortSignal.prototype);
  var state: AbortSignalState = {
    self: signal, aborted: false, reason: undefined, abortedAs: 0, algorithms: [], dependent: false, sources: [],
    dependents: [], following: null, timeout: null
  };
  initEventTarget(signal, function () { updateFollowing(state); });
  slot.set(signal, state);
  return state;
}

/** A new, non-aborted signal (AbortController's). */
export function newAbortSignal(): AbortSignal {
  return createAbortSignal().self;
}

function newAbortError(): unknown {
  return createDOMException('signal is aborted without reason', 'AbortError');
}

function wait(state: AbortSignalState, ms: number): void {
  var chunk = Math.min(ms, MAX_TIMER_MS);
  state.timeout!.timer = setTimeout(function () {
    var left = state.timeout!.deadline - new Date().getTime();
    if (chunk < ms && left > 0) wait(state, left);
    else fireTimeout(state);
  }, chunk);
}

function fireTimeout(state: AbortSignalState): void {
  if (state.timeout === null || state.timeout.timer === null) return;
  clearTimeout(state.timeout.timer);
  state.timeout.timer = null;
  count('liveTimers', -1);
  signalAbort(state, createDOMException('signal timed out', 'TimeoutError'));
}

// https://webidl.spec.whatwg.org/#es-unsigned-long-long with [EnforceRange]
function toUnsignedLongLong(value: unknown, member: string, count: number): number {
  if (count < 1) throw new TypeError(member + ': 1 argument required, but only 0 present');
  var n = toNumber(value, member);
  if (n !== n || n === Infinity || n === -Infinity) throw new TypeError(member + ': the value is not a finite number');
  n = n < 0 ? Math.ceil(n) : Math.floor(n);
  if (n < 0 || n > 9007199254740991) throw new TypeError(member + ': the value is outside the range of unsigned long long');
  return n;
}

// https://webidl.spec.whatwg.org/#es-sequence: an iterable (an array-like where the engine has no Symbol.iterator).
function toSignalSequence(value: unknown, member: string, count: number): unknown[] {
  if (count < 1) throw new TypeError(member + ': 1 argument required, but only 0 present');
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    throw new TypeError(member + ": parameter 1 is not iterable (a sequence<AbortSignal>)");
  }
  var items: unknown[] = [];
  if (supportsSymbolIterator) {
    var method = (value as any)[Symbol.iterator];
    if (typeof method !== 'function') throw new TypeError(member + ': parameter 1 is not iterable (a sequence<AbortSignal>)');
    var iterator = method.call(value);
    for (var step = iterator.next(); !step.done; step = iterator.next()) items.push(step.value);
  } else {
    // LEGACY(ES5): without Symbol.iterator, an array or array-like stands for the iterable.
    if (typeof (value as any).length !== 'number') throw new TypeError(member + ': parameter 1 is not iterable (a sequence<AbortSignal>)');
    var length = (value as any).length >>> 0;
    for (var i = 0; i < length; i++) items.push((value as any)[i]);
  }
  for (var j = 0; j < items.length; j++) {
    if (!isAbortSignal(items[j])) throw new TypeError(member + ": element " + j + " of parameter 1 is not of type 'AbortSignal'");
  }
  return items;
}

/**
 * Whether value implements AbortSignal (https://webidl.spec.whatwg.org/#implements): ours (by its slot), or the
 * engine's (by the engine's own brand check: its `aborted` getter throws for anything else). Never a look-alike.
 */
export function isAbortSignal(value: unknown): boolean {
  return slot.has(value) || (nativeAbortedGetter !== null && works(function () {
    return typeof nativeAbortedGetter!.call(value) === 'boolean';
  }));
}

/** Whether `signal` (ours or foreign) is aborted. */
export function signalIsAborted(signal: unknown): boolean {
  return slot.has(signal) ? refresh(slot.get(signal, 'AbortSignal')).aborted : !!(signal as any).aborted;
}

/** `signal`'s abort reason (ours or foreign; a foreign signal without `reason` gives an "AbortError" DOMException). */
export function signalReason(signal: unknown): unknown {
  if (slot.has(signal)) return refresh(slot.get(signal, 'AbortSignal')).reason;
  var reason = (signal as any).reason;
  return reason !== undefined ? reason : newAbortError();
}

// https://dom.spec.whatwg.org/#create-a-dependent-abort-signal
export function createDependentAbortSignal(signals: unknown[]): AbortSignal {
  // 1. Let resultSignal be a new object implementing signalInterface using realm.
  var result = createAbortSignal();
  // 2. For each signal of signals: if signal is aborted, then set resultSignal's abort reason to signal's abort
  //    reason and return resultSignal.
  for (var i = 0; i < signals.length; i++) {
    if (signalIsAborted(signals[i])) {
      setReason(result, signalReason(signals[i]));
      return result.self;
    }
  }
  // 3. Set resultSignal's dependent to true.
  result.dependent = true;
  // 4. For each signal of signals: a non-dependent signal is a source; a dependent one gives its sources instead.
  //    (Registering resultSignal with them waits until something listens: see the top of this file.)
  for (var j = 0; j < signals.length; j++) {
    var own = slot.has(signals[j]) ? slot.get(signals[j], 'AbortSignal') : null;
    var sources = own !== null && own.dependent ? own.sources : [signals[j]];
    for (var k = 0; k < sources.length; k++) {
      if (indexOf(result.sources, sources[k]) < 0) result.sources.push(sources[k]);
    }
  }
  // 5. Return resultSignal.
  return result.self;
}

function indexOf(list: unknown[], item: unknown): number {
  for (var i = 0; i < list.length; i++) if (list[i] === item) return i;
  return -1;
}

function setReason(state: AbortSignalState, reason: unknown): void {
  state.aborted = true;
  state.reason = reason;
  state.abortedAs = ++abortCount;
  stopFollowing(state);
  if (state.timeout !== null && state.timeout.timer !== null) {
    clearTimeout(state.timeout.timer);
    state.timeout.timer = null;
    count('liveTimers', -1);
  }
}

// https://dom.spec.whatwg.org/#abortsignal-signal-abort
export function signalAbort(state: AbortSignalState, reason: unknown): void {
  // 1. If signal is aborted, then return.
  if (refresh(state).aborted) return;
  // 2. Set signal's abort reason to reason if it is given; otherwise to a new "AbortError" DOMException.
  setReason(state, reason !== undefined ? reason : newAbortError());
  // 3–4. Each dependent signal not yet aborted gets signal's abort reason, to run its abort steps after signal's.
  var toAbort: AbortSignalState[] = [];
  var dependents = state.dependents.slice();
  for (var i = 0; i < dependents.length; i++) {
    if (dependents[i].aborted) continue;
    setReason(dependents[i], state.reason);
    toAbort.push(dependents[i]);
  }
  state.dependents.length = 0;
  // 5. Run the abort steps for signal.
  runAbortSteps(state);
  // 6. For each dependentSignal of dependentSignalsToAbort, run the abort steps for dependentSignal.
  for (var j = 0; j < toAbort.length; j++) runAbortSteps(toAbort[j]);
}

/** Signal abort on one of our signals (AbortController.abort()). */
export function abortSignal(signal: AbortSignal, reason: unknown): void {
  signalAbort(slot.get(signal, 'AbortController.abort'), reason);
}

// https://dom.spec.whatwg.org/#run-the-abort-steps
function runAbortSteps(state: AbortSignalState): void {
  // 1–2. For each algorithm of signal's abort algorithms: run algorithm; then empty the list.
  var algorithms = state.algorithms;
  state.algorithms = [];
  count('liveListeners', -algorithms.length);
  for (var i = 0; i < algorithms.length; i++) algorithms[i]();
  // 3. Fire an event named abort at signal.
  fireEvent(state.self, createTrustedEvent('abort'));
}

// A dependent signal that is not following reads its sources: the first of them to abort gives the reason. One that
// is following hears of its sources' aborts, except that a foreign source's listeners run in the foreign order: if
// one of them asks first, the abort happens here, events and all.
function refresh(state: AbortSignalState): AbortSignalState {
  if (state.aborted || !state.dependent) return state;
  var first: unknown = null;
  var firstAs = Infinity;
  var found = false;
  for (var i = 0; i < state.sources.length; i++) {
    var source = state.sources[i];
    if (slot.has(source)) {
      var own = slot.get(source, 'AbortSignal');
      if (own.aborted && own.abortedAs < firstAs) {
        first = source;
        firstAs = own.abortedAs;
        found = true;
      }
    } else if (!found && (source as any).aborted) {
      first = source;
      found = true;
    }
  }
  if (!found) return state;
  var following = state.following !== null;
  setReason(state, signalReason(first));
  if (following) runAbortSteps(state);
  return state;
}

// Follows the sources while something could observe an abort (see the top of this file).
function updateFollowing(state: AbortSignalState): void {
  if (!state.dependent || state.aborted) return;
  var observed = state.algorithms.length > 0 || hasListeners(state.self, 'abort');
  if (observed && state.following === null) {
    if (refresh(state).aborted) return;
    state.following = [];
    for (var i = 0; i < state.sources.length; i++) state.following.push(followSource(state, state.sources[i]));
  } else if (!observed) {
    stopFollowing(state);
  }
}

function followSource(state: AbortSignalState, source: unknown): () => void {
  count('liveListeners', 1);
  if (slot.has(source)) {
    var own = slot.get(source, 'AbortSignal');
    own.dependents.push(state);
    return function () {
      count('liveListeners', -1);
      var at = indexOf(own.dependents, state);
      if (at >= 0) own.dependents.splice(at, 1);
    };
  }
  // A foreign (native) source: its abort event is the only way to hear of it.
  var listener = function () {
    if (state.aborted) return;
    var wasFollowing = state.following !== null;
    setReason(state, signalReason(source));
    if (wasFollowing) runAbortSteps(state);
  };
  (source as any).addEventListener('abort', listener);
  return function () {
    count('liveListeners', -1);
    (source as any).removeEventListener('abort', listener);
  };
}

function stopFollowing(state: AbortSignalState): void {
  if (state.following === null) return;
  var following = state.following;
  state.following = null;
  for (var i = 0; i < following.length; i++) following[i]();
}

/**
 * https://dom.spec.whatwg.org/#abortsignal-add: adds `algorithm` to `signal`'s abort algorithms (unless it is
 * aborted) and returns the function that removes it (https://dom.spec.whatwg.org/#abortsignal-remove).
 * Foreign signals get an `abort` listener instead.
 */
export function addAbortAlgorithm(signal: unknown, algorithm: () => void): () => void {
  if (!slot.has(signal)) return followForeign(signal, algorithm);
  var state = slot.get(signal, 'AbortSignal');
  // 1. If signal is aborted, then return.
  if (refresh(state).aborted) return function () { /* nothing was added */ };
  // 2. Append algorithm to signal's abort algorithms.
  state.algorithms.push(algorithm);
  count('liveListeners', 1);
  updateFollowing(state);
  return function () {
    var at = indexOf(state.algorithms, algorithm);
    if (at < 0) return;
    state.algorithms.splice(at, 1);
    count('liveListeners', -1);
    updateFollowing(state);
  };
}

function followForeign(signal: any, steps: () => void): () => void {
  if (signal.aborted) return function () { /* nothing was added */ };
  var removed = false;
  var listener = function () {
    remove();
    steps();
  };
  function remove(): void {
    if (removed) return;
    removed = true;
    count('liveListeners', -1);
    signal.removeEventListener('abort', listener);
  }
  signal.addEventListener('abort', listener);
  count('liveListeners', 1);
  return remove;
}

signalFollower.follow = function (signal, steps) {
  return addAbortAlgorithm(signal, steps);
};

/**
 * The earliest AbortSignal.timeout() deadline `signal` depends on (itself or one of its sources), for the XHR
 * `timeout` backstop: `ms` left, and `fire()` to time the signal out now (the XHR timed out, so the deadline passed).
 */
export function timeoutOf(signal: unknown): { ms: number; fire: () => void } | null {
  if (!slot.has(signal)) return null;
  var state = slot.get(signal, 'AbortSignal');
  var candidates = state.dependent ? state.sources : [signal];
  var best: AbortSignalState | null = null;
  for (var i = 0; i < candidates.length; i++) {
    if (!slot.has(candidates[i])) continue;
    var own = slot.get(candidates[i], 'AbortSignal');
    if (own.timeout === null || own.timeout.timer === null) continue;
    if (best === null || own.timeout.deadline < best.timeout!.deadline) best = own;
  }
  if (best === null) return null;
  var chosen = best;
  return {
    ms: Math.max(0, chosen.timeout!.deadline - new Date().getTime()),
    fire: function () { fireTimeout(chosen); }
  };
}
