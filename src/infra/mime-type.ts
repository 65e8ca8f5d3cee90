// MIME types, the one parser: https://mimesniff.spec.whatwg.org/#understanding-mime-types
// (Body's blob() type and formData(), the CORS-safelisted Content-Type check.) Linear in its input.
import { Position, HTTP_WHITESPACE, collect, collectUntil, trim, trimTrailing, isToken, isQuotedStringTokens, collectHttpQuotedString } from './http';

/** https://mimesniff.spec.whatwg.org/#mime-type: parameters is an ordered map, kept as pairs in insertion order. */
export interface MIMEType {
  _type: string;
  _subtype: string;
  _parameters: Array<[string, string]>;
}

// https://mimesniff.spec.whatwg.org/#parse-a-mime-type: a MIME type record, or null for failure.
export function parseMIMEType(input: string): MIMEType | null {
  // 1. Remove any leading and trailing HTTP whitespace from input.
  input = trim(input, HTTP_WHITESPACE);
  // 2. Let position be a position variable for input, initially pointing at the start of input.
  var position: Position = { _position: 0 };
  // 3. Let type be the code points up to U+002F (/).
  var type = collectUntil(input, position, '/');
  // 4. If type is the empty string or does not solely contain HTTP token code points, then return failure.
  // 5. If position is past the end of input, then return failure.
  if (!isToken(type) || position._position >= input.length) return null;
  // 6. Advance position by 1. (This skips past U+002F (/).)
  position._position++;
  // 7. Let subtype be the code points up to U+003B (;). 8. Remove any trailing HTTP whitespace from subtype.
  var subtype = trimTrailing(collectUntil(input, position, ';'), HTTP_WHITESPACE);
  // 9. If subtype is the empty string or does not solely contain HTTP token code points, then return failure.
  if (!isToken(subtype)) return null;
  // 10. Let mimeType be a new MIME type record: type and subtype in ASCII lowercase (toLowerCase() is ASCII
  //     lowercase on tokens, which are ASCII; names are lowercased below only once known to be tokens).
  var mimeType: MIMEType = { _type: type.toLowerCase(), _subtype: subtype.toLowerCase(), _parameters: [] };
  // (The names set so far, for "parameters[parameterName] does not exist" in constant time.)
  var names: { [key: string]: boolean } = {};
  // 11. While position is not past the end of input:
  while (position._position < input.length) {
    // 1. Advance position by 1. (This skips past U+003B (;).)
    position._position++;
    // 2. Collect a sequence of code points that are HTTP whitespace from input given position.
    collect(input, position, HTTP_WHITESPACE);
    // 3–4. Let parameterName be the code points up to U+003B (;) or U+003D (=), in ASCII lowercase (below).
    var parameterName = collectUntil(input, position, ';=');
    // 5. If position is not past the end of input: at U+003B (;), continue; otherwise skip past U+003D (=).
    if (position._position < input.length) {
      if (input.charAt(position._position) === ';') continue;
      position._position++;
    }
    // 6. If position is past the end of input, then break.
    if (position._position >= input.length) break;
    // 7. Let parameterValue be null.
    var parameterValue: string;
    // 8. If the code point at position within input is U+0022 ("): the collected HTTP quoted string (extracting
    //    the value), then skip to the next U+003B (;).
    if (input.charAt(position._position) === '"') {
      parameterValue = collectHttpQuotedString(input, position, true);
      collectUntil(input, position, ';');
    } else {
      // 9. Otherwise: the code points up to U+003B (;), trailing HTTP whitespace removed; empty → continue.
      parameterValue = trimTrailing(collectUntil(input, position, ';'), HTTP_WHITESPACE);
      if (parameterValue === '') continue;
    }
    // 10. Set mimeType's parameters[parameterName] to parameterValue if parameterName is a non-empty token,
    //     parameterValue solely HTTP quoted-string token code points, and parameterName is not set yet.
    //     (Lowercased whatever it is, but kept only once known to be a token.)
    var lowercaseName = parameterName.toLowerCase();
    if (isToken(parameterName) && isQuotedStringTokens(parameterValue) && !names[' ' + lowercaseName]) {
      names[' ' + lowercaseName] = true;
      mimeType._parameters.push([lowercaseName, parameterValue]);
    }
  }
  // 12. Return mimeType.
  return mimeType;
}

// https://mimesniff.spec.whatwg.org/#mime-type-essence
export function essence(mimeType: MIMEType): string {
  return mimeType._type + '/' + mimeType._subtype;
}

export function getParameter(mimeType: MIMEType, name: string): string | null {
  for (var i = 0; i < mimeType._parameters.length; i++) if (mimeType._parameters[i][0] === name) return mimeType._parameters[i][1];
  return null;
}

// https://mimesniff.spec.whatwg.org/#serialize-a-mime-type
export function serializeMIMEType(mimeType: MIMEType): string {
  // 1. Let serialization be the concatenation of mimeType's type, U+002F (/), and mimeType's subtype.
  var serialization = essence(mimeType);
  // 2. For each name → value of mimeType's parameters:
  for (var i = 0; i < mimeType._parameters.length; i++) {
    var value = mimeType._parameters[i][1];
    // 4. If value is empty or not solely HTTP token code points: escape " and \ with \, and quote it.
    if (!isToken(value)) value = '"' + value.replace(/["\\]/g, '\\$&') + '"';
    // 1–3, 5. Append U+003B (;), name, U+003D (=) and value.
    serialization += ';' + mimeType._parameters[i][0] + '=' + value;
  }
  // 3. Return serialization.
  return serialization;
}
