// A project without the platform's libs (no DOM, no webworker): the declarations add no global (test/types/run.js;
// type-checked only).
import { fetch, Response } from 'retrofetch';

export const text: Promise<string> = fetch('/x').then((response: Response) => response.text());

// @ts-expect-error no DOM: no document
void document;
// @ts-expect-error no global fetch either
void globalThis.fetch;
// @ts-expect-error nor a global Headers type
export type H = Headers;
