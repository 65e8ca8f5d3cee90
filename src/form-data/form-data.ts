// FormData: https://xhr.spec.whatwg.org/#interface-formdata
// The entry list holds scalar value strings and Files (src/form-data/file.ts stands in where File cannot be made).
// Line breaks are not normalised here: since 2021 the spec does that when a body is encoded (multipart.ts), so
// get() returns what was appended, as in every current engine.
import { createSlot } from '../webidl/slots';
import { toUSVString, requireArguments } from '../webidl/conversions';
import { defineIterable } from '../webidl/pair-iterator';
import { isHostInstance } from '../env/global';
import { supportsSymbolToStringTag } from '../env/support';
import { createDOMException } from '../dom/dom-exception';
import { EntryList, FormDataEntryValue, createEntry } from './entry';
import { constructEntryList, isSubmitButton, formOwner } from './entry-list';

export type { EntryList, FormDataEntryValue };

var slot = createSlot<EntryList>('FormData');

export function entryListOf(form: unknown, member: string): EntryList {
  return slot.get(form, member);
}

export function isFormDataShim(value: unknown): boolean {
  return slot.has(value);
}

/** A FormData of ours over `list` (the list is shared, not copied). */
export function formDataOf(list: EntryList): FormData {
  var form = Object.create(FormData.prototype);
  slot.set(form, list);
  return form;
}

function isFormElement(value: unknown): value is HTMLFormElement {
  return isHostInstance(value, 'HTMLFormElement') || Object.prototype.toString.call(value) === '[object HTMLFormElement]';
}

function isHTMLElement(value: unknown): value is HTMLElement {
  return isHostInstance(value, 'HTMLElement') || /^\[object HTML\w*Element\]$/.test(Object.prototype.toString.call(value));
}

export class FormData {
  // https://xhr.spec.whatwg.org/#dom-formdata
  constructor(form?: unknown, submitter?: unknown) {
    var member = 'FormData constructor';
    if (!(this instanceof FormData) || slot.has(this)) throw new TypeError("FormData: Please use the 'new' operator");
    if (form !== undefined && !isFormElement(form)) throw new TypeError(member + ": parameter 1 is not of type 'HTMLFormElement'");
    if (submitter !== undefined && submitter !== null && !isHTMLElement(submitter)) {
      throw new TypeError(member + ": parameter 2 is not of type 'HTMLElement'");
    }
    var list: EntryList = [];
    // 1. If form is given, then:
    if (form !== undefined) {
      var button = submitter === undefined ? null : submitter as HTMLElement;
      // 1.1. If submitter is non-null, then:
      if (button !== null) {
        // 1.1.1. If submitter is not a submit button, then throw a TypeError.
        if (!isSubmitButton(button)) throw new TypeError(member + ': the submitter is not a submit button');
        // 1.1.2. If submitter's form owner is not form, then throw a "NotFoundError" DOMException.
        if (formOwner(button) !== form) throw createDOMException(member + ": the submitter's form owner is not this form", 'NotFoundError');
      }
      // 1.2. Let list be the result of constructing the entry list for form and submitter.
      var constructed = constructEntryList(form as HTMLFormElement, button, formDataOf);
      // 1.3. If list is null, then throw an "InvalidStateError" DOMException.
      if (constructed === null) throw createDOMException(member + ': the form is already constructing an entry list', 'InvalidStateError');
      // 1.4. Set this's entry list to list.
      list = constructed;
    }
    slot.set(this, list);
  }

  // https://xhr.spec.whatwg.org/#dom-formdata-append
  append(name: string, value: string | Blob, filename?: string): void {
    var member = 'FormData.append';
    var list = slot.get(this, member);
    requireArguments(arguments.length, 2, member);
    // WebIDL overload resolution: with three arguments only append(name, Blob, filename) is left.
    if (arguments.length > 2 && !isHostInstance(value, 'Blob')) throw new TypeError(member + ": parameter 2 is not of type 'Blob'");
    // 1–2. Let entry be the result of creating an entry; append entry to this's entry list.
    list.push(createEntry(name, value, filename, member));
  }

  // https://xhr.spec.whatwg.org/#dom-formdata-delete
  delete(name: string): void {
    var list = slot.get(this, 'FormData.delete');
    requireArguments(arguments.length, 1, 'FormData.delete');
    var n = toUSVString(name, 'FormData.delete');
    // Remove all entries whose name is name from this's entry list.
    for (var i = list.length - 1; i >= 0; i--) if (list[i][0] === n) list.splice(i, 1);
  }

  // https://xhr.spec.whatwg.org/#dom-formdata-get
  get(name: string): FormDataEntryValue | null {
    var list = slot.get(this, 'FormData.get');
    requireArguments(arguments.length, 1, 'FormData.get');
    var n = toUSVString(name, 'FormData.get');
    // 1. If there is no entry whose name is name, return null. 2. Return the value of the first such entry.
    for (var i = 0; i < list.length; i++) if (list[i][0] === n) return list[i][1];
    return null;
  }

  // https://xhr.spec.whatwg.org/#dom-formdata-getall
  getAll(name: string): FormDataEntryValue[] {
    var list = slot.get(this, 'FormData.getAll');
    requireArguments(arguments.length, 1, 'FormData.getAll');
    var n = toUSVString(name, 'FormData.getAll');
    var out: FormDataEntryValue[] = [];
    for (var i = 0; i < list.length; i++) if (list[i][0] === n) out.push(list[i][1]);
    return out;
  }

  // https://xhr.spec.whatwg.org/#dom-formdata-has
  has(name: string): boolean {
    var list = slot.get(this, 'FormData.has');
    requireArguments(arguments.length, 1, 'FormData.has');
    var n = toUSVString(name, 'FormData.has');
    for (var i = 0; i < list.length; i++) if (list[i][0] === n) return true;
    return false;
  }

  // https://xhr.spec.whatwg.org/#dom-formdata-set
  set(name: string, value: string | Blob, filename?: string): void {
    var member = 'FormData.set';
    var list = slot.get(this, member);
    requireArguments(arguments.length, 2, member);
    if (arguments.length > 2 && !isHostInstance(value, 'Blob')) throw new TypeError(member + ": parameter 2 is not of type 'Blob'");
    // 1. Let entry be the result of creating an entry with name, value, and filename if given.
    var entry = createEntry(name, value, filename, member);
    // 2. If there are entries in this's entry list whose name is name, then replace the first such entry with
    // entry and remove the others. 3. Otherwise, append entry to this's entry list.
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

// iterable<USVString, FormDataEntryValue>: entries/keys/values/forEach, and @@iterator where Symbol exists.
defineIterable(FormData.prototype, 'FormData', entryListOf);
if (supportsSymbolToStringTag) {
  Object.defineProperty(FormData.prototype, Symbol.toStringTag, { value: 'FormData', configurable: true });
}
