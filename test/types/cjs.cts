// The CommonJS side of esm.mts: in a .cts file TypeScript resolves `retrofetch` with the `require` condition
// (dist/types/index.d.ts, for dist/retrofetch.cjs). Type-checked by `npm run check:types`, never run.
import { fetch, Headers, Response } from 'retrofetch';
import 'retrofetch/polyfill';

export const done: Promise<number> = fetch('/api/echo', { headers: new Headers([['X-A', '1']]) })
  .then((r: Response) => r.status);
