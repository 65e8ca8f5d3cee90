// The differential fuzz's cases: for Headers, Request and Response, a generator (seed → case, as plain data) and a
// runner (case, implementation → outcome, as plain data: whether each step threw and with which error type, and
// every value the API shows, normalized). Two implementations agree on a case when their outcomes are equal.
import { Impl } from '../support/harness';
import { Desc, Multipart, Rng, make, multipartType, headerName, headerValue, headersInit, bodyInit, signal, member, number, randomString, pairs } from './values';

var g: any = typeof self !== 'undefined' ? self : window;

export interface Case {
  kind: 'Headers' | 'Request' | 'Response';
  [key: string]: any;
}

export type Outcome = any;

// --- Steps and their normalized results ---

/** The boundary of a multipart Content-Type differs between implementations: B stands for it. */
var BOUNDARY = /(multipart\/form-data;\s*boundary=)([^;,]*)/i;

function errorType(e: any): string {
  if (e instanceof TypeError) return 'TypeError';
  if (e instanceof RangeError) return 'RangeError';
  if (e instanceof SyntaxError) return 'SyntaxError';
  if (e && typeof e.name === 'string' && typeof e.code === 'number') return 'DOMException ' + e.name;
  return 'other: ' + String(e).slice(0, 40);
}

/** The errors of the last case, with their messages (printed when rerunning one seed). */
export var errors: string[] = [];

function attempt(fn: () => any): any {
  try {
    return { ok: normalize(fn()) };
  } catch (e) {
    errors.push(String(e && (e as any).message) + ' ' + String(e && (e as any).stack).slice(0, 200));
    return { threw: errorType(e) };
  }
}

/** A value the API returned, as plain data. */
function normalize(value: any): any {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return value.replace(BOUNDARY, '$1B');
  if (value === null || typeof value !== 'object') return value;
  if (Object.prototype.toString.call(value) === '[object Array]') return value.map(normalize);
  if (typeof value.next === 'function') return drain(value);
  return '[object]';
}

function drain(iterator: any): any[] {
  var out: any[] = [];
  for (var step = iterator.next(), n = 0; !step.done && n < 100; step = iterator.next(), n++) out.push(normalize(step.value));
  return out;
}

function entries(headers: any): any[] {
  return drain(headers.entries()).map(function (pair: string[]) { return [pair[0], pair[1].replace(BOUNDARY, '$1B')]; });
}

function reason(value: any): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 's:' + value;
  return 'e:' + errorType(value);
}

/** Normalizes a body's text: the multipart boundary (from the Content-Type, or the first line) becomes B. */
function boundaryFree(s: string, headers: any): string {
  var boundary = BOUNDARY.exec(headers.get('Content-Type') || '');
  if (boundary && boundary[2]) s = s.split(boundary[2]).join('B');
  var first = /^--([^\r\n]{8,})\r\n/.exec(s);
  return first ? s.split(first[1]).join('B') : s;
}

/** A Blob's size, a multipart body's (found by its first line) with its boundary as B. */
function blobSize(blob: Blob): Promise<number> {
  return new Promise(function (resolve, reject) {
    var reader = new FileReader();
    reader.onload = function () { resolve(boundaryFree(latin1(new Uint8Array(reader.result as ArrayBuffer)), { get: function () { return null; } }).length); };
    reader.onerror = function () { reject(reader.error); };
    reader.readAsArrayBuffer(blob);
  });
}

/** Bytes as a string of code points 0–255 (so a multipart boundary can be taken out). */
function latin1(view: Uint8Array | number[]): string {
  var out = '';
  for (var i = 0; i < view.length; i++) out += String.fromCharCode(view[i]);
  return out;
}

function formEntries(form: any): any[] {
  var out: any[] = [];
  form.forEach(function (value: any, name: string) {
    out.push([name, typeof value === 'string' ? value : { name: value.name, type: value.type, size: value.size }]);
  });
  return out;
}

var READS = ['text', 'text', 'json', 'arrayBuffer', 'formData', 'blob', 'twice', 'clone', 'stream'];

/**
 * How to read a body made from `body`. Not through `body` when it is a stream given to the constructor: reading that
 * stream itself does not mark retrofetch's body used yet (issue 10 item 3, "disturbed", pending), and the fuzz is
 * to find what is not known.
 */
