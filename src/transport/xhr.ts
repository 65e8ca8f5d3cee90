// The XHR transport (./transport.ts): one fresh XMLHttpRequest per request, released when it settles.
// Bytes arrive as `responseText` under `overrideMimeType('text/plain; charset=x-user-defined')`, where each char's
// low byte is a response byte; only the part past `received` is converted (the seed's Comet offset), so the body
// streams as it arrives and no second full copy is kept. A consumer that takes the body whole before it starts
// arriving gets it through `responseType = 'arraybuffer'` instead: exact, and one conversion.
// LEGACY(old WebKit): where the override would replace the Content-Type the engine reports, none is set. The head is
// then read as sent; a body declared UTF-8 text streams as the engine's decoding of it, encoded back and checked by
// byte counts, and any other comes as an ArrayBuffer (set at HEADERS_RECEIVED: exact, in one chunk at the end).
import { parseResponseHeaders } from './parse-headers';
import { decodedTextReader, NOT_UTF8 } from './decoded-text';
import { Transport, TransportRequest, TransportListener, noop } from './transport';
import { count } from '../env/debug-counters';
import { overrideReplacesContentType, supportsLateResponseType, supportsVBArray } from '../env/support';
import { globalObject as g } from '../env/global';
import { Bytes, newBytes, bytesFrom } from '../infra/bytes';
import { isUTF8Label, utf8Decode } from '../encoding/utf8';

var X_USER_DEFINED = 'text/plain; charset=x-user-defined';
// README "Byte-order marks": the engine decodes a body's BOM before script sees the bytes.
var BOM_MESSAGE = 'fetch: a BOM body must be read whole';
var EVENTS = 'onreadystatechange onprogress onerror ontimeout'.split(' ');

// LEGACY(old WebKit): whether the engine decodes a body of this Content-Type as UTF-8 (by the charset it names, else
// as UTF-8 unless HTML or XML name their own), and the type says it is UTF-8 text: a UTF-8 charset, or JSON and
// text/event-stream, which are UTF-8 by definition. (A scan of the value as the engine makes it, not a MIME parse.)
function declaredUTF8(type: string): boolean {
  var charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(type);
  return charset ? isUTF8Label(charset[1]) : /^\s*(text\/event-stream|[^;]*json)\s*(;|$)/i.test(type);
}

