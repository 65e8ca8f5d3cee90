// The test server: one request handler, mounted twice by karma.conf.js.
//   - same origin:  as Karma `beforeMiddleware` (so on http://localhost:<karma port>/api/...)
//   - cross origin: as its own http.Server on 127.0.0.1:<port 0>, reached as http://localhost:<port>, which is
//                   another origin (other port) but the same site (cookies ignore ports): see README.md.
// The routes are documented in test/server/README.md. Plain Node `http`, no dependencies.
// State shared between requests (lock-step streams, hang observers) is keyed by the id the test chooses and is
// bounded, so nothing leaks from one test into another unless the ids collide.
'use strict';
const http = require('http');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { URL } = require('url');

/** The fixed text of /api/charset (latin1 drops the check mark, which Latin-1 cannot encode). */
const CHARSET_TEXT = 'h\u00e9llo w\u00f6rld \u2713';
const CHARSET_TEXT_LATIN1 = 'h\u00e9llo w\u00f6rld';

const MAX_MS = 30000;
const MAX_BYTES = 64 * 1024 * 1024;
const MAX_IDS = 1000;

// ---------------------------------------------------------------------------------------------------------------
// Keyed, bounded state

/** A Map that forgets its oldest entries past MAX_IDS, so a long run cannot grow without bound. */
function boundedMap() {
  const map = new Map();
  return {
    get: (k) => map.get(k),
    set(k, v) {
      map.delete(k);
      map.set(k, v);
      while (map.size > MAX_IDS) map.delete(map.keys().next().value);
      return v;
    },
    delete: (k) => map.delete(k),
    clear: () => map.clear()
  };
}

const lockstepSessions = boundedMap();
const hangRecords = boundedMap();
const trackedScripts = boundedMap();
const sseLogs = boundedMap();
// How many requests /api/chunks got under each `id` (an engine may send one again on its own: chunks-count).
const chunksCounts = boundedMap();

// The last REQUEST_LOG_SIZE /api requests of every engine, for the Karma reporter's account of a test that timed out
// (test/karma/reporter.js): what the engine sent while the test ran, and whether each response ended, was cut off by
// the client, or was still open. Only diagnostics read it; no route answers from it.
const REQUEST_LOG_SIZE = 2000;
const requestLog = [];

/** Records one request as it arrives; its entry is updated as the response ends or the connection closes. */
function logRequest(req, res, url) {
  const entry = { at: Date.now(), method: req.method, url: url.pathname + url.search, port: url.port,
    userAgent: req.headers['user-agent'] || '', state: 'open', endedAt: null };
  requestLog.push(entry);
  if (requestLog.length > REQUEST_LOG_SIZE) requestLog.shift();
  res.on('finish', () => { entry.state = 'ended'; entry.endedAt = Date.now(); });
  res.on('close', () => {
    if (entry.state === 'open') { entry.state = 'closed before the end'; entry.endedAt = Date.now(); }
  });
}

/** The logged requests that arrived at or after `since` (ms since the epoch) from this User-Agent. */
function requestsSince(since, userAgent) {
  return requestLog.filter((e) => e.at >= since && e.userAgent === userAgent);
}

function lockstepSession(id) {
  let s = lockstepSessions.get(id);
  if (!s) s = lockstepSessions.set(id, { id, start: Date.now(), res: null, chunks: 0, size: 0, next: 0,
    acked: new Set(), events: [], waiters: [], done: false });
  return s;
}

/** The requests (and preflights) `/api/sse` saw for one id, and who waits for more. */
function sseLog(id) {
  let log = sseLogs.get(id);
  if (!log) log = sseLogs.set(id, { id, requests: [], preflights: [], waiters: [] });
  return log;
}

function sseNotify(log) {
  log.waiters.slice().forEach((w) => w());
}

function hangRecord(id) {
  let r = hangRecords.get(id);
  if (!r) r = hangRecords.set(id, { id, openedAt: null, closedAt: null, closedBy: null, requests: 0, waiters: [] });
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers

function int(query, name, dflt, min, max) {
  const raw = query.get(name);
  if (raw === null || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || Math.floor(n) !== n) throw new BadRequest(name + ' must be an integer');
  if (n < min || n > max) throw new BadRequest(name + ' must be in ' + min + '..' + max);
  return n;
}

class BadRequest extends Error {}

// https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name: these need no Access-Control-Expose-Headers.
const SAFELISTED_RESPONSE = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires',
  'last-modified', 'pragma']);

/**
 * Writes the status line and headers. On the cross origin it adds the CORS headers (see README.md "CORS"), exposing
 * every non-safelisted header this response sends unless `?expose=` says otherwise.
 */
function begin(ctx, status, headers, statusText) {
  const { res } = ctx;
  // X-Request-URL: the URL this response answers, for engines whose XHR has no responseURL (PhantomJS), as
  // servers that care about redirect detection in legacy browsers send it.
  const all = Object.assign({ 'Cache-Control': 'no-store', 'X-Request-URL': ctx.url.href }, headers || {});
  if (ctx.cors) Object.assign(all, corsHeaders(ctx, Object.keys(all)));
  if (statusText !== undefined) res.statusMessage = statusText;
  res.writeHead(status, all);
}

function corsHeaders(ctx, names) {
  const q = ctx.query;
  const mode = q.get('cors') || 'allow';
  const origin = ctx.req.headers.origin;
  if (mode === 'deny') return {};
  const out = {};
  if (mode === 'star') {
    out['Access-Control-Allow-Origin'] = '*';
  } else {
    out['Access-Control-Allow-Origin'] = origin || '*';
    out['Vary'] = 'Origin';
    if (mode !== 'nocreds' && origin) out['Access-Control-Allow-Credentials'] = 'true';
  }
  const expose = q.get('expose');
  const exposed = expose !== null ? expose
    : names.filter((n) => !SAFELISTED_RESPONSE.has(n.toLowerCase()) && !/^(access-control-.*|vary|set-cookie2?)$/i.test(n)).join(', ');
  if (exposed) out['Access-Control-Expose-Headers'] = exposed;
  return out;
}

function sendJson(ctx, status, value, headers) {
  const body = Buffer.from(JSON.stringify(value));
  begin(ctx, status, Object.assign({ 'Content-Type': 'application/json', 'Content-Length': body.length }, headers));
  ctx.res.end(body);
}