function readFor(r: Rng, body: Desc | undefined): string | null {
  var how = r.pick(READS);
  return how === 'stream' && body !== undefined && body.k === 'stream' ? 'text' : how;
}

/** Reads a body one of several ways; the result (or the error type) as plain data. `stream`: read body.body. */
function readBody(body: any, headers: any, how: string, stream: boolean): Promise<any> {
  var multipart = /multipart/i.test(headers.get('Content-Type') || '');
  function settle(promise: () => Promise<any>, then: (value: any) => any): Promise<any> {
    var started: Promise<any>;
    try {
      started = promise();
    } catch (e) {
      return Promise.resolve({ threw: errorType(e) });
    }
    return started.then(function (value) { return { ok: then(value) }; }, function (e) { return { rejected: errorType(e) }; });
  }
  switch (how) {
    case 'json': return settle(function () { return body.json(); }, function (v) { return JSON.stringify(v); });
    case 'arrayBuffer': return settle(function () { return body.arrayBuffer(); }, function (b) { return boundaryFree(latin1(new Uint8Array(b)), headers); });
    case 'formData': return settle(function () { return body.formData(); }, formEntries);
    // blob().type: Chromium and WebKitGTK give the header value as it is (test/integration/linear-parsing.test.ts).
    // (A multipart body's size depends on its boundary's length.)
    // A multipart body under another Content-Type (a Request's body replaced, its headers kept) is measured without
    // its boundary.
    case 'blob': return settle(function () { return body.blob().then(blobSize); }, function (size) { return multipart ? 'multipart' : size; });
    case 'twice': return settle(function () { return body.text(); }, function (t) { return boundaryFree(t, headers); }).then(function (first) {
      return settle(function () { return body.text(); }, function (t) { return t; }).then(function (second) { return [first, second, body.bodyUsed]; });
    });
    case 'clone': {
      var copy: any;
      try {
        copy = body.clone();
      } catch (e) {
        return Promise.resolve({ threw: errorType(e) });
      }
      return Promise.all([readBody(copy, headers, 'text', stream), readBody(body, headers, 'text', stream)]);
    }
    case 'stream': {
      if (!stream) return readBody(body, headers, 'text', stream); // an engine without Request.prototype.body
      if (body.body === null) return Promise.resolve('null body');
      var chunks: number[] = [];
      var reader: any;
      try {
        reader = body.body.getReader();
      } catch (e) {
        return Promise.resolve({ threw: errorType(e) });
      }
      var pump = function (): Promise<any> {
        return reader.read().then(function (step: any) {
          if (step.done) return { bytes: boundaryFree(latin1(chunks), headers), used: body.bodyUsed };
          for (var i = 0; i < step.value.length; i++) chunks.push(step.value[i]);
          return pump();
        });
      };
      return pump().then(null, function (e) { return { rejected: errorType(e) }; });
    }
    default: return settle(function () { return body.text(); }, function (t) { return boundaryFree(t, headers); });
  }
}

// --- Headers: a constructor, then methods (on a new Headers, or on a Request's or Response's, for their guards) ---

var HEADER_METHODS = ['append', 'append', 'append', 'set', 'set', 'delete', 'get', 'get', 'has', 'getSetCookie', 'forEach', 'keys', 'values'];

function argument(r: Rng, name: boolean): Desc {
  if (r.chance(0.9)) return { k: 'str', v: name ? headerName(r) : headerValue(r) };
  // Conversions, logged (name before value), and values that do not convert.
  return r.pick<Desc>([{ k: 'undefined' }, { k: 'null' }, { k: 'num', v: 1 }, { k: 'symbol' }, { k: 'obj' },
    { k: 'toString', v: name ? 'X-T' : 'v', label: name ? 'name' : 'value' }, { k: 'toString', v: '\u0100', label: name ? 'name' : 'value' }]);
}

function headerOps(r: Rng, count: number): any[] {
  var ops: any[] = [];
  for (var i = 0; i < count; i++) {
    var method = r.pick(HEADER_METHODS);
    var arity = method === 'append' || method === 'set' ? 2 : method === 'getSetCookie' || method === 'keys' || method === 'values' ? 0 : 1;
    // Sometimes one argument too few.
    if (arity > 0 && r.chance(0.05)) arity--;
    var args: Desc[] = [];
    for (var a = 0; a < arity; a++) args.push(method === 'forEach' ? { k: 'fn' } : argument(r, a === 0));
    ops.push({ m: method, args: args });
  }
  return ops;
}

