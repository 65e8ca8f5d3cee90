// The XDomainRequest transport (./transport.ts): IE8 and IE9's only way to make a cross-origin request, where their
// XMLHttpRequest has no CORS. Its limits (GET and POST only, no request headers, no cookies, the page's scheme, text
// bodies) are refused by fetching before anything is sent (its Capabilities in ./choose.ts); what it hides (status,
// headers but Content-Type, redirects) is filled in as the README says: status 200 whenever `load` fires.
import { globalObject as g } from '../env/global';
import { Transport, TransportRequest, TransportListener, noop } from './transport';
import { utf8DecodeWithoutBOM } from '../encoding/utf8';
import { decodedTextReader } from './decoded-text';
import { Bytes } from '../infra/bytes';
import { count } from '../env/debug-counters';

// LEGACY(IE): IE9 aborts an XDomainRequest that lacks a handler, so on release they stay assigned, to noop.

export function openXDR(request: TransportRequest, listener: TransportListener): Transport {
  var xdr = new g.XDomainRequest();
  var read = decodedTextReader(request);
  var headSent = false;
  var finished = false;

  function release(): void {
    finished = true;
    clearTimeout(timer);
    count('liveXHRs', -1);
    xdr.onprogress = xdr.onload = xdr.onerror = xdr.ontimeout = noop;
  }

  function fail(message: string): void {
    if (finished) return;
    release();
    listener._fail(new TypeError(message));
  }

  function pump(): void {
    if (finished) return;
    if (!headSent) {
      headSent = true;
      var type = xdr.contentType;
      listener._head({ _status: 200, _statusText: 'OK', _headerList: type ? [['Content-Type', type]] : [], _url: null });
    }
    var bytes: Bytes | null;
    try {
      bytes = read(xdr.responseText);
    } catch (e) {
      return fail((e as Error).message);
    }
    if (!finished && bytes) listener._chunk(bytes);
  }

  xdr.onprogress = pump;
  xdr.onload = function () {
    pump();
    if (finished) return;
    release();
    listener._end();
  };
  xdr.onerror = function () {
    fail('Failed to fetch: network error or no CORS (XDomainRequest ' + request._method + ' ' + request._url + ')');
  };
  xdr.ontimeout = function () {
    if (finished) return;
    release();
    listener._timeout!();
  };
  xdr.open(request._method, request._url);
  if (request._timeout > 0) xdr.timeout = request._timeout;
  // LEGACY(IE): send() in a later task than open(), or IE may drop the request.
  var timer = setTimeout(function () {
    xdr.send(request._body ? utf8DecodeWithoutBOM(request._body as Bytes) : '');
  }, 0);
  count('liveXHRs', 1);

  return {
    _abort: function () {
      if (finished) return;
      release();
      xdr.abort();
    },
    _whole: noop
  };
}
