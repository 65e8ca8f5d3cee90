// The differential fuzz's inputs: a seeded generator, and values described as plain data (so a case can be printed
// and made afresh for each implementation: a signal, a stream or a FormData belongs to one implementation).
import { Impl } from '../support/harness';

var g: any = typeof self !== 'undefined' ? self : window;

/** A small seeded generator (xorshift32, warmed up): the same seed gives the same case in every engine. */
export interface Rng {
  next(): number;
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: T[]): T;
}

export function rng(seed: number): Rng {
  var x = (seed ^ 0x9e3779b9) >>> 0 || 1;
  function next(): number {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  }
  for (var i = 0; i < 8; i++) next();
  return {
    next: next,
    int: function (n) { return Math.floor(next() * n); },
    chance: function (p) { return next() < p; },
    pick: function (items) { return items[Math.floor(next() * items.length)]; }
  };
}

// Code units worth trying in names and values: token characters, separators, whitespace of every kind, CTLs, CR, LF,
// NUL, DEL, Latin-1, and above U+00FF (a BMP symbol, an astral pair, a lone surrogate).
var TOKEN = "abcxyzABCXYZ019!#$%&'*+-.^_`|~";
var SEPARATORS = '()<>@,;:\\"/[]?={} \t';
var WEIRD = ['\u0000', '\u0001', '\u001f', '\u007f', '\r', '\n', '\r\n', '\u000b', '\u000c', '\u0080', '\u00a0', '\u00e9', '\u00ff',
  '\u0100', '\u2028', '\u3000', '\u2713', '\ud83d\ude00', '\ud800', '\udc00'];

function char(r: Rng): string {
  var roll = r.next();
  if (roll < 0.6) return TOKEN.charAt(r.int(TOKEN.length));
  if (roll < 0.8) return SEPARATORS.charAt(r.int(SEPARATORS.length));
  return r.pick(WEIRD);
}

export function randomString(r: Rng, maxLength: number): string {
  var s = '';
  var length = r.int(maxLength + 1);
  for (var i = 0; i < length; i++) s += char(r);
  return s;
}

var NAMES = ['Content-Type', 'content-type', 'CONTENT-TYPE', 'Accept', 'Accept-Language', 'Content-Language', 'Range',
  'Set-Cookie', 'set-cookie', 'Set-Cookie2', 'Cookie', 'Host', 'Content-Length', 'Accept-Charset', 'Connection', 'Referer',
  'Proxy-Foo', 'Sec-Foo', 'X-HTTP-Method-Override', 'X-Method-Override', 'X-Custom', 'x-custom', 'X-Other', 'Location',
  '__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'length', '0', '', ' ', 'a b', 'X-\u00e9',
  'X-\u0100', 'X-A\u0000', 'X-A\r\n', 'X-A:', 'X-A ', ' X-A'];
var VALUES = ['', ' ', '\t', 'text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'application/json', 'TEXT/HTML; Charset="gbk"', 'bytes=0-1', 'bytes=1-', 'bytes=-1',
  'en-US,en;q=0.9', 'TRACE', 'GET, trace', '"quoted, comma", x', 'a, b', ' padded ', '\tpadded\t', 'line\r\nbreak',
  'nul\u0000', '\u00e9t\u00e9', '\u0100', 'x\u2713', 'sid=1; Path=/', '__proto__'];

export function headerName(r: Rng): string {
  return r.chance(0.7) ? r.pick(NAMES) : randomString(r, 8);
}

export function headerValue(r: Rng): string {
  if (r.chance(0.5)) return r.pick(VALUES);
  var s = randomString(r, 16);
  // Whitespace at the edges, where normalizing matters.
  if (r.chance(0.3)) s = r.pick([' ', '\t', '\r\n', '\n', ' \t']) + s + r.pick(['', ' ', '\t', '\r', '\n']);
  return s;
}

/** A value, as plain data. */
export type Desc =
  | { k: 'undefined' } | { k: 'null' } | { k: 'str'; v: string } | { k: 'num'; v: number | string } | { k: 'bool'; v: boolean }
  | { k: 'bigint'; v: number } | { k: 'symbol' } | { k: 'toString'; v: string; label?: string } | { k: 'valueOf'; v: number }
  | { k: 'obj' } | { k: 'fn' }
  | { k: 'signal'; aborted: boolean; reason?: string } | { k: 'lookalikeSignal' } | { k: 'proxySignal' }
  | { k: 'record'; pairs: string[][] } | { k: 'seq'; pairs: string[][] } | { k: 'map'; pairs: string[][] } | { k: 'headers'; pairs: string[][] }
  | { k: 'ab'; bytes: number[] } | { k: 'u8'; bytes: number[] } | { k: 'dv'; bytes: number[] } | { k: 'blob'; text: string; type: string }
  | { k: 'usp'; v: string } | { k: 'formData'; entries: string[][] } | { k: 'stream'; chunks: Array<number[] | string>; fail?: boolean }
  | Multipart
  | { k: 'request'; url: string; method: string; headers: string[][]; body?: string; mode: string; used: boolean; aborted: boolean };