function runHeaderOps(headers: any, ops: any[], impl: Impl): any[] {
  return ops.map(function (op) {
    var log: string[] = [];
    var args = op.args.map(function (d: Desc) { return make(d, impl, log); });
    var seen: string[][] = [];
    if (op.m === 'forEach') args = [function (value: string, name: string) { seen.push([name, value]); }];
    var result = attempt(function () { return headers[op.m].apply(headers, args); });
    if (op.m === 'forEach' && result.ok !== undefined) result.ok = normalize(seen);
    return { op: op.m, result: result, log: log, entries: entries(headers) };
  });
}

export function generateHeaders(r: Rng): Case {
  return {
    kind: 'Headers',
    source: r.pick(['new', 'new', 'new', 'request', 'no-cors', 'response', 'error']),
    init: r.chance(0.15) ? null : headersInit(r),
    ops: headerOps(r, 1 + r.int(6))
  };
}

export function runHeaders(c: Case, impl: Impl): Promise<Outcome> {
  var log: string[] = [];
  var headers: any = null;
  var made = attempt(function () {
    var init = c.init === null ? undefined : make(c.init, impl, log);
    switch (c.source) {
      case 'request': headers = new impl.Request('/x', { headers: init }).headers; break;
      case 'no-cors': headers = new impl.Request('/x', { headers: init, mode: 'no-cors' }).headers; break;
      case 'response': headers = new impl.Response('', { headers: init }).headers; break;
      case 'error': headers = impl.Response.error().headers; break;
      default: headers = c.init === null ? new impl.Headers() : new impl.Headers(init);
    }
  });
  var out: any = { made: made.threw ? made : 'ok' };
  if (headers === null) return Promise.resolve(out);
  out.entries = entries(headers);
  out.ops = runHeaderOps(headers, c.ops, impl);
  return Promise.resolve(out);
}

// --- Request: input, every RequestInit member (read through logging getters, sometimes), then its state ---

var URLS = ['/x', 'rel/path?q=1#f', '', 'http://example.com/a?b#c', 'HTTPS://EXAMPLE.com:443/%7e', 'http://user:pass@example.com/',
  'http://user@example.com/', 'http://[', 'http://exa mple.com/', 'about:blank', 'data:text/plain,hi', 'javascript:void 0',
  ' http://example.com/ ', 'http://example.com/\u00e9?\u2713', '//other.example/x', '?q', '#h', 'ftp://example.com/',
  'blob:http://example.com/id', 'http://example.com/%zz', '\ud800', 'http://example.com:99999/', 'ws://example.com/'];
var METHODS = ['GET', 'get', 'POST', 'post', 'PUT', 'put', 'DELETE', 'delete', 'OPTIONS', 'options', 'HEAD', 'head', 'PATCH',
  'patch', 'Custom', 'M-SEARCH', 'CONNECT', 'connect', 'TRACE', 'trace', 'TRACK', 'track', '', 'G ET', 'G\u00c9T', 'G\u0100T',
  'GET\n', '(GET)'];
var MODES = ['cors', 'no-cors', 'same-origin', 'navigate'];
var CREDENTIALS = ['omit', 'same-origin', 'include'];
var CACHES = ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'];
var REDIRECTS = ['follow', 'error', 'manual'];
var POLICIES = ['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin',
  'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url'];
var REFERRERS = ['', 'about:client', '/same', 'http://other.example/', 'http://[', 'about:blank', 'rel', 'http://user:pw@other.example/'];

export var REQUEST_MEMBERS = ['body', 'cache', 'credentials', 'duplex', 'headers', 'integrity', 'keepalive', 'method', 'mode',
  'priority', 'redirect', 'referrer', 'referrerPolicy', 'signal', 'window'];

