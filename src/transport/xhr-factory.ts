// createXHR: native XMLHttpRequest, else ActiveX MSXML2.XMLHttp.6.0 → 3.0 → MSXML2.XMLHttp, the first ProgID that
// constructs cached for later calls (the seed's order). The globals are read at call time, so a page that gains
// or loses XMLHttpRequest later is seen as it is.
import { globalObject as g } from '../env/global';

export var PROG_IDS = ['MSXML2.XMLHttp.6.0', 'MSXML2.XMLHttp.3.0', 'MSXML2.XMLHttp'];

var cachedProgId: string | null = null;

export function createXHR(): XMLHttpRequest {
  if (typeof g.XMLHttpRequest !== 'undefined') return new g.XMLHttpRequest();
  if (typeof g.ActiveXObject !== 'undefined') {
    if (cachedProgId === null) {
      for (var i = 0; i < PROG_IDS.length; i++) {
        try {
          new g.ActiveXObject(PROG_IDS[i]);
          cachedProgId = PROG_IDS[i];
          break;
        } catch (e) {
          // LEGACY(IE): this MSXML version is not installed; try the next one.
        }
      }
    }
    if (cachedProgId !== null) return new g.ActiveXObject(cachedProgId);
  }
  throw new TypeError('createXHR: no XHR object available (neither XMLHttpRequest nor an MSXML2.XMLHttp ActiveX object)');
}
