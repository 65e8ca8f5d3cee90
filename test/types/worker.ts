// A dedicated worker's project (lib "webworker", no DOM): compiles (no TS6200 conflict with lib.dom.d.ts), the worker's
// globals intact and no DOM brought in (test/types/run.js; type-checked only).
import { fetch } from 'retrofetch';

export const forwarded: Promise<void> = fetch('/x').then((response) => response.text()).then((text) => self.postMessage(text));
export const scope: WorkerGlobalScope = self;
// @ts-expect-error no DOM in a worker: no document
void document;
