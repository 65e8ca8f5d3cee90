// The declarations of `retrofetch/polyfill` and `retrofetch/core` (`npm run build` copies this file to
// dist/types/standalone.d.ts and dist/types/standalone-core.d.ts): the two scripts install what the engine lacks and
// export nothing. They declare no globals either: a project with lib "dom" or "webworker" has the types of what they
// install already, and a project without them would get globals that its other code may not have at run time. Such a
// project names retrofetch's types by importing them (`import type { Response } from 'retrofetch'`).
export {};
