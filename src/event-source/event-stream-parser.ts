// Interpreting an event stream: https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
// One parser per connection, fed the response body's bytes as they arrive: it decodes them as UTF-8 (whatever the
// Content-Type's charset), splits lines at CRLF, LF or CR (also where a chunk ends between a CR and its LF, or inside
// a character), and processes each line as the spec says. What the EventSource does with an event is its handler's.
import { Bytes } from '../infra/bytes';
import { createUTF8Decoder } from '../encoding/utf8';

/** What the parser tells its EventSource (./event-source.ts). */
export interface EventStreamHandler {
  /**
   * https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage, from its step 1: the last event
   * ID buffer (the event source's last event ID string from now on), then the event's type and data, or null data
   * where there is no event to dispatch (an empty data buffer).
   */
  _dispatch(lastEventId: string, type: string, data: string | null): void;
  /** A `retry` field: the new reconnection time, in ms. */
  _retry(milliseconds: number): void;
}

export interface EventStreamParser {
  /** Decodes and interprets the next bytes of the stream. */
  _feed(bytes: Bytes): void;
}

/**
 * A parser for one connection. Its last event ID buffer starts as the event source's last event ID string (as
 * browsers do on a reconnection: an event without an `id` field still has the ID the previous connection set).
 */
export function createEventStreamParser(lastEventId: string, handler: EventStreamHandler): EventStreamParser {
  // The UTF-8 decode algorithm, streaming: one leading BOM is stripped, invalid bytes become U+FFFD.
  var decoder = createUTF8Decoder({ ignoreBOM: false, fatal: false });
  // The start of a line whose end has not arrived yet.
  var pending = '';
  // The text so far ended with a CR: an LF that comes next (at the start of the next chunk) ends nothing more.
  var afterCR = false;
  // The data buffer, as its lines (the buffer is each followed by an LF).
  var data: string[] = [];
  var eventType = '';
  var lastEventIdBuffer = lastEventId;

  // https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage
  function dispatch(): void {
    var id = lastEventIdBuffer;
    var type = eventType;
    // 1. Set the last event ID string of the event source to the value of the last event ID buffer.
    // 2. If the data buffer is an empty string (no data line), set the data buffer and the event type buffer to the
    //    empty string and return. 3. The data buffer's last LF is removed: the lines are joined with LF.
    var message = data.length ? data.join('\n') : null;
    // 7. Set the data buffer and the event type buffer to the empty string (before the event is dispatched).
    data = [];
    eventType = '';
    // 4–6, 8. The event: type "message", or the event type buffer's value if it is not empty.
    handler._dispatch(id, type || 'message', message);
  }

  function processLine(line: string): void {
    var colon = line.indexOf(':');
    // If the line is empty (a blank line): dispatch the event.
    if (line === '') return dispatch();
    // If the line starts with a U+003A COLON character (:): ignore the line.
    if (colon === 0) return;
    // If the line contains a colon: the field is what is before the first colon, the value what is after it, less
    // one leading U+0020 SPACE. Otherwise the field is the whole line and the value the empty string.
    if (colon < 0) colon = line.length;
    var field = line.slice(0, colon);
    var value = line.slice(colon + 1);
    if (value.charAt(0) === ' ') value = value.slice(1);
    // Process the field (names compared literally):
    if (field === 'event') {
      eventType = value;
    } else if (field === 'data') {
      // Append the field value to the data buffer, then append a single U+000A LINE FEED (LF) character.
      data.push(value);
    } else if (field === 'id') {
      // If the field value does not contain U+0000 NULL, set the last event ID buffer to it; else ignore the field.
      if (value.indexOf('\0') < 0) lastEventIdBuffer = value;
    } else if (field === 'retry') {
      // If the field value consists of only ASCII digits: the reconnection time, in base ten.
      if (/^[0-9]+$/.test(value)) handler._retry(parseInt(value, 10));
    }
    // Otherwise the field is ignored.
  }

  return {
    _feed: function (bytes) {
      var text = decoder.decode(bytes, false);
      // (Nothing decoded yet: the first bytes of a character.)
      if (!text) return;
      // A CRLF split between two chunks: its LF ends no line of its own.
      if (afterCR && text.charAt(0) === '\n') text = text.slice(1);
      afterCR = text.charAt(text.length - 1) === '\r';
      // The lines this text ends (the first continues the pending one), and the start of the next.
      var lines = text.split(/\r\n|\r|\n/);
      lines[0] = pending + lines[0];
      pending = lines.pop()!;
      for (var i = 0; i < lines.length; i++) processLine(lines[i]);
    }
  };
}