function requestInit(r: Rng): { [name: string]: Desc } {
  var init: { [name: string]: Desc } = {};
  var p = r.next() * 0.5;
  if (r.chance(p * 1.5)) init.body = bodyInit(r);
  if (r.chance(p)) init.cache = member(r, CACHES);
  if (r.chance(p)) init.credentials = member(r, CREDENTIALS);
  if (r.chance(p)) init.duplex = member(r, ['half']);
  if (r.chance(p)) init.headers = headersInit(r);
  if (r.chance(p)) init.integrity = r.chance(0.7) ? { k: 'str', v: r.pick(['', 'sha256-abc', randomString(r, 6)]) } : { k: 'symbol' };
  if (r.chance(p)) init.keepalive = r.pick<Desc>([{ k: 'bool', v: true }, { k: 'bool', v: false }, { k: 'num', v: 0 }, { k: 'str', v: 'x' }, { k: 'null' }]);
  if (r.chance(p * 1.5)) init.method = r.chance(0.6) ? { k: 'str', v: r.pick(METHODS.slice(0, 14)) } : r.chance(0.8) ? { k: 'str', v: r.pick(METHODS) } : member(r, ['POST']);
  if (r.chance(p)) init.mode = member(r, MODES);
  if (r.chance(p)) init.priority = member(r, ['high', 'low', 'auto']);
  if (r.chance(p)) init.redirect = member(r, REDIRECTS);
  if (r.chance(p)) init.referrer = { k: 'str', v: r.pick(REFERRERS) };
  if (r.chance(p)) init.referrerPolicy = member(r, POLICIES);
  if (r.chance(p)) init.signal = signal(r);
  if (r.chance(p * 0.5)) init.window = r.pick<Desc>([{ k: 'null' }, { k: 'undefined' }, { k: 'obj' }, { k: 'num', v: 0 }]);
  return init;
}

/** The init object: plain, or with getters that log each read (the order and count of reads is then compared). */
function makeInit(init: { [name: string]: Desc } | null, logged: boolean, impl: Impl, log: string[]): any {
  if (init === null) return undefined;
  var object: any = {};
  Object.keys(init).forEach(function (name) {
    if (!logged) {
      object[name] = make(init[name], impl, log);
      return;
    }
    Object.defineProperty(object, name, {
      enumerable: true,
      get: function () {
        log.push(name);
        return make(init[name], impl, log);
      }
    });
  });
  return object;
}

var REQUEST_PROPS = ['method', 'url', 'destination', 'referrer', 'referrerPolicy', 'mode', 'credentials', 'cache', 'redirect',
  'integrity', 'keepalive', 'isReloadNavigation', 'isHistoryNavigation', 'duplex', 'bodyUsed'];

/** The props both implementations have (an engine may lack some: they are not compared there). */
export function commonProps(props: string[], a: any, b: any): string[] {
  return props.filter(function (p) { return p in a && p in b; });
}

function requestState(request: any, props: string[]): any {
  var state: any = {};
  props.forEach(function (p) { state[p] = request[p]; });
  state.signal = [request.signal.aborted, reason(request.signal.reason)];
  state.headers = entries(request.headers);
  if (props.indexOf('body') >= 0) state.body = request.body === null ? null : 'stream';
  return state;
}

export function generateRequest(r: Rng): Case {
  var input: Desc = r.chance(0.75) ? { k: 'str', v: r.chance(0.7) ? r.pick(URLS.slice(0, 4)) : r.pick(URLS) }
    : r.chance(0.2) ? { k: 'toString', v: r.pick(URLS), label: 'input:toString' }
      : { k: 'request', url: r.pick(URLS.slice(0, 4)), method: r.pick(['GET', 'POST', 'post']), headers: pairs(r, 2),
        body: r.chance(0.5) ? 'in' : undefined, mode: r.pick(['cors', 'no-cors', 'same-origin']), used: r.chance(0.2),
        aborted: r.chance(0.2) };
  var init = r.chance(0.1) ? null : requestInit(r);
  return {
    kind: 'Request',
    input: input,
    init: init,
    logged: r.chance(0.3),
    ops: headerOps(r, r.int(3)),
    clone: r.chance(0.3),
    read: r.chance(0.5) ? readFor(r, init !== null ? init.body : undefined) : null
  };
}

