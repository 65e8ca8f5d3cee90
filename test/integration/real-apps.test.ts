// fetch() used the way widely used clients use it (issue 11): ky's download progress (the body piped through a
// counting TransformStream and re-wrapped in a Response), body.pipeThrough(new TextDecoderStream()), for…of over
// Headers, graphql-request's JSON/text branch on Content-Type, and @microsoft/fetch-event-source's line-by-line
// decoding of a text/event-stream as it arrives. Globals as the page sees them in the pass (harness Impl).
import { expect } from 'chai';
import { suite, skipBecause } from '../support/harness';
import { rawJson } from '../support/abort';
import { uid, hasSymbolIterator } from '../support/assert';

/** What `for (const x of iterable)` compiles to in ES5 (Babel, TypeScript with downlevelIteration). */
function forOf(iterable: any, fn: (value: any) => void): void {
  var iterator = iterable[Symbol.iterator]();
  for (var step = iterator.next(); !step.done; step = iterator.next()) fn(step.value);
}


suite('real apps', function (impl) {
  var fetch = impl.fetch;

  it('ky: download progress from the body piped through a counting TransformStream, re-wrapped in a Response', function () {
    var progress: number[] = [];
    var transferred = 0;
    return fetch('/api/stream?chunks=4&interval=20&size=64').then(function (response) {
      var total = Number(response.headers.get('content-length')) || 0;
      var counter = new impl.TransformStream<Uint8Array, Uint8Array>({
        transform: function (chunk, controller) {
          transferred += chunk.byteLength;
          progress.push(total ? transferred / total : transferred);
          controller.enqueue(chunk);
        }
      });
      var wrapped = new impl.Response(response.body!.pipeThrough(counter), {
        status: response.status, statusText: response.statusText, headers: response.headers
      });
      expect(wrapped.headers.get('content-type')).to.equal('text/plain; charset=utf-8');
      return wrapped.text();
    }).then(function (text) {
      expect(text.length).to.equal(4 * 64);
      expect(text.indexOf('3:')).to.equal(3 * 64);
      expect(transferred).to.equal(4 * 64);
      expect(progress.length).to.be.at.least(1);
      for (var i = 1; i < progress.length; i++) expect(progress[i]).to.be.above(progress[i - 1]);
    });
  });

  it('body.pipeThrough(new TextDecoderStream()): text as it arrives, characters split across chunks whole', function () {
    // "h é ✓ 😀", each multi-byte character split between two chunks.
    var parts = ['aMM=', 'qSDi', 'nJMg8J8=', 'mIA='];
    var url = '/api/chunks?interval=20&type=' + encodeURIComponent('text/plain; charset=utf-8') + '&' +
      parts.map(function (p) { return 'b64=' + encodeURIComponent(p); }).join('&');
    return fetch(url).then(function (response) {
      var reader = response.body!.pipeThrough(new impl.TextDecoderStream()).getReader();
      var out: string[] = [];
      function next(): Promise<string> {
        return reader.read().then(function (step) {
          if (step.done) return out.join('');
          expect(typeof step.value).to.equal('string');
          out.push(step.value);
          return next();
        });
      }
      return next();
    }).then(function (text) {
      expect(text).to.equal('h\u00e9 \u2713 \ud83d\ude00');
    });
  });

  it('for…of over response.headers and a Headers object (entries, sorted, combined)', function () {
    if (!hasSymbolIterator) return skipBecause(this, 'no Symbol.iterator in this engine (core-js gives one: see "core-js first")');
    var pairs: string[] = [];
    forOf(new impl.Headers([['b', '2'], ['a', '1'], ['b', '3']]), function (pair) { pairs.push(pair[0] + '=' + pair[1]); });
    expect(pairs).to.deep.equal(['a=1', 'b=2, 3']);
    return fetch('/api/headers?x-one=1&x-two=2').then(function (response) {
      var names: string[] = [];
      forOf(response.headers, function (pair) { names.push(pair[0]); });
      expect(names).to.include.members(['content-type', 'x-one', 'x-two']);
      var keys: string[] = [];
      forOf((response.headers as any).keys(), function (key) { keys.push(key); });
      expect(keys).to.deep.equal(names);
    });
  });

  it('graphql-request: JSON or text by the response Content-Type', function () {
    function body(response: Response): Promise<unknown> {
      var type = response.headers.get('Content-Type');
      return type && /^application\/(.+\+)?json/i.test(type) ? response.json() : response.text();
    }
    return Promise.all([
      fetch('/api/echo', { method: 'POST', body: '{"query":"{ a }"}', headers: { 'Content-Type': 'application/json' } }).then(body),
      fetch('/api/status?code=200&body=plain').then(body),
      fetch('/api/status?code=400&body=' + encodeURIComponent('{"errors":[1]}') + '&type=' + encodeURIComponent('application/graphql-response+json')).then(body)
    ]).then(function (results: any[]) {
      expect(results[0].method).to.equal('POST');
      expect(results[1]).to.equal('plain');
      expect(results[2]).to.deep.equal({ errors: [1] });
    });
  });

  it('fetch-event-source: a text/event-stream decoded line by line as it arrives (lock-step)', function () {
    var id = uid('sse');
    var messages: Array<{ id: string; data: string }> = [];
    var decoder = new impl.TextDecoder();
    var reader: ReadableStreamDefaultReader<Uint8Array>;
    var buffer = '';
    var message = { id: '', data: '' };
    function ack(k: number): Promise<unknown> {
      return rawJson('/api/lockstep-ack?id=' + id + '&k=' + k);
    }
    // Reads until `count` messages are in: lines split on "\n", fields "name: value", a blank line ends a message.
    function readUntil(count: number): Promise<void> {
      if (messages.length >= count) return Promise.resolve();
      return reader.read().then(function (step) {
        if (step.done) throw new Error('the stream ended after ' + messages.length + ' messages');
        buffer += decoder.decode(step.value, { stream: true });
        var lines = buffer.split('\n');
        buffer = lines.pop()!;
        lines.forEach(function (line) {
          if (line === '') {
            messages.push(message);
            message = { id: '', data: '' };
            return;
          }
          var colon = line.indexOf(':');
          var field = line.slice(0, colon);
          var value = line.slice(colon + 1).replace(/^ /, '');
          if (field === 'id') message.id = value;
          else if (field === 'data') message.data += (message.data ? '\n' : '') + value;
        });
        return readUntil(count);
      });
    }
    return ack(0).then(function () {
      return fetch('/api/lockstep?as=events&chunks=3&id=' + id, { headers: { Accept: 'text/event-stream' } });
    }).then(function (response) {
      // fetch-event-source refuses a response of another type.
      expect(response.headers.get('content-type')).to.match(/^text\/event-stream/);
      reader = response.body!.getReader();
      return readUntil(1);
    }).then(function () {
      return rawJson('/api/lockstep-log?id=' + id);
    }).then(function (log) {
      // The first message is parsed while the server holds the others.
      expect(log.sent).to.equal(1);
      expect(log.done).to.equal(false);
      return ack(1).then(function () { return readUntil(2); });
    }).then(function () {
      return ack(2).then(function () { return readUntil(3); });
    }).then(function () {
      return reader.read();
    }).then(function (end) {
      expect(end.done).to.equal(true);
      expect(messages).to.deep.equal([
        { id: '0', data: 'event 0 of 3, h\u00e9llo \u2713' },
        { id: '1', data: 'event 1 of 3, h\u00e9llo \u2713' },
        { id: '2', data: 'event 2 of 3, h\u00e9llo \u2713' }
      ]);
    });
  });
});
