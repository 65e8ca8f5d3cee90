// The EventTarget interface, for targets with no tree (no capture or bubble path): https://dom.spec.whatwg.org/#interface-eventtarget
// and event handler IDL attributes (`onabort`): https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-attributes
import { createSlot } from '../webidl/slots';
import { requireArguments, toDOMString } from '../webidl/conversions';
import { supportsSymbolToStringTag } from '../env/support';
import { isHostInstance } from '../env/global';
import { createDOMException } from './dom-exception';
import { Event, eventState, EventState, AT_TARGET, NONE } from './event';

/** https://dom.spec.whatwg.org/#concept-event-listener */
interface Listener {
  type: string;
  callback: any;
  capture: boolean;
  passive: boolean;
  once: boolean;
  removed: boolean;
  /** Stops following the listener's signal (the `signal` option); null without one. */
  unfollow: (() => void) | null;
}

interface EventTargetState {
  listeners: Listener[];
  handlers: { [type: string]: { value: unknown; listener: Listener | null } };
  /** Told after every change to the listener list (AbortSignal follows its sources only while it has listeners). */
  changed: (() => void) | null;
}

var slot = createSlot<EventTargetState>('EventTarget');

/**
 * How the `signal` option is followed: set by abort-signal.ts (which imports this module, so it cannot be imported
 * here). It returns a function that stops following, or null when the signal is already aborted.
 */
export var signalFollower: { follow: ((signal: unknown, steps: () => void, member: string) => (() => void) | null) | null } = { follow: null };

/** Makes `target` an event target with an empty listener list (for subclasses made without the constructor). */
export function initEventTarget(target: object, changed: (() => void) | null): void {
  slot.set(target, { listeners: [], handlers: {}, changed: changed });
}

/** Whether `target` has a listener for `type` (an event handler counts once it is set). */
export function hasListeners(target: unknown, type: string): boolean {
  var list = slot.get(target, 'EventTarget').listeners;
  for (var i = 0; i < list.length; i++) if (list[i].type === type) return true;
  return false;
}

// https://webidl.spec.whatwg.org/#es-callback-interface: EventListener? (a function, or an object with handleEvent).
function toCallback(value: unknown, member: string): any {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'function' && typeof value !== 'object') {
    throw new TypeError(member + ": parameter 2 is not of type 'EventListener' (an object or a function)");
  }
  return value;
}

export class EventTarget {
  // https://dom.spec.whatwg.org/#dom-eventtarget-eventtarget
  constructor() {
    if (!(this instanceof EventTarget) || slot.has(this)) throw new TypeError("EventTarget: Please use the 'new' operator");
    initEventTarget(this, null);
  }

  // https://dom.spec.whatwg.org/#dom-eventtarget-addeventlistener
  addEventListener(type: string, callback: any, options?: boolean | AddEventListenerOptions): void {
    var member = 'EventTarget.addEventListener';
    var state = slot.get(this, member);
    requireArguments(arguments.length, 2, member);
    type = toDOMString(type, member);
    callback = toCallback(callback, member);
    // 1. Let capture, passive, once, and signal be the result of flattening more options.
    var capture: boolean;
    var passive = false;
    var once = false;
    var signal: unknown = null;
    if (typeof options === 'object' && options !== null) {
      capture = !!options.capture;
      once = !!options.once;
      passive = !!options.passive;
      if (options.signal !== undefined) {
        signal = options.signal;
        if (!isSignal(signal)) throw new TypeError(member + ": member signal is not of type 'AbortSignal'");
      }
    } else {
      capture = !!options;
    }
    // 2. Add an event listener with this and a new event listener (https://dom.spec.whatwg.org/#add-an-event-listener):
    addListener(state, { type: type, callback: callback, capture: capture, passive: passive, once: once, removed: false, unfollow: null }, signal, member);
  }

  // https://dom.spec.whatwg.org/#dom-eventtarget-removeeventlistener
  removeEventListener(type: string, callback: any, options?: boolean | EventListenerOptions): void {
    var member = 'EventTarget.removeEventListener';
    var state = slot.get(this, member);
    requireArguments(arguments.length, 2, member);
    type = toDOMString(type, member);
    callback = toCallback(callback, member);
    // 1. Let capture be the result of flattening options.
    var capture = typeof options === 'object' && options !== null ? !!options.capture : !!options;
    // 2. If this's event listener list contains an event listener whose type is type, callback is callback, and
    //    capture is capture, then remove an event listener with this and that event listener.
    var found = find(state, type, callback, capture);
    if (found !== null) removeListener(state, found);
  }

  // https://dom.spec.whatwg.org/#dom-eventtarget-dispatchevent
  dispatchEvent(event: Event): boolean {
    var member = 'EventTarget.dispatchEvent';
    var state = slot.get(this, member);
    requireArguments(arguments.length, 1, member);
    var own = eventState(event);
    if (own === null && !isHostInstance(event, 'Event')) {
      throw new TypeError(member + ": parameter 1 is not of type 'Event'");
    }
    // 1. If event's dispatch flag is set, or if its initialized flag is not set, throw an "InvalidStateError" DOMException.
    if (own !== null && own.dispatch) throw createDOMException(member + ': the event is already being dispatched', 'InvalidStateError');
    // 2. Initialize event's isTrusted attribute to false.
    if (own !== null) own.isTrusted = false;
    // 3. Return the result of dispatching event to this.
    return dispatch(this, state, event);
  }
}

