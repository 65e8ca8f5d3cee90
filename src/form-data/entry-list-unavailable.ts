// The core script's stand-in for ./entry-list.ts (webpack.config.js swaps it in for that build only): a FormData
// made from a <form>. The core script installs retrofetch's FormData only where the engine has none at all (IE9 and
// older), and those engines have no Promise either, so the README's conditional loading sends them to the full
// script; elsewhere the page's FormData is the engine's. What is left of the entry list's ~900 bytes is this error.
import { typeError } from '../webidl/conversions';

function unavailable(): never {
  throw typeError('FormData constructor', 'a FormData from a <form> needs the full script (retrofetch.polyfill.js), not the core one');
}

export function isSubmitButton(_element: Element): boolean {
  return unavailable();
}

export function constructEntryList(_form: HTMLFormElement, _submitter: HTMLElement | null, _wrap: (list: unknown) => FormData): null {
  return unavailable();
}