function sendText(ctx, status, text, headers, statusText) {
  const body = Buffer.from(text, 'utf8');
  begin(ctx, status, Object.assign({ 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length },
    headers), statusText);
  ctx.res.end(body);
}

function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const parts = [];
    let length = 0;
    req.on('data', (b) => {
      length += b.length;
      if (length > limit) { reject(new BadRequest('request body over ' + limit + ' bytes')); req.destroy(); return; }
      parts.push(b);
    });
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function parseCookies(header) {
  const out = {};
  if (!header) return out;
  header.split(';').forEach((pair) => {
    const i = pair.indexOf('=');
    if (i < 0) return;
    out[pair.slice(0, i).trim()] = pair.slice(i + 1).trim();
  });
  return out;
}

/** Request headers with lowercased names; repeated headers joined with ', ' (cookie with '; '), as a server sees them. */
function lowerHeaders(req) {
  const out = {};
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    const value = req.rawHeaders[i + 1];
    out[name] = name in out ? out[name] + (name === 'cookie' ? '; ' : ', ') + value : value;
  }
  return out;
}

/** The Last-Event-ID request header's bytes read as UTF-8 (Node gives header values as Latin-1), or null. */
function lastEventIdBytes(req) {
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].toLowerCase() === 'last-event-id') return Buffer.from(req.rawHeaders[i + 1], 'latin1').toString('utf8');
  }
  return null;
}

