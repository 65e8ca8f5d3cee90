// MIME types, as far as Body needs them: https://mimesniff.spec.whatwg.org/#parse-a-mime-type
import { HeaderList, headerListGetDecodeSplit } from './header-list';
// (blob().type is the serialized extracted MIME type; formData() dispatches on the essence).

export interface MIMEType {
  type: string;
  subtype: string;
  parameters: Array<[string, string]>;
}

var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var QUOTED_VALUE = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;
var HTTP_WS = /^[\t\n\r ]+|[\t\n\r ]+$/g;

export function parseMIMEType(input: string): MIMEType | null {
  // 1. Remove leading and trailing HTTP whitespace.
  var s = input.replace(HTTP_WS, '');
  var slash = s.indexOf('/');
  if (slash < 0) return null;
  var type = s.slice(0, slash);
  if (!TOKEN.test(type)) return null;
  var semicolon = s.indexOf(';', slash);
  var subtype = (semicolon < 0 ? s.slice(slash + 1) : s.slice(slash + 1, semicolon)).replace(/[\t\n\r ]+$/, '');
  if (!TOKEN.test(subtype)) return null;
  var result: MIMEType = { type: type.toLowerCase(), subtype: subtype.toLowerCase(), parameters: [] };
  var position = semicolon < 0 ? s.length : semicolon;
  while (position < s.length) {
    position++; // past ';'
    while (position < s.length && /[\t\n\r ]/.test(s.charAt(position))) position++;
    var nameEnd = position;
    while (nameEnd < s.length && s.charAt(nameEnd) !== ';' && s.charAt(nameEnd) !== '=') nameEnd++;
    var name = s.slice(position, nameEnd).toLowerCase();
    position = nameEnd;
    if (position < s.length && s.charAt(position) === ';') continue;
    if (position >= s.length) break;
    position++; // past '='
    var value: string;
    if (s.charAt(position) === '"') {
      value = '';
      position++;
      while (position < s.length) {
        var ch = s.charAt(position);
        if (ch === '"') { position++; break; }
        if (ch === '\\' && position + 1 < s.length) position++;
        value += s.charAt(position);
        position++;
      }
      while (position < s.length && s.charAt(position) !== ';') position++;
    } else {
      var valueEnd = s.indexOf(';', position);
      if (valueEnd < 0) valueEnd = s.length;
      value = s.slice(position, valueEnd).replace(/[\t\n\r ]+$/, '');
      position = valueEnd;
      if (value === '') continue;
    }
    if (name !== '' && TOKEN.test(name) && QUOTED_VALUE.test(value) && !hasParameter(result, name)) {
      result.parameters.push([name, value]);
    }
  }
  return result;
}

function hasParameter(mime: MIMEType, name: string): boolean {
  for (var i = 0; i < mime.parameters.length; i++) if (mime.parameters[i][0] === name) return true;
  return false;
}

export function getParameter(mime: MIMEType, name: string): string | null {
  for (var i = 0; i < mime.parameters.length; i++) if (mime.parameters[i][0] === name) return mime.parameters[i][1];
  return null;
}

export function essence(mime: MIMEType): string {
  return mime.type + '/' + mime.subtype;
}

// https://mimesniff.spec.whatwg.org/#serialize-a-mime-type
export function serializeMIMEType(mime: MIMEType): string {
  var s = essence(mime);
  for (var i = 0; i < mime.parameters.length; i++) {
    var value = mime.parameters[i][1];
    if (value === '' || !TOKEN.test(value)) value = '"' + value.replace(/(["\\])/g, '\\$1') + '"';
    s += ';' + mime.parameters[i][0] + '=' + value;
  }
  return s;
}

// https://fetch.spec.whatwg.org/#concept-header-extract-mime-type
export function extractMIMEType(headerList: HeaderList): MIMEType | null {
  // 1–3. charset, essence and mimeType start null; values is the result of getting, decoding and splitting
  // `Content-Type` from headers; 4. if values is null, return failure.
  var values = headerListGetDecodeSplit(headerList, 'Content-Type');
  if (values === null) return null;
  var mimeType: MIMEType | null = null;
  var charset: string | null = null;
  var essenceSeen: string | null = null;
  // 5. For each value of values:
  for (var i = 0; i < values.length; i++) {
    var temporary = parseMIMEType(values[i]);
    if (temporary === null || essence(temporary) === '*/*') continue;
    mimeType = temporary;
    if (essence(mimeType) !== essenceSeen) {
      charset = getParameter(mimeType, 'charset');
      essenceSeen = essence(mimeType);
    } else if (getParameter(mimeType, 'charset') === null && charset !== null) {
      mimeType.parameters.push(['charset', charset]);
    }
  }
  // 6–7. Return mimeType (null: failure).
  return mimeType;
}
