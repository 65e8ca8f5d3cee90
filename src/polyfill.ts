// The ONLY module that writes globals (STYLE habit 5), called by the standalone scripts (src/standalone.ts, the
// full one; src/standalone-core.ts). It installs families whole, and "present but partial" counts as missing
// (core-js's rule): what is coupled inside retrofetch is never half the engine's and half ours. It never replaces a
// working native family, so loading it twice, or in a browser that has them all, changes nothing.
import { defineValue, globalObject as g, setPrototype } from './env/global';
import { useEngineAbortSignal } from './dom/abort-signal';
import {
  supportsArrayBuffer, supportsCompleteAbortController, supportsDOMExceptionConstructor, supportsNativeBodyStreams,
  supportsNativeFetch, supportsNativeFetchAbort
} from './env/support';

// The streams family and the text streams over it (ReadableStream, WritableStream, TransformStream, the queuing
// strategies, TextDecoderStream, TextEncoderStream).
var STREAMS = /(Stream|Strategy)$/;
// The fetch family.
var FETCH = /^(fetch|Headers|Request|Response)$/;
// LEGACY(IE): the text codecs and their streams speak Uint8Array; without typed arrays (IE9) they are left out.
var TYPED = /^Text(En|De)coder/;

function install(name: string, value: unknown): void {
  try {
    // Like a WebIDL interface object: writable, configurable, not enumerable.
    defineValue(g, name, value);
  } catch (e) {
    // a non-configurable host property: left as it is
  }
}

/** Installs `values` (name → class or function) where missing, and each family whole where the page's is not. */
export function installMissing(values: { [name: string]: unknown }): void {
  // The streams family (the full script's): streams/family.ts gives the page's own where it works, so that
  // installing it changes nothing, else web-streams-polyfill's, which then replaces all of the page's (an engine's
  // ReadableStream cannot pipe through web-streams-polyfill's TransformStream, nor the other way round).
  // The fetch family: the engine's where it is whole, honours the engine's AbortController (a fetch that cannot be
  // cancelled is broken: ARCHITECTURE.md "Families"), and hands out bodies of the streams family this script
  // leaves; else retrofetch's, all four.
  var nativeFetch = supportsNativeFetch && supportsNativeFetchAbort &&
    (!values.ReadableStream || (values.ReadableStream === g.ReadableStream && supportsNativeBodyStreams));
  for (var name in values) {
    var value = values[name];
    var current = g[name];
    // (Its own only: a page may have added enumerable properties to Object.prototype.)
    if (!Object.prototype.hasOwnProperty.call(values, name) || (!supportsArrayBuffer && TYPED.test(name))) continue;
    // Missing: absent, or not an object at all (Object() wraps only primitives). LEGACY(old WebKit): interface objects
    // have typeof 'object', so presence is not `typeof === 'function'`. An incomplete native FormData (old WebKit's
    // append-only one) is kept: the page's own XHR code needs it (ours would be sent by XHR as "[object FormData]"),
    // and retrofetch's fetch sends it natively.
    if (Object(current) !== current || (current !== value && (STREAMS.test(name) || (!nativeFetch && FETCH.test(name))))) {
      install(name, value);
    }
  }
  // Abort goes with the fetch that honours it. Where fetch is retrofetch's, a native AbortController without reason,
  // throwIfAborted, timeout() or any() counts as missing (retrofetch's fetch takes the engine's signals too). Where
  // fetch is the engine's, so is the pair, complete or not: it is what that fetch can cancel.
  if (!supportsCompleteAbortController && !nativeFetch) {
    install('AbortController', values.AbortController);
    install('AbortSignal', values.AbortSignal);
  } else if (!nativeFetch) {
    // The engine's whole pair, kept next to retrofetch's fetch family (jsdom): Requests' signals are of that pair.
    useEngineAbortSignal(g.AbortSignal);
  }
  // DOMException where the engine's is missing or cannot be constructed (PhantomJS, old WebKit, IE): the abort
  // reasons are instances of ours, so `reason instanceof DOMException` holds, and so do the engine's own exceptions.
  if (!supportsDOMExceptionConstructor) {
    inheritFromInstalled(g.DOMException, values.DOMException);
    install('DOMException', values.DOMException);
  }
}

/**
 * LEGACY(old WebKit): the exceptions an engine throws itself (a bad selector, a full localStorage) are of its own
 * DOMException, which ours replaces. Its prototype is made to inherit from ours, so that `e instanceof DOMException`
 * still holds for them, and their own name, message and code still come first. (IE9–10 cannot set a prototype:
 * there the engine's exceptions are not instances.)
 */
function inheritFromInstalled(engineClass: any, installed: any): void {
  try {
    if (engineClass) setPrototype(engineClass.prototype, installed.prototype);
  } catch (e) {
    // a prototype the engine does not let change: its exceptions stay instances of its own class only
  }
}
