// The transport contract: what the fetch algorithms (src/fetch/fetching.ts) hand a transport and what they hear
// back. A transport moves one request's bytes over the engine's XMLHttpRequest (xhr.ts) or XDomainRequest (xdr.ts);
// it knows nothing of Request, Response or streams. ARCHITECTURE.md ("The transport contract") is the long form.
// ProgressInfo is what a page's progress callbacks get; every other member is internal (never read through a
// string), so each has a leading `_`: the scripts' minifier shortens it (webpack.config.js).
import { Bytes } from '../infra/bytes';

export interface ProgressInfo {
  loaded: number;
  total: number;
  lengthComputable: boolean;
}

/** What is sent, already checked against the transport's capabilities by fetching. */
export interface TransportRequest {
  _method: string;
  /** Absolute, without fragment. */
  _url: string;
  /** Header list to send (forbidden request headers already removed). */
  _headers: Array<[string, string]>;
  /** Bytes, or an engine's own FormData (which XHR encodes itself). */
  _body: Bytes | FormData | null;
  /** Send cookies and HTTP auth cross-origin (XHR's withCredentials). */
  _credentials: boolean;
  /** Milliseconds for the transport's own timeout (0: none). */
  _timeout: number;
  _onUploadProgress?: (progress: ProgressInfo) => void;
  /**
   * The consumer decodes the body as UTF-8 (https://encoding.spec.whatwg.org/#utf-8-decode: a leading BOM dropped,
   * U+FFFD for bytes that are not UTF-8) and needs nothing else of it (an EventSource's): where the engine decoded
   * the body itself, its text encoded as UTF-8 will do (no failure for a BOM it sniffed or a U+FFFD).
   */
  _utf8?: boolean;
}

interface TransportHead {
  _status: number;
  _statusText: string;
  _headerList: Array<[string, string]>;
  /** The URL after the redirects the engine followed, or null where it does not tell. */
  _url: string | null;
}

/**
 * The callbacks, in this order: head once, then chunk any number of times, then one of end, fail or timeout.
 * fail or timeout may also come before head. Nothing is called after abort().
 */
export interface TransportListener {
  _head(head: TransportHead): void;
  /** Body bytes, exact, in order. */
  _chunk(bytes: Bytes): void;
  /** The whole body has arrived. */
  _end(): void;
  /** A network error, or a body the transport could not deliver exactly (a TypeError saying which). */
  _fail(error: TypeError): void;
  /** The transport's own timeout elapsed (null: the request has none, see TransportRequest's). */
  _timeout: (() => void) | null;
}

export interface Transport {
  /** Stops the transfer and closes the connection; no callback runs afterwards. */
  _abort(): void;
  /** The consumer takes the body whole: the chunks may wait for the end and come as one. */
  _whole(): void;
}

/**
 * What a transport can do (checked by fetching before anything is sent; a request that needs more is refused with
 * a TypeError naming the limit). `name` is how the errors call it.
 */
export interface Capabilities {
  // (A member left out is false.)
  _name: string;
  /** The methods it can send; absent: any. */
  _methods?: string[];
  /** Request headers of the page's choosing (else only a text/plain Content-Type, which the engine sends). */
  _headers?: boolean;
  /** credentials 'include' (cookies cross-origin). */
  _credentials?: boolean;
  /** Request bodies that are not UTF-8 text, and engine FormData. */
  _binary?: boolean;
  /** Only URLs whose scheme is the page's. */
  _sameScheme?: boolean;
  /** Real status, response headers and redirects (else 200 and Content-Type only). */
  _head?: boolean;
  /** Its own timeout (the backstop for AbortSignal.timeout()). */
  _timeout: boolean;
  /** Upload and download progress events. */
  _upload?: boolean;
  _download: boolean;
  _open(request: TransportRequest, listener: TransportListener): Transport;
}

/** A function that does nothing: a handler that must be there (XDomainRequest's, an old ActiveX XHR's), a stop. */
export function noop(): void { /* nothing */ }
