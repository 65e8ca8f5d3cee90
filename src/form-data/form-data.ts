// FormData: https://xhr.spec.whatwg.org/#interface-formdata
// The entry list holds strings and Blobs (with a filename); File objects are made where the engine can.
import { createSlot } from '../webidl/slots';
import { toUSVString, requireArguments } from '../webidl/conversions';
import { defineIterable } from '../webidl/pair-iterator';
import { globalObject as g, isHostInstance } from '../env/global';
import { supportsSymbolToStringTag } from '../env/support';

export type FormDataEntryValue = string | File;
export type EntryList = Array<[string, FormDataEntryValue]>;

var slot = createSlot<EntryList>('FormData');

export function entryListOf(form: unknown, member: string): EntryList {
  return slot.get(form, member);
}

function isBlob(value: unknown): value is Blob {
  return isHostInstance(value, 'Blob');
}

// https://xhr.spec.whatwg.org/#create-an-entry
function createEntry(name: unknown, value: unknown, filename: unknown, argc: number, member: string): [string, FormDataEntryValue] {
  var entryName = toUSVString(name, member);
  if (!isBlob(value)) {
    if (argc > 2) throw new TypeError(member + ": parameter 2 is not of type 'Blob'");
    return [entryName, toUSVString(value, member)];
  }
  var isFile = isHostInstance(value, 'File');
  if (isFile && filename === undefined) return [entryName, value as File];
  var fileName = filename !== undefined ? toUSVString(filename, member) : isFile ? (value as File).name : 'blob';
  return [entryName, toFile(value, fileName)];
}

/** A File named `fileName` with the blob's bytes; where File is not constructible, the Blob with a `name`. */
export function toFile(blob: Blob, fileName: string): File {
  try {
    return new g.File([blob], fileName, { type: blob.type, lastModified: (blob as any).lastModified });
  } catch (e) {
    // LEGACY(no File constructor, e.g. PhantomJS, IE): a Blob slice carrying the name.
    var file: any = blob.slice(0, blob.size, blob.type);
    Object.defineProperty(file, 'name', { value: fileName, enumerable: true });
    Object.defineProperty(file, 'lastModified', { value: new Date().getTime(), enumerable: true });
    return file;
  }
}

export class FormData {
  constructor(form?: unknown) {
    if (!(this instanceof FormData)) throw new TypeError("FormData: Please use the 'new' operator");
    if (form !== undefined) {
      // Construction from a <form> element arrives with the FormData issue; an unknown argument is refused now.
      throw new TypeError("FormData: parameter 1 is not of type 'HTMLFormElement'");
    }
    slot.set(this, []);
  }

  append(name: string, value: string | Blob, filename?: string): void {
    var list = slot.get(this, 'FormData.append');
    requireArguments(arguments.length, 2, 'FormData.append');
    list.push(createEntry(name, value, filename, arguments.length, 'FormData.append'));
  }

  delete(name: string): void {
    var list = slot.get(this, 'FormData.delete');
    requireArguments(arguments.length, 1, 'FormData.delete');
    var n = toUSVString(name, 'FormData.delete');
    for (var i = list.length - 1; i >= 0; i--) if (list[i][0] === n) list.splice(i, 1);
  }

  get(name: string): FormDataEntryValue | null {
    var list = slot.get(this, 'FormData.get');
    requireArguments(arguments.length, 1, 'FormData.get');
    var n = toUSVString(name, 'FormData.get');
    for (var i = 0; i < list.length; i++) if (list[i][0] === n) return list[i][1];
    return null;
  }

  getAll(name: string): FormDataEntryValue[] {
    var list = slot.get(this, 'FormData.getAll');
    requireArguments(arguments.length, 1, 'FormData.getAll');
    var n = toUSVString(name, 'FormData.getAll');
    var out: FormDataEntryValue[] = [];
    for (var i = 0; i < list.length; i++) if (list[i][0] === n) out.push(list[i][1]);
    return out;
  }

  has(name: string): boolean {
    var list = slot.get(this, 'FormData.has');
    requireArguments(arguments.length, 1, 'FormData.has');
    var n = toUSVString(name, 'FormData.has');
    for (var i = 0; i < list.length; i++) if (list[i][0] === n) return true;
    return false;
  }

  set(name: string, value: string | Blob, filename?: string): void {
    var list = slot.get(this, 'FormData.set');
    requireArguments(arguments.length, 2, 'FormData.set');
    var entry = createEntry(name, value, filename, arguments.length, 'FormData.set');
    // https://xhr.spec.whatwg.org/#dom-formdata-set: replace the first entry with that name, remove the others.
    var replaced = false;
    for (var i = 0; i < list.length; i++) {
      if (list[i][0] !== entry[0]) continue;
      if (!replaced) {
        list[i] = entry;
        replaced = true;
      } else {
        list.splice(i--, 1);
      }
    }
    if (!replaced) list.push(entry);
  }
}

export interface FormData {
  entries(): IterableIterator<[string, FormDataEntryValue]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<FormDataEntryValue>;
  forEach(callback: (value: FormDataEntryValue, key: string, parent: FormData) => void, thisArg?: unknown): void;
}

defineIterable(FormData.prototype, 'FormData', entryListOf);
if (supportsSymbolToStringTag) {
  Object.defineProperty(FormData.prototype, Symbol.toStringTag, { value: 'FormData', configurable: true });
}
