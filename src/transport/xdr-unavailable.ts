// The core script's stand-in for ./xdr.ts (webpack.config.js swaps it in for that build only): XDomainRequest is the
// cross-origin transport of IE8 and IE9 alone, which have no Promise, so the README's conditional loading sends them to
// the full script. A cross-origin request that would need it fails with this error instead (~200 bytes saved).
import { Transport, TransportRequest, TransportListener } from './transport';

export function openXDR(_request: TransportRequest, _listener: TransportListener): Transport {
  throw new TypeError('cross-origin requests over XDomainRequest (IE8–9) need the full script (retrofetch.polyfill.js), not the core one');
}