export function runRequest(c: Case, impl: Impl, props: string[]): Promise<Outcome> {
  var log: string[] = [];
  var request: any = null;
  var input: any;
  try {
    input = make(c.input, impl, log);
  } catch (e) {
    input = '/fallback'; // an input Request that could not be made (both implementations refuse the same ones)
  }
  var made = attempt(function () {
    request = new impl.Request(input, makeInit(c.init, c.logged, impl, log));
  });
  var out: any = { made: made.threw ? made : 'ok', log: c.quiet ? 'not compared' : log };
  if (request === null) return Promise.resolve(out);
  out.state = requestState(request, props);
  out.ops = runHeaderOps(request.headers, c.ops, impl);
  if (c.clone) {
    var clone: any = null;
    out.clone = attempt(function () { clone = request.clone(); });
    if (clone !== null) out.cloneState = requestState(clone, props);
  }
  if (!c.read) return Promise.resolve(out);
  return readBody(request, request.headers, c.read, props.indexOf('body') >= 0).then(function (read) {
    out.read = read;
    out.bodyUsed = request.bodyUsed;
    return out;
  });
}

// --- Response: the constructor, error(), redirect() or json(), then its state ---

var RESPONSE_PROPS = ['type', 'url', 'redirected', 'status', 'ok', 'statusText', 'bodyUsed'];
var STATUS_TEXTS = ['', 'OK', 'Not Found', ' ', '\t', 'a\tb', '\u00e9', '\u00ff', '\u0100', 'a\nb', 'a\rb', 'x\u0000', '\u007f', '"q"'];

function responseInit(r: Rng): { [name: string]: Desc } {
  var init: { [name: string]: Desc } = {};
  if (r.chance(0.4)) init.headers = headersInit(r);
  if (r.chance(0.7)) {
    init.status = r.chance(0.8) ? number(r) : r.pick<Desc>([{ k: 'str', v: '250' }, { k: 'str', v: ' 201 ' }, { k: 'str', v: 'x' },
      { k: 'bool', v: true }, { k: 'null' }, { k: 'bigint', v: 200 }, { k: 'symbol' }, { k: 'valueOf', v: 202 }, { k: 'obj' }]);
  }
  if (r.chance(0.4)) init.statusText = r.chance(0.85) ? { k: 'str', v: r.pick(STATUS_TEXTS) } : r.pick<Desc>([{ k: 'null' }, { k: 'num', v: 1 }, { k: 'symbol' }]);
  return init;
}

var FORM_TYPES = ['application/x-www-form-urlencoded', 'Application/X-WWW-Form-Urlencoded;charset=latin1', 'text/plain',
  'application/json', 'multipart/form-data'];

/** A urlencoded, multipart or JSON body and a Content-Type for it, sometimes broken. */
function formBody(r: Rng): [Desc, string] {
  var roll = r.int(3);
  if (roll === 0) {
    var parts: string[] = [];
    var n = r.int(4);
    for (var i = 0; i < n; i++) {
      parts.push(r.pick(['a', 'b+c', '%41%zz', '%C3%A9', '', '=', '\u00e9', 'x%', '%2', '\u2713']) +
        (r.chance(0.8) ? '=' + r.pick(['1', '', '%20+', '%E2%9C%93', '%FF', '==', '&']) : ''));
    }
    return [{ k: 'str', v: parts.join(r.chance(0.9) ? '&' : '&&') }, r.pick(FORM_TYPES.slice(0, 3))];
  }
  if (roll === 1) {
    return [{ k: 'str', v: r.pick(['{"a":[1,"\u00e9"]}', ' 1 ', '\ufeff{}', '{bad', '', 'null', '"\ud800"', '[1,]']) }, 'application/json'];
  }
  var m: Multipart = {
    k: 'multipart', boundary: r.chance(0.7) ? r.pick(['B', 'a.b-c', '----x0']) : r.pick(['x y', 'B\u00e9', 'a/b']),
    quoted: r.chance(0.4), typeOverride: r.chance(0.1) ? r.pick(FORM_TYPES) : null, preamble: r.chance(0.2), parts: [],
    close: r.chance(0.9), epilogue: r.pick(['', '\r\n', '\r\nepilogue'])
  };
  var count = r.int(3);
  for (var p = 0; p < count; p++) {
    var params: any[] = [];
    if (r.chance(0.95)) params.push({ name: r.chance(0.85) ? 'name' : r.pick(['NAME', 'Name']), value: r.pick(['a', 'b c', '\u00c3\u00a9', '', 'q\\"x', 'tok']), quoted: r.chance(0.7), spaced: r.chance(0.1) });
    if (r.chance(0.3)) params.push({ name: 'filename', value: r.pick(['f.txt', '', 'a\\"b', '\u00e2\u009c\u0093.txt']), quoted: true, spaced: false });
    if (r.chance(0.3)) params.reverse();
    m.parts.push({
      type: r.chance(0.85) ? 'form-data' : r.pick(['FORM-DATA', 'Form-Data', 'attachment']), params: params, spaceBefore: r.chance(0.1),
      contentType: r.chance(0.3) ? r.pick(['text/plain', 'image/png', '']) : null, junk: r.chance(0.03),
      value: r.pick(['v', '', '\u00c3\u00a9', 'line\r\nbreak', '--x']), afterBoundary: r.chance(0.9) ? '\r\n' : r.pick([' \r\n', '\t\r\n', '\n'])
    });
  }
  return [m, multipartType(m)];
}

