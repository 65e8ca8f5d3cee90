// The transport contract: what the fetch algorithms (src/fetch/fetching.ts) hand a transport and what they hear
// back. A transport moves one request's bytes over the engine's XMLHttpRequest (xhr.ts) or XDomainRequest (xdr.ts);
// it knows nothing of Request, Response or streams. ARCHITECTURE.md ("The transport contract") is the long form.
import { Bytes } from '../infra/bytes';

export interface ProgressInfo {
  loaded: number;
  total: number;
  lengthComputable: boolean;
}

/** What is sent, already checked against the transport's capabilities by fetching. */
export interface TransportRequest {
  method: string;
  /** Absolute, without fragment. */
  url: string;
  /** Header list to send (forbidden request headers already removed). */
  headers: Array<[string, string]>;
  /** Bytes, or an engine's own FormData (which XHR encodes itself). */
  body: Bytes | FormData | null;
  /** Send cookies and HTTP auth cross-origin (XHR's withCredentials). */
  credentials: boolean;
  /** Milliseconds for the transport's own timeout (0: none). */
  timeout: number;
  onUploadProgress?: (progress: ProgressInfo) => void;
}

interface TransportHead {
  status: number;
  statusText: string;
  headerList: Array<[string, string]>;
  /** The URL after the redirects the engine followed, or null where it does not tell. */
  url: string | null;
}

/**
 * The callbacks, in this order: head once, then chunk any number of times, then one of end, fail or timeout.
 * fail or timeout may also come before head. Nothing is called after abort().
 */
export interface TransportListener {
  head(head: TransportHead): void;
  /** Body bytes, exact, in order. */
  chunk(bytes: Bytes): void;
  /** The whole body has arrived. */
  end(): void;
  /** A network error, or a body the transport could not deliver exactly (a TypeError saying which). */
  fail(error: TypeError): void;
  /** The transport's own timeout elapsed. */
  timeout(): void;
}

export interface Transport {
  /** Stops the transfer and closes the connection; no callback runs afterwards. */
  abort(): void;
  /** The consumer takes the body whole: the chunks may wait for the end and come as one. */
  whole(): void;
}

/**
 * What a transport can do (checked by fetching before anything is sent; a request that needs more is refused with
 * a TypeError naming the limit). `name` is how the errors call it.
 */
export interface Capabilities {
  // (A member left out is false.)
  name: string;
  /** The methods it can send; null: any. */
  methods: string[] | null;
  /** Request headers of the page's choosing (else only a text/plain Content-Type, which the engine sends). */
  headers?: boolean;
  /** credentials 'include' (cookies cross-origin). */
  credentials?: boolean;
  /** Request bodies that are not UTF-8 text, and engine FormData. */
  binary?: boolean;
  /** Only URLs whose scheme is the page's. */
  sameScheme?: boolean;
  /** Real status, response headers and redirects (else 200 and Content-Type only). */
  head?: boolean;
  /** Its own timeout (the backstop for AbortSignal.timeout()). */
  timeout: boolean;
  /** Upload and download progress events. */
  upload?: boolean;
  download: boolean;
  open(request: TransportRequest, listener: TransportListener): Transport;
}
