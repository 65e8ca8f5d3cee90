// The standalone script (dist/retrofetch.polyfill.js) for `if (!window.fetch) load(...)`: it must work alone in an
// ES5 engine, so where Promise is missing (or not a working Promise) it installs promise-polyfill first, then every
// missing piece of the ponyfill, the streams family included. The names are listed, not taken as `import * as`: a
// module namespace object would bring webpack's runtime helpers into the script.
import './env/install-promise';
import {
  fetch, Headers, Request, Response, FormData, ReadableStream, WritableStream, TransformStream, ByteLengthQueuingStrategy,
  CountQueuingStrategy, TextDecoderStream, TextEncoderStream, TextDecoder, TextEncoder, AbortController, AbortSignal, DOMException, EventSource
} from './index';
import { installMissing } from './polyfill';

installMissing({
  fetch: fetch, Headers: Headers, Request: Request, Response: Response, FormData: FormData, ReadableStream: ReadableStream,
  WritableStream: WritableStream, TransformStream: TransformStream, ByteLengthQueuingStrategy: ByteLengthQueuingStrategy,
  CountQueuingStrategy: CountQueuingStrategy, TextDecoderStream: TextDecoderStream, TextEncoderStream: TextEncoderStream,
  TextDecoder: TextDecoder, TextEncoder: TextEncoder, AbortController: AbortController, AbortSignal: AbortSignal,
  DOMException: DOMException, EventSource: EventSource
});
