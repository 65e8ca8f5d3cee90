// Feature probes for the tests, made with a raw XMLHttpRequest against the test server: what the engine's own XHR
// can do decides what the polyfill can do over it. Tests are gated on these facts, never on a browser's name.

/** How long a probe waits for an XHR that an engine may never end (jsdom's, on a connection lost mid-body). */
var PROBE_LIMIT_MS = 3000;

/**
 * One XHR: resolves with it at DONE, null for a network error (status 0), or NEVER (aborted) if it is not DONE
 * after PROBE_LIMIT_MS.
 */
function rawXHR(method: string, url: string, prepare: (xhr: XMLHttpRequest) => void, body?: string): Promise<XMLHttpRequest | null | typeof NEVER> {
  return new Promise(function (resolve) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, url, true);
    prepare(xhr);
    var limit = setTimeout(function () {
      xhr.onreadystatechange = null;
      xhr.abort();
      resolve(NEVER);
    }, PROBE_LIMIT_MS);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      clearTimeout(limit);
      setTimeout(function () { resolve(xhr.status === 0 ? null : xhr); }, 0);
    };
    xhr.send(body === undefined ? null : body);
  });
}

/** What rawXHR() gives for an XHR that did not end. */
var NEVER = 'never' as const;

var cache: { [name: string]: Promise<boolean> } = {};

function memo(name: string, probe: () => Promise<boolean>): Promise<boolean> {
  if (!cache[name]) cache[name] = probe();
  return cache[name];
}

/** Old WebKit (PhantomJS) reports an overrideMimeType() as the response's Content-Type. */
export function xhrReportsOverriddenContentType(): Promise<boolean> {
  return memo('override', function () {
    return rawXHR('GET', '/api/bytes', function (xhr) { xhr.overrideMimeType('text/plain; charset=x-user-defined'); })
      .then(function (xhr) { return xhr !== null && xhr !== NEVER && xhr.getResponseHeader('Content-Type') !== 'application/octet-stream'; });
  });
}

/** Whether the engine's XHR follows a same-origin redirect to another origin (old WebKit refuses). */
export function xhrFollowsRedirectToOtherOrigin(crossOrigin: string): Promise<boolean> {
  return memo('cross-redirect', function () {
    return rawXHR('GET', '/api/redirect?status=302&to=' + encodeURIComponent(crossOrigin + '/api/echo'), function () { /* */ })
      .then(function (xhr) { return xhr !== null && xhr !== NEVER && xhr.status === 200; });
  });
}

/** Whether the engine's XHR gives an HTTP error status with an empty body to script (QtWebKit: status 0). */
export function xhrReportsEmptyErrorResponses(): Promise<boolean> {
  return memo('empty-error', function () {
    return rawXHR('GET', '/api/status?code=404', function () { /* */ }).then(function (xhr) { return xhr !== null && xhr !== NEVER; });
  });
}

/**
 * Whether the engine's XHR reports a chunked body whose connection closed before its last chunk as a network error
 * (status 0), as the XHR spec says, rather than as a complete body (WebKitGTK 2.50) or not at all (jsdom 26: see
 * xhrEndsLostConnections).
 */
export function xhrReportsCutOffChunkedBodies(): Promise<boolean> {
  // (An answer given over a request that the engine sent twice on its own says nothing of this: see RESENT_BY_ENGINE.
  // It is asked again, three times at most.)
  function ask(attempt: number): Promise<boolean> {
    var id = 'probe-cut-off-' + new Date().getTime() + '-' + attempt;
    return rawXHR('GET', '/api/chunks?b64=QUI%3D&end=close&id=' + id, function () { /* */ }).then(function (xhr) {
      if (xhr === null) return true;
      return chunksRequestCount(id).then(function (requests) { return requests > 1 && attempt < 3 ? ask(attempt + 1) : false; });
    });
  }
  return memo('cut-off', function () { return ask(1); });
}

/** Why a test of a body whose connection is lost partway skips where the engine's XHR never ends it. */
export var LOST_CONNECTION = "this engine's XMLHttpRequest never ends a body whose connection is lost partway (jsdom 26 stays " +
  'LOADING: no DONE, no error), so nothing over it can';

/**
 * Whether the engine's XHR ends at all (DONE, whatever the status) when the connection closes partway through the
 * body: here a Content-Length of 100 and 10 bytes. jsdom 26's never does (it drops Node's "aborted" error, and stays
 * LOADING), so no script over it can end such a body.
 */
export function xhrEndsLostConnections(): Promise<boolean> {
  return memo('lost-connection', function () {
    return rawXHR('GET', '/api/wrong-length?declared=100&actual=10', function () { /* */ }).then(function (xhr) { return xhr !== NEVER; });
  });
}

