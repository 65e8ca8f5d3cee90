// The EventTarget interface, for targets with no tree (no capture or bubble path): https://dom.spec.whatwg.org/#interface-eventtarget
// and event handler IDL attributes (`onabort`): https://html.spec.whatwg.org/multipage/webappapis.html#event-handler-attributes
import { createSlot } from '../webidl/slots';
import { isObject, requireArguments, toDOMString, typeError } from '../webidl/conversions';
import { constructing, defineToStringTag } from '../webidl/interface';
import { defineValue, isHostInstance } from '../env/global';
import { createDOMException } from './dom-exception';
import { Event, eventState, EventState, AT_TARGET, NONE } from './event';

/** https://dom.spec.whatwg.org/#concept-event-listener (removed, and `unfollow` to stop following its signal) */
interface Listener {
  _type: string;
  _callback: any;
  _capture: boolean;
  _passive?: boolean;
  _once?: boolean;
  _removed?: boolean;
  _unfollow?: () => void;
  /** An event handler's listener: the handler's value. */
  _value?: any;
}

interface EventTargetState {
  _listeners: Listener[];
  /** The listeners of the event handlers that are set (not null), by type. */
  _handlers: { [type: string]: Listener | undefined };
  /** Told after every change to the listener list (AbortSignal follows its sources only while it has listeners). */
  _changed?: () => void;
}

var slot = createSlot<EventTargetState>('EventTarget');

/**
 * How the `signal` option is followed: set by abort-signal.ts (which imports this module, so it cannot be imported
 * here): addAbortAlgorithm(), which returns the function that stops following.
 */
export var signalFollower: { follow?: (signal: unknown, steps: () => void) => () => void } = {};

/** Makes `target` an event target with an empty listener list (for subclasses made without the constructor). */
export function initEventTarget(target: object, changed?: () => void): void {
  slot.set(target, { _listeners: [], _handlers: {}, _changed: changed });
}

/** Whether `target` has a listener for `type` (an event handler counts once it is set). */
export function hasListeners(target: unknown, type: string): boolean {
  var list = slot.get(target, 'EventTarget')._listeners;
  for (var i = 0; i < list.length; i++) if (list[i]._type === type) return true;
  return false;
}

/** Removes `item` from `list`, if there. */
export function remove(list: unknown[], item: unknown): void {
  var at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}

// The arguments the two listener methods share: the type, EventListener? (https://webidl.spec.whatwg.org/#es-callback-interface:
// a function, or an object with handleEvent), and capture (https://dom.spec.whatwg.org/#concept-flatten-options);
// adding, also once, passive and signal (https://dom.spec.whatwg.org/#event-flatten-more). Then adds or removes it.
function changeListener(self: unknown, args: IArguments, add?: boolean): void {
  var member = add ? 'EventTarget.addEventListener' : 'EventTarget.removeEventListener';
  var state = slot.get(self, member);
  requireArguments(args.length, 2, member);
  var type = toDOMString(args[0], member);
  var callback = args[1];
  var options = args[2];
  var signal: any;
  if (callback != null && !isObject(callback)) throw typeError(member, 'not an EventListener');
  var dictionary = typeof options === 'object' && options !== null;
  var listener: Listener = { _type: type, _callback: callback || null, _capture: !!(dictionary ? options.capture : options) };
  if (add) {
    // addEventListener 1. Let capture, passive, once, and signal be the result of flattening more options.
    if (dictionary) {
      listener._once = !!options.once;
      listener._passive = !!options.passive;
      signal = options.signal;
      if (signal !== undefined && !(signal !== null && typeof signal === 'object' && typeof signal.aborted === 'boolean' &&
        typeof signal.addEventListener === 'function')) throw typeError(member, 'signal not an AbortSignal');
    }
    // 2. Add an event listener with this and a new event listener (https://dom.spec.whatwg.org/#add-an-event-listener):
    addListener(state, listener, signal);
  } else {
    // removeEventListener 2. If this's event listener list contains an event listener whose type is type, callback
    //    is callback, and capture is capture, then remove an event listener with this and that event listener.
    var found = find(state, listener);
    if (found) removeListener(state, found);
  }
}

export class EventTarget {
  // https://dom.spec.whatwg.org/#dom-eventtarget-eventtarget
  constructor() {
    initEventTarget(constructing(this, EventTarget, slot, 'EventTarget'));
  }