/** Sends `request` over `xhr` (made by createXHR, unopened). */
export function openXHR(xhr: any, request: TransportRequest, listener: TransportListener): Transport {
  var received = 0; // chars of responseText already delivered
  var loaded = 0; // the most body bytes a progress event reported
  // LEGACY(Opera 12, Edge): an engine that fires no progress events gives no byte count to check
  // the text against while it streams (see verify below).
  var counting = 'onprogress' in xhr;
  var verified: boolean | undefined; // the text is known to be x-user-defined from its first byte (no BOM sniffing)
  var encoded: boolean | undefined; // a Content-Encoding: progress counts may be of the encoded bytes (Firefox)
  var whole: boolean | undefined; // chunks wait for the end
  var binary: boolean | undefined; // responseType 'arraybuffer'
  // LEGACY(IE): an ActiveX or IE9 XHR has no overrideMimeType, so its text is its own decoding of the body. Where
  // JScript's VBArray can read its responseBody (at DONE), that gives the exact bytes instead.
  var decoded = typeof xhr.overrideMimeType !== 'function' && decodedTextReader(request);
  // LEGACY(old WebKit): no override, so that the Content-Type reported is the real one (see the top of this file).
  var keepType = !decoded && overrideReplacesContentType && 'responseType' in xhr && supportsLateResponseType;
  var held: Bytes[] = []; // decoded text encoded back, until the byte counts show no BOM was sniffed
  var heldBytes = 0; // bytes of all the decoded text so far
  var counted: boolean | undefined; // `loaded` and the text are of the same moment: in a progress event, and at DONE
  var headSent: boolean | undefined;
  var finished: boolean | undefined;
  var timer: any;
  var timeoutSet: boolean | undefined; // the XHR's own timeout is armed
  var doneWithoutStatus: boolean | undefined; // DONE with no response: waiting for `timeout` or `error` to say which
  var lastRead = 0; // when responseText was last read (ms)
  var lastLength = 0; // and its length then
  var later: any; // the read put off (see pump)

  // The handlers in EVENTS order: onreadystatechange always, the others only where the object has them (an
  // ActiveX XHR throws on properties it does not know, and on a null handler: it gets a function that does nothing).
  function on(fns: Array<Function | null>): void {
    for (var i = 0; i < EVENTS.length; i++) {
      if (i > 0 && !(EVENTS[i] in xhr)) continue;
      try {
        xhr[EVENTS[i]] = fns[i];
      } catch (e) {
        xhr[EVENTS[i]] = noop; // LEGACY(IE): old ActiveX XHRs
      }
    }
  }

  function release(): void {
    finished = true;
    clearInterval(timer);
    clearTimeout(later);
    count('liveTimers', -1);
    count('liveXHRs', -1);
    on([]);
    if (xhr.upload) xhr.upload.onprogress = null;
  }

  function fail(message: string): void {
    if (finished) return;
    release();
    listener._fail(new TypeError(message));
  }

  function failNetwork(): void {
    fail('Failed to fetch: network error (' + request._method + ' ' + request._url + ')');
  }

  // The HTTP status, or 0 for none yet or a network error. LEGACY(IE): before IE10, status is not readable before
  // the response is complete, and a network error is reported as a WinInet error code (12002–12156) instead of 0.
  function status(): number {
    try {
      var reported = xhr.status;
      return reported >= 12000 && reported < 13000 ? 0 : reported;
    } catch (e) {
      return 0;
    }
  }

  function readHead(): boolean | undefined {
    if (headSent || finished) return headSent;
    var reported = status();
    if (reported === 0) return false;
    var headerList = parseResponseHeaders(xhr.getAllResponseHeaders());
    var type = '';
    // LEGACY(old WebKit): the MIME type override replaces the Content-Type the engine reports (and an
    // override set later, at HEADERS_RECEIVED, is ignored there). Where the probe could not tell (keepType false),
    // the real type is unknowable: leave it out rather than report ours (README: "Legacy engines").
    for (var i = headerList.length; i--;) {
      var name = headerList[i][0].toLowerCase();
      var value = headerList[i][1];
      if (name === 'content-encoding') encoded = true;
      if (name === 'content-type') {
        if (value === X_USER_DEFINED) headerList.splice(i, 1);
        else type = value;
      }
    }
    var url: string | null = xhr.responseURL || xhr.getResponseHeader('X-Request-URL') || null;
    headSent = true;
    // LEGACY(IE): a 204 reported as 1223.
    listener._head({ _status: reported === 1223 ? 204 : reported, _statusText: reported === 1223 ? 'No Content' : xhr.statusText, _headerList: headerList, _url: url });
    if (keepType && !finished) {
      if (declaredUTF8(type)) decoded = decodedTextReader(request);
      else if (!takeBinary()) fail(NOT_UTF8);
    }
    return !finished;
  }

  function pump(done: boolean): void {
    if (!readHead()) return;
    var vb = decoded && supportsVBArray;
    if ((whole || vb) && !done) return;
    var text: string;
    try {
      if (vb) return deliver(bytesFrom(new g.VBArray(xhr.responseBody).toArray()));
      if (binary) {
        // A body the engine lost when the type changed is an error, never an empty body.
        if (done && !xhr.response && loaded > 0) return fail('fetch: the engine lost the body');
        if (done) deliver(new Uint8Array(xhr.response || 0));
        return;
      }
      // Reading responseText copies the whole text in some engines (Chromium: a 64 MB body read at its 29 progress
      // events spent 1.9 s in the getter alone, against 0.15 s for one read at the end). While a large body streams,
      // the text is read again only after a pause that grows with it (1 ms per whole 64 KiB, none below): the reads
      // then come ever further apart, so what they copy adds up to a linear cost. A read put off is made when the
      // pause ends.
      var wait = lastRead + (lastLength >> 16) - +new Date();
      if (!done && wait > 0) {
        if (!later) later = setTimeout(function () { later = null; pump(false); }, wait);
        return;
      }
      lastRead = +new Date();
      text = xhr.responseText;
      lastLength = text.length;
    } catch (e) {
      // LEGACY(IE): before IE10, responseText is not readable during readyState 3. At DONE, though, an engine that cannot
      // give the body (out of memory on a huge one) must error it, not leave it hanging (README "Memory").
      if (done) fail('fetch: unreadable body (' + (e as Error).message + ')');
      return;
    }
    if (decoded) {
      // For a consumer of UTF-8 text (TransportRequest's utf8), the engine's decoding will do (a BOM it dropped, its
      // U+FFFD): nothing to check against the byte counts.
      if (request._utf8) verified = true;
      var bytes: Bytes | null;
      try {
        bytes = decoded(text);
      } catch (e) {
        return fail((e as Error).message);
      }
      if (bytes) {
        held.push(bytes);
        heldBytes += bytes.length;
      }
      // LEGACY(old WebKit): its decoding sniffs a BOM too. Its progress counts are of decoded bytes (PhantomJS 2.1,
      // Content-Encoding or not), so once they match the text encoded back, no BOM was removed; the engine may hold
      // up to 3 bytes of a character, no more, and none at DONE. (ActiveX XHRs fire no progress: nothing to check.)
      if (!verified && counting && (counted || done)) {
        var missing = loaded - heldBytes;
        if (missing < 0 || missing > (done ? 0 : 3)) return fail(BOM_MESSAGE);
        verified = missing === 0;
      }
      if (!verified && counting) return;
      held.forEach(deliver);
      held = [];
      return;
    }
    var end = text.length;
    // XHR decodes with BOM sniffing first (https://encoding.spec.whatwg.org/#decode), even under x-user-defined: a
    // body that starts with a byte-order mark comes out decoded by that BOM, shorter than the bytes that arrived (the
    // BOM is gone, and UTF-16 or UTF-8 take several bytes a char). Once the first 3 bytes are in, a text as long as
    // the body's byte count shows that no BOM was sniffed; until then nothing is delivered. The byte count is the
    // progress events' `loaded`; Firefox counts encoded bytes there, so a content-encoded body is checked by the char
    // ranges alone (below). README: "Byte-order marks".
    if (!verified && (encoded || loaded >= 3 || done)) {
      if (!encoded && end < loaded) return bomSniffed(done);
      verified = true;
    }
    if (!verified && counting || end <= received) return;
    bytes = newBytes(end - received);
    for (var i = received, j = 0; i < end; i++, j++) {
      var c = text.charCodeAt(i);
      // x-user-defined maps byte b to b (b < 0x80) or to U+F700 + b: any other char is a BOM-decoded body.
      if (c >= 0x80 && (c < 0xf780 || c > 0xf7ff)) return bomSniffed(done);
      bytes[j] = c;
    }
    received = end;
    deliver(bytes);
  }

  // XHR sniffed a BOM and decoded the body by it (see pump): it cannot be delivered exactly, unless the consumer
  // takes it as UTF-8 text (TransportRequest's utf8) and nothing went yet. Then the engine's text will do, encoded
  // back after the UTF-8 BOM it dropped (the consumer's decoding drops it again).
  function bomSniffed(done: boolean): void {
    if (!request._utf8 || received) return fail(BOM_MESSAGE);
    decoded = decodedTextReader(request);
    deliver(bytesFrom([0xef, 0xbb, 0xbf]));
    pump(done);
  }

  function deliver(bytes: Bytes): void {
    if (!finished && bytes.length) listener._chunk(bytes);
  }

  function onReadyStateChange(): void {
    if (finished) return;
    var state = xhr.readyState;
    if (state === 4 && status() === 0) {
      // DONE without a status is a network error, before the head or after it (a body cut short). With a timeout
      // armed it may be the timeout: the `timeout` or `error` event that follows in the same task says which (the
      // poll below is the safety net).
      if (timeoutSet) doneWithoutStatus = true;
      else failNetwork();
      return;
    }
    if (state >= 3) pump(state === 4);
    else if (state === 2) readHead();
    if (state === 4 && !finished) {
      release();
      listener._end();
    }
  }

  // Still at HEADERS_RECEIVED: the body can come as an ArrayBuffer, exact whatever its first bytes.
  function takeBinary(): boolean | undefined {
    if (!finished && xhr.readyState === 2 && 'responseType' in xhr && supportsLateResponseType) {
      try {
        xhr.responseType = 'arraybuffer';
        binary = true;
      } catch (e) {
        // LEGACY(old WebKit, IE): no typed responses, so x-user-defined text, converted once at the end
      }
    }
    return binary;
  }

  xhr.open(request._method, request._url, true);
  // Bytes, not text (see pump).
  if (!decoded && !keepType) xhr.overrideMimeType(X_USER_DEFINED);
  if (request._credentials) xhr.withCredentials = true;
  for (var i = 0; i < request._headers.length; i++) xhr.setRequestHeader(request._headers[i][0], request._headers[i][1]);
  on([
    onReadyStateChange,
    // Progress events feed the body between readyState changes; a timer covers engines that fire neither.
    function (event: ProgressEvent) {
      if (event.loaded > loaded) loaded = event.loaded;
      counted = true;
      pump(false);
      counted = false;
    },
    function () {
      // LEGACY(old WebKit): `error` fires for HTTP error statuses too; a response with a status is not a network error.
      if (!doneWithoutStatus && xhr.readyState === 4 && status() !== 0) onReadyStateChange();
      else failNetwork();
    },
    function () {
      // https://xhr.spec.whatwg.org/#request-error-steps: readystatechange at DONE with status 0, then `timeout`, in
      // one task (every engine here does so).
      if (finished) return;
      release();
      listener._timeout!();
    }
  ]);
  if (request._onUploadProgress) {
    var report = request._onUploadProgress;
    xhr.upload.onprogress = function (event: ProgressEvent) {
      report({ loaded: event.loaded, total: event.total, lengthComputable: event.lengthComputable });
    };
  }
  if (request._timeout > 0) {
    try {
      xhr.timeout = request._timeout;
      timeoutSet = true;
    } catch (e) {
      // LEGACY(IE): `timeout` present but not settable on this XHR; the AbortSignal's timer does the work.
    }
  }
  timer = setInterval(function () {
    if (doneWithoutStatus) return failNetwork();
    // LEGACY(Opera 12, Edge): an engine that never fires progress events (see `counting`) streams unchecked.
    if (counting && loaded === 0 && xhr.readyState === 3) counting = false;
    if (xhr.readyState >= 2) pump(false);
  }, 250);
  count('liveTimers', 1);
  count('liveXHRs', 1);
  var body = request._body;
  try {
    // LEGACY(IE): without typed arrays (IE9) the bytes are an Array, which XHR level 1 sends only as a string: the
    // transport's capabilities let only UTF-8 text through then.
    xhr.send(body instanceof Array ? utf8Decode(body, false) : body);
  } catch (e) {
    release();
    throw e;
  }

  return {
    _abort: function () {
      if (finished) return;
      release();
      xhr.abort();
    },
    _whole: function () {
      whole = true;
      takeBinary();
    }
  };
}
