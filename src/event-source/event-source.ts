// The EventSource interface: https://html.spec.whatwg.org/multipage/server-sent-events.html#the-eventsource-interface
// Each connection is a fetch through retrofetch's fetch algorithms (fetching(), src/fetch/fetching.ts), so it goes
// over whatever transport the engine has: its XMLHttpRequest, or XDomainRequest cross-origin in IE8–9. The body is
// read as it arrives and interpreted by ./event-stream-parser.ts. README "EventSource" says what differs from a
// browser's own: Last-Event-ID cross-origin, the byte cap, and the extension member `retrofetch`.
import { fetching, abortFetchController, FetchController } from '../fetch/fetching';
import { InnerRequest } from '../fetch/request';
import { InnerResponse } from '../fetch/response-record';
import { ConvertedHeadersInit, convertHeadersInit, createHeaders, fillHeaders, headerListOf } from '../fetch/headers';
import { HeaderList, extractMIMEType, headerListSet } from '../fetch/header-list';
import { parseURL, originOf, currentOrigin, stripFragment } from '../fetch/url';
import { ChunkSource, chunkReader } from '../streams/chunk-source';
import { EventTarget, initEventTarget, fireEvent, defineEventHandler } from '../dom/event-target';
import { Event, createTrustedEvent } from '../dom/event';
import { createDOMException } from '../dom/dom-exception';
import { createSlot } from '../webidl/slots';
import { constructing, defineAttributes, defineConstants, defineOperations, inheritInterface } from '../webidl/interface';
import { requireArguments, toDictionary, toDictionaryMembers, toNumber, toUSVString, typeError } from '../webidl/conversions';
import { utf8Encode } from '../encoding/utf8';
import { Bytes, isomorphicDecode } from '../infra/bytes';
import { essence } from '../infra/mime-type';
import { supportsEventConstructors } from '../env/support';
import { globalObject as g, MAX_TIMER_MS } from '../env/global';
import { createEventStreamParser, EventStreamParser } from './event-stream-parser';

/**
 * retrofetch's own EventSourceInit member, `eventSourceInitDict.retrofetch` (a name no future spec member will take;
 * a native EventSource ignores it), as `init.retrofetch` is fetch()'s. README "EventSource".
 */
export interface RetrofetchEventSourceOptions {
  /** Request headers sent with every connection (`Authorization`, say), in any form `new Headers()` takes. */
  headers?: [string, string][] | Record<string, string> | Headers;
  /** Reconnect (an `error` event, then after the reconnection time) when nothing, not even a comment, has arrived for
   * this many milliseconds. Default 0: never. */
  heartbeatTimeout?: number;
  /** Once a connection has delivered this many bytes, replace it with a new one, with Last-Event-ID and without an
   * event (the engine keeps every byte of an XHR's response). Default 4 MiB; 0: never. */
  maxBytes?: number;
  /** How the last event ID goes on a reconnection: the `Last-Event-ID` header (the spec's), or a `lastEventId` query
   * parameter. Default: the header same-origin, the parameter cross-origin (the header would need a CORS preflight). */
  lastEventIdIn?: 'header' | 'query';
}

export interface EventSourceInit {
  withCredentials?: boolean;
  retrofetch?: RetrofetchEventSourceOptions;
}

export interface EventSource extends EventTarget {
  readonly url: string;
  readonly withCredentials: boolean;
  readonly readyState: number;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
  onopen: ((this: EventSource, event: Event) => any) | null;
  onmessage: ((this: EventSource, event: MessageEvent) => any) | null;
  onerror: ((this: EventSource, event: Event) => any) | null;
  close(): void;
}

/** https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource-readystate */
type ReadyState = 0 | 1 | 2;
var CONNECTING: ReadyState = 0;
var OPEN: ReadyState = 1;
var CLOSED: ReadyState = 2;