  // https://dom.spec.whatwg.org/#dom-eventtarget-addeventlistener
  addEventListener(_type: string, _callback: any, _options?: boolean | AddEventListenerOptions): void {
    changeListener(this, arguments, true);
  }

  // https://dom.spec.whatwg.org/#dom-eventtarget-removeeventlistener
  removeEventListener(_type: string, _callback: any, _options?: boolean | EventListenerOptions): void {
    changeListener(this, arguments);
  }

  // https://dom.spec.whatwg.org/#dom-eventtarget-dispatchevent
  dispatchEvent(event: Event): boolean {
    var member = 'EventTarget.dispatchEvent';
    var state = slot.get(this, member);
    requireArguments(arguments.length, 1, member);
    var own = eventState(event);
    if (!own && !isHostInstance(event, 'Event')) throw typeError(member, 'not an Event');
    if (own) {
      // 1. If event's dispatch flag is set, or if its initialized flag is not set, throw an "InvalidStateError" DOMException.
      if (own._dispatch) throw createDOMException(member + ': already dispatching', 'InvalidStateError');
      // 2. Initialize event's isTrusted attribute to false.
      own.isTrusted = false;
    }
    // 3. Return the result of dispatching event to this.
    return dispatch(this, state, event);
  }
}

defineToStringTag(EventTarget.prototype, 'EventTarget');

function find(state: EventTargetState, listener: Listener): Listener | undefined {
  return state._listeners.filter(function (l) {
    return l._type === listener._type && l._callback === listener._callback && l._capture === listener._capture;
  })[0];
}

// https://dom.spec.whatwg.org/#add-an-event-listener
function addListener(state: EventTargetState, listener: Listener, signal: any): void {
  // 1. (Service workers) does not apply.
  // 2. If listener's signal is not null and is aborted, then return. 3. If listener's callback is null, then return.
  // 4. The default passive value is false for every event an EventTarget without a tree gets.
  // 5. If eventTarget's event listener list does not contain an event listener whose type, callback and capture
  //    are listener's, then append listener to eventTarget's event listener list.
  if ((signal && signal.aborted) || !listener._callback || find(state, listener)) return;
  state._listeners.push(listener);
  // 6. If listener's signal is not null, then add the following abort steps to it: remove an event listener with
  //    eventTarget and listener. (Stopped when the listener goes, so a long-lived signal keeps nothing.)
  if (signal) {
    listener._unfollow = signalFollower.follow!(signal, function () {
      removeListener(state, listener);
    });
  }
  if (state._changed) state._changed();
}

// https://dom.spec.whatwg.org/#remove-an-event-listener
function removeListener(state: EventTargetState, listener: Listener): void {
  // 1. (Service workers) does not apply.
  // 2. Set listener's removed to true and remove listener from eventTarget's event listener list.
  listener._removed = true;
  remove(state._listeners, listener);
  // (Stopping to follow the signal again does nothing.)
  if (listener._unfollow) listener._unfollow();
  if (state._changed) state._changed();
}

/** Fires an event named `type` at `target`: https://dom.spec.whatwg.org/#concept-event-fire */
export function fireEvent(target: object, event: Event): boolean {
  return dispatch(target, slot.get(target, 'EventTarget'), event);
}

// Own properties over an engine Event's fields, where the engine lets them be shadowed; the names that were.
function shadow(event: any, fields: { [name: string]: unknown }): string[] {
  var done: string[] = [];
  for (var name in fields) {
    try {
      defineValue(event, name, fields[name]);
      done.push(name);
    } catch (e) {
      // LEGACY(old WebKit): its Event fields cannot be shadowed; listeners see the event's own (target null).
    }
  }
  return done;
}

