// The AbortController interface: https://dom.spec.whatwg.org/#interface-abortcontroller
import { createSlot } from '../webidl/slots';
import { supportsSymbolToStringTag } from '../env/support';
import { AbortSignal, newAbortSignal, abortSignal } from './abort-signal';

var slot = createSlot<{ signal: AbortSignal }>('AbortController');

export class AbortController {
  // https://dom.spec.whatwg.org/#dom-abortcontroller-abortcontroller
  constructor() {
    if (!(this instanceof AbortController) || slot.has(this)) {
      throw new TypeError("AbortController constructor: Please use the 'new' operator");
    }
    // 1. Let signal be a new AbortSignal object. 2. Set this's signal to signal.
    slot.set(this, { signal: newAbortSignal() });
  }

  // https://dom.spec.whatwg.org/#dom-abortcontroller-signal
  get signal(): AbortSignal {
    return slot.get(this, 'AbortController.signal').signal;
  }

  // https://dom.spec.whatwg.org/#dom-abortcontroller-abort
  abort(reason?: unknown): void {
    var signal = slot.get(this, 'AbortController.abort').signal;
    // The abort(reason) method steps are to signal abort on this with reason if it is given.
    abortSignal(signal, reason);
  }
}

if (supportsSymbolToStringTag) {
  Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });
}
