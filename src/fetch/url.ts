// URL parsing against the document base, for engines with or without a working `URL` constructor.
// https://url.spec.whatwg.org/#concept-url-parser (the host's own parser does the work where there is one).
import { globalObject as g } from '../env/global';
import { supportsURL } from '../env/support';

interface ParsedURL {
  _href: string;
  /** https://url.spec.whatwg.org/#include-credentials */
  _includesCredentials: boolean;
}

// A scheme and its colon (https://url.spec.whatwg.org/#url-scheme-string), at the start.
var SCHEME = '^([a-zA-Z][a-zA-Z0-9+.\\-]*:)';
var ABSOLUTE = new RegExp(SCHEME);
// The scheme, `//`, the userinfo with its `@` (credentials), the host and port.
var AUTHORITY = new RegExp(SCHEME + '//([^/?#@]*@)?([^/?#]*)');
var DEFAULT_PORTS: { [scheme: string]: string } = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21' };

// The base URL a window reports: its document's, or a worker's location.
function reportedBase(w: any): string | undefined {
  var d = w.document;
  var l = w.location;
  return d && typeof d.baseURI === 'string' ? d.baseURI : l && typeof l.href === 'string' ? l.href : undefined;
}

// The current settings object's API base URL: the document's base URL, or a worker's location.
export function baseURL(): string | undefined {
  var base = reportedBase(g);
  // LEGACY(old WebKit): a frame's first document (about:blank) reports about:blank as its base URL in QtWebKit 5.212,
  // where the spec's fallback base URL is its creator's (https://html.spec.whatwg.org/#fallback-base-url), which the
  // engine's own XHR resolves against: the parent's, for a frame (a cross-origin parent cannot be read).
  if (base === 'about:blank') {
    try {
      base = reportedBase(g.parent);
    } catch (e) {
      // the reported one stays
    }
  }
  return base;
}

export function parseURL(input: string, base?: string): ParsedURL | null {
  var page = baseURL();
  if (base === undefined) base = page;
  var href: string | null;
  if (supportsURL) {
    try {
      href = (base === undefined ? new g.URL(input) : new g.URL(input, base)).href;
    } catch (e) {
      return null;
    }
  } else if (g.document && typeof g.document.createElement === 'function' && base === page) {
    // LEGACY(old WebKit, IE): no URL constructor; an <a> element resolves against the document base.
    var a = g.document.createElement('a');
    a.href = input;
    href = a.href;
    // An invalid URL leaves the anchor without a scheme (old WebKit reports protocol ':'), or of a scheme with a
    // default port (http, https, ws, wss, ftp) without a host.
    if (!ABSOLUTE.test(href!) || a.protocol === ':' || (a.protocol.toLowerCase() in DEFAULT_PORTS && !a.host)) return null;
  } else {
    // LEGACY(old WebKit, ES5): no URL constructor and no DOM (a worker in PhantomJS, Duktape): absolute URLs taken as
    // written, relative ones resolved against the base by path rules.
    href = ABSOLUTE.test(input) ? input : base === undefined ? null : resolveByPath(input, base);
    if (href === null) return null;
  }
  var m = AUTHORITY.exec(href!);
  return { _href: href!, _includesCredentials: !!(m && m[2]) };
}

// https://html.spec.whatwg.org/#concept-origin, serialized: scheme://host[:port], the default port dropped.
export function originOf(href: string): string {
  var m = AUTHORITY.exec(href);
  if (!m || !m[3]) return 'null';
  var scheme = m[1].toLowerCase();
  // (A port is digits after the last colon, after an IPv6 address's `]`.)
  return scheme + '//' + m[3].toLowerCase().replace(/:(\d*)$/, function (port, digits) {
    return digits === DEFAULT_PORTS[scheme] ? '' : port;
  });
}

// (No base URL: '', whose origin is 'null'.)
export function currentOrigin(): string {
  return originOf(baseURL() || '');
}

/** The URL without its fragment: https://url.spec.whatwg.org/#concept-url-serializer with exclude fragment. */
export function stripFragment(href: string): string {
  return href.split('#')[0];
}

// LEGACY(old WebKit, IE): no URL constructor; RFC 3986 reference resolution for the common forms (absolute, scheme-relative,
// path-absolute, query, fragment, relative path with ./ and ../ segments).
function resolveByPath(input: string, base: string): string | null {
  var m = new RegExp(SCHEME + '(//[^/?#]*)?([^?#]*)(\\?[^#]*)?').exec(base);
  if (!m) return null;
  var prefix = m[1] + (m[2] || '');
  var first = input.charAt(0);
  if (input.indexOf('//') === 0) return m[1] + input;
  if (first === '#') return prefix + m[3] + (m[4] || '') + input;
  if (first === '?') return prefix + m[3] + input;
  var tail = /^([^?#]*)(.*)$/.exec(input)!;
  var segments = (first === '/' ? tail[1] : m[3].slice(0, m[3].lastIndexOf('/') + 1) + tail[1]).split('/');
  var out: string[] = [];
  for (var i = 0; i < segments.length; i++) {
    var last = i === segments.length - 1;
    if (segments[i] === '..') {
      if (out.length > 1) out.pop();
      if (last) out.push('');
    } else if (segments[i] === '.') {
      if (last) out.push('');
    } else {
      out.push(segments[i]);
    }
  }
  return prefix + out.join('/') + tail[2];
}
