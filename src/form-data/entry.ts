// Entries of a FormData's entry list: https://xhr.spec.whatwg.org/#concept-formdata-entry
import { toUSVString } from '../webidl/conversions';
import { isHostInstance } from '../env/global';
import { isFile, createFile } from './file';

export type FormDataEntryValue = string | File;
export type EntryList = Array<[string, FormDataEntryValue]>;

// https://xhr.spec.whatwg.org/#create-an-entry
export function createEntry(name: unknown, value: unknown, filename: unknown, member: string): [string, FormDataEntryValue] {
  // 1. Set name to the result of converting name into a scalar value string.
  var entryName = toUSVString(name, member);
  // 2. If value is a string, then set value to the result of converting value into a scalar value string.
  if (!isHostInstance(value, 'Blob')) return [entryName, toUSVString(value, member)];
  var blob = value as Blob;
  // 3.1. If value is not a File object, then set value to a new File object, representing the same bytes, whose
  // name attribute value is "blob".
  // 3.2. If filename is given, then set value to a new File object, representing the same bytes, whose name
  // attribute is filename.
  if (filename !== undefined) return [entryName, createFile([blob], toUSVString(filename, member), blob.type, (blob as File).lastModified)];
  if (!isFile(blob)) return [entryName, createFile([blob], 'blob', blob.type)];
  return [entryName, blob];
}
