// The Event interface, the part an EventTarget without a tree needs: https://dom.spec.whatwg.org/#interface-event
// retrofetch fires its own `abort` events with it; it is not installed as a global (the engine's Event stays).
import { createSlot } from '../webidl/slots';
import { requireArguments, toDictionary, toDOMString } from '../webidl/conversions';
import { constructing, defineAttributes, defineConstants, defineOperations } from '../webidl/interface';

/**
 * https://dom.spec.whatwg.org/#concept-event: the fields the attributes read, and the flags dispatch reads and writes
 * (stop propagation, stop immediate propagation, canceled, in passive listener, dispatch).
 */
export interface EventState {
  type: string;
  target: unknown;
  currentTarget: unknown;
  eventPhase: number;
  bubbles?: boolean;
  cancelable?: boolean;
  composed?: boolean;
  isTrusted?: boolean;
  timeStamp?: number;
  _stop?: boolean;
  _stopImmediate?: boolean;
  _canceled?: boolean;
  _inPassive?: boolean;
  _dispatch?: boolean;
}

var slot = createSlot<EventState>('Event');

export var NONE = 0;
export var AT_TARGET = 2;

/** The state of one of our events, or undefined for anything else (e.g. the engine's own Event). */
export var eventState = slot.find;

var start = +new Date();

export interface Event {
  readonly type: string;
  readonly target: any;
  readonly srcElement: any;
  readonly currentTarget: any;
  readonly eventPhase: number;
  readonly bubbles: boolean;
  readonly cancelable: boolean;
  readonly composed: boolean;
  readonly isTrusted: boolean;
  readonly timeStamp: number;
  readonly defaultPrevented: boolean;
  cancelBubble: boolean;
  returnValue: boolean;
  composedPath(): any[];
  stopPropagation(): void;
  stopImmediatePropagation(): void;
  preventDefault(): void;
}

// https://dom.spec.whatwg.org/#dom-event-event
export var Event: { new (type: string, eventInitDict?: EventInit): Event; prototype: Event } = function (this: unknown, type: string, eventInitDict?: EventInit) {
  var member = 'Event constructor';
  constructing(this, Event, slot, member);
  requireArguments(arguments.length, 1, member);
  var init = toDictionary<EventInit>(eventInitDict, member);
  slot.set(this as object, {
    type: toDOMString(type, member), target: null, currentTarget: null, eventPhase: NONE,
    bubbles: !!init.bubbles, cancelable: !!init.cancelable, composed: !!init.composed, isTrusted: false,
    timeStamp: +new Date() - start
  });
} as any;

// https://dom.spec.whatwg.org/#dom-event-cancelbubble and #dom-event-returnvalue: the legacy aliases of the stop
// propagation flag and of the canceled flag (negated); setting false (true) does nothing.
Object.defineProperty(Event.prototype, 'cancelBubble', {
  get: function (this: unknown) { return !!slot.get(this, 'Event.cancelBubble')._stop; },
  set: function (this: unknown, value: boolean) {
    if (value) slot.get(this, 'Event.cancelBubble')._stop = true;
  },
  configurable: true
});
Object.defineProperty(Event.prototype, 'returnValue', {
  get: function (this: unknown) { return !slot.get(this, 'Event.returnValue')._canceled; },
  set: function (this: Event, value: boolean) {
    if (!value) this.preventDefault();
  },
  configurable: true
});

defineOperations(Event.prototype, slot, 'Event', {
  // https://dom.spec.whatwg.org/#dom-event-composedpath: with no tree, the path is the current target alone.
  composedPath: function (state) {
    return state.currentTarget ? [state.currentTarget] : [];
  },
  stopPropagation: function (state) {
    state._stop = true;
  },
  stopImmediatePropagation: function (state) {
    state._stop = state._stopImmediate = true;
  },
  // https://dom.spec.whatwg.org/#set-the-canceled-flag
  preventDefault: function (state) {
    if (state.cancelable && !state._inPassive) state._canceled = true;
  }
});

defineAttributes(Event.prototype, slot, 'Event', {
  type: 0, target: 0, srcElement: 'target', currentTarget: 0, eventPhase: 0,
  bubbles: 0, cancelable: 0, composed: 0, isTrusted: 0, timeStamp: 0,
  defaultPrevented: function (state) { return !!state._canceled; }
});

defineConstants(Event, 'NONE CAPTURING_PHASE AT_TARGET BUBBLING_PHASE', 0);


/** An event retrofetch fires itself (https://dom.spec.whatwg.org/#concept-event-fire): isTrusted is true. */
export function createTrustedEvent(type: string): Event {
  var event = new Event(type);
  eventState(event)!.isTrusted = true;
  return event;
}
