// The ponyfill entry: named exports only, no side effects (package.json `sideEffects` names only the polyfill).
export { Headers } from './fetch/headers';
export { Request } from './fetch/request';
export { Response } from './fetch/response';