function fnv1a32(buf) {
  let h = 0x811c9dc5;
  for (let i = 0; i < buf.length; i++) {
    h ^= buf[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ('0000000' + h.toString(16)).slice(-8);
}

/** setTimeout that is cancelled when the client goes away. */
function later(ctx, ms, fn) {
  const cancel = () => clearTimeout(t);
  const t = setTimeout(() => {
    ctx.res.removeListener('close', cancel);
    // A route that fails later must not take Karma down with it: the request is failed instead.
    try {
      fn();
    } catch (err) {
      console.error('[test server] ' + ctx.url.pathname + ': ' + (err && err.stack || err));
      ctx.req.socket.destroy();
    }
  }, ms);
  ctx.res.on('close', cancel);
}

function bytes0to255(repeat) {
  const one = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) one[i] = i;
  return Buffer.concat(new Array(repeat).fill(one));
}

/** Writes `parts` one chunk at a time (chunked transfer coding), `interval` ms apart, then ends (or `finish`es). */
function writeTimed(ctx, parts, interval, finish) {
  let i = 0;
  const end = finish || (() => ctx.res.end());
  const step = () => {
    if (ctx.res.destroyed) return;
    if (i < parts.length) ctx.res.write(parts[i++]);
    if (i >= parts.length) end();
    else later(ctx, interval, step);
  };
  step();
}

// ---------------------------------------------------------------------------------------------------------------
// Routes: each is (ctx) => void | Promise<void>; ctx = { req, res, url, query, cors, origin }

const routes = {
  async echo(ctx) {
    const { req, query } = ctx;
    const body = await readBody(req, MAX_BYTES);
    const delay = int(query, 'delay', 0, 0, MAX_MS);
    const headers = lowerHeaders(req);
    const value = {
      method: req.method,
      url: req.url,
      headers,
      rawHeaders: req.rawHeaders,
      body: body.toString('base64'),
      bodyLength: body.length,
      cookies: parseCookies(headers.cookie)
    };
    if (delay) later(ctx, delay, () => sendJson(ctx, 200, value));
    else sendJson(ctx, 200, value);
  },

  status(ctx) {
    const q = ctx.query;
    const code = int(q, 'code', 200, 200, 599);
    const text = q.get('text');
    if (text !== null && /[\r\n]/.test(text)) throw new BadRequest('text must not contain CR or LF');
    const body = q.get('body') || '';
    const headers = { 'Content-Type': q.get('type') || 'text/plain; charset=utf-8' };
    // 204 and 304 have no body by HTTP; Node drops it anyway.
    if (code === 204 || code === 304) { begin(ctx, code, {}, text === null ? undefined : text); ctx.res.end(); return; }
    sendText(ctx, code, body, headers, text === null ? undefined : text);
  },

  redirect(ctx) {
    const q = ctx.query;
    const status = int(q, 'status', 302, 300, 399);
    const to = q.get('to') || '/api/echo';
    // `as=ok`: a 200 carrying the redirect's Location and `X-Redirect-Status`, which the browser does not follow:
    // for the test stand-in of an XHR that leaves redirects to script (as old WebKit does with 308).
    if (q.get('as') === 'ok') begin(ctx, 200, { Location: to, 'X-Redirect-Status': status, 'Content-Length': 0 });
    else begin(ctx, status, { Location: to, 'Content-Length': 0 });
    ctx.res.end();
  },

  'redirect-chain'(ctx) {
    // n redirects in a row (all with `status`), the last one to `to` (default: echo).
    const q = ctx.query;
    const n = int(q, 'n', 3, 1, 50);
    const status = int(q, 'status', 302, 300, 399);
    const to = q.get('to') || '/api/echo?chain=done';
    const rest = new URLSearchParams(q);
    rest.set('n', String(n - 1));
    const next = n === 1 ? to : '/api/redirect-chain?' + rest.toString();
    const headers = { Location: next, 'Content-Length': 0, 'X-Redirects-Left': String(n - 1) };
    // `as=ok`: as for `redirect` (and kept along the chain).
    if (q.get('as') === 'ok') begin(ctx, 200, Object.assign({ 'X-Redirect-Status': status }, headers));
    else begin(ctx, status, headers);
    ctx.res.end();
  },

  'slow-headers'(ctx) {
    const ms = int(ctx.query, 'ms', 1000, 0, MAX_MS);
    const body = ctx.query.get('body') || 'slow';
    later(ctx, ms, () => sendText(ctx, 200, body));
  },

  stream(ctx) {
    const q = ctx.query;
    const chunks = int(q, 'chunks', 5, 1, 10000);
    const interval = int(q, 'interval', 50, 0, MAX_MS);
    const size = int(q, 'size', 16, 1, 1024 * 1024);
    const headers = { 'Content-Type': q.get('type') || 'text/plain; charset=utf-8' };
    if (q.get('nosniff') !== '0') headers['X-Content-Type-Options'] = 'nosniff';
    begin(ctx, 200, headers);
    const parts = [];
    for (let k = 0; k < chunks; k++) parts.push(streamChunk(k, size));
    writeTimed(ctx, parts, interval);
  },

  lockstep(ctx) {
    const q = ctx.query;
    const id = q.get('id');
    if (!id) throw new BadRequest('id is required');
    const s = lockstepSession(id);
    if (s.res) throw new BadRequest('lockstep id ' + id + ' is already streaming');
    s.res = ctx.res;
    s.chunks = int(q, 'chunks', 3, 1, 1000);
    s.size = int(q, 'size', 16, 1, 4 * 1024 * 1024);
    s.sse = q.get('as') === 'events';
    s.events.push({ type: 'request', t: Date.now() });
    begin(ctx, 200, { 'Content-Type': s.sse ? 'text/event-stream; charset=utf-8' : 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff' });
    ctx.res.flushHeaders();
    ctx.res.on('close', () => {
      s.events.push({ type: s.done ? 'end' : 'close', t: Date.now() });
      s.done = true;
      s.waiters.splice(0).forEach((w) => w());
    });
    lockstepPump(s);
  },

  'lockstep-ack'(ctx) {
    const q = ctx.query;
    const id = q.get('id');
    if (!id) throw new BadRequest('id is required');
    const k = int(q, 'k', 0, 0, 1000);
    const s = lockstepSession(id);
    s.acked.add(k);
    s.events.push({ type: 'ack', k, t: Date.now() });
    lockstepPump(s);
    // Answer once chunk k is handed to the socket (or at once if the stream is not open yet), so the page knows.
    const reply = () => sendJson(ctx, 200, { id, k, sent: s.next > k, streaming: !!s.res, done: s.done });
    if (!s.res || s.next > k || s.done) reply();
    else s.waiters.push(reply);
  },

  'lockstep-log'(ctx) {
    const id = ctx.query.get('id');
    const s = id && lockstepSessions.get(id);
    if (!s) { sendJson(ctx, 200, { id, known: false, events: [] }); return; }
    sendJson(ctx, 200, { id, known: true, start: s.start, chunks: s.chunks, sent: s.next, done: s.done,
      events: s.events.map((e) => Object.assign({}, e, { ms: e.t - s.start })) });
  },

  bytes(ctx) {
    const q = ctx.query;
    const repeat = int(q, 'repeat', 1, 0, MAX_BYTES / 256);
    const body = bytes0to255(repeat);
    if (q.get('chunked') === '1') {
      const chunk = int(q, 'chunk', 64, 1, 1024 * 1024);
      const interval = int(q, 'interval', 0, 0, MAX_MS);
      begin(ctx, 200, { 'Content-Type': 'application/octet-stream', 'X-Content-Type-Options': 'nosniff' });
      const parts = [];
      for (let i = 0; i < body.length; i += chunk) parts.push(body.subarray(i, i + chunk));
      writeTimed(ctx, parts, interval);
      return;
    }
    begin(ctx, 200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length });
    ctx.res.end(body);
  },

  chunks(ctx) {
    // Each `b64` parameter is one chunk of the body (base64), written `interval` ms apart: exact bytes split where
    // a test wants them (e.g. a UTF-8 character across two chunks). `length=1` declares the Content-Length (else
    // chunked), `gzip=1` sends the whole body gzip-encoded in one piece, `nosniff=0` drops X-Content-Type-Options.
    // `end=close` ends by closing the connection after the parts (no terminating chunk: a body cut short),
    // `end=reset` by resetting it (TCP RST).
    const q = ctx.query;
    let parts = q.getAll('b64').map((s) => Buffer.from(s, 'base64'));
    const interval = int(q, 'interval', 30, 0, MAX_MS);
    const headers = { 'Content-Type': q.get('type') || 'application/octet-stream' };
    if (q.get('nosniff') !== '0') headers['X-Content-Type-Options'] = 'nosniff';
    if (q.get('gzip') === '1') {
      parts = [zlib.gzipSync(Buffer.concat(parts))];
      headers['Content-Encoding'] = 'gzip';
    }
    if (q.get('length') === '1') headers['Content-Length'] = parts.reduce((n, p) => n + p.length, 0);
    const end = q.get('end') || 'normal';
    if (end !== 'normal' && end !== 'close' && end !== 'reset') throw new BadRequest('end must be normal, close or reset');
    if (q.get('id')) chunksCounts.set(q.get('id'), (chunksCounts.get(q.get('id')) || 0) + 1);
    begin(ctx, 200, headers);
    ctx.res.flushHeaders();
    if (end === 'normal') { writeTimed(ctx, parts, interval); return; }
    const socket = ctx.req.socket;
    writeTimed(ctx, parts, interval, () => later(ctx, 20, () => {
      if (end === 'reset') socket.resetAndDestroy();
      else socket.end();
    }));
  },

  'chunks-count'(ctx) {
    // How many times /api/chunks was requested with this `id`: {id, requests}.
    const id = ctx.query.get('id');
    if (!id) throw new BadRequest('id is required');
    sendJson(ctx, 200, { id, requests: chunksCounts.get(id) || 0 });
  },

  charset(ctx) {
    const q = ctx.query;
    const enc = (q.get('enc') || 'utf-8').toLowerCase();
    let body;
    if (enc === 'utf-8' || enc === 'utf8') body = Buffer.from(CHARSET_TEXT, 'utf8');
    else if (enc === 'utf-16le') body = Buffer.from(CHARSET_TEXT, 'utf16le');
    else if (enc === 'utf-16be') body = Buffer.from(CHARSET_TEXT, 'utf16le').swap16();
    else if (enc === 'latin1' || enc === 'iso-8859-1' || enc === 'windows-1252') body = Buffer.from(CHARSET_TEXT_LATIN1, 'latin1');
    else throw new BadRequest('enc must be utf-8, utf-16le, utf-16be or latin1');
    if (q.get('bom') === '1') {
      const bom = enc.indexOf('utf-16') === 0 ? (enc === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [0xef, 0xbb, 0xbf];
      body = Buffer.concat([Buffer.from(bom), body]);
    }
    const type = q.get('type') || 'text/plain';
    const contentType = q.get('nocharset') === '1' ? type : type + '; charset=' + (q.get('label') || enc);
    begin(ctx, 200, { 'Content-Type': contentType, 'Content-Length': body.length });
    ctx.res.end(body);
  },

  'set-cookie'(ctx) {
    const q = ctx.query;
    const name = q.get('name') || 'rf';
    const value = q.get('value') || '1';
    if (/[;,\s=]/.test(name) || /[;,\s]/.test(value)) throw new BadRequest('bad cookie name or value');
    let cookie = name + '=' + value + '; Path=' + (q.get('path') || '/');
    if (q.get('maxage') !== null) cookie += '; Max-Age=' + int(q, 'maxage', 0, -1, 86400);
    if (q.get('samesite')) cookie += '; SameSite=' + q.get('samesite');
    if (q.get('httponly') === '1') cookie += '; HttpOnly';
    sendJson(ctx, 200, { set: cookie }, { 'Set-Cookie': cookie });
  },

  cookies(ctx) {
    const header = ctx.req.headers.cookie || '';
    sendJson(ctx, 200, { cookie: header, cookies: parseCookies(header) });
  },

  empty(ctx) {
    begin(ctx, 200, { 'Content-Length': 0 });
    ctx.res.end();
  },

  'no-content'(ctx) {
    begin(ctx, 204, {});
    ctx.res.end();
  },

  'not-modified'(ctx) {
    begin(ctx, 304, { ETag: '"retrofetch"' });
    ctx.res.end();
  },

  reset(ctx) {
    const after = int(ctx.query, 'after', 0, 0, MAX_BYTES);
    const body = bytes0to255(Math.ceil(after / 256) || 1).subarray(0, after);
    begin(ctx, 200, { 'Content-Type': 'application/octet-stream', 'Content-Length': after + 1024 });
    ctx.res.flushHeaders();
    const destroy = () => setTimeout(() => ctx.req.socket.destroy(), 20);
    if (after) ctx.res.write(body, destroy);
    else destroy();
  },

  'wrong-length'(ctx) {
    // Raw bytes on the socket, since Node's ServerResponse refuses a body shorter than its Content-Length.
    const declared = int(ctx.query, 'declared', 100, 0, MAX_BYTES);
    const actual = int(ctx.query, 'actual', 10, 0, MAX_BYTES);
    const headers = Object.assign({ 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(declared),
      'Cache-Control': 'no-store', Connection: 'close' }, ctx.cors ? corsHeaders(ctx, []) : {});
    const head = 'HTTP/1.1 200 OK\r\n' + Object.keys(headers).map((k) => k + ': ' + headers[k] + '\r\n').join('') + '\r\n';
    const socket = ctx.req.socket;
    socket.write(head);
    socket.end(Buffer.alloc(actual, 'x'.charCodeAt(0)));
  },

  headers(ctx) {
    // Every query pair whose name does not start with '_' becomes a response header; a repeated name is sent as
    // repeated header lines (Set-Cookie included). `_long=NAME:LENGTH` adds a header with a LENGTH-character value.
    const headers = {};
    const sent = [];
    for (const [name, value] of ctx.query) {
      if (name[0] === '_' || name === 'cors' || name === 'expose') continue;
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n\0]/.test(value)) throw new BadRequest('bad header ' + name);
      headers[name] = name in headers ? [].concat(headers[name], value) : value;
      sent.push([name, value]);
    }
    const long = ctx.query.get('_long');
    if (long) {
      const [name, len] = long.split(':');
      headers[name] = 'v'.repeat(Math.min(Number(len) || 0, 64 * 1024));
      sent.push([name, '<' + headers[name].length + ' chars>']);
    }
    const body = Buffer.from(JSON.stringify({ sent }));
    begin(ctx, 200, Object.assign({ 'Content-Type': 'application/json', 'Content-Length': body.length }, headers));
    ctx.res.end(body);
  },

  async upload(ctx) {
    const body = await readBody(ctx.req, MAX_BYTES);
    sendJson(ctx, 200, {
      method: ctx.req.method,
      contentType: ctx.req.headers['content-type'] || null,
      length: body.length,
      sha256: crypto.createHash('sha256').update(body).digest('hex'),
      fnv1a32: fnv1a32(body)
    });
  },

  async multipart(ctx) {
    // A strict multipart/form-data parser (RFC 7578; CRLF lines, boundary from the Content-Type, quoted or not), so
    // tests see what a server sees: {contentType, boundary, parts: [{name, filename, contentType, disposition,
    // length, sha256, base64}]}, or {error} (status 200) when the body is malformed. `?reflect=1` answers the body
    // itself with the request's Content-Type instead (for formData() on a fetched response).
    const body = await readBody(ctx.req, MAX_BYTES);
    const contentType = ctx.req.headers['content-type'] || null;
    if (ctx.query.get('reflect') === '1') {
      begin(ctx, 200, { 'Content-Type': contentType || 'application/octet-stream', 'Content-Length': body.length });
      ctx.res.end(body);
      return;
    }
    const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType || '');
    const boundary = m ? m[1] || m[2] : null;
    const reply = (value) => sendJson(ctx, 200, Object.assign({ contentType, boundary }, value));
    if (!boundary) return reply({ error: 'no boundary' });
    const delimiter = Buffer.from('\r\n--' + boundary);
    const parts = [];
    if (!body.subarray(0, delimiter.length - 2).equals(delimiter.subarray(2))) return reply({ error: 'no first delimiter' });
    let at = delimiter.length - 2;
    for (;;) {
      if (body.subarray(at, at + 4).toString('latin1') === '--\r\n' && at + 4 === body.length) return reply({ parts });
      if (body.subarray(at, at + 2).toString('latin1') !== '\r\n') return reply({ error: 'bad delimiter line at ' + at });
      const headEnd = body.indexOf('\r\n\r\n', at + 2);
      const next = headEnd < 0 ? -1 : body.indexOf(delimiter, headEnd + 4);
      if (next < 0) return reply({ error: 'unterminated part at ' + at });
      const headers = {};
      body.subarray(at + 2, headEnd).toString('utf8').split('\r\n').forEach((line) => {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      });
      const disposition = headers['content-disposition'] || '';
      const param = (key) => { const p = new RegExp('; ' + key + '="([^"]*)"').exec(disposition); return p ? p[1] : null; };
      const data = body.subarray(headEnd + 4, next);
      parts.push({ name: param('name'), filename: param('filename'), contentType: headers['content-type'] || null,
        disposition, length: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex'),
        base64: data.toString('base64') });
      at = next + delimiter.length;
    }
  },

  hang(ctx) {
    const q = ctx.query;
    const id = q.get('id');
    if (!id) throw new BadRequest('id is required');
    const r = hangRecord(id);
    r.requests++;
    r.openedAt = Date.now();
    r.closedAt = null;
    r.closedBy = null;
    // ?headers=1 sends the headers (and ?body=TEXT a first piece of body) and then hangs mid-body.
    if (q.get('headers') === '1') {
      begin(ctx, 200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      ctx.res.flushHeaders();
      if (q.get('body')) ctx.res.write(q.get('body'));
    }
    const limit = int(q, 'limit', 60000, 0, 5 * 60000);
    const t = setTimeout(() => { r.closedBy = 'server'; ctx.req.socket.destroy(); }, limit);
    ctx.res.on('close', () => {
      clearTimeout(t);
      r.closedAt = Date.now();
      r.closedBy = r.closedBy || 'client';
      r.waiters.splice(0).forEach((w) => w());
    });
  },

  closed(ctx) {
    const id = ctx.query.get('id');
    const wait = int(ctx.query, 'wait', 0, 0, MAX_MS);
    const reply = () => {
      const r = id && hangRecords.get(id);
      if (!r) { sendJson(ctx, 200, { id, known: false, closed: false }); return; }
      sendJson(ctx, 200, { id, known: true, requests: r.requests, openedAt: r.openedAt, closed: r.closedAt !== null,
        closedAt: r.closedAt, closedBy: r.closedBy, openMs: r.closedAt !== null ? r.closedAt - r.openedAt : null });
    };
    const r = id && hangRecords.get(id);
    if (wait && r && r.closedAt === null) {
      // Answered once: by the close, or by the timer, whichever comes first.
      const once = () => { clearTimeout(t); if (!ctx.res.headersSent) reply(); };
      const t = setTimeout(once, wait);
      r.waiters.push(once);
    } else {
      reply();
    }
  },

  worker(ctx) {
    // A worker script: importScripts(...every ?import=URL), then answers {id, op:'fetch', url, init} messages with
    // {id, ok, status, statusText, url, headers: [[name, value]], text} or {id, error}, and {id, op: 'eventsource',
    // url, init, count} with {id, url, events: [{type, data, lastEventId, origin}], readyState} once `count` messages
    // came (then closed), or {id, error, events} when the EventSource fails. `shared=1`: a SharedWorker's script (the
    // same, over each connecting port). ES5 so PhantomJS-era engines (where they have workers) can run it.
    const imports = ctx.query.getAll('import');
    const src = [
      imports.length ? 'importScripts(' + imports.map((s) => JSON.stringify(s)).join(', ') + ');' : '',
      'function handle(m, post) {',
      '  if (m && m.op === "eventsource") return eventSource(m, post);',
      '  if (!m || m.op !== "fetch") { post({ id: m && m.id, error: "unknown op" }); return; }',
      '  self.fetch(m.url, m.init).then(function (r) {',
      '    var headers = []; r.headers.forEach(function (v, k) { headers.push([k, v]); });',
      '    return r.text().then(function (text) {',
      '      post({ id: m.id, ok: r.ok, status: r.status, statusText: r.statusText, url: r.url,',
      '        headers: headers, text: text });',
      '    });',
      '  }).then(null, function (err) { post({ id: m.id, error: String(err && err.name) + ": " +',
      '    String(err && err.message) }); });',
      '}',
      'function eventSource(m, post) {',
      '  var events = [];',
      '  try { var es = new self.EventSource(m.url, m.init); } catch (e) { post({ id: m.id, error: String(e && e.name), events: events }); return; }',
      '  es.onmessage = function (e) {',
      '    events.push({ type: e.type, data: e.data, lastEventId: e.lastEventId, origin: e.origin });',
      '    if (events.length < m.count) return;',
      '    es.close();',
      '    post({ id: m.id, url: es.url, events: events, readyState: es.readyState });',
      '  };',
      '  es.onerror = function () { if (es.readyState === 2) post({ id: m.id, error: "failed", events: events }); };',
      '}',
      'function ready() {',
      // (Function.prototype.toString of what is not a function throws: QtWebKit's workers have no fetch.)
      '  function isNative(f) { return typeof f === "function" && /\\[native code\\]/.test(Function.prototype.toString.call(f)); }',
      '  return { ready: true, hasFetch: typeof self.fetch === "function", hasEventSource: typeof self.EventSource === "function",',
      '    nativeFetch: isNative(self.fetch), nativeEventSource: isNative(self.EventSource) };',
      '}',
      ctx.query.get('shared') === '1'
        ? 'self.onconnect = function (e) { var port = e.ports[0]; port.onmessage = function (ev) { handle(ev.data, function (r) { port.postMessage(r); }); }; port.postMessage(ready()); };'
        : 'self.onmessage = function (e) { handle(e.data, function (r) { self.postMessage(r); }); };\nself.postMessage(ready());',
      ''
    ].join('\n');
    const body = Buffer.from(src);
    begin(ctx, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Content-Length': body.length });
    ctx.res.end(body);
  },

  csp(ctx) {
    // A page served with `Content-Security-Policy: script-src 'self'` (no eval, no inline script) that loads the
    // standalone script with the natives, Promise and globalThis deleted, fetches, and posts the outcome to its
    // parent: `{ enforced, evalViolations, ok, error, promise }`. `?part=setup|run` are its two scripts.
    const part = ctx.query.get('part') || 'page';
    const scripts = {
      setup: [
        'window.__violations = [];',
        'document.addEventListener("securitypolicyviolation", function (e) {',
        '  window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });',
        '});',
        'window.__hasViolationEvents = typeof SecurityPolicyViolationEvent !== "undefined";',
        '["fetch", "Headers", "Request", "Response", "AbortController", "AbortSignal", "FormData", "ReadableStream",',
        '  "Promise", "globalThis"].forEach(function (name) {',
        '  try { delete window[name]; } catch (e) { /* kept */ }',
        '  if (typeof window[name] !== "undefined") window[name] = undefined;',
        '});'
      ],
      run: [
        'var result = { enforced: window.__inline !== true, events: window.__hasViolationEvents,',
        '  promise: typeof Promise, globalThis: typeof globalThis };',
        'function done() {',
        '  setTimeout(function () {',
        '    result.evalViolations = window.__violations.filter(function (v) { return v.blocked === "eval"; });',
        '    parent.postMessage(JSON.stringify(result), "*");',
        '  }, 100);',
        '}',
        'fetch("/api/echo?csp=1", { method: "POST", body: "csp" }).then(function (r) { return r.json(); }).then(function (echo) {',
        '  result.ok = echo.bodyLength === 3; done();',
        '}, function (e) { result.error = String(e); done(); });'
      ]
    };
    if (part === 'page') {
      const html = '<!doctype html><html><head><meta charset="utf-8"></head><body>' +
        '<script src="/api/csp?part=setup"></script><script>window.__inline = true;</script>' +
        '<script src="/base/dist/retrofetch.polyfill.js"></script><script src="/api/csp?part=run"></script></body></html>';
      begin(ctx, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "script-src 'self'" });
      ctx.res.end(html);
      return;
    }
    if (!scripts[part]) throw new BadRequest('part must be page, setup or run');
    begin(ctx, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    ctx.res.end(scripts[part].join('\n'));
  },

  sse(ctx) {
    // Server-sent events by plan (the EventSource suites): `plan` is a JSON array, one entry per connection (the last
    // one for every connection after it): {status, type, chunks: [text], b64: [base64], interval, end}. Chunks are
    // written `interval` ms apart (default 20) after the head; then `end`: "end" (default: the response ends),
    // "hang" (kept open until the client goes, at most 30 s), "reset" (the connection is destroyed: a network error).
    // `resume=1`: the chunks are events with `id: k` lines, and a connection with a last event ID (the
    // `Last-Event-ID` header or a `lastEventId` query parameter) starts after the chunk with that id. Every request
    // is logged under `id` (see sse-log).
    const q = ctx.query;
    const id = q.get('id') || '';
    let plan;
    try {
      plan = JSON.parse(q.get('plan') || '[{}]');
    } catch (e) {
      throw new BadRequest('plan is not JSON');
    }
    if (!Array.isArray(plan) || plan.length === 0) throw new BadRequest('plan must be a non-empty array');
    const log = sseLog(id);
    const n = log.requests.length;
    const step = plan[Math.min(n, plan.length - 1)];
    const entry = { n, method: ctx.req.method, url: ctx.req.url, headers: lowerHeaders(ctx.req),
      rawLastEventId: lastEventIdBytes(ctx.req), at: Date.now(), closedAt: null, closedBy: null, sent: 0 };
    log.requests.push(entry);
    sseNotify(log);
    let parts = (step.b64 || []).map((b) => Buffer.from(b, 'base64')).concat((step.chunks || []).map((c) => Buffer.from(c, 'utf8')));
    if (q.get('resume') === '1') {
      const last = entry.headers['last-event-id'] !== undefined ? entry.headers['last-event-id'] : q.get('lastEventId');
      const at = last === null || last === undefined ? -1 : parts.findIndex((p) => p.toString('utf8').indexOf('id: ' + last + '\n') >= 0);
      parts = parts.slice(at + 1);
    }
    const headers = { 'X-Content-Type-Options': 'nosniff' };
    if (step.type !== null) headers['Content-Type'] = step.type || 'text/event-stream';
    begin(ctx, step.status || 200, headers);
    ctx.res.flushHeaders();
    ctx.res.on('close', () => {
      entry.closedAt = Date.now();
      entry.closedBy = entry.closedBy || (ctx.res.writableEnded ? 'server' : 'client');
      sseNotify(log);
    });
    const end = step.end || 'end';
    const socket = ctx.req.socket;
    let i = 0;
    const next = () => {
      if (ctx.res.destroyed) return;
      if (i < parts.length) {
        entry.sent += parts[i].length;
        ctx.res.write(parts[i++]);
        later(ctx, step.interval === undefined ? 20 : step.interval, next);
      } else if (end === 'end') {
        ctx.res.end();
      } else if (end === 'reset') {
        entry.closedBy = 'server';
        socket.destroy();
      } else {
        const t = setTimeout(() => { entry.closedBy = 'server'; socket.destroy(); }, 30000);
        ctx.res.on('close', () => clearTimeout(t));
      }
    };
    next();
  },

  'sse-log'(ctx) {
    // What /api/sse saw for `id`: {requests: [{n, method, url, headers, rawLastEventId, at, closedAt, closedBy,
    // sent}], preflights: [{url, headers, at}]}. `requests=N` (and `closed=N`: N of them closed) waits for that
    // many, at most `wait` ms (default 5000).
    const q = ctx.query;
    const log = sseLog(q.get('id') || '');
    const requests = int(q, 'requests', 0, 0, 1000);
    const closed = int(q, 'closed', 0, 0, 1000);
    const wait = int(q, 'wait', 5000, 0, MAX_MS);
    const ready = () => log.requests.length >= requests && log.requests.filter((r) => r.closedAt !== null).length >= closed;
    const stopWaiting = () => {
      clearTimeout(timer);
      const at = log.waiters.indexOf(check);
      if (at >= 0) log.waiters.splice(at, 1);
    };
    const reply = () => {
      stopWaiting();
      if (!ctx.res.headersSent) sendJson(ctx, 200, { requests: log.requests, preflights: log.preflights });
    };
    const check = () => { if (ready()) reply(); };
    const timer = setTimeout(reply, wait);
    log.waiters.push(check);
    ctx.res.on('close', stopWaiting);
    check();
  },

  'sse-flood'(ctx) {
    // The bench's long stream (bench/page.js): `bytes` bytes (default 64 MB) of events of `size` bytes each
    // (`id: k`, `data: ` and padding; default 100), in 64 KB writes as fast as the client takes them, or at most
    // `rate` bytes a second, then `event: done`. A last event ID (header or `lastEventId` query parameter) resumes after
    // that event, so a client that reconnects gets every event once.
    const q = ctx.query;
    const bytes = int(q, 'bytes', MAX_BYTES, 1, 1024 * 1024 * 1024);
    const size = int(q, 'size', 100, 32, 65536);
    const total = Math.floor(bytes / size);
    const last = ctx.req.headers['last-event-id'] !== undefined ? ctx.req.headers['last-event-id'] : q.get('lastEventId');
    let k = last === null || last === undefined ? 0 : Number(last) + 1;
    begin(ctx, 200, { 'Content-Type': 'text/event-stream', 'X-Content-Type-Options': 'nosniff' });
    const event = (i) => {
      const head = 'id: ' + i + '\ndata: ';
      return head + 'x'.repeat(size - head.length - 2) + '\n\n';
    };
    const rate = int(q, 'rate', 0, 0, 1024 * 1024 * 1024);
    const pump = () => {
      while (k < total) {
        let batch = '';
        while (k < total && batch.length < 65536) batch += event(k++);
        const more = ctx.res.write(batch);
        if (rate) { later(ctx, batch.length * 1000 / rate, pump); return; }
        if (!more) { ctx.res.once('drain', pump); return; }
      }
      ctx.res.end('event: done\ndata: ' + total + '\n\n');
    };
    pump();
  },

  // -------------------------------------------------------------------------------------------------------------
  // The demo's routes (`npm start`, demo/, issue 13), kept apart from the ones the suites use.

  'paced-text'(ctx) {
    // `lines` lines of UTF-8 text, one chunk every `interval` ms, with a Content-Length (so download progress has a
    // total) and nosniff (so Chromium hands out the first small chunks at once).
    const q = ctx.query;
    const lines = int(q, 'lines', 12, 1, 1000);
    const interval = int(q, 'interval', 150, 0, MAX_MS);
    const parts = [];
    for (let k = 1; k <= lines; k++) {
      parts.push(Buffer.from('line ' + k + ' of ' + lines + ': h\u00e9llo w\u00f6rld \u2713, sent +' + (k - 1) * interval + ' ms\n', 'utf8'));
    }
    begin(ctx, 200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff',
      'Content-Length': parts.reduce((n, b) => n + b.length, 0) });
    pace(ctx, parts, interval);
  },

  'paced-upload'(ctx) {
    // Reads the request body at `rate` bytes a second at most (default 4 MB/s): after each piece it pauses the request
    // for as long as that piece takes at this rate, so the kernel stops taking bytes and the client's sending waits.
    // (It never catches up after a late timer: under load it is slower, not bursty.) On localhost an upload is
    // otherwise taken in one go and the page sees a single upload progress event. Answers as `upload` does, without
    // the digests: {method, contentType, length, ms}.
    const { req, query } = ctx;
    const rate = int(query, 'rate', 4 * 1024 * 1024, 1024, 1024 * 1024 * 1024);
    const started = Date.now();
    let length = 0;
    req.on('data', (piece) => {
      length += piece.length;
      if (length > MAX_BYTES) { req.destroy(); return; }
      req.pause();
      later(ctx, piece.length * 1000 / rate, () => req.resume());
    });
    req.on('end', () => sendJson(ctx, 200, { method: req.method, contentType: req.headers['content-type'] || null,
      length, ms: Date.now() - started }));
  },

  async graphql(ctx) {
    // A GraphQL endpoint for the real clients' suite (graphql-request): a POST of {query, variables, operationName}
    // is answered {data: {echo: {query, variables, operationName, contentType, accept}}}; `variables.fail` answers
    // a GraphQL error instead ({errors: [{message}], data: null}, status 200, as GraphQL servers do).
    const { req } = ctx;
    if (req.method !== 'POST') throw new BadRequest('graphql takes a POST');
    let operation;
    try {
      operation = JSON.parse((await readBody(req, MAX_BYTES)).toString('utf8'));
    } catch (err) {
      throw new BadRequest('graphql: the body is not JSON: ' + err.message);
    }
    const variables = operation.variables || null;
    if (variables && variables.fail) {
      sendJson(ctx, 200, { errors: [{ message: 'failed on purpose: ' + variables.fail }], data: null });
      return;
    }
    sendJson(ctx, 200, { data: { echo: { query: operation.query, variables, operationName: operation.operationName || null,
      contentType: req.headers['content-type'] || null, accept: req.headers.accept || null } } });
  },

  events(ctx) {
    // A server-sent-events (Comet) stream: `count` events `data: event k of N\n\n`, `interval` ms apart, as
    // text/event-stream with nosniff, no Content-Length. `pad=N` first sends an SSE comment line of N bytes (old
    // engines and proxies hold back the first bytes of a response). `auth=T`: only for `Authorization: Bearer T`
    // (else 401), and the events say so.
    const q = ctx.query;
    const count = int(q, 'count', 5, 1, 1000);
    const interval = int(q, 'interval', 300, 0, MAX_MS);
    const pad = int(q, 'pad', 0, 0, 64 * 1024);
    const auth = q.get('auth');
    if (auth !== null && ctx.req.headers.authorization !== 'Bearer ' + auth) {
      sendText(ctx, 401, 'Authorization: Bearer ' + auth + ' needed\n');
      return;
    }
    begin(ctx, 200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    ctx.res.flushHeaders();
    const parts = pad ? [':' + ' '.repeat(Math.max(pad - 3, 0)) + '\n\n'] : [];
    for (let k = 1; k <= count; k++) parts.push('id: ' + k + '\ndata: event ' + k + ' of ' + count + (auth !== null ? ' (authorized)' : '') + '\n\n');
    pace(ctx, parts, interval);
  },

  // --- Routes for the linear-time parsing tests and bench (issue 10, item 11) ---

  'long-header'(ctx) {
    // One response header `X-Long` of `length` chars (default 65536, at most 4 MB): `a`, then spaces and tabs,
    // then `b` (a long run of inner whitespace, the worst case for a regex trim), or `&fill=v` for `v`s throughout.
    // Body: {length}. Engines cap the size of a response head (Chromium at 256 KB).
    const length = int(ctx.query, 'length', 65536, 2, 4 * 1024 * 1024);
    const inner = ctx.query.get('fill') === 'v' ? 'v'.repeat(length - 2) : ' \t'.repeat(length).slice(0, length - 2);
    const body = Buffer.from(JSON.stringify({ length }));
    begin(ctx, 200, { 'Content-Type': 'application/json', 'Content-Length': body.length, 'X-Long': 'a' + inner + 'b' });
    ctx.res.end(body);
  },

  // -------------------------------------------------------------------------------------------------------------
  // The examples' routes (examples/, test/integration/examples.test.ts, issue 13), kept apart from the others.

  async 'tracked-script'(ctx) {
    // One of retrofetch's two standalone scripts, read from dist/, with the request recorded under `id`: the
    // conditional-loading example's page loads its script from here, so the server knows whether it asked.
    const q = ctx.query;
    const id = q.get('id');
    const file = q.get('file');
    const files = ['retrofetch.polyfill.js', 'retrofetch.core.js'];
    if (!id) throw new BadRequest('id is required');
    if (files.indexOf(file) < 0) throw new BadRequest('file must be one of ' + files.join(', '));
    (trackedScripts.get(id) || trackedScripts.set(id, [])).push(file);
    const body = await fs.promises.readFile(path.join(__dirname, '../../dist', file));
    begin(ctx, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Content-Length': body.length });
    ctx.res.end(body);
  },

  'tracked-script-log'(ctx) {
    const id = ctx.query.get('id');
    if (!id) throw new BadRequest('id is required');
    sendJson(ctx, 200, { id, requests: trackedScripts.get(id) || [] });
  }
};

/** Like writeTimed, with one timer and one close listener however many parts (the demo's streams are longer). */
function pace(ctx, parts, interval) {
  let i = 0;
  const step = () => {
    ctx.res.write(parts[i++]);
    if (i < parts.length) return;
    clearInterval(timer);
    ctx.res.end();
  };
  const timer = setInterval(step, interval);
  ctx.res.on('close', () => clearInterval(timer));
  step();
}

/** Chunk k of /api/stream and /api/lockstep: `size` bytes, "<k>:" then letters then "\n", so order and size show. */
function streamChunk(k, size) {
  const head = String(k) + ':';
  const fill = String.fromCharCode(97 + (k % 26));
  if (size <= head.length + 1) return (head + '\n').slice(-size);
  return head + fill.repeat(size - head.length - 1) + '\n';
}

function lockstepPump(s) {
  while (s.res && !s.done && s.next < s.chunks && s.acked.has(s.next)) {
    const k = s.next++;
    s.res.write(s.sse ? 'id: ' + k + '\ndata: event ' + k + ' of ' + s.chunks + ', h\u00e9llo \u2713\n\n' : streamChunk(k, s.size));
    s.events.push({ type: 'sent', k, t: Date.now() });
    if (s.next >= s.chunks) { s.done = true; s.res.end(); }
  }
  s.waiters.splice(0).forEach((w) => w());
}

// ---------------------------------------------------------------------------------------------------------------
// The handler

function preflight(ctx) {
  const { req, query } = ctx;
  const mode = query.get('cors') || 'allow';
  if (ctx.url.pathname === '/api/sse') {
    const log = sseLog(query.get('id') || '');
    log.preflights.push({ url: req.url, headers: lowerHeaders(req), at: Date.now() });
    sseNotify(log);
  }
  // `preflight=refuse`: a server that answers no preflight (405, no CORS headers).
  if (query.get('preflight') === 'refuse') {
    ctx.res.writeHead(405, { 'Content-Length': 0, 'Cache-Control': 'no-store' });
    ctx.res.end();
    return;
  }
  const headers = { 'Content-Length': 0, 'Cache-Control': 'no-store', 'Access-Control-Max-Age': '0' };
  if (mode !== 'deny') {
    const origin = req.headers.origin;
    headers['Access-Control-Allow-Origin'] = mode === 'star' ? '*' : origin || '*';
    if (mode !== 'star') headers['Vary'] = 'Origin';
    if (mode !== 'star' && mode !== 'nocreds' && origin) headers['Access-Control-Allow-Credentials'] = 'true';
    // Only what the query allows; anything else the browser asks for is refused by omission.
    if (query.get('allow-methods')) headers['Access-Control-Allow-Methods'] = query.get('allow-methods');
    if (query.get('allow-headers')) headers['Access-Control-Allow-Headers'] = query.get('allow-headers');
  }
  ctx.res.writeHead(204, headers);
  ctx.res.end();
}

/**
 * Returns a connect-style handler `(req, res, next)` for /api/... routes; anything else goes to `next` (or 404).
 * `options.cors`: add CORS headers and answer preflights (the cross origin).
 */
function createHandler(options) {
  const cors = !!(options && options.cors);
  return function retrofetchApi(req, res, next) {
    const url = new URL(req.url, 'http://' + (req.headers.host || 'localhost'));
    if (url.pathname.indexOf('/api/') !== 0) {
      if (next) next();
      else { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found'); }
      return;
    }
    logRequest(req, res, url);
    const ctx = { req, res, url, query: url.searchParams, cors };
    const name = url.pathname.slice(5);
    const route = Object.prototype.hasOwnProperty.call(routes, name) ? routes[name] : null;
    const fail = (err) => {
      if (res.headersSent) { req.socket.destroy(); return; }
      const status = err instanceof BadRequest ? 400 : 500;
      sendText(ctx, status, (status === 400 ? 'bad request: ' : 'server error: ') + (err && err.message) + '\n');
    };
    try {
      if (cors && req.method === 'OPTIONS' && req.headers['access-control-request-method']) { preflight(ctx); return; }
      if (!route) { sendText(ctx, 404, 'no such route: ' + url.pathname + '\n'); return; }
      const done = route(ctx);
      if (done && typeof done.then === 'function') done.then(null, fail);
    } catch (err) {
      fail(err);
    }
  };
}

/**
 * Starts the cross-origin server on 127.0.0.1:<port> (0 = a free port). Resolves to { url, port, close() }.
 * The URL names `localhost` so the page sees a different origin (port) on the same site. On a WebDriver grid
 * (karma.grid.conf.js) the page's host is the one the grid's browsers reach this machine by: `hostname` names it and
 * `listenAddress` is where to listen (0.0.0.0 for browsers on other machines).
 */
function startServer(port, listenAddress, hostname) {
  const server = http.createServer(createHandler({ cors: true }));
  server.keepAliveTimeout = 2000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port || 0, listenAddress || '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({
        port: actual,
        url: 'http://' + (hostname || 'localhost') + ':' + actual,
        close() {
          return new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          });
        }
      });
    });
  });
}

module.exports = { createHandler, startServer, requestsSince, CHARSET_TEXT, CHARSET_TEXT_LATIN1 };

if (require.main === module) {
  // `node test/server/index.js [port]`: run the cross-origin server alone, for poking at routes with curl.
  startServer(Number(process.argv[2]) || 0).then((s) => console.log('retrofetch test server at ' + s.url));
}
