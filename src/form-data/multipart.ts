// multipart/form-data encoding: https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart/form-data-encoding-algorithm
import { FormData as FormDataShim, entryListOf, EntryList } from './form-data';
import { utf8Encode } from '../encoding/utf8';
import { ChunkSource, blobSource } from '../streams/chunk-source';
import { isHostInstance } from '../env/global';

export function isFormData(value: unknown): boolean {
  if (value instanceof FormDataShim) return true;
  return isHostInstance(value, 'FormData');
}

/** The entry list of our FormData, or of a native one where the engine lets us iterate it. */
export function formDataEntries(form: unknown, member: string): EntryList {
  if (form instanceof FormDataShim) return entryListOf(form, member);
  if (typeof (form as any).forEach !== 'function') {
    throw new TypeError(member + ": this engine's native FormData cannot be read; use retrofetch's FormData");
  }
  var list: EntryList = [];
  (form as any).forEach(function (value: any, name: string) {
    list.push([name, value]);
  });
  return list;
}

function normalizeLineBreaks(s: string): string {
  return s.replace(/\r\n|\r|\n/g, '\r\n');
}

function escapeName(s: string): string {
  return s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

export function createBoundary(): string {
  var s = '----RetrofetchFormBoundary';
  for (var i = 0; i < 16; i++) s += 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.charAt(Math.floor(Math.random() * 62));
  return s;
}

export interface Multipart {
  boundary: string;
  parts: Array<Uint8Array | Blob>;
  length: number;
}

export function encodeMultipart(entries: EntryList, boundary: string): Multipart {
  var parts: Array<Uint8Array | Blob> = [];
  var length = 0;
  function text(s: string): void {
    var bytes = utf8Encode(s);
    parts.push(bytes);
    length += bytes.length;
  }
  for (var i = 0; i < entries.length; i++) {
    var name = escapeName(normalizeLineBreaks(entries[i][0]));
    var value = entries[i][1];
    var head = '--' + boundary + '\r\nContent-Disposition: form-data; name="' + name + '"';
    if (typeof value === 'string') {
      text(head + '\r\n\r\n' + normalizeLineBreaks(value) + '\r\n');
    } else {
      var file = value as Blob & { name?: string };
      text(head + '; filename="' + escapeName(file.name === undefined ? 'blob' : file.name) + '"\r\nContent-Type: ' +
        (file.type || 'application/octet-stream') + '\r\n\r\n');
      parts.push(file);
      length += file.size;
      text('\r\n');
    }
  }
  text('--' + boundary + '--\r\n');
  return { boundary: boundary, parts: parts, length: length };
}

/** A source over the encoded parts; Blob parts are read only when their turn comes. */
export function multipartSource(multipart: Multipart): ChunkSource {
  var index = 0;
  var current: ChunkSource | null = null;
  function read(): Promise<Uint8Array | null> {
    if (current !== null) {
      return current.read().then(function (chunk) {
        if (chunk !== null) return chunk;
        current = null;
        return read();
      });
    }
    if (index >= multipart.parts.length) return Promise.resolve(null);
    var part = multipart.parts[index++];
    if (part instanceof Uint8Array) return Promise.resolve(part);
    current = blobSource(part);
    return read();
  }
  return {
    read: read,
    cancel: function () {
      index = multipart.parts.length;
      current = null;
      return Promise.resolve();
    }
  };
}
