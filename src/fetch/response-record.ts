// The response record (https://fetch.spec.whatwg.org/#concept-response) and the status classes the fetch algorithms
// read, apart from the Response class (./response.ts): fetching() makes records without the class, so that what
// fetches without handing out a Response (an EventSource, src/event-source/) bundles no Body mixin.
import { GUARD_IMMUTABLE, Headers, HeadersGuard, createHeaders } from './headers';
import { HeaderList } from './header-list';
import { InnerBody } from './body';

/** https://fetch.spec.whatwg.org/#concept-response */
export interface InnerResponse {
  type: ResponseType;
  status: number;
  statusText: string;
  _body: InnerBody | null;
  _urlList: string[];
  /** The Headers object, over the response's header list. */
  headers: Headers;
}

// https://fetch.spec.whatwg.org/#null-body-status
export function isNullBodyStatus(status: number): boolean {
  return /^(10[13]|20[45]|304)$/.test('' + status);
}

// https://fetch.spec.whatwg.org/#redirect-status
export function isRedirectStatus(status: number): boolean {
  return /^30[12378]$/.test('' + status);
}

/** A response record over a header list the caller made; its Headers object has `guard`, by default "immutable". @internal */
export function newNetworkResponse(status: number, statusText: string, headerList: HeaderList, body: InnerBody | null,
  urlList: string[], type: ResponseType, guard: HeadersGuard = GUARD_IMMUTABLE): InnerResponse {
  return { type: type, status: status, statusText: statusText, _body: body, _urlList: urlList, headers: createHeaders(headerList, guard) };
}
