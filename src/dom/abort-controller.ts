// The AbortController interface: https://dom.spec.whatwg.org/#interface-abortcontroller
import { createSlot } from '../webidl/slots';
import { constructing, defineAttributes, defineOperations } from '../webidl/interface';
import { AbortSignal, newAbortSignal, abortSignal } from './abort-signal';

var slot = createSlot<{ signal: AbortSignal }>('AbortController');

export class AbortController {
  declare readonly signal: AbortSignal;
  declare abort: (reason?: any) => void;

  // https://dom.spec.whatwg.org/#dom-abortcontroller-abortcontroller
  constructor() {
    // 1. Let signal be a new AbortSignal object. 2. Set this's signal to signal.
    slot.set(constructing(this, AbortController, slot, 'AbortController constructor'), { signal: newAbortSignal() });
  }

}

// https://dom.spec.whatwg.org/#dom-abortcontroller-signal
defineAttributes(AbortController.prototype, slot, 'AbortController', { signal: 0 });

defineOperations(AbortController.prototype, slot, 'AbortController', {
  // https://dom.spec.whatwg.org/#dom-abortcontroller-abort: signal abort on this with reason if it is given.
  abort: function (state, args) {
    abortSignal(args, state.signal);
  }
});
