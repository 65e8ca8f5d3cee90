// URL parsing against the document base, for engines with or without a working `URL` constructor.
// https://url.spec.whatwg.org/#concept-url-parser (the host's own parser does the work where there is one).
import { globalObject as g } from '../env/global';
import { supportsURL } from '../env/support';

export interface ParsedURL {
  href: string;
  /** https://url.spec.whatwg.org/#include-credentials */
  includesCredentials: boolean;
}

var ABSOLUTE = /^[a-zA-Z][a-zA-Z0-9+.\-]*:/;
var CREDENTIALS = /^[a-zA-Z][a-zA-Z0-9+.\-]*:\/\/[^\/?#]*@/;
var ORIGIN = /^([a-zA-Z][a-zA-Z0-9+.\-]*:)\/\/([^\/?#@]*@)?([^\/?#]*)/;
var DEFAULT_PORTS: { [scheme: string]: string } = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21' };

// The current settings object's API base URL: the document's base URL, or a worker's location.
export function baseURL(): string | undefined {
  if (g.document && typeof g.document.baseURI === 'string') return g.document.baseURI;
  if (g.location && typeof g.location.href === 'string') return g.location.href;
  return undefined;
}

export function parseURL(input: string, base?: string): ParsedURL | null {
  if (base === undefined) base = baseURL();
  var href: string;
  if (supportsURL) {
    try {
      href = base === undefined ? new g.URL(input).href : new g.URL(input, base).href;
    } catch (e) {
      return null;
    }
  } else if (g.document && typeof g.document.createElement === 'function' && base === baseURL()) {
    // LEGACY(old WebKit, IE): no URL constructor; an <a> element resolves against the document base.
    var a = g.document.createElement('a');
    a.href = input;
    href = a.href;
    // An invalid URL leaves the anchor without a scheme (old WebKit reports protocol ':').
    if (!ABSOLUTE.test(href) || a.protocol === ':' || (/^(https?|wss?|ftp):$/i.test(a.protocol) && !a.host)) return null;
  } else if (ABSOLUTE.test(input)) {
    // LEGACY(old WebKit, ES5): no URL constructor and no DOM (a worker in PhantomJS, Duktape): absolute URLs taken as written,
    href = input;
  } else if (base !== undefined) {
    // relative ones resolved against the base by path rules.
    var resolved = resolveByPath(input, base);
    if (resolved === null) return null;
    href = resolved;
  } else {
    return null;
  }
  return { href: href, includesCredentials: CREDENTIALS.test(href) };
}

// https://html.spec.whatwg.org/#concept-origin, serialized: scheme://host[:port], the default port dropped.
export function originOf(href: string): string {
  var m = ORIGIN.exec(href);
  if (!m || !m[3]) return 'null';
  var scheme = m[1].toLowerCase();
  var host = m[3].toLowerCase();
  var colon = host.lastIndexOf(':');
  if (colon > host.lastIndexOf(']') && host.slice(colon + 1) === DEFAULT_PORTS[scheme]) host = host.slice(0, colon);
  return scheme + '//' + host;
}

export function currentOrigin(): string {
  var base = baseURL();
  return base === undefined ? 'null' : originOf(base);
}

/** The URL without its fragment: https://url.spec.whatwg.org/#concept-url-serializer with exclude fragment. */
export function stripFragment(href: string): string {
  var hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

/** Resolves `input` against an absolute `base` (a redirect's Location against the URL it came from). */
export function resolveURL(input: string, base: string): string | null {
  var parsed = parseURL(input, base);
  return parsed === null ? null : parsed.href;
}

// LEGACY(old WebKit, IE): no URL constructor; RFC 3986 reference resolution for the common forms (absolute, scheme-relative,
// path-absolute, query, fragment, relative path with ./ and ../ segments).
function resolveByPath(input: string, base: string): string | null {
  var m = /^([a-zA-Z][a-zA-Z0-9+.\-]*:)(\/\/[^\/?#]*)?([^?#]*)(\?[^#]*)?/.exec(base);
  if (!m) return null;
  var prefix = m[1] + (m[2] || '');
  if (input.indexOf('//') === 0) return m[1] + input;
  if (input.charAt(0) === '#') return prefix + m[3] + (m[4] || '') + input;
  if (input.charAt(0) === '?') return prefix + m[3] + input;
  var tail = /^([^?#]*)(.*)$/.exec(input)!;
  var path = tail[1].charAt(0) === '/' ? tail[1] : m[3].slice(0, m[3].lastIndexOf('/') + 1) + tail[1];
  var segments = path.split('/');
  var out: string[] = [];
  for (var i = 0; i < segments.length; i++) {
    if (segments[i] === '..') {
      if (out.length > 1) out.pop();
      if (i === segments.length - 1) out.push('');
    } else if (segments[i] === '.') {
      if (i === segments.length - 1) out.push('');
    } else {
      out.push(segments[i]);
    }
  }
  return prefix + out.join('/') + tail[2];
}
