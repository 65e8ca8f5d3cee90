// The chunk sources (src/streams/chunk-source.ts) and the body streams made of them, imported from src/: on the
// engine's own ReadableStream (saved by test/setup/remove-natives.js, or kept in the as-is profile) as well as on the pass's (web-streams-polyfill's
// in the polyfill pass, which the bodies suite covers through the built bundle).
import { expect } from 'chai';
import { suite, skipBecause, engineOwn } from '../../support/harness';
import { bytesOf } from '../../support/assert';
import { partsSource, teeSource, readAll, streamFromSource, ChunkSource } from '../../../src/streams/chunk-source';
import { Response as SourceResponse } from '../../../src/fetch/response';

var g: any = typeof self !== 'undefined' ? self : window;
var engineReadableStream: any = engineOwn('ReadableStream') || null;

/** Runs `fn` with the engine's own ReadableStream as the page's. */
function withEngineStreams<T>(fn: () => T): T {
  var saved = g.ReadableStream;
  g.ReadableStream = engineReadableStream;
  try {
    return fn();
  } finally {
    g.ReadableStream = saved;
  }
}

// A byte stream's controller has a byobRequest. (Newer WebKit throws for `type: 'bytes'`; QtWebKit 5.212 ignores it,
// and its byob reader is a default one that ignores the view it is given.)
function engineHasByteStreams(): boolean {
  var byob = false;
  try {
    new engineReadableStream({ type: 'bytes', start: function (controller: any) { byob = 'byobRequest' in controller; } });
  } catch (e) { /* no byte streams */ }
  return byob;
}

suite('chunk sources', function (impl) {
  if (impl.name !== 'polyfill') return;

  it('readAll() gives every chunk at once where the source has them, and a parts source copies its bytes', function () {
    if (typeof Uint8Array === 'undefined') return skipBecause(this, 'no typed arrays here');
    var bytes = new Uint8Array([1, 2]);
    var got: any = null;
    readAll(partsSource([bytes, new Uint8Array(0), new Uint8Array([3])]), function (chunks, length) { got = [chunks, length]; }, function () { /* */ });
    expect(got).to.not.equal(null);
    expect(got[1]).to.equal(3);
    expect(got[0].length).to.equal(2);
    expect(got[0][0]).to.not.equal(bytes);
    expect(bytesOf(got[0][0])).to.deep.equal([1, 2]);
  });

  it('teeSource(): the first branch gets the chunk itself, the second a copy; the source is cancelled once both are', function () {
    if (typeof Uint8Array === 'undefined') return skipBecause(this, 'no typed arrays here');
    var chunk = new Uint8Array([7]);
    var given = false;
    var cancelled: unknown = null;
    var source: ChunkSource = {
      _read: function (done) { done(given ? null : chunk); given = true; },
      _cancel: function (reason) { cancelled = reason; }
    };
    var branches = teeSource(source);
    var first: any = null;
    var second: any = null;
    branches[0]._read(function (c) { first = c; }, function () { /* */ });
    branches[1]._read(function (c) { second = c; }, function () { /* */ });
    expect(first).to.equal(chunk);
    expect(second).to.not.equal(chunk);
    expect(bytesOf(second)).to.deep.equal([7]);
    branches[0]._cancel('a');
    expect(cancelled).to.equal(null);
    branches[1]._cancel('b');
    expect(cancelled).to.equal('b');
  });

  describe("on the engine's own ReadableStream", function () {
    beforeEach(function () {
      if (!engineReadableStream) skipBecause(this, 'this engine has no ReadableStream of its own');
    });

    it('a body stream is a byte stream: BYOB reads into a view with an offset', function () {
      if (!engineHasByteStreams()) return skipBecause(this, "this engine's ReadableStream has no byte streams: see the next test");
      var stream: any = withEngineStreams(function () {
        return streamFromSource(partsSource([new Uint8Array([1, 2, 3, 4, 5, 6])]), function () { /* */ });
      });
      expect(stream).to.be.an.instanceof(engineReadableStream);
      var reader = stream.getReader({ mode: 'byob' });
      return reader.read(new Uint8Array(new ArrayBuffer(8), 2, 4)).then(function (result: any) {
        expect(result.value.byteOffset).to.equal(2);
        expect(bytesOf(result.value)).to.deep.equal([1, 2, 3, 4]);
        return reader.read(new Uint8Array(8));
      }).then(function (result: any) {
        expect(bytesOf(result.value)).to.deep.equal([5, 6]);
        return reader.read(new Uint8Array(8));
      }).then(function (result: any) {
        expect(result.done).to.equal(true);
      });
    });

    it('without byte streams, a default stream of the same bytes', function () {
      if (engineHasByteStreams()) return skipBecause(this, "this engine's ReadableStream has byte streams: see the previous test");
      var stream: any = withEngineStreams(function () {
        return streamFromSource(partsSource([new Uint8Array([1, 2, 3])]), function () { /* */ });
      });
      expect(stream).to.be.an.instanceof(engineReadableStream);
      return stream.getReader().read().then(function (result: any) {
        expect(bytesOf(result.value)).to.deep.equal([1, 2, 3]);
      });
    });

    it('bodyUsed follows cancel at once, reads and pipes once the stream has started; a read one is refused by new Response', function () {
      var r1 = new SourceResponse('abc');
      var r2 = new SourceResponse('abc');
      var r3 = new SourceResponse('abc');
      var streams: any[] = withEngineStreams(function () { return [r1.body, r2.body, r3.body]; });
      expect(streams[0]).to.be.an.instanceof(engineReadableStream);
      var reader = streams[0].getReader();
      var read = reader.read();
      streams[1].cancel();
      expect(r2.bodyUsed).to.equal(true);
      var piped = false;
      if (engineOwn('WritableStream')) {
        streams[2].pipeTo(new (engineOwn('WritableStream'))()).then(null, function () { /* */ });
        piped = true;
      }
      return read.then(function () {
        // A new stream pulls only once started, a microtask after it was made: its first read is seen then.
        expect(r1.bodyUsed).to.equal(true);
        reader.releaseLock();
        expect(function () { new SourceResponse(streams[0]); }).to.throw(TypeError);
        // An engine's pipeTo reads its first chunk by a microtask or two; it is seen then.
        if (piped) expect(r3.bodyUsed).to.equal(true);
      });
    });
  });
});