/**
 * Whether the engine's XHR follows a 303 after a POST as a GET without the body. jsdom 26 drops the body but keeps
 * its Content-Length, so the server waits for it and the request never ends.
 */
export function xhrRedirectsPostAsGet(): Promise<boolean> {
  return memo('post-redirect', function () {
    return rawXHR('POST', '/api/redirect?status=303', function () { /* */ }, 'body').then(function (xhr) {
      return xhr !== null && xhr !== NEVER && xhr.status === 200;
    });
  });
}

/**
 * Whether the engine's XHR refuses a cross-origin method that the preflight does not allow (the test server's second
 * origin allows none but the simple ones unless asked). jsdom 26 checks the allowed headers, not the methods.
 */
export function xhrEnforcesPreflightMethods(crossOrigin: string): Promise<boolean> {
  return memo('preflight-methods', function () {
    return rawXHR('PUT', crossOrigin + '/api/echo', function () { /* */ }, 'p').then(function (xhr) { return xhr === null; });
  });
}

/** Whether the engine's XHR takes a response head of 60 KB (jsdom's Node HTTP parser stops at 16 KB). */
export function xhrTakesLongHeaders(): Promise<boolean> {
  return memo('long-header', function () {
    return rawXHR('GET', '/api/long-header?length=60000', function () { /* */ }).then(function (xhr) { return xhr !== null && xhr !== NEVER; });
  });
}

var defaults: { [name: string]: Promise<string | null> } = {};

/**
 * The Content-Type the engine's XHR gives a POST whose body has none, of bytes (`'bytes'`) or with no body
 * (`'none'`), or null if it adds none as the XHR spec says (old WebKit, PhantomJS: application/x-www-form-urlencoded
 * for both; jsdom 26: text/plain;charset=UTF-8 for bytes).
 */
export function xhrDefaultRequestContentType(body: 'bytes' | 'none'): Promise<string | null> {
  var key = 'default-type-' + body;
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
      xhr.send(body === 'bytes' ? new Uint8Array([1]) as any : null);
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
      return xhr !== null && xhr !== NEVER && JSON.parse(xhr.responseText).headers['x-probe'] === '\u00e9';
    });
  });
}

/**
 * Whether a promise job queued at HEADERS_RECEIVED runs before LOADING where the head and the first bytes of the body
 * arrive together. Where it does not (jsdom: Node hands the body to its XHR before promise jobs run), a body read
 * whole right after fetch() resolved may already be arriving, too late to be taken as an ArrayBuffer: one that
 * starts with a byte-order mark then errors (README "Byte-order marks").
 */
export function promiseJobsRunBeforeLoading(): Promise<boolean> {
  return memo('jobs-before-loading', function () {
    return new Promise(function (resolve) {
      var seen = 0;
      var xhr = new XMLHttpRequest();
      // (The head and the body in one write of the server.)
      xhr.open('GET', '/api/status?code=200&body=abcd', true);
      xhr.onreadystatechange = function () {
        if (xhr.readyState === 2) Promise.resolve().then(function () { seen = seen || xhr.readyState; });
        if (xhr.readyState === 4) setTimeout(function () { resolve(seen === 2); }, 0);
      };
      xhr.send();
    });
  });
}

/**
 * `read()` reads a body whole right after fetch() resolved; `check` is given what it gives. Where the engine cannot
 * switch such a body to an ArrayBuffer in time (promiseJobsRunBeforeLoading), a TypeError is as good for a body that
 * starts with a byte-order mark: never other bytes.
 */
export function expectWholeBody(read: () => Promise<any>, check: (value: any) => void): Promise<void> {
  return promiseJobsRunBeforeLoading().then(function (inTime) {
    return read().then(check, function (e) {
      if (inTime) throw e;
      if (!(e instanceof TypeError)) throw e;
    });
  });
}

/**
 * Why a test of a body whose connection is lost partway skips where the engine sent that request again on its own:
 * QtWebKit 5.212's network layer (Qt 5's) now and then takes a connection closed or reset partway through a body for a
 * stale keep-alive connection, sends the GET again, and reports the second body, cut short as well, as complete
 * (measured: every such report came with a second request; a few in a hundred, more under load).
 */
export var RESENT_BY_ENGINE = "this engine sent the request again on its own when the connection was lost (QtWebKit 5.212's " +
  'network layer, now and then) and its XMLHttpRequest reported the second body, cut short too, as complete: nothing ' +
  'over that XHR can tell';

/** How many times the test server's /api/chunks was requested with `id=` this id. */
export function chunksRequestCount(id: string): Promise<number> {
  return new Promise(function (resolve, reject) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', '/api/chunks-count?id=' + encodeURIComponent(id), true);
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      if (xhr.status === 200) resolve(JSON.parse(xhr.responseText).requests);
      else reject(new Error('chunks-count: HTTP ' + xhr.status));
    };
    xhr.send();
  });
}