/** One fetch of the event source's request, from the request to the end of its body. */
interface Connection {
  /** (Set once fetching() returns: nothing can stop the connection before.) */
  _controller?: FetchController;
  /** Body bytes so far (against maxBytes). */
  _received: number;
  /** The heartbeat timeout's timer, set again whenever bytes arrive. */
  _heartbeat?: any;
}

/** An EventSource object's state: https://html.spec.whatwg.org/multipage/server-sent-events.html#the-eventsource-interface */
interface EventSourceState {
  _self: EventSource;
  /** The attributes: the URL serialized, withCredentials, readyState. */
  url: string;
  withCredentials: boolean;
  readyState: ReadyState;
  /** The request's header list: `Accept`, and the extension's headers (Last-Event-ID is set per connection). */
  _headers: HeaderList;
  _lastEventId: string;
  /** The reconnection time, in ms. */
  _reconnectionTime: number;
  /** The fetch in flight (null: none, closed or waiting to reconnect). */
  _connection: Connection | null;
  /** The wait before a reconnection. */
  _timer?: any;
  /** A connection was announced once: a cross-origin request got through CORS. */
  _opened?: boolean;
  _crossOrigin: boolean;
  _lastEventIdInQuery: boolean;
  _heartbeatTimeout: number;
  _maxBytes: number;
}

var slot = createSlot<EventSourceState>('EventSource');

// The reconnection time at first: "implementation-defined, probably in the region of a few seconds" (Chromium's).
var DEFAULT_RECONNECTION_TIME = 3000;
var DEFAULT_MAX_BYTES = 4 * 1024 * 1024;
var MEMBER = 'EventSource constructor';
// How errors name the extension member (and, after it, its member: `... retrofetch (maxBytes)`).
var EXTENSION = MEMBER + ': retrofetch';

// https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource (declared with `url` alone: its
// length is 1, as in IDL).
export var EventSource: {
  prototype: EventSource;
  new (url: string | URL, eventSourceInitDict?: EventSourceInit): EventSource;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
} = function EventSource(this: EventSource, url: string | URL) {
  constructing(this, EventSource, slot, MEMBER);
  requireArguments(arguments.length, 1, MEMBER);
  // (WebIDL: the arguments are converted first: url, then the dictionary's members in order, retrofetch's included.)
  var href = toUSVString(url, MEMBER);
  var dict = toDictionary<EventSourceInit>(arguments[1], MEMBER);
  var extension: Extension = {};
  toDictionaryMembers(dict.retrofetch, EXTENSION, EXTENSION_MEMBERS, extension);
  var withCredentials = !!dict.withCredentials;
  // 1–2. ev is this; settings is the current settings object (its base URL is parseURL's).
  // 3. Let urlRecord be the result of encoding-parsing a URL given url, relative to settings.
  var parsed = parseURL(href);
  // 4. If urlRecord is failure, then throw a "SyntaxError" DOMException.
  if (!parsed) throw createDOMException(MEMBER + ': invalid URL ' + href, 'SyntaxError');
  // 5. Set ev's url to urlRecord. 6–7. withCredentials: the CORS attribute state Use Credentials (below).
  var crossOrigin = originOf(parsed._href) !== currentOrigin();
  var list: HeaderList = [];
  fillHeaders(createHeaders(list, 0), extension.headers || [], EXTENSION + ' (headers)');
  // 8–13. The request (newRequest, per connection). 10. User agents may set (`Accept`, `text/event-stream`) in
  //       request's header list: same-origin (LEGACY(IE): cross-origin it would keep XDomainRequest, which sends no
  //       header, from carrying the request).
  if (!crossOrigin) headerListSet(list, 'Accept', 'text/event-stream');
  var state: EventSourceState = {
    _self: this, url: parsed._href, withCredentials: withCredentials, readyState: CONNECTING,
    _headers: list, _lastEventId: '', _reconnectionTime: DEFAULT_RECONNECTION_TIME, _connection: null,
    _crossOrigin: crossOrigin,
    _lastEventIdInQuery: extension.lastEventIdIn ? extension.lastEventIdIn === 'query' : crossOrigin,
    _heartbeatTimeout: extension.heartbeatTimeout || 0,
    _maxBytes: extension.maxBytes === undefined ? DEFAULT_MAX_BYTES : extension.maxBytes
  };
  initEventTarget(this);
  slot.set(this, state);
  // 14–15. Fetch request. 16. Return ev.
  connect(state);
} as any;

