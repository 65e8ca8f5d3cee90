// getAllResponseHeaders() text → a header list: https://xhr.spec.whatwg.org/#dom-xmlhttprequest-getallresponseheaders
// Lines are CRLF-separated `name: value`; obsolete line folding (a line starting with SP/HT) continues the previous
// value; lines that are not headers are skipped, never fatal. Linear in the text (src/infra/http.ts).
import { HTTP_TAB_OR_SPACE, isToken, trim, trimTrailing } from '../infra/http';

export function parseResponseHeaders(raw: string | null): Array<[string, string]> {
  var list: Array<[string, string]> = [];
  if (!raw) return list;
  var lines = raw.split(/\r?\n|\r/);
  for (var i = 0; i < lines.length; i++) {
    var line = lines[i];
    // (An empty line has no colon: it is skipped below.)
    if (/^[\t ]/.test(line) && list.length) {
      var last = list[list.length - 1];
      last[1] = trim(last[1] + ' ' + trim(line, HTTP_TAB_OR_SPACE), HTTP_TAB_OR_SPACE);
      continue;
    }
    var colon = line.indexOf(':');
    var name = trimTrailing(line.slice(0, colon), HTTP_TAB_OR_SPACE);
    var value = trim(line.slice(colon + 1), HTTP_TAB_OR_SPACE);
    // (No line holds a CR or LF: they split the lines.)
    if (colon > 0 && isToken(name) && !/\0/.test(value)) list.push([name, value]);
  }
  return list;
}