/**
 * A multipart/form-data body, as parts to be written out (so a native difference can be taken out of it: see
 * ./native-differences.ts). Each part's Content-Disposition is a type, then parameters, spaced as given.
 */
export interface Multipart {
  k: 'multipart';
  boundary: string;
  quoted: boolean;
  /** Another Content-Type instead of multipart/form-data; boundary=... */
  typeOverride: string | null;
  preamble: boolean;
  parts: Array<{ type: string; params: Array<{ name: string; value: string; quoted: boolean; spaced: boolean }>; spaceBefore: boolean;
    contentType: string | null; junk: boolean; value: string; afterBoundary: string }>;
  close: boolean;
  epilogue: string;
}

export function multipartBody(m: Multipart): string {
  var body = m.preamble ? 'preamble\r\n' : '';
  for (var i = 0; i < m.parts.length; i++) {
    var part = m.parts[i];
    var disposition = part.type;
    for (var j = 0; j < part.params.length; j++) {
      var p = part.params[j];
      var eq = p.spaced ? ' = ' : '=';
      disposition += (part.spaceBefore ? ' ;' : ';') + ' ' + p.name + eq + (p.quoted ? '"' + p.value + '"' : p.value);
    }
    body += '--' + m.boundary + part.afterBoundary + 'Content-Disposition: ' + disposition + '\r\n' +
      (part.contentType !== null ? 'Content-Type: ' + part.contentType + '\r\n' : '') + (part.junk ? 'junk\r\n' : '') +
      '\r\n' + part.value + '\r\n';
  }
  return body + (m.close ? '--' + m.boundary + '--' + m.epilogue : '');
}

export function multipartType(m: Multipart): string {
  return m.typeOverride !== null ? m.typeOverride : 'multipart/form-data; boundary=' + (m.quoted ? '"' + m.boundary + '"' : m.boundary);
}

/** Numbers that stress conversions (unsigned short: modulo 2^16, NaN, ±Infinity, -0, fractions). */
export function number(r: Rng): Desc {
  var special: Array<number | string> = [0, -0, 1, -1, 100, 101, 199, 200, 201, 204, 205, 206, 299, 300, 301, 302, 303, 304, 307, 308,
    399, 400, 404, 451, 500, 599, 600, 999, 65535, 65536, 65536 + 200, 65536 + 301, -65336, 4294967496, 200.5, 299.999,
    'NaN', 'Infinity', '-Infinity'];
  return { k: 'num', v: r.pick(special) };
}

export function bytes(r: Rng): number[] {
  var out: number[] = [];
  var length = r.int(6);
  for (var i = 0; i < length; i++) out.push(r.chance(0.5) ? 0x61 + r.int(26) : r.int(256));
  return out;
}

export function pairs(r: Rng, max: number): string[][] {
  var out: string[][] = [];
  var count = r.int(max + 1);
  for (var i = 0; i < count; i++) out.push([headerName(r), headerValue(r)]);
  return out;
}

/** A HeadersInit, or something that is not one. */
export function headersInit(r: Rng): Desc {
  var roll = r.int(12);
  if (roll < 3) return { k: 'record', pairs: pairs(r, 4) };
  if (roll < 6) {
    var seq = pairs(r, 4);
    // Pairs of the wrong size.
    if (r.chance(0.15)) seq.push(r.pick([[], ['a'], ['a', 'b', 'c']]));
    return { k: 'seq', pairs: seq };
  }
  if (roll < 7) return { k: 'map', pairs: pairs(r, 3) };
  if (roll < 9) return { k: 'headers', pairs: pairs(r, 3) };
  return r.pick<Desc>([{ k: 'null' }, { k: 'str', v: 'a' }, { k: 'num', v: 1 }, { k: 'bool', v: true }, { k: 'symbol' }, { k: 'fn' }]);
}

/** A BodyInit (or another value that converts to a string, or does not). */
export function bodyInit(r: Rng): Desc {
  switch (r.int(16)) {
    case 0: return { k: 'undefined' };
    case 1: return { k: 'null' };
    case 2: case 3: return { k: 'str', v: randomString(r, 12) };
    case 4: return { k: 'num', v: r.pick([0, 1.5, -1]) };
    case 5: return { k: 'toString', v: randomString(r, 6), label: 'body:toString' };
    case 6: return { k: 'ab', bytes: bytes(r) };
    case 7: return { k: 'u8', bytes: bytes(r) };
    case 8: return { k: 'dv', bytes: bytes(r) };
    case 9: return { k: 'blob', text: randomString(r, 6), type: r.pick(['', 'text/plain', 'Text/HTML;Charset=UTF-8', 'x/\u00e9', 'bogus']) };
    case 10: return { k: 'usp', v: r.pick(['a=1&b=%20', '', 'x=\u00e9', 'a']) };
    case 11: return { k: 'formData', entries: [['a', randomString(r, 4)], [randomString(r, 3), 'v']] };
    case 12: return { k: 'stream', chunks: [bytes(r), bytes(r)] };
    case 13: return { k: 'stream', chunks: r.chance(0.5) ? [bytes(r), 'not bytes'] : [bytes(r)], fail: r.chance(0.5) };
    case 14: return { k: 'symbol' };
    default: return { k: 'obj' };
  }
}

