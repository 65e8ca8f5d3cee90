// The event stream parser (src/event-source/event-stream-parser.ts), straight from its module: every line-ending
// form and every split of the same bytes into chunks gives the same events, multi-byte characters and CRLF split
// across chunks included; the field rules of
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation. The same cases end to
// end, against the browser's own EventSource, are in test/integration/event-source.test.ts.
import { expect } from 'chai';
import { suite } from '../../support/harness';
import { utf8Bytes } from '../../support/assert';
import { createEventStreamParser, EventStreamHandler } from '../../../src/event-source/event-stream-parser';

interface Seen {
  events: string[];
  ids: string[];
  retries: number[];
}

/** Feeds `chunks` (arrays of bytes) to a new parser; the events as `type:lastEventId:data`, the IDs set, the retries. */
function parse(chunks: number[][], lastEventId?: string): Seen {
  var seen: Seen = { events: [], ids: [], retries: [] };
  var handler: EventStreamHandler = {
    _dispatch: function (id, type, data) {
      seen.ids.push(id);
      if (data !== null) seen.events.push(type + ':' + id + ':' + data);
    },
    _retry: function (ms) { seen.retries.push(ms); }
  };
  var parser = createEventStreamParser(lastEventId || '', handler);
  chunks.forEach(function (chunk) { parser._feed(typeof Uint8Array !== 'undefined' ? new Uint8Array(chunk) : chunk); });
  return seen;
}

function text(s: string): Seen {
  return parse([utf8Bytes(s)]);
}

/** Every way to cut `bytes` in two, and in one-byte chunks: each must parse as the whole does. */
function everySplit(bytes: number[]): number[][][] {
  var out: number[][][] = [[bytes], bytes.map(function (b) { return [b]; })];
  for (var i = 1; i < bytes.length; i++) out.push([bytes.slice(0, i), bytes.slice(i)]);
  return out;
}

suite('EventSource: event stream parser', function (impl) {
  if (impl.name !== 'polyfill') return; // the module itself, the same in both passes

  it('a blank line dispatches: data lines joined with LF (the last LF removed), type "message", no ID', function () {
    expect(text('data: a\ndata: b\n\ndata:c\n\n').events).to.deep.equal(['message::a\nb', 'message::c']);
  });

  it('one space after the colon is removed, no more; a field without a colon has the empty value', function () {
    expect(text('data:  two\n\ndata\n\ndata\ndata\n\ndata:\n\n').events).to.deep.equal(['message:: two', 'message::', 'message::\n', 'message::']);
  });

  it('comments and unknown fields are ignored; field names are case-sensitive', function () {
    expect(text(':comment\n: data: x\nDATA: y\nData: z\nfoo: bar\ndata: kept\n\n').events).to.deep.equal(['message::kept']);
  });

  it('an empty data buffer dispatches nothing and resets the event type, but still sets the last event ID', function () {
    var seen = text('event: x\nid: 7\n\ndata: a\n\n');
    expect(seen.events).to.deep.equal(['message:7:a']);
    expect(seen.ids).to.deep.equal(['7', '7']);
  });

  it('event sets the type of one event; an empty event field is "message"', function () {
    expect(text('event: ping\ndata: 1\n\ndata: 2\n\nevent:\ndata: 3\n\n').events).to.deep.equal(['ping::1', 'message::2', 'message::3']);
  });

  it('id is kept across events, set empty by `id` alone, and ignored when it contains NUL', function () {
    expect(text('id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000\ndata: c\n\nid\ndata: d\n\nid: \u00e9 \u2713\ndata: e\n\n').events).to.deep.equal([
      'message:1:a', 'message:1:b', 'message:1:c', 'message::d', 'message:\u00e9 \u2713:e'
    ]);
  });

  it('the last event ID buffer starts as the event source\'s (a reconnection keeps it)', function () {
    expect(parse([utf8Bytes('data: a\n\n')], '41').events).to.deep.equal(['message:41:a']);
  });

  it('retry takes ASCII digits only', function () {
    expect(text('retry: 1500\nretry: 0\nretry: 1x\nretry: -1\nretry: 1.5\nretry:  20\nretry:\nretry: \u0661\nretry: 007\n').retries).to.deep.equal([1500, 0, 7]);
  });

  it('CR, LF and CRLF all end lines, mixed in one stream', function () {
    expect(text('data: a\rdata: b\n\r\ndata: c\r\n\rdata: d\r\r').events).to.deep.equal(['message::a\nb', 'message::c', 'message::d']);
  });

  it('a stream cut at every byte parses the same: CRLF and multi-byte characters split across chunks', function () {
    var bytes = utf8Bytes('\ufeffdata: h\u00e9llo \u2713 \ud83d\ude00\r\n\r\nid: \u2713\rdata: b\r\rdata: c\n\n');
    everySplit(bytes).forEach(function (chunks) {
      expect(parse(chunks).events, chunks.map(function (c) { return c.length; }).join('+')).to.deep.equal([
        'message::h\u00e9llo \u2713 \ud83d\ude00', 'message:\u2713:b', 'message:\u2713:c'
      ]);
    });
  });

  it('a CR that ends one chunk and an LF that starts the next are one line end; a lone LF after it is another', function () {
    expect(parse([utf8Bytes('data: a\r'), utf8Bytes('\ndata: b\r\n\r\n')]).events).to.deep.equal(['message::a\nb']);
    expect(parse([utf8Bytes('data: a\r'), utf8Bytes('\n'), utf8Bytes('\ndata: b\n\n')]).events).to.deep.equal(['message::a', 'message::b']);
  });

  it('a CR at the end of a chunk ends its line at once (the event is not held for the next chunk)', function () {
    expect(parse([utf8Bytes('data: a\r\r')]).events).to.deep.equal(['message::a']);
  });

  it('one leading BOM is stripped, a second is part of the first field name', function () {
    expect(text('\ufeffdata: 1\n\n').events).to.deep.equal(['message::1']);
    expect(text('\ufeff\ufeffdata: 1\n\ndata: 2\n\n').events).to.deep.equal(['message::2']);
    expect(parse([[0xef], [0xbb], [0xbf], utf8Bytes('data: 3\n\n')]).events).to.deep.equal(['message::3']);
  });

  it('invalid UTF-8 becomes U+FFFD; NUL passes through in data', function () {
    expect(parse([utf8Bytes('data: a').concat([0xff, 0xc3]), utf8Bytes('\n\ndata: \u0000\n\n')]).events)
      .to.deep.equal(['message::a\ufffd\ufffd', 'message::\u0000']);
  });

  it('an event without its blank line is not dispatched (it is pending at the end)', function () {
    expect(text('data: a\n\ndata: b\n').events).to.deep.equal(['message::a']);
  });
});