function isSignal(value: any): boolean {
  return value !== null && typeof value === 'object' && typeof value.aborted === 'boolean' && typeof value.addEventListener === 'function';
}

function find(state: EventTargetState, type: string, callback: any, capture: boolean): Listener | null {
  for (var i = 0; i < state.listeners.length; i++) {
    var l = state.listeners[i];
    if (l.type === type && l.callback === callback && l.capture === capture) return l;
  }
  return null;
}

// https://dom.spec.whatwg.org/#add-an-event-listener
function addListener(state: EventTargetState, listener: Listener, signal: unknown, member: string): void {
  // 1. (Service workers) does not apply.
  // 2. If listener's signal is not null and is aborted, then return.
  if (signal !== null && (signal as any).aborted) return;
  // 3. If listener's callback is null, then return.
  if (listener.callback === null) return;
  // 4. The default passive value is false for every event an EventTarget without a tree gets.
  // 5. If eventTarget's event listener list does not contain an event listener whose type, callback and capture
  //    are listener's, then append listener to eventTarget's event listener list.
  if (find(state, listener.type, listener.callback, listener.capture) !== null) return;
  state.listeners.push(listener);
  // 6. If listener's signal is not null, then add the following abort steps to it: remove an event listener with
  //    eventTarget and listener. (Stopped when the listener goes, so a long-lived signal keeps nothing.)
  if (signal !== null && signalFollower.follow !== null) {
    listener.unfollow = signalFollower.follow(signal, function () {
      listener.unfollow = null;
      removeListener(state, listener);
    }, member);
  }
  if (state.changed !== null) state.changed();
}

// https://dom.spec.whatwg.org/#remove-an-event-listener
function removeListener(state: EventTargetState, listener: Listener): void {
  // 1. (Service workers) does not apply.
  // 2. Set listener's removed to true and remove listener from eventTarget's event listener list.
  listener.removed = true;
  for (var i = 0; i < state.listeners.length; i++) {
    if (state.listeners[i] === listener) {
      state.listeners.splice(i, 1);
      break;
    }
  }
  if (listener.unfollow !== null) {
    var unfollow = listener.unfollow;
    listener.unfollow = null;
    unfollow();
  }
  if (state.changed !== null) state.changed();
}

/** Fires an event named `type` at `target`: https://dom.spec.whatwg.org/#concept-event-fire */
export function fireEvent(target: object, event: Event): boolean {
  return dispatch(target, slot.get(target, 'EventTarget'), event);
}

// https://dom.spec.whatwg.org/#concept-event-dispatch, for a target with no parent: the path is the target alone,
// so there is one "at target" invocation for the capturing listeners and then one for the others.
function dispatch(target: object, state: EventTargetState, event: any): boolean {
  var s = eventState(event);
  var restore: (() => void) | null = null;
  // The engine's own Event (e.g. `new Event('abort')` passed to dispatchEvent): its fields are the engine's, so
  // they are shadowed on the instance for the dispatch, and its stop methods wrapped to be seen.
  if (s === null) {
    var host = hostEventState(event);
    s = host.state;
    restore = host.restore;
  }
  // 1. Set event's dispatch flag.
  s.dispatch = true;
  // 2–5. targetOverride and the path are this target alone; set event's target.
  s.target = target;
  s.eventPhase = AT_TARGET;
  s.currentTarget = target;
  if (restore !== null) syncHostEvent(event, s);
  // 14–15. Invoke with the target, capturing then bubbling (at target, capture listeners come first).
  invoke(target, state, event, s, true);
  invoke(target, state, event, s, false);
  // 16–19. Set eventPhase to NONE, currentTarget to null, clear the path; unset the dispatch and stop flags.
  s.eventPhase = NONE;
  s.currentTarget = null;
  s.dispatch = false;
  s.stopPropagation = false;
  s.stopImmediatePropagation = false;
  if (restore !== null) {
    syncHostEvent(event, s);
    restore();
  }
  // 22. Return false if event's canceled flag is set; otherwise true.
  return !s.canceled;
}

