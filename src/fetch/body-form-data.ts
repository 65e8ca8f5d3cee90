// formData() for the Body mixin: https://fetch.spec.whatwg.org/#dom-body-formdata
import { FormData } from '../form-data/exported';
import { createFile } from '../form-data/file';
import { parseMultipart } from '../form-data/multipart-parser';
import { parseURLEncoded } from '../form-data/urlencoded';
import { essence, getParameter } from '../infra/mime-type';
import { Bytes } from '../infra/bytes';
import { supportsBlob } from '../env/support';
import { typeError } from '../webidl/conversions';
import { HeaderList, extractMIMEType } from './header-list';

/** The formData() steps on the body's bytes, with the MIME type extracted from the header list. */
export function parseFormDataBody(bytes: Bytes, headerList: HeaderList, member: string): FormData {
  var mime = extractMIMEType(headerList);
  var type = mime && essence(mime);
  var entries: Array<[string, string | { bytes: Bytes; filename: string; type: string }]>;
  // 1. If mimeType's essence is "multipart/form-data":
  if (type === 'multipart/form-data') {
    // 1. Parse bytes, using the value of the `boundary` parameter from mimeType, per RFC 7578.
    // 2. If that fails for some reason, then throw a TypeError.
    var boundary = getParameter(mime!, 'boundary');
    if (boundary === null) throw typeError(member, 'no boundary');
    entries = parseMultipart(bytes, boundary, member);
  } else if (type === 'application/x-www-form-urlencoded') {
    // 2. If mimeType's essence is "application/x-www-form-urlencoded": 1. Let entries be the result of parsing bytes.
    //    2. If entries is failure, throw a TypeError (it cannot fail).
    entries = parseURLEncoded(bytes);
  } else {
    // 3. Throw a TypeError.
    throw typeError(member, 'not a form Content-Type');
  }
  // (1.3, 2.3) Return a new FormData object, appending each entry, as the result of the parse, to its entry list.
  var form = new FormData();
  for (var i = 0; i < entries.length; i++) {
    var value: string | Blob | { bytes: Bytes; filename: string; type: string } = entries[i][1];
    // A part with a filename: a File whose name is the filename and whose type is the part's Content-Type.
    // Its bytes are copied into an ArrayBuffer of their own (old engines take a view's whole buffer).
    // LEGACY(IE): IE9 has no Blob to hold it.
    if (typeof value !== 'string') {
      if (!supportsBlob) throw typeError(member, 'no Blob for the file part ' + value.filename);
      value = createFile([new Uint8Array(value.bytes).buffer as ArrayBuffer], value.filename, value.type);
    }
    form.append(entries[i][0], value);
  }
  return form;
}
