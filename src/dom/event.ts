// The Event interface, the part an EventTarget without a tree needs: https://dom.spec.whatwg.org/#interface-event
// retrofetch fires its own `abort` events with it; it is not installed as a global (the engine's Event stays).
import { createSlot } from '../webidl/slots';
import { requireArguments, toDictionary, toDOMString } from '../webidl/conversions';
import { constructing, defineAttributes, defineConstants, defineOperations, defineToStringTag } from '../webidl/interface';

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

export class Event {
  declare readonly type: string;
  declare readonly target: any;
  declare readonly srcElement: any;
  declare readonly currentTarget: any;
  declare readonly eventPhase: number;
  declare readonly bubbles: boolean;
  declare readonly cancelable: boolean;
  declare readonly composed: boolean;
  declare readonly isTrusted: boolean;
  declare readonly timeStamp: number;
  declare readonly defaultPrevented: boolean;
  declare composedPath: () => any[];
  declare stopPropagation: () => void;
  declare stopImmediatePropagation: () => void;
  declare preventDefault: () => void;

  // https://dom.spec.whatwg.org/#dom-event-event
  constructor(type: string, eventInitDict?: EventInit) {
    var member = 'Event constructor';
    constructing(this, Event, slot, member);
    requireArguments(arguments.length, 1, member);
    var init = toDictionary<EventInit>(eventInitDict, member);
    slot.set(this, {
      type: toDOMString(type, member), target: null, currentTarget: null, eventPhase: NONE,
      bubbles: !!init.bubbles, cancelable: !!init.cancelable, composed: !!init.composed, isTrusted: false,
      timeStamp: +new Date() - start
    });
  }

  get cancelBubble(): boolean { return !!slot.get(this, 'Event.cancelBubble')._stop; }
  set cancelBubble(value: boolean) {
    if (value) slot.get(this, 'Event.cancelBubble')._stop = true;
  }

  get returnValue(): boolean { return !slot.get(this, 'Event.returnValue')._canceled; }
  set returnValue(value: boolean) {
    if (!value) this.preventDefault();
  }
}

defineOperations(Event.prototype, slot, 'Event', {
  // https://dom.spec.whatwg.org/#dom-event-composedpath: with no tree, the path is the current target alone.
  composedPath: function (state) {
    return state.currentTarget === null ? [] : [state.currentTarget];
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
  type: 'type', target: 'target', srcElement: 'target', currentTarget: 'currentTarget', eventPhase: 'eventPhase',
  bubbles: 'bubbles', cancelable: 'cancelable', composed: 'composed', isTrusted: 'isTrusted', timeStamp: 'timeStamp',
  defaultPrevented: function (state) { return !!state._canceled; }
});

defineConstants(Event, 'NONE CAPTURING_PHASE AT_TARGET BUBBLING_PHASE', 0);

defineToStringTag(Event.prototype, 'Event');

/** An event retrofetch fires itself (https://dom.spec.whatwg.org/#concept-event-fire): isTrusted is true. */
export function createTrustedEvent(type: string): Event {
  var event = new Event(type);
  slot.get(event, 'Event').isTrusted = true;
  return event;
}