// EventSource inherits from EventTarget (retrofetch's).
var proto: EventSource = inheritInterface(EventSource, EventTarget);

defineConstants(EventSource, 'CONNECTING OPEN CLOSED', 0);

defineAttributes(proto, slot, 'EventSource', { url: 0, withCredentials: 0, readyState: 0 });

defineOperations(proto, slot, 'EventSource', {
  // https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource-close: abort any instances of the
  // fetch algorithm started for this EventSource object, and set the readyState attribute to CLOSED.
  close: function (state) {
    stop(state);
    state.readyState = CLOSED;
  }
});

// https://html.spec.whatwg.org/multipage/server-sent-events.html#handler-eventsource-onopen and the next two.
['open', 'message', 'error'].forEach(function (type) {
  defineEventHandler(proto, type, 'EventSource');
});

/** The extension member, converted (its members absent where they were). */
interface Extension {
  headers?: ConvertedHeadersInit;
  heartbeatTimeout?: number;
  lastEventIdIn?: 'header' | 'query';
  maxBytes?: number;
}

// The extension member's members, in lexicographic order, each with its conversion (or an enumeration's values), as
// a dictionary's are converted (toDictionaryMembers).
var EXTENSION_MEMBERS = {
  headers: convertHeadersInit,
  heartbeatTimeout: toCount,
  lastEventIdIn: 'header query',
  maxBytes: toCount
};

// A count of milliseconds or bytes: a number, 0 or more (0: none), Infinity included.
function toCount(value: unknown, member: string): number {
  var n = toNumber(value, member);
  if (!(n >= 0)) throw typeError(member, 'not a number of 0 or more');
  return n;
}

// The request of https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource steps 8–13, with the
// last event ID of https://html.spec.whatwg.org/multipage/server-sent-events.html#reestablish-the-connection step
// 5.3: the request record's fields that fetching() reads.
function newRequest(state: EventSourceState): InnerRequest {
  var url = state.url;
  var list = state._headers.slice();
  var id = state._lastEventId;
  // 5.3. If the event source's last event ID string is not the empty string, set (`Last-Event-ID`, it encoded as
  //      UTF-8) in request's header list; or (README "EventSource") put it in the query, where the header would make
  //      a cross-origin request preflighted that a browser's EventSource sends without (and XDomainRequest sends no
  //      header at all).
  if (id && state._lastEventIdInQuery) {
    url = stripFragment(url);
    url += (url.indexOf('?') < 0 ? '?' : '&') + 'lastEventId=' + encodeURIComponent(id);
  } else if (id) {
    headerListSet(list, 'Last-Event-ID', isomorphicDecode(utf8Encode(id)));
  }
  return {
    method: 'GET', url: url, headers: createHeaders(list, 0), _body: null,
    // 8. Create a potential-CORS request given urlRecord, "", and corsAttributeState: mode "cors"; credentials mode
    //    "include" for Use Credentials, else "same-origin". 11. Its cache mode is "no-store". Redirects are followed.
    mode: 'cors', credentials: state.withCredentials ? 'include' : 'same-origin', cache: 'no-store', redirect: 'follow',
    // (No keepalive, no signal: close() aborts through the fetch controller.) The body is read as UTF-8 text only:
    // the transport may give the engine's decoding of it (a BOM dropped, U+FFFD).
    _utf8: true
  } as InnerRequest;
}