// https://dom.spec.whatwg.org/#concept-event-listener-invoke and #concept-event-listener-inner-invoke
function invoke(target: object, state: EventTargetState, event: any, s: EventState, capture: boolean): void {
  // 3. If event's stop propagation flag is set, then return.
  if (s.stopPropagation) return;
  // 4. Let listeners be a clone of event's currentTarget's event listener list (listeners added now do not run).
  var listeners = state.listeners.slice();
  for (var i = 0; i < listeners.length; i++) {
    var listener = listeners[i];
    // inner invoke 2.1. If event's type is not listener's type, then continue.
    if (listener.type !== s.type) continue;
    // 2.2. If listener's removed is true, then continue.
    if (listener.removed) continue;
    // 2.3–2.4. The phase must match the listener's capture.
    if (listener.capture !== capture) continue;
    // 2.5. If listener's once is true, then remove an event listener given event's currentTarget and listener.
    if (listener.once) removeListener(state, listener);
    // 2.6–2.8. (window.event) does not apply. 2.9. If listener's passive is true, set the in passive listener flag.
    if (listener.passive) s.inPassiveListener = true;
    // 2.10. Call a user object's operation with listener's callback, "handleEvent", « event », and currentTarget.
    try {
      var callback = listener.callback;
      if (typeof callback === 'function') {
        callback.call(target, event);
      } else {
        var handleEvent = callback.handleEvent;
        if (typeof handleEvent !== 'function') throw new TypeError("EventTarget: the listener's handleEvent is not a function");
        handleEvent.call(callback, event);
      }
    } catch (e) {
      // If this throws an exception, report the exception (the other listeners still run).
      reportException(e);
    }
    // 2.11. Unset event's in passive listener flag.
    s.inPassiveListener = false;
    // 2.13. If event's stop immediate propagation flag is set, then return.
    if (s.stopImmediatePropagation) return;
  }
}

// https://html.spec.whatwg.org/multipage/webappapis.html#report-the-exception: to the global's error handling, as
// an uncaught exception of its own task, so it cannot break the dispatch (or the abort) that ran the listener.
function reportException(e: unknown): void {
  setTimeout(function () {
    throw e;
  }, 0);
}

function hostEventState(event: any): { state: EventState; restore: () => void } {
  var s: EventState = {
    type: String(event.type), target: null, currentTarget: null, eventPhase: NONE, bubbles: !!event.bubbles,
    cancelable: !!event.cancelable, composed: !!event.composed, isTrusted: false, timeStamp: event.timeStamp,
    stopPropagation: false, stopImmediatePropagation: false, canceled: false, inPassiveListener: false, dispatch: false
  };
  var stop = event.stopPropagation;
  var stopImmediate = event.stopImmediatePropagation;
  var shadowed: string[] = [];
  function shadow(name: string, value: unknown): void {
    try {
      Object.defineProperty(event, name, { value: value, configurable: true, writable: true });
      shadowed.push(name);
    } catch (e) {
      // LEGACY(old WebKit): its Event fields cannot be shadowed; listeners see the event's own (target null).
    }
  }
  shadow('stopPropagation', function () {
    s.stopPropagation = true;
    return stop.call(event);
  });
  shadow('stopImmediatePropagation', function () {
    s.stopPropagation = s.stopImmediatePropagation = true;
    return stopImmediate.call(event);
  });
  return {
    state: s,
    restore: function () {
      for (var i = 0; i < shadowed.length; i++) {
        if (shadowed[i] !== 'target' && shadowed[i] !== 'srcElement') delete event[shadowed[i]];
      }
    }
  };
}

function syncHostEvent(event: any, s: EventState): void {
  var fields: { [name: string]: unknown } = { target: s.target, srcElement: s.target, currentTarget: s.currentTarget, eventPhase: s.eventPhase };
  for (var name in fields) {
    try {
      Object.defineProperty(event, name, { value: fields[name], configurable: true, writable: true });
    } catch (e) {
      // See shadow() above.
    }
  }
}

/**
 * Defines the event handler IDL attribute `on<type>` on `proto`:
 * https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-idl-attributes
 */
export function defineEventHandler(proto: object, type: string, interfaceName: string): void {
  var member = interfaceName + '.on' + type;
  Object.defineProperty(proto, 'on' + type, {
    get: function (this: unknown) {
      var handler = slot.get(this, member).handlers[type];
      return handler === undefined ? null : handler.value;
    },
    set: function (this: unknown, value: unknown) {
      var state = slot.get(this, member);
      // [LegacyTreatNonObjectAsNull]: anything but an object (a function is one) is null.
      if ((typeof value !== 'object' && typeof value !== 'function') || value === undefined) value = null;
      var handler = state.handlers[type] || (state.handlers[type] = { value: null, listener: null });
      // Setting null deactivates the handler: its listener is removed (set again, it goes to the end of the list).
      if (value === null) {
        handler.value = null;
        if (handler.listener !== null) removeListener(state, handler.listener);
        handler.listener = null;
        return;
      }
      // Otherwise set the value and activate it: the listener is added once, where it was first set.
      handler.value = value;
      if (handler.listener === null) {
        var self = this as object;
        handler.listener = { type: type, callback: null, capture: false, passive: false, once: false, removed: false, unfollow: null };
        // https://html.spec.whatwg.org/multipage/webappapis.html#the-event-handler-processing-algorithm
        handler.listener.callback = function (event: any) {
          var callback: any = handler.value;
          if (callback === null) return;
          var result = callback.call(self, event);
          // A false return value cancels the event (only a cancelable one is cancelled).
          if (result === false && typeof event.preventDefault === 'function') event.preventDefault();
        };
        addListener(state, handler.listener, null, member);
      }
    },
    enumerable: true,
    configurable: true
  });
}

if (supportsSymbolToStringTag) {
  Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });
}
