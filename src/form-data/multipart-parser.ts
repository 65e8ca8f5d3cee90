// Parsing a multipart/form-data body for Body.formData(): https://fetch.spec.whatwg.org/#dom-body-formdata says
// "parse bytes, using the value of the boundary parameter from mimeType, per the rules set forth in RFC 7578", which
// leaves the details to RFC 7578 and RFC 2046 section 5.1.1. Where those leave room, retrofetch does what both
// Chromium and Firefox do (measured: test/unit/form-data/multipart.test.ts), and rejects what either rejects
// unless the RFCs allow it:
// - a preamble before the first delimiter and an epilogue after the last are ignored (RFC 2046);
// - spaces and tabs after a delimiter are ignored (RFC 2046 "transport padding");
// - lines end with CRLF; every part needs `Content-Disposition: form-data` with a `name` parameter, quoted or
//   not, in any order with `filename`; `filename*` is ignored (RFC 7578 4.2);
// - names and filenames are UTF-8, not percent-decoded (no engine decodes the %22/%0D/%0A that HTML writes);
// - a missing close delimiter, a header line without a colon, or a body that ends early is a TypeError.
import { Bytes, bytesFrom, sliceBytes } from '../infra/bytes';
import { utf8Decode } from '../encoding/utf8';

export interface ParsedFile {
  bytes: Bytes;
  filename: string;
  type: string;
}

export type ParsedEntry = [string, string | ParsedFile];

var CR = 0x0d;
var LF = 0x0a;
var DASH = 0x2d;
var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function bytesOfString(s: string): number[] {
  // The boundary is a MIME type parameter value: bytes 0x00–0xFF (isomorphic encoding).
  var out: number[] = [];
  for (var i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0xff);
  return out;
}

function matchesAt(bytes: Bytes, position: number, pattern: number[]): boolean {
  if (position + pattern.length > bytes.length) return false;
  for (var i = 0; i < pattern.length; i++) if (bytes[position + i] !== pattern[i]) return false;
  return true;
}

function indexOf(bytes: Bytes, pattern: number[], from: number): number {
  var first = pattern[0];
  for (var i = from, last = bytes.length - pattern.length; i <= last; i++) {
    if (bytes[i] === first && matchesAt(bytes, i, pattern)) return i;
  }
  return -1;
}

// Header bytes as a string of chars 0x00–0xFF (isomorphic decoding); names and filenames are UTF-8 decoded later.
function isomorphicDecode(bytes: Bytes, start: number, end: number): string {
  var s = '';
  for (var i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

function decodeHeaderText(s: string): string {
  return utf8Decode(bytesFrom(bytesOfString(s)), false);
}

/** Parses `bytes` as multipart/form-data with `boundary`; throws a TypeError naming `member` if it is malformed. */
export function parseMultipart(bytes: Bytes, boundary: string, member: string): ParsedEntry[] {
  function fail(reason: string): never {
    throw new TypeError(member + ': the multipart/form-data body is malformed (' + reason + ')');
  }
  if (boundary === '' || boundary.length > 70) fail('the boundary must be 1 to 70 characters');
  var dashBoundary = bytesOfString('--' + boundary);
  var delimiter = [CR, LF].concat(dashBoundary);
  var entries: ParsedEntry[] = [];
  // The first delimiter opens the body, or follows a preamble and a CRLF.
  var position = 0;
  if (!matchesAt(bytes, 0, dashBoundary)) {
    position = indexOf(bytes, delimiter, 0) + 2;
    if (position < 2) fail('no boundary delimiter');
  }
  for (;;) {
    // position is at "--" boundary.
    position += dashBoundary.length;
    // The close delimiter ends the body; an epilogue may follow.
    if (bytes[position] === DASH && bytes[position + 1] === DASH) return entries;
    while (bytes[position] === 0x20 || bytes[position] === 0x09) position++;
    if (bytes[position] !== CR || bytes[position + 1] !== LF) fail('a boundary delimiter is not followed by CRLF');
    position += 2;
    // The part's header fields, up to an empty line.
    var name: string | null = null;
    var filename: string | null = null;
    var type: string | null = null;
    var disposition = false;
    while (!(bytes[position] === CR && bytes[position + 1] === LF)) {
      var lineEnd = indexOf(bytes, [CR, LF], position);
      if (lineEnd < 0) fail('the header fields of a part do not end');
      var line = isomorphicDecode(bytes, position, lineEnd);
      position = lineEnd + 2;
      var colon = line.indexOf(':');
      var fieldName = colon < 0 ? '' : line.slice(0, colon).replace(/[\t ]+$/, '');
      if (!TOKEN.test(fieldName)) fail('a header line is not a header field: ' + JSON.stringify(line));
      var fieldValue = line.slice(colon + 1).replace(/^[\t ]+|[\t ]+$/g, '');
      fieldName = fieldName.toLowerCase();
      if (fieldName === 'content-disposition') {
        var parsed = parseDisposition(fieldValue);
        if (parsed === null) fail('Content-Disposition is not form-data with a name: ' + JSON.stringify(fieldValue));
        disposition = true;
        name = parsed![0];
        filename = parsed![1];
      } else if (fieldName === 'content-type') {
        type = fieldValue;
      }
    }
    if (!disposition) fail('a part has no Content-Disposition');
    position += 2;
    // The part's body runs to the next delimiter (CRLF, "--", boundary).
    var end = indexOf(bytes, delimiter, position);
    if (end < 0) fail('the body ends before the close delimiter');
    var body = sliceBytes(bytes, position, end);
    position = end + 2;
    // A part with a filename is a File, typed by its Content-Type or text/plain (RFC 7578 4.4); any other part is
    // UTF-8 decoded without BOM, whatever its Content-Type says.
    entries.push([decodeHeaderText(name!), filename !== null
      ? { bytes: body, filename: decodeHeaderText(filename), type: type !== null ? type : 'text/plain' }
      : utf8Decode(body, false)]);
  }
}

// `form-data; name="a"; filename="b"` → [name, filename | null], or null if it is not form-data with a name.
// Values are quoted strings (a backslash escapes the next char) or tokens; parameter names are case-insensitive.
function parseDisposition(value: string): [string, string | null] | null {
  var match = /^form-data[\t ]*(;|$)/i.exec(value);
  if (match === null) return null;
  var position = match[0].length;
  var name: string | null = null;
  var filename: string | null = null;
  while (position < value.length) {
    var param = /^[\t ]*([^\t =;]+)[\t ]*=[\t ]*/.exec(value.slice(position));
    if (param === null) return null;
    position += param[0].length;
    var paramValue = '';
    if (value.charAt(position) === '"') {
      for (position++; position < value.length && value.charAt(position) !== '"'; position++) {
        if (value.charAt(position) === '\\' && position + 1 < value.length) position++;
        paramValue += value.charAt(position);
      }
      if (position >= value.length) return null; // no closing quote
      position++;
    } else {
      var tokenEnd = value.indexOf(';', position);
      if (tokenEnd < 0) tokenEnd = value.length;
      paramValue = value.slice(position, tokenEnd).replace(/[\t ]+$/, '');
      position = tokenEnd;
    }
    var key = param[1].toLowerCase();
    if (key === 'name') name = paramValue;
    else if (key === 'filename') filename = paramValue;
    var rest = /^[\t ]*(;|$)/.exec(value.slice(position));
    if (rest === null) return null;
    position += rest[0].length;
  }
  return name === null ? null : [name, filename];
}
