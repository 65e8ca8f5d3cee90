// The slot of retrofetch's FormData objects (their entry list), apart from the class (./form-data.ts): code that only
// asks whether a value is one of them, or reads its entries (./multipart.ts, which fetching() uses to send a body),
// bundles no FormData class. (An EventSource fetches without bodies: src/event-source/.)
import { createSlot } from '../webidl/slots';
import { EntryList } from './entry';

export var formDataSlot = createSlot<EntryList>('FormData');

export function entryListOf(form: unknown, member: string): EntryList {
  return formDataSlot.get(form, member);
}

export function isFormDataShim(value: unknown): boolean {
  return formDataSlot.has(value);
}
