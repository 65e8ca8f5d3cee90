// Feature probes for the tests, made with a raw XMLHttpRequest against the test server: what the engine's own XHR
// can do decides what the polyfill can do over it. Tests are gated on these facts, never on a browser's name.

function rawXHR(method: string, url: string, prepare: (xhr: XMLHttpRequest) => void): Promise<XMLHttpRequest | null> {
  return new Promise(function (resolve) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    prepare(xhr);
    xhr.onreadystatechange = function () {
      if (xhr.readyState === 4) setTimeout(function () { resolve(xhr.status === 0 ? null : xhr); }, 0);
    };
    xhr.send();
  });
}

var cache: { [name: string]: Promise<boolean> } = {};

function memo(name: string, probe: () => Promise<boolean>): Promise<boolean> {
  if (!cache[name]) cache[name] = probe();
  return cache[name];
}

/** Old WebKit (PhantomJS) reports an overrideMimeType() as the response's Content-Type. */
export function xhrReportsOverriddenContentType(): Promise<boolean> {
  return memo('override', function () {
    return rawXHR('GET', '/api/bytes', function (xhr) { xhr.overrideMimeType('text/plain; charset=x-user-defined'); })
      .then(function (xhr) { return xhr !== null && xhr.getResponseHeader('Content-Type') !== 'application/octet-stream'; });
  });
}

/** Whether the engine's XHR follows a same-origin redirect to another origin (old WebKit refuses). */
export function xhrFollowsRedirectToOtherOrigin(crossOrigin: string): Promise<boolean> {
  return memo('cross-redirect', function () {
    return rawXHR('GET', '/api/redirect?status=302&to=' + encodeURIComponent(crossOrigin + '/api/echo'), function () { /* */ })
      .then(function (xhr) { return xhr !== null && xhr.status === 200; });
  });
}

/** Whether the engine's XHR gives an HTTP error status with an empty body to script (QtWebKit: status 0). */
export function xhrReportsEmptyErrorResponses(): Promise<boolean> {
  return memo('empty-error', function () {
    return rawXHR('GET', '/api/status?code=404', function () { /* */ }).then(function (xhr) { return xhr !== null; });
  });
}

/**
 * Whether the engine's XHR reports a chunked body whose connection closed before its last chunk as a network error
 * (status 0), as the XHR spec says, rather than as a complete body (WebKitGTK 2.50).
 */
export function xhrReportsCutOffChunkedBodies(): Promise<boolean> {
  return memo('cut-off', function () {
    return rawXHR('GET', '/api/chunks?b64=QUI%3D&end=close', function () { /* */ }).then(function (xhr) { return xhr === null; });
  });
}

var defaults: { [name: string]: Promise<string | null> } = {};

/**
 * The Content-Type the engine's XHR gives a POST whose body has none (bytes, or no body), or null if it adds none
 * as the XHR spec says (old WebKit, PhantomJS: application/x-www-form-urlencoded).
 */
export function xhrDefaultRequestContentType(): Promise<string | null> {
  var key = 'default-type';
  if (!defaults[key]) {
    defaults[key] = new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/echo', true);
      xhr.onreadystatechange = function () {
        if (xhr.readyState !== 4) return;
        var type = null;
        try {
          type = JSON.parse(xhr.responseText).headers['content-type'] || null;
        } catch (e) { /* no answer: assume none */ }
        resolve(type);
      };
      xhr.send(new Uint8Array([1]) as any);
    });
  }
  return defaults[key];
}

/**
 * Whether the engine's XHR sends a header value's chars (U+0080–U+00FF) as the bytes they stand for, as
 * setRequestHeader's ByteString says, rather than encoding them as UTF-8 (WebKitGTK 2.50).
 */
export function xhrSendsHeaderValuesAsBytes(): Promise<boolean> {
  return memo('header-bytes', function () {
    return rawXHR('GET', '/api/echo', function (xhr) { xhr.setRequestHeader('X-Probe', '\u00e9'); }).then(function (xhr) {
      return xhr !== null && JSON.parse(xhr.responseText).headers['x-probe'] === '\u00e9';
    });
  });
}
