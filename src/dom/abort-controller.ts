// The AbortController interface: https://dom.spec.whatwg.org/#interface-abortcontroller
import { createSlot } from '../webidl/slots';
import { constructing, defineAttributes, defineToStringTag } from '../webidl/interface';
import { AbortSignal, newAbortSignal, abortSignal } from './abort-signal';

var slot = createSlot<{ signal: AbortSignal }>('AbortController');

export class AbortController {
  declare readonly signal: AbortSignal;

  // https://dom.spec.whatwg.org/#dom-abortcontroller-abortcontroller
  constructor() {
    // 1. Let signal be a new AbortSignal object. 2. Set this's signal to signal.
    slot.set(constructing(this, AbortController, slot, 'AbortController constructor'), { signal: newAbortSignal() });
  }

  // https://dom.spec.whatwg.org/#dom-abortcontroller-abort
  abort(reason?: unknown): void {
    // The abort(reason) method steps are to signal abort on this with reason if it is given.
    abortSignal(slot.get(this, 'AbortController.abort').signal, reason);
  }
}

// https://dom.spec.whatwg.org/#dom-abortcontroller-signal
defineAttributes(AbortController.prototype, slot, 'AbortController', { signal: 'signal' });
defineToStringTag(AbortController.prototype, 'AbortController');
