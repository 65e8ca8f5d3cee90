// Parsing a multipart/form-data body for Body.formData(): https://fetch.spec.whatwg.org/#dom-body-formdata says
// "parse bytes, using the value of the boundary parameter from mimeType, per the rules set forth in RFC 7578", which
// leaves the details to RFC 7578 and RFC 2046 section 5.1.1. Where those leave room, retrofetch does what both
// Chromium and Firefox do (measured: test/unit/form-data/multipart.test.ts), and rejects what either rejects
// unless the RFCs allow it:
// - a preamble before the first delimiter and an epilogue after the last are ignored (RFC 2046);
// - spaces and tabs after a delimiter are ignored (RFC 2046 "transport padding");
// - lines end with CRLF; every part needs `Content-Disposition: form-data` with a `name` parameter, a quoted
//   string or a token, in any order with `filename`; `filename*` is ignored (RFC 7578 4.2);
// - names and filenames are UTF-8, not percent-decoded (no engine decodes the %22/%0D/%0A that HTML writes);
// - a missing close delimiter, a header line without a colon, or a body that ends early is a TypeError.
import { Bytes, bytesFrom, isomorphicDecode, sliceBytes } from '../infra/bytes';
import { utf8DecodeWithoutBOM } from '../encoding/utf8';
import { typeError } from '../webidl/conversions';
import { HTTP_TAB_OR_SPACE, byteLowercase, collect, collectHttpQuotedString, collectUntil, isToken, isomorphicEncode, trim, trimTrailing } from '../infra/http';

// Header lines are isomorphic decoded (chars 0x00–0xFF); names and filenames are then UTF-8 decoded.
function decodeHeaderText(s: string): string {
  return utf8DecodeWithoutBOM(bytesFrom(isomorphicEncode(s)));
}

/**
 * Parses `bytes` as multipart/form-data with `boundary`; throws a TypeError naming `member` if it is malformed. A
 * part with a filename gives its bytes, filename and type; any other its value.
 */
export function parseMultipart(bytes: Bytes, boundary: string, member: string): Array<[string, string | { bytes: Bytes; filename: string; type: string }]> {
  function fail(reason: string): never {
    throw typeError(member, 'malformed multipart body (' + reason + ')');
  }
  if (boundary === '' || boundary.length > 70) fail('boundary length ' + boundary.length);
  // The body isomorphic decoded: one char a byte, so that positions in it are positions in bytes. The boundary is a
  // MIME type parameter value: code points 0x00–0xFF.
  var text = isomorphicDecode(bytes);
  var dashBoundary = '--' + boundary;
  var delimiter = '\r\n' + dashBoundary;
  var entries: Array<[string, string | { bytes: Bytes; filename: string; type: string }]> = [];
  // The first delimiter opens the body, or follows a preamble and a CRLF: the first delimiter of CRLF + body.
  var position = ('\r\n' + text).indexOf(delimiter);
  if (position < 0) fail('no boundary delimiter');
  for (;;) {
    // position is at "--" boundary.
    position += dashBoundary.length;
    // The close delimiter ends the body; an epilogue may follow.
    if (text.substr(position, 2) === '--') return entries;
    while (/[\t ]/.test(text.charAt(position))) position++;
    if (text.substr(position, 2) !== '\r\n') fail('no CRLF after delimiter');
    position += 2;
    // The part's header fields, up to an empty line.
    var disposition: Disposition | null = null;
    var type: string | null = null;
    while (text.substr(position, 2) !== '\r\n') {
      var lineEnd = text.indexOf('\r\n', position);
      if (lineEnd < 0) fail('unterminated header fields');
      var line = text.slice(position, lineEnd);
      var colon = line.indexOf(':');
      var fieldName = trimTrailing(line.slice(0, colon), HTTP_TAB_OR_SPACE);
      var fieldValue = trim(line.slice(colon + 1), HTTP_TAB_OR_SPACE);
      position = lineEnd + 2;
      if (colon < 0 || !isToken(fieldName)) fail('bad header ' + JSON.stringify(line));
      fieldName = byteLowercase(fieldName);
      if (fieldName === 'content-disposition') {
        disposition = parseDisposition(fieldValue);
        if (!disposition) fail('bad Content-Disposition ' + JSON.stringify(fieldValue));
      } else if (fieldName === 'content-type') {
        type = fieldValue;
      }
    }
    if (!disposition) fail('no Content-Disposition');
    // The part's body runs to the next delimiter (CRLF, "--", boundary).
    var end = text.indexOf(delimiter, position += 2);
    if (end < 0) fail('no close delimiter');
    var body = sliceBytes(bytes, position, end);
    var filename = disposition!._filename;
    position = end + 2;
    // A part with a filename is a File, typed by its Content-Type or text/plain (RFC 7578 4.4); any other part is
    // UTF-8 decoded without BOM, whatever its Content-Type says.
    entries.push([decodeHeaderText(disposition!._name), filename !== null
      ? { bytes: body, filename: decodeHeaderText(filename), type: type !== null ? type : 'text/plain' }
      : utf8DecodeWithoutBOM(body)]);
  }
}

/** A part's Content-Disposition: its name, and its filename if it has one. */
interface Disposition {
  _name: string;
  _filename: string | null;
}

// `form-data; name="a"; filename="b"`, or null if it is not form-data with a name. Values are HTTP quoted strings (a
// closing quote is required) or tokens; parameter names are case-insensitive.
function parseDisposition(value: string): Disposition | null {
  if (byteLowercase(value.slice(0, 9)) !== 'form-data') return null;
  var position = { _position: 9 };
  var name: string | null = null;
  var filename: string | null = null;
  for (;;) {
    // After `form-data` and after each parameter: optional whitespace, then `;` or the end.
    collect(value, position, HTTP_TAB_OR_SPACE);
    if (position._position >= value.length) break;
    if (value.charAt(position._position++) !== ';') return null;
    if (position._position >= value.length) break;
    // A parameter: name, optional whitespace around `=`, value.
    collect(value, position, HTTP_TAB_OR_SPACE);
    var key = byteLowercase(collectUntil(value, position, '\t =;'));
    collect(value, position, HTTP_TAB_OR_SPACE);
    if (key === '' || value.charAt(position._position++) !== '=') return null;
    collect(value, position, HTTP_TAB_OR_SPACE);
    var paramValue: string;
    if (value.charAt(position._position) === '"') {
      // The quoted string as it stands; it must end with its closing quote (and not with the input): a quote, runs of
      // code points other than a quote or backslash between escapes (a backslash and any code point), then the closing
      // quote. (Each code point matches one way only, and the loop turns once per escape: linear.) Its value is that
      // without the quotes and the escaping backslashes.
      paramValue = collectHttpQuotedString(value, position, false);
      if (!/^"[^"\\]*(?:\\[\s\S][^"\\]*)*"$/.test(paramValue)) return null;
      paramValue = paramValue.slice(1, -1).replace(/\\([\s\S])/g, '$1');
    } else {
      // Unquoted, a value is a token (RFC 2045 5.1; Chromium refuses "name=a b").
      paramValue = trimTrailing(collectUntil(value, position, ';'), HTTP_TAB_OR_SPACE);
      if (!isToken(paramValue)) return null;
    }
    if (key === 'name') name = paramValue;
    else if (key === 'filename') filename = paramValue;
  }
  return name === null ? null : { _name: name, _filename: filename };
}