// Fetches the request (the constructor's step 15, and reestablish the connection's step 5.4). While OPEN, it is a
// renewal at the byte cap (README "EventSource"), not seen: nothing is announced.
function connect(state: EventSourceState): void {
  var connection: Connection = { _received: 0 };
  state._connection = connection;
  connection._controller = fetching(newRequest(state), {}, function (response) {
    // Handled in a task of its own: fetching() may answer before it returns (a request it cannot send, a data: URL),
    // before the page has had a chance to listen. Nothing was sent then (no controller yet): a network error is final.
    var futile = !connection._controller;
    setTimeout(function () {
      if (state._connection === connection) processResponse(state, connection, response, futile);
    }, 0);
  }, function () { /* the end of the body is read through it */ });
  watchHeartbeat(state, connection);
}

// The constructor's step 15's processResponse, given response res (null: a network error).
function processResponse(state: EventSourceState, connection: Connection, res: InnerResponse | null, futile: boolean): void {
  if (!res) {
    // 1. If res is an aborted network error, then fail the connection (only close() and a reconnection abort, and
    //    their connection is no longer this one).
    // 2. Otherwise, if res is a network error, then reestablish the connection, unless the user agent knows that
    //    to be futile, in which case it may fail the connection: a request that could not be sent at all, and
    //    (LEGACY(XHR): XHR tells a CORS failure from a network error in no way) a cross-origin request before any
    //    connection got through: browsers fail the connection on a CORS failure.
    if (futile || (state._crossOrigin && !state._opened)) failConnection(state);
    else reestablish(state);
    return;
  }
  // 3. Otherwise, if res's status is not 200, or if res's `Content-Type` is not `text/event-stream` (its MIME type
  //    parameters ignored), then fail the connection.
  var type = extractMIMEType(headerListOf(res.headers));
  if (res.status !== 200 || !type || essence(type) !== 'text/event-stream') return failConnection(state);
  // 4. Otherwise, announce the connection (https://html.spec.whatwg.org/multipage/server-sent-events.html#announce-the-connection,
  //    in the task of the response: if the readyState attribute is set to a value other than CLOSED, set it to OPEN
  //    and fire `open`; a renewal, OPEN already, is not announced) and interpret res's body line by line.
  state._opened = true;
  if (state.readyState === CONNECTING) {
    state.readyState = OPEN;
    fireEvent(state._self, createEvent('open'));
  }
  // (Unless an `open` listener closed it.)
  if (state._connection === connection) interpret(state, connection, res._body!._source!, res._urlList[res._urlList.length - 1]);
}

// Reads the body as it arrives and feeds the parser, one chunk at a time (a chunk given at once, from the queue,
// continues the loop instead of nesting); then, at its end or its failure, reestablishes the connection.
function interpret(state: EventSourceState, connection: Connection, source: ChunkSource, finalURL: string): void {
  // https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage step 5: the origin of the event
  // stream's final URL (after redirects).
  var origin = originOf(finalURL);
  var parser: EventStreamParser = createEventStreamParser(state._lastEventId, {
    _dispatch: function (lastEventId, type, data) {
      // 1. Set the last event ID string of the event source to the value of the last event ID buffer.
      state._lastEventId = lastEventId;
      // 8. (In the task that parsed it:) if the readyState attribute is not CLOSED, dispatch the event.
      if (data !== null && state._connection === connection) {
        fireEvent(state._self, createMessageEvent(type, data, origin, lastEventId));
      }
    },
    _retry: function (milliseconds) {
      state._reconnectionTime = milliseconds;
    }
  });
  var next = chunkReader(source, onChunk, onFailure);
  function onChunk(chunk: Bytes | null): void {
    if (state._connection !== connection) return;
    // https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource step 14: the end of the body
    // (not a network error): reestablish the connection.
    if (chunk === null) return reestablish(state);
    connection._received += chunk.length;
    watchHeartbeat(state, connection);
    parser._feed(chunk);
    // A listener closed it.
    if (state._connection !== connection) return;
    // The byte cap (README "EventSource"): once the chunk that passed it is interpreted, a new connection takes
    // over, with Last-Event-ID (an event that arrived only in part comes again from a server that resumes there).
    if (state._maxBytes > 0 && connection._received >= state._maxBytes) {
      stop(state);
      return connect(state);
    }
    next();
  }
  function onFailure(): void {
    // A body that fails (cut short, a network error) ends the connection as its end does.
    if (state._connection === connection) reestablish(state);
  }
  next();
}

