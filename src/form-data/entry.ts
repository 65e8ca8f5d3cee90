// Entries of a FormData's entry list: https://xhr.spec.whatwg.org/#concept-formdata-entry
import { toUSVString } from '../webidl/conversions';
import { isHostInstance } from '../env/global';
import { isFile, createFile } from './file';

export type FormDataEntryValue = string | File;
export type EntryList = Array<[string, FormDataEntryValue]>;

// https://xhr.spec.whatwg.org/#create-an-entry
export function createEntry(name: unknown, value: unknown, filename: unknown, member: string): [string, FormDataEntryValue] {
  var blob = value as File;
  // 1. Set name to the result of converting name into a scalar value string.
  // 2. If value is a string, then set value to the result of converting value into a scalar value string.
  // 3.2. If filename is given, then set value to a new File object, representing the same bytes, whose name
  // attribute is filename.
  // 3.1. If value is not a File object, then set value to a new File object, representing the same bytes, whose
  // name attribute value is "blob".
  return [toUSVString(name, member), !isHostInstance(value, 'Blob') ? toUSVString(value, member)
    : filename !== undefined ? createFile([blob], toUSVString(filename, member), blob.type, blob.lastModified)
    : isFile(blob) ? blob : createFile([blob], 'blob', (value as Blob).type)];
}
