// getAllResponseHeaders() text → a header list: https://xhr.spec.whatwg.org/#dom-xmlhttprequest-getallresponseheaders
// Lines are CRLF-separated `name: value`; obsolete line folding (a line starting with SP/HT) continues the previous
// value; lines that are not headers are skipped, never fatal.
var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function parseResponseHeaders(raw: string | null): Array<[string, string]> {
  var list: Array<[string, string]> = [];
  if (!raw) return list;
  var lines = raw.split(/\r?\n|\r/);
  for (var i = 0; i < lines.length; i++) {
    var line = lines[i];
    if (line === '') continue;
    var first = line.charAt(0);
    if ((first === ' ' || first === '\t') && list.length > 0) {
      var last = list[list.length - 1];
      last[1] = (last[1] + ' ' + line.replace(/^[\t ]+|[\t ]+$/g, '')).replace(/^ /, '');
      continue;
    }
    var colon = line.indexOf(':');
    if (colon <= 0) continue;
    var name = line.slice(0, colon).replace(/[\t ]+$/, '');
    if (!TOKEN.test(name)) continue;
    var value = line.slice(colon + 1).replace(/^[\t ]+|[\t ]+$/g, '');
    if (/[\0\r\n]/.test(value)) continue;
    list.push([name, value]);
  }
  return list;
}
