// The GenericTransformStream mixin (https://streams.spec.whatwg.org/#other-specs-ts-wrapping) of TextDecoderStream
// and TextEncoderStream: a TransformStream of the installed family (./family.ts) whose readable and writable the
// interface's attributes give.
import { Slot } from '../webidl/slots';
import { TransformStream } from './family';
import { nullPrototypeDictionary } from './readable-stream';

/**
 * Gives `self` (its `state` into `slot`) a transform that enqueues `convert(chunk)` for each chunk and, at the end,
 * `convert(undefined, true)`; an empty output (a string or bytes) is not enqueued. A conversion that throws errors
 * the stream.
 */
export function wrapTransform(self: unknown, slot: Slot<any>, state: any, convert: (chunk: any, end?: boolean) => any): void {
  function enqueue(controller: TransformStreamDefaultController, chunk?: unknown, end?: boolean): void {
    var output = convert(chunk, end);
    if (output.length) controller.enqueue(output);
  }
  // The transformer and the strategies (none of their members: the defaults, high-water marks 1 and 0) as
  // dictionaries of null prototype, read without meeting Object.prototype.
  var transform = new TransformStream(nullPrototypeDictionary({
    transform: function (chunk: unknown, controller: TransformStreamDefaultController) {
      enqueue(controller, chunk);
    },
    flush: function (controller: TransformStreamDefaultController) {
      enqueue(controller, undefined, true);
    }
  }), Object.create(null), Object.create(null));
  state.readable = transform.readable;
  state.writable = transform.writable;
  slot.set(self as object, state);
}
