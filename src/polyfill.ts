// The ONLY module that writes globals (STYLE habit 5), called by the standalone scripts (src/standalone.ts, the
// full one; src/standalone-core.ts). It installs what the host lacks and never replaces a working native, so
// loading it twice, or in a browser with fetch, changes nothing.
import { globalObject as g } from './env/global';
import { supportsArrayBuffer, supportsCompleteAbortController, supportsDOMExceptionConstructor } from './env/support';

// Installed, where the global ReadableStream is the one being installed, wherever the global is not the same one:
// an engine's TransformStream (or TextDecoderStream, ...) cannot take part in web-streams-polyfill's pipes.
var FAMILY = ['WritableStream', 'TransformStream', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
  'TextEncoderStream', 'TextDecoderStream'];
// LEGACY(IE): the text codecs and their streams speak Uint8Array; without typed arrays (IE9) they are left out.
var TYPED = ['TextEncoder', 'TextDecoder', 'TextEncoderStream', 'TextDecoderStream'];

function install(name: string, value: unknown, installed: string[]): void {
  try {
    // Like a WebIDL interface object: writable, configurable, not enumerable.
    Object.defineProperty(g, name, { value: value, writable: true, configurable: true, enumerable: false });
    installed.push(name);
  } catch (e) {
    // a non-configurable host property: left as it is
  }
}

// Missing: absent, or not an object at all. Old WebKit's interface objects have typeof 'object', so presence is not
// `typeof === 'function'`. An incomplete native FormData (old WebKit's append-only one) is kept: the page's own XHR
// code needs it (ours would be sent by XHR as "[object FormData]"), and retrofetch's fetch sends it natively.
function isMissing(name: string): boolean {
  var value = g[name];
  return value == null || (typeof value !== 'function' && typeof value !== 'object');
}

/** Installs `values` (name → class or function) where missing or broken; returns the names installed. */
export function installMissing(values: { [name: string]: unknown }): string[] {
  var installed: string[] = [];
  // The ReadableStream first: whether it is ours decides the rest of its family.
  var names = ['ReadableStream'].concat(Object.keys(values));
  var ownStreams = false;
  for (var i = 0; i < names.length; i++) {
    var name = names[i];
    var value = values[name];
    if (value === undefined || (!supportsArrayBuffer && TYPED.indexOf(name) >= 0) || installed.indexOf(name) >= 0) continue;
    if (isMissing(name) || (ownStreams && FAMILY.indexOf(name) >= 0 && g[name] !== value)) install(name, value, installed);
    if (name === 'ReadableStream') ownStreams = g.ReadableStream === value;
  }
  // A native AbortController without reason, throwIfAborted, timeout() or any() counts as missing, but only where
  // fetch is retrofetch's: a native fetch accepts only native signals.
  if (!supportsCompleteAbortController && g.fetch === values.fetch) {
    var pair = ['AbortController', 'AbortSignal'];
    for (var j = 0; j < pair.length; j++) {
      if (g[pair[j]] !== values[pair[j]]) install(pair[j], values[pair[j]], installed);
    }
  }
  // DOMException where the engine's is missing or cannot be constructed (PhantomJS, old WebKit, IE): the abort
  // reasons are instances of ours, so `reason instanceof DOMException` holds.
  if (!supportsDOMExceptionConstructor && g.DOMException !== values.DOMException) {
    install('DOMException', values.DOMException, installed);
  }
  return installed;
}
