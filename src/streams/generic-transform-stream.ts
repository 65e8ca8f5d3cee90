// The GenericTransformStream mixin (https://streams.spec.whatwg.org/#other-specs-ts-wrapping) of TextDecoderStream
// and TextEncoderStream: a TransformStream of the installed family (./family.ts) whose readable and writable the
// interface's attributes give.
import { Slot } from '../webidl/slots';
import { TransformStream } from './family';

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
  var transform = new TransformStream({
    transform: function (chunk, controller) {
      enqueue(controller, chunk);
    },
    flush: function (controller) {
      enqueue(controller, undefined, true);
    }
  });
  state.readable = transform.readable;
  state.writable = transform.writable;
  slot.set(self as object, state);
}
