// The core script (dist/retrofetch.core.js): the fetch family, abort and FormData, installed where missing, with
// neither a stream polyfill nor a Promise (README "Ways in": load one first where the engine has none).
// `response.body` is then a stream where the page has a ReadableStream, else null; every body method works.
import { fetch } from './fetch/fetch';
import { Headers } from './fetch/headers';
import { Request } from './fetch/request';
import { Response } from './fetch/response';
import { FormData } from './form-data/exported';
import { AbortController } from './dom/abort-controller';
import { AbortSignal } from './dom/abort-signal';
import { DOMException } from './dom/dom-exception';
import { installMissing } from './polyfill';

installMissing({
  fetch: fetch, Headers: Headers, Request: Request, Response: Response, FormData: FormData,
  AbortController: AbortController, AbortSignal: AbortSignal, DOMException: DOMException
});
