// Which transport carries a request: the XMLHttpRequest when the URL is same-origin or the XHR has CORS
// (`withCredentials`, XHR level 2); else XDomainRequest where the engine has it (IE8–9); else none. The XHR is made
// here, once per request, and what it can do is read off it (the engine's XMLHttpRequest is read at call time: a
// page may replace it).
import { globalObject as g } from '../env/global';
import { supportsArrayBuffer } from '../env/support';
import { createXHR } from './xhr-factory';
import { openXHR } from './xhr';
import { openXDR } from './xdr';
import { Capabilities, TransportRequest, TransportListener } from './transport';

var XDR: Capabilities = {
  _name: 'XDomainRequest', _methods: ['GET', 'POST'], _sameScheme: true, _timeout: true, _download: true, _open: openXDR
};

export function chooseTransport(crossOrigin: boolean): Capabilities {
  var xhr = createXHR();
  // CORS over XHR is XHR level 2, whose mark is withCredentials.
  var cors = 'withCredentials' in xhr;
  if (crossOrigin && !cors) {
    if (g.XDomainRequest != null) return XDR;
    throw new TypeError('cannot make cross-origin requests');
  }
  return {
    // LEGACY(IE): without typed arrays (IE9) it sends strings only: UTF-8 text.
    _name: 'XMLHttpRequest', _headers: true, _credentials: cors, _binary: supportsArrayBuffer,
    _head: true, _timeout: 'timeout' in xhr, _upload: 'upload' in xhr, _download: 'onprogress' in xhr,
    _open: function (request: TransportRequest, listener: TransportListener) {
      return openXHR(xhr, request, listener);
    }
  };
}
