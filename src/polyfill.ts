// The ONLY module that writes globals (STYLE habit 5), called by the standalone scripts (src/standalone.ts, the
// full one; src/standalone-core.ts). It installs what the host lacks and never replaces a working native, so
// loading it twice, or in a browser with fetch, changes nothing.
import { defineValue, globalObject as g } from './env/global';
import { supportsArrayBuffer, supportsCompleteAbortController, supportsDOMExceptionConstructor } from './env/support';

// Installed, where the global ReadableStream is the one being installed, wherever the global is not the same one:
// an engine's TransformStream (or TextDecoderStream, ...) cannot take part in web-streams-polyfill's pipes. (The
// ReadableStream itself is decided before the rest of its family.)
var FAMILY = /(Stream|Strategy)$/;
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

/**
 * Installs `values` (name → class or function) where missing or broken, in their order: a ReadableStream must come
 * before the rest of its family (whether it is ours decides theirs).
 */
export function installMissing(values: { [name: string]: unknown }): void {
  var ownStreams = false;
  for (var name in values) {
    var value = values[name];
    var current = g[name];
    // (Its own only: a page may have added enumerable properties to Object.prototype.)
    if (!Object.prototype.hasOwnProperty.call(values, name) || (!supportsArrayBuffer && TYPED.test(name))) continue;
    // Missing: absent, or not an object at all (Object() wraps only primitives). LEGACY(old WebKit): interface objects have
    // typeof 'object', so presence is not `typeof === 'function'`. An incomplete native FormData (old WebKit's append-only one) is kept: the page's
    // own XHR code needs it (ours would be sent by XHR as "[object FormData]"), and retrofetch's fetch sends it
    // natively.
    if (Object(current) !== current || (ownStreams && FAMILY.test(name) && current !== value)) install(name, value);
    if (name === 'ReadableStream') ownStreams = g.ReadableStream === value;
  }
  // A native AbortController without reason, throwIfAborted, timeout() or any() counts as missing, but only where
  // fetch is retrofetch's: a native fetch accepts only native signals.
  if (!supportsCompleteAbortController && g.fetch === values.fetch) {
    install('AbortController', values.AbortController);
    install('AbortSignal', values.AbortSignal);
  }
  // DOMException where the engine's is missing or cannot be constructed (PhantomJS, old WebKit, IE): the abort
  // reasons are instances of ours, so `reason instanceof DOMException` holds.
  if (!supportsDOMExceptionConstructor) install('DOMException', values.DOMException);
}