var JSON_DATA: Desc[] = [{ k: 'num', v: 1 }, { k: 'str', v: 'x\u00e9' }, { k: 'null' }, { k: 'bool', v: false }, { k: 'obj' },
  { k: 'undefined' }, { k: 'fn' }, { k: 'symbol' }, { k: 'bigint', v: 1 }, { k: 'record', pairs: [['a', 'b']] }];

export function generateResponse(r: Rng): Case {
  var how = r.pick(['new', 'new', 'new', 'new', 'form', 'form', 'error', 'redirect', 'json']);
  var init = r.chance(0.15) ? null : responseInit(r);
  var body = bodyInit(r);
  if (how === 'form') {
    // A body for formData() (or json()), with its Content-Type.
    var form = formBody(r);
    how = 'new';
    body = form[0];
    init = { headers: { k: 'seq', pairs: [['Content-Type', form[1]]] } };
  }
  return {
    kind: 'Response',
    how: how,
    body: body,
    init: init,
    logged: r.chance(0.3),
    url: { k: 'str', v: r.pick(URLS) },
    status: r.chance(0.3) ? { k: 'undefined' } : number(r),
    data: r.pick(JSON_DATA),
    ops: headerOps(r, r.int(3)),
    clone: r.chance(0.3),
    read: r.chance(0.7) ? readFor(r, body) : null
  };
}

function responseState(response: any, props: string[]): any {
  var state: any = {};
  props.forEach(function (p) { state[p] = response[p]; });
  state.headers = entries(response.headers);
  state.body = response.body === null ? null : 'stream';
  return state;
}

export function runResponse(c: Case, impl: Impl, props: string[]): Promise<Outcome> {
  var log: string[] = [];
  var response: any = null;
  var made = attempt(function () {
    switch (c.how) {
      case 'error': response = impl.Response.error(); break;
      case 'redirect':
        response = c.status.k === 'undefined' ? impl.Response.redirect(make(c.url, impl, log))
          : impl.Response.redirect(make(c.url, impl, log), make(c.status, impl, log));
        break;
      case 'json': response = (impl.Response as any).json(make(c.data, impl, log), makeInit(c.init, c.logged, impl, log)); break;
      default: response = new impl.Response(make(c.body, impl, log), makeInit(c.init, c.logged, impl, log));
    }
  });
  var out: any = { made: made.threw ? made : 'ok', log: c.quiet ? 'not compared' : log };
  if (response === null) return Promise.resolve(out);
  out.state = responseState(response, props);
  out.ops = runHeaderOps(response.headers, c.ops, impl);
  if (c.clone) {
    var clone: any = null;
    out.clone = attempt(function () { clone = response.clone(); });
    if (clone !== null) out.cloneState = responseState(clone, props);
  }
  if (!c.read) return Promise.resolve(out);
  return readBody(response, response.headers, c.read, true).then(function (read) {
    out.read = read;
    out.bodyUsed = response.bodyUsed;
    return out;
  });
}

export var REQUEST_PROPS_ALL = REQUEST_PROPS.concat(['body']);
export var RESPONSE_PROPS_ALL = RESPONSE_PROPS;
export var hasBigInt = typeof g.BigInt === 'function';
