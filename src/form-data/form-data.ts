// FormData: https://xhr.spec.whatwg.org/#interface-formdata
// The entry list holds scalar value strings and Files (src/form-data/file.ts stands in where File cannot be made).
// Line breaks are not normalised here: since 2021 the spec does that when a body is encoded (multipart.ts), so
// get() returns what was appended, as in every current engine.
import { toUSVString, requireArguments, typeError } from '../webidl/conversions';
import { defineIterable } from '../webidl/pair-iterator';
import { constructing, defineToStringTag } from '../webidl/interface';
import { isHostInstance } from '../env/global';
import { createDOMException } from '../dom/dom-exception';
import { EntryList, FormDataEntryValue, createEntry } from './entry';
import { constructEntryList, isSubmitButton } from './entry-list';
import { formDataSlot as slot, entryListOf } from './form-data-slot';

export type { EntryList, FormDataEntryValue };

/** A FormData of ours over `list` (the list is shared, not copied). */
function formDataOf(list: EntryList): FormData {
  var form = Object.create(FormData.prototype);
  slot.set(form, list);
  return form;
}

// An instance of the host's interface `name`, of this realm or (by its class string) another one.
function isHTML(value: unknown, name: string, classString: RegExp): boolean {
  return isHostInstance(value, name) || classString.test(Object.prototype.toString.call(value));
}

export class FormData {
  // https://xhr.spec.whatwg.org/#dom-formdata
  constructor(form?: unknown, submitter?: unknown) {
    var member = 'FormData constructor';
    var list: EntryList | null = [];
    constructing(this, FormData, slot, 'FormData');
    if (form !== undefined && !isHTML(form, 'HTMLFormElement', /^\[object HTMLFormElement]$/)) throw typeError(member, 'not an HTMLFormElement');
    if (submitter != null && !isHTML(submitter, 'HTMLElement', /^\[object HTML\w*Element]$/)) throw typeError(member, 'submitter not an HTMLElement');
    // 1. If form is given, then:
    if (form !== undefined) {
      var button = submitter as HTMLInputElement | null | undefined;
      // 1.1. If submitter is non-null, then:
      if (button) {
        // 1.1.1. If submitter is not a submit button, then throw a TypeError.
        if (!isSubmitButton(button)) throw typeError(member, 'submitter not a submit button');
        // 1.1.2. If submitter's form owner is not form, then throw a "NotFoundError" DOMException.
        // (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-owner)
        if (button.form !== form) throw createDOMException(member + ': submitter of another form', 'NotFoundError');
      }
      // 1.2. Let list be the result of constructing the entry list for form and submitter.
      list = constructEntryList(form as HTMLFormElement, button || null, formDataOf);
      // 1.3. If list is null, then throw an "InvalidStateError" DOMException.
      if (!list) throw createDOMException(member + ': the form is busy', 'InvalidStateError');
      // 1.4. Set this's entry list to list.
    }
    slot.set(this, list);
  }
}

export interface FormData {
  append(name: string, value: string | Blob, filename?: string): void;
  delete(name: string): void;
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
  has(name: string): boolean;
  set(name: string, value: string | Blob, filename?: string): void;
  entries(): IterableIterator<[string, FormDataEntryValue]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<FormDataEntryValue>;
  forEach(callback: (value: FormDataEntryValue, key: string, parent: FormData) => void, thisArg?: unknown): void;
}

// The operations: each checks `this` and the number of arguments (WebIDL), then runs `steps` on the entry list with
// the indices of the entries named by the first argument, and, for append and set (`withValue`), the entry made of
// the arguments. Their lengths are WebIDL's: the required arguments.
function operation(name: string, withValue: boolean,
  steps: (list: EntryList, found: number[], entry: [string, FormDataEntryValue]) => unknown): void {
  function run(self: unknown, args: IArguments): unknown {
    var member = 'FormData.' + name;
    var list = slot.get(self, member);
    var entry: any;
    requireArguments(args.length, withValue ? 2 : 1, member);
    if (withValue) {
      // WebIDL overload resolution: with three arguments only (name, Blob, filename) is left.
      if (args.length > 2 && !isHostInstance(args[1], 'Blob')) throw typeError(member, 'not a Blob');
      // https://xhr.spec.whatwg.org/#create-an-entry
      entry = createEntry(args[0], args[1], args[2], member);
    }
    var n = withValue ? entry[0] : toUSVString(args[0], member);
    // The indices of the entries whose name is name.
    var found: number[] = [];
    list.forEach(function (e, i) { if (e[0] === n) found.push(i); });
    return steps(list, found, entry);
  }
  (FormData.prototype as any)[name] = withValue
    ? function (this: unknown, _name: unknown, _value: unknown) { return run(this, arguments); }
    : function (this: unknown, _name: unknown) { return run(this, arguments); };
}

// https://xhr.spec.whatwg.org/#dom-formdata-append: 1–2. Append entry to this's entry list.
operation('append', true, function (list, _found, entry) {
  list.push(entry);
});

// https://xhr.spec.whatwg.org/#dom-formdata-delete: remove all entries whose name is name.
operation('delete', false, function (list, found) {
  for (var i = found.length; i--;) list.splice(found[i], 1);
});

// https://xhr.spec.whatwg.org/#dom-formdata-get: 1. If there is no entry whose name is name, return null. 2. Return
// the value of the first such entry.
operation('get', false, function (list, found) {
  return found.length ? list[found[0]][1] : null;
});

// https://xhr.spec.whatwg.org/#dom-formdata-getall
operation('getAll', false, function (list, found) {
  return found.map(function (i) { return list[i][1]; });
});

// https://xhr.spec.whatwg.org/#dom-formdata-has
operation('has', false, function (_list, found) {
  return found.length > 0;
});

// https://xhr.spec.whatwg.org/#dom-formdata-set: 2. If there are entries in this's entry list whose name is name,
// then replace the first such entry with entry and remove the others. 3. Otherwise, append entry.
operation('set', true, function (list, found, entry) {
  for (var i = found.length; --i > 0;) list.splice(found[i], 1);
  if (found.length) list[found[0]] = entry;
  else list.push(entry);
});

// iterable<USVString, FormDataEntryValue>: entries/keys/values/forEach, and @@iterator where Symbol exists.
defineIterable(FormData.prototype, 'FormData', entryListOf);
defineToStringTag(FormData.prototype, 'FormData');