// https://dom.spec.whatwg.org/#concept-event-dispatch, for a target with no parent: the path is the target alone,
// so there is one "at target" invocation for the capturing listeners and then one for the others.
function dispatch(target: object, state: EventTargetState, event: any): boolean {
  var s = eventState(event)!;
  var host = !s;
  var stops: string[] = [];
  // The engine's own Event (e.g. `new Event('abort')` passed to dispatchEvent): its fields are the engine's, so
  // they are shadowed on the instance for the dispatch, and its stop methods wrapped to be seen.
  if (host) {
    s = { type: String(event.type) } as EventState;
    var stop = event.stopPropagation;
    var stopImmediate = event.stopImmediatePropagation;
    stops = shadow(event, {
      stopPropagation: function () {
        s._stop = true;
        return stop.call(event);
      },
      stopImmediatePropagation: function () {
        s._stop = s._stopImmediate = true;
        return stopImmediate.call(event);
      }
    });
  }
  function sync(): void {
    if (host) shadow(event, { target: target, srcElement: target, currentTarget: s.currentTarget, eventPhase: s.eventPhase });
  }
  // 1. Set event's dispatch flag.
  s._dispatch = true;
  // 2–5. targetOverride and the path are this target alone; set event's target.
  s.target = s.currentTarget = target;
  s.eventPhase = AT_TARGET;
  sync();
  // 14–15. Invoke with the target, capturing then bubbling (at target, capture listeners come first).
  invoke(target, state, event, s, true);
  invoke(target, state, event, s, false);
  // 16–19. Set eventPhase to NONE, currentTarget to null, clear the path; unset the dispatch and stop flags.
  s.eventPhase = NONE;
  s.currentTarget = null;
  s._dispatch = s._stop = s._stopImmediate = false;
  sync();
  stops.forEach(function (name) { delete event[name]; });
  // 22. Return false if event's canceled flag is set; otherwise true.
  return !s._canceled;
}

// https://dom.spec.whatwg.org/#concept-event-listener-invoke and #concept-event-listener-inner-invoke
function invoke(target: object, state: EventTargetState, event: any, s: EventState, capture: boolean): void {
  // 3. If event's stop propagation flag is set, then return.
  if (s._stop) return;
  // 4. Let listeners be a clone of event's currentTarget's event listener list (listeners added now do not run).
  var listeners = state._listeners.slice();
  for (var i = 0; i < listeners.length; i++) {
    var listener = listeners[i];
    // inner invoke 2.1. If event's type is not listener's type, then continue. 2.2. If listener's removed is true,
    // then continue. 2.3–2.4. The phase must match the listener's capture.
    if (listener._type !== s.type || listener._removed || listener._capture !== capture) continue;
    // 2.5. If listener's once is true, then remove an event listener given event's currentTarget and listener.
    if (listener._once) removeListener(state, listener);
    // 2.6–2.8. (window.event) does not apply. 2.9. If listener's passive is true, set the in passive listener flag.
    s._inPassive = !!listener._passive;
    // 2.10. Call a user object's operation with listener's callback, "handleEvent", « event », and currentTarget.
    try {
      var callback = listener._callback;
      if (typeof callback === 'function') {
        callback.call(target, event);
      } else {
        var handleEvent = callback.handleEvent;
        if (typeof handleEvent !== 'function') throw typeError('EventTarget', 'no handleEvent');
        handleEvent.call(callback, event);
      }
    } catch (e) {
      // If this throws an exception, report the exception (https://html.spec.whatwg.org/multipage/webappapis.html#report-the-exception):
      // to the global's error handling, as an uncaught exception of its own task, so it cannot break the dispatch
      // (or the abort) that ran the listener.
      setTimeout(function () {
        throw e;
      }, 0);
    }
    // 2.11. Unset event's in passive listener flag.
    s._inPassive = false;
    // 2.13. If event's stop immediate propagation flag is set, then return.
    if (s._stopImmediate) return;
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
      var listener = slot.get(this, member)._handlers[type];
      return listener ? listener._value : null;
    },
    set: function (this: unknown, value: any) {
      var self = this;
      var state = slot.get(self, member);
      var listener = state._handlers[type];
      // [LegacyTreatNonObjectAsNull]: anything but an object (a function is one) is null.
      value = isObject(value) ? value : null;
      if (listener && value) {
        listener._value = value;
      } else if (listener) {
        // Setting null deactivates the handler: its listener is removed (set again, it goes to the end of the list).
        removeListener(state, listener);
        state._handlers[type] = undefined;
      } else if (value) {
        // Otherwise activate it: the listener is added once, where it was first set.
        // https://html.spec.whatwg.org/multipage/webappapis.html#the-event-handler-processing-algorithm
        addListener(state, state._handlers[type] = {
          _type: type,
          _capture: false,
          _value: value,
          _callback: function (event: any) {
            // A false return value cancels the event (only a cancelable one is cancelled).
            if (state._handlers[type]!._value.call(self, event) === false && typeof event.preventDefault === 'function') event.preventDefault();
          }
        }, null);
      }
    },
    enumerable: true,
    configurable: true
  });
}
