// Helpers for the FormData suites: bytes without TextEncoder (PhantomJS has none), Blob contents, entry lists as
// plain data, and the feature facts those suites are gated on.
import { Impl, skipBecause } from './harness';

export { utf8Bytes } from './assert';

/** Chars 0x00–0xFF as bytes: handy for hand-written multipart bodies with binary in them. */
export function latin1(s: string): Uint8Array {
  var out = new Uint8Array(s.length);
  for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}


export function blobBytes(blob: Blob): Promise<number[]> {
  return new Promise(function (resolve, reject) {
    var reader = new FileReader();
    reader.onload = function () {
      var u8 = new Uint8Array(reader.result as ArrayBuffer);
      var out: number[] = [];
      for (var i = 0; i < u8.length; i++) out.push(u8[i]);
      resolve(out);
    };
    reader.onerror = function () { reject(reader.error); };
    reader.readAsArrayBuffer(blob);
  });
}

export interface FileDescription {
  name: string;
  type: string;
  size: number;
}

/** The entries as [name, string | {name, type, size}], through forEach. */
export function entriesOf(form: FormData): Array<[string, string | FileDescription]> {
  var out: Array<[string, string | FileDescription]> = [];
  form.forEach(function (value, name) {
    out.push([name, typeof value === 'string' ? value : { name: (value as File).name, type: value.type, size: value.size }]);
  });
  return out;
}

export interface FileContents {
  name: string;
  type: string;
  bytes: number[];
}

/** The entries with each file's bytes read. */
export function entriesWithBytes(form: FormData): Promise<Array<[string, string | FileContents]>> {
  var pending: Array<Promise<[string, string | FileContents]>> = [];
  form.forEach(function (value, name) {
    if (typeof value === 'string') {
      pending.push(Promise.resolve([name, value] as [string, string]));
    } else {
      pending.push(blobBytes(value).then(function (bytes): [string, FileContents] {
        return [name, { name: (value as File).name, type: value.type, bytes: bytes }];
      }));
    }
  });
  return Promise.all(pending);
}

export var hasFileConstructor = (function () {
  try {
    return new File(['a'], 'a.txt').name === 'a.txt';
  } catch (e) {
    return false;
  }
})();

/** Whether a file input's `files` can be set from a DataTransfer (modern engines). */
export var canSetInputFiles = (function () {
  try {
    var transfer = new DataTransfer();
    transfer.items.add(new File(['a'], 'a.txt'));
    var input = document.createElement('input');
    input.type = 'file';
    input.files = transfer.files;
    return input.files.length === 1;
  } catch (e) {
    return false;
  }
})();

var readsFiles: { [impl: string]: Promise<boolean> } = {};

/**
 * Whether the implementation can read a body made from a FormData with a file in it (WebKitGTK's native Response
 * rejects with "Unable to read form data blob"; its fetch() still sends one).
 */
export function readsFormDataFiles(impl: Impl): Promise<boolean> {
  if (!readsFiles[impl.name]) {
    var form = new impl.FormData();
    form.append('f', new Blob(['x']), 'f.txt');
    readsFiles[impl.name] = new impl.Response(form).arrayBuffer().then(function () { return true; }, function () { return false; });
  }
  return readsFiles[impl.name];
}

/**
 * Whether the pass's FormData can be read. Old WebKit's own FormData has only append() (PhantomJS 2.1, QtWebKit 5.212),
 * and the standalone script keeps it for the page's own XHR code (README "Legacy engines"): where nothing deletes it
 * first (the as-is profile), the pass's FormData is that one, and retrofetch's own is no global to test.
 */
export function readableFormData(impl: Impl): boolean {
  return typeof new impl.FormData().forEach === 'function';
}

export var APPEND_ONLY_FORM_DATA = 'the pass\'s FormData is the engine\'s own, append-only, which the standalone ' +
  'script keeps and cannot read (README "Legacy engines"); retrofetch\'s FormData is tested in the other engines';

/** Skips the running test where the pass's FormData cannot be read (see readableFormData). */
export function requireReadableFormData(context: Mocha.Context, impl: Impl): void {
  if (!readableFormData(impl)) skipBecause(context, APPEND_ONLY_FORM_DATA);
}

/** A FormData of another realm (an iframe's): the engine's own, even in the polyfill pass. */
export function foreignFormData(): { FormData: typeof FormData; Blob: typeof Blob; remove: () => void } {
  var iframe = document.createElement('iframe');
  document.body.appendChild(iframe);
  var win: any = iframe.contentWindow;
  return { FormData: win.FormData, Blob: win.Blob, remove: function () { document.body.removeChild(iframe); } };
}

export { base64ToBytes } from './assert';
