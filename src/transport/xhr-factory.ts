// createXHR: native XMLHttpRequest, else ActiveX MSXML2.XMLHttp.6.0 → 3.0 → MSXML2.XMLHttp (newest first, the
// version-independent ProgID last), the first ProgID that constructs cached for later calls. The globals are read at
// call time, so a page that gains or loses XMLHttpRequest later is seen as it is.
import { globalObject as g } from '../env/global';

var PROG_IDS = 'MSXML2.XMLHttp.6.0 MSXML2.XMLHttp.3.0 MSXML2.XMLHttp'.split(' ');

var cachedProgId: string | undefined;

export function createXHR(): XMLHttpRequest {
  if (typeof g.XMLHttpRequest !== 'undefined') return new g.XMLHttpRequest();
  if (typeof g.ActiveXObject !== 'undefined') {
    for (var i = 0; !cachedProgId && i < 3; i++) {
      try {
        new g.ActiveXObject(PROG_IDS[i]);
        cachedProgId = PROG_IDS[i];
      } catch (e) {
        // LEGACY(IE): this MSXML version is not installed; try the next one.
      }
    }
    if (cachedProgId) return new g.ActiveXObject(cachedProgId);
  }
  // No XMLHttpRequest at all (Node without jsdom, Deno, a service worker's own realm...): say what retrofetch needs
  // and what to use there instead (fetch() prefixes 'fetch: ').
  throw new TypeError('retrofetch needs an XMLHttpRequest (a browser, a web worker or jsdom) and there is none here; Node 18+ has its own global fetch');
}