// retrofetch's heartbeat timeout (started with the request, again whenever bytes arrive): silence for that long is a
// connection lost, reestablished as for a network error.
function watchHeartbeat(state: EventSourceState, connection: Connection): void {
  clearTimeout(connection._heartbeat);
  if (state._heartbeatTimeout > 0) {
    connection._heartbeat = setTimeout(function () {
      if (state._connection === connection) reestablish(state);
    }, Math.min(state._heartbeatTimeout, MAX_TIMER_MS));
  }
}

// Stops the connection in flight (its transfer aborted: the server sees the connection close) and any wait.
function stop(state: EventSourceState): void {
  var connection = state._connection;
  state._connection = null;
  clearTimeout(state._timer);
  if (connection) {
    clearTimeout(connection._heartbeat);
    abortFetchController(connection._controller!, undefined);
  }
}

// The task that reestablishing the connection (step 1) and failing it queue, run now (this is a task already): if
// the readyState attribute is not CLOSED, set it to `readyState` and fire `error`. The connection is stopped first.
// Whether the event was fired.
function lose(state: EventSourceState, readyState: ReadyState): boolean {
  stop(state);
  if (state.readyState === CLOSED) return false;
  state.readyState = readyState;
  fireEvent(state._self, createEvent('error'));
  return true;
}

// https://html.spec.whatwg.org/multipage/server-sent-events.html#reestablish-the-connection
function reestablish(state: EventSourceState): void {
  // 1. Queue a task to run the following steps: 1. If the readyState attribute is set to CLOSED, abort the task.
  //    2. Set the readyState attribute to CONNECTING. 3. Fire an event named error at the EventSource object.
  // 2. Wait a delay equal to the reconnection time of the event source. 3. (No more.) 4. That task has run.
  if (lose(state, CONNECTING)) {
    // (A reconnection time of more than 24.8 days waits that long.)
    state._timer = setTimeout(function () {
      // 5. Queue a task: 1. If the EventSource object's readyState attribute is not set to CONNECTING, then return.
      //    2–4. Fetch request (newRequest adds the last event ID).
      if (state.readyState === CONNECTING) connect(state);
    }, Math.min(state._reconnectionTime, MAX_TIMER_MS));
  }
}

// https://html.spec.whatwg.org/multipage/server-sent-events.html#fail-the-connection: the transfer stops, `error`
// (readyState CLOSED), no reconnection.
function failConnection(state: EventSourceState): void {
  lose(state, CLOSED);
}

// `open` and `error`: the engine's Event where it makes one that retrofetch's EventTarget can dispatch
// (supportsEventConstructors), else retrofetch's own (src/dom/event.ts).
function createEvent(type: string): Event {
  return supportsEventConstructors ? new g.Event(type) : createTrustedEvent(type);
}

// https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage steps 4–6: a MessageEvent whose
// type, data, origin and lastEventId are these (not bubbling, not cancelable).
function createMessageEvent(type: string, data: string, origin: string, lastEventId: string): MessageEvent {
  if (supportsEventConstructors) return new g.MessageEvent(type, { data: data, origin: origin, lastEventId: lastEventId });
  // LEGACY(old WebKit, IE): no MessageEvent to construct: retrofetch's Event, with the MessageEvent attributes an
  // EventSource sets as its own properties.
  var event: any = createTrustedEvent(type);
  event.data = data;
  event.origin = origin;
  event.lastEventId = lastEventId;
  return event;
}