export function signal(r: Rng): Desc {
  return r.pick<Desc>([{ k: 'undefined' }, { k: 'null' }, { k: 'signal', aborted: false }, { k: 'signal', aborted: true },
    { k: 'signal', aborted: true, reason: 'why' }, { k: 'lookalikeSignal' }, { k: 'proxySignal' }, { k: 'obj' }, { k: 'num', v: 1 }]);
}

/** A scalar for an enum, string or boolean member: valid values and near misses. */
export function member(r: Rng, valid: string[]): Desc {
  var roll = r.int(20);
  if (roll < 15) return { k: 'str', v: r.pick(valid) };
  if (roll < 16) return { k: 'str', v: r.pick(valid).toUpperCase() };
  if (roll < 17) return { k: 'str', v: r.pick(valid) + ' ' };
  if (roll < 18) return { k: 'toString', v: r.pick(valid) };
  return r.pick<Desc>([{ k: 'null' }, { k: 'num', v: 0 }, { k: 'bool', v: true }, { k: 'symbol' }, { k: 'str', v: '' }, { k: 'obj' }]);
}

/** Makes the value a description stands for, with `impl`'s classes; `log` records conversions that a test watches. */
export function make(desc: Desc, impl: Impl, log: string[]): any {
  switch (desc.k) {
    case 'undefined': return undefined;
    case 'null': return null;
    case 'str': case 'bool': return desc.v;
    case 'num': return typeof desc.v === 'string' ? Number(desc.v) : desc.v;
    case 'bigint': return g.BigInt(desc.v);
    case 'symbol': return Symbol('fuzz');
    case 'toString': {
      var s = desc.v;
      var label = desc.label;
      return { toString: function () { if (label) log.push(label); return s; } };
    }
    case 'valueOf': {
      var n = desc.v;
      return { valueOf: function () { log.push('valueOf'); return n; } };
    }
    case 'obj': return {};
    case 'fn': return function () { /* not a header list */ };
    case 'signal': {
      var controller = new impl.AbortController();
      if (desc.aborted) (controller.abort as any)(desc.reason);
      return controller.signal;
    }
    case 'lookalikeSignal':
      return { aborted: false, reason: undefined, onabort: null, throwIfAborted: function () { /* */ },
        addEventListener: function () { /* */ }, removeEventListener: function () { /* */ }, dispatchEvent: function () { return true; } };
    case 'proxySignal': return new g.Proxy(new impl.AbortController().signal, {});
    case 'record': {
      var record = {};
      for (var i = 0; i < desc.pairs.length; i++) {
        Object.defineProperty(record, desc.pairs[i][0], { value: desc.pairs[i][1], enumerable: true, configurable: true, writable: true });
      }
      return record;
    }
    case 'seq': return desc.pairs.map(function (p) { return p.slice(); });
    case 'map': {
      var map = new g.Map();
      for (var j = 0; j < desc.pairs.length; j++) map.set(desc.pairs[j][0], desc.pairs[j][1]);
      return map;
    }
    case 'headers': {
      var headers = new impl.Headers();
      for (var k = 0; k < desc.pairs.length; k++) {
        try {
          headers.append(desc.pairs[k][0], desc.pairs[k][1]);
        } catch (e) { /* an invalid pair is left out, in both */ }
      }
      return headers;
    }
    case 'ab': return new Uint8Array(desc.bytes).buffer;
    case 'u8': return new Uint8Array(desc.bytes);
    case 'dv': return new DataView(new Uint8Array(desc.bytes).buffer);
    case 'blob': return new Blob([desc.text], { type: desc.type });
    case 'usp': return new g.URLSearchParams(desc.v);
    case 'formData': {
      var form = new impl.FormData();
      for (var f = 0; f < desc.entries.length; f++) form.append(desc.entries[f][0], desc.entries[f][1]);
      return form;
    }
    case 'stream': {
      var chunks = desc.chunks;
      var fail = desc.fail;
      return new impl.ReadableStream({
        start: function (controller: any) {
          for (var c = 0; c < chunks.length; c++) controller.enqueue(typeof chunks[c] === 'string' ? chunks[c] : new Uint8Array(chunks[c] as number[]));
          if (fail) controller.error(new TypeError('stream failed'));
          else controller.close();
        }
      });
    }
    case 'multipart': return multipartBody(desc);
    case 'request': {
      var abort = new impl.AbortController();
      if (desc.aborted) (abort.abort as any)('input aborted');
      var init: any = { method: desc.method, headers: desc.headers, mode: desc.mode, signal: abort.signal };
      if (desc.body !== undefined) init.body = desc.body;
      var request = new impl.Request(desc.url, init);
      // A used body: read (the read itself is not awaited; bodyUsed is true at once).
      if (desc.used) request.text().then(null, function () { /* compared elsewhere */ });
      return request;
    }
  }
}
