// The ONLY module that writes globals (STYLE habit 5). It installs what the host lacks and never replaces a
// working native, so loading it twice, or in a browser with fetch, changes nothing.
import { globalObject } from './env/global';
import { supportsArrayBuffer, supportsCompleteAbortController, supportsDOMExceptionConstructor } from './env/support';
import * as ponyfill from './index';

// LEGACY(IE): the text codecs and their streams speak Uint8Array; without typed arrays (IE9) they are left out.
var names = ['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal', 'FormData', 'ReadableStream']
  .concat(supportsArrayBuffer ? ['TextEncoder', 'TextDecoder'] : []);
// Installed where missing, and also, where the global ReadableStream is ours, wherever the global is not ours: an
// engine's TransformStream (or TextDecoderStream, ...) cannot take part in web-streams-polyfill's pipes.
var family = ['WritableStream', 'TransformStream', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy']
  .concat(supportsArrayBuffer ? ['TextEncoderStream', 'TextDecoderStream'] : []);

function install(name: string, value: unknown): boolean {
  try {
    // Like a WebIDL interface object: writable, configurable, not enumerable.
    Object.defineProperty(globalObject, name, { value: value, writable: true, configurable: true, enumerable: false });
    return true;
  } catch (e) {
    return false; // a non-configurable host property: left as it is
  }
}

// Missing: absent, or not an object at all. Old WebKit's interface objects have typeof 'object', so presence is not
// `typeof === 'function'`. An incomplete native FormData (old WebKit's append-only one) is kept: the page's own XHR
// code needs it (ours would be sent by XHR as "[object FormData]"), and retrofetch's fetch sends it natively.
function isMissing(name: string): boolean {
  var value = globalObject[name];
  return value == null || (typeof value !== 'function' && typeof value !== 'object');
}

export function installMissing(): string[] {
  var installed: string[] = [];
  for (var i = 0; i < names.length; i++) {
    var name = names[i];
    if (!isMissing(name)) continue;
    if (install(name, (ponyfill as any)[name])) installed.push(name);
  }
  var ownStreams = globalObject.ReadableStream === ponyfill.ReadableStream;
  for (var k = 0; k < family.length; k++) {
    name = family[k];
    var ours = (ponyfill as any)[name];
    if (isMissing(name) || (ownStreams && globalObject[name] !== ours)) {
      if (install(name, ours)) installed.push(name);
    }
  }
  // A native AbortController without reason, throwIfAborted, timeout() or any() counts as missing, but only where
  // fetch is retrofetch's: a native fetch accepts only native signals.
  if (!supportsCompleteAbortController && globalObject.fetch === ponyfill.fetch) {
    var pair = ['AbortController', 'AbortSignal'];
    for (var j = 0; j < pair.length; j++) {
      if (globalObject[pair[j]] === (ponyfill as any)[pair[j]]) continue;
      if (install(pair[j], (ponyfill as any)[pair[j]])) installed.push(pair[j]);
    }
  }
  // DOMException where the engine's is missing or cannot be constructed (PhantomJS, old WebKit, IE): the abort
  // reasons are instances of ours, so `reason instanceof DOMException` holds.
  if (!supportsDOMExceptionConstructor && globalObject.DOMException !== ponyfill.DOMException) {
    if (install('DOMException', ponyfill.DOMException)) installed.push('DOMException');
  }
  return installed;
}

installMissing();
