// response.body as a stream fed while the response arrives (issue 5), against timed and lock-step routes.
import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause } from '../support/harness';
import { xhrEndsLostConnections, LOST_CONNECTION } from '../support/probes';
import { expectRejects, range, uid, chunksURL } from '../support/assert';
import type { RetrofetchProgress, RetrofetchRequestInit } from '../../types/index';

/** Reads from `reader` until at least `count` more bytes have arrived; resolves with them. */
function readAtLeast(reader: ReadableStreamDefaultReader<Uint8Array>, count: number): Promise<number[]> {
  var got: number[] = [];
  function next(): Promise<number[]> {
    if (got.length >= count) return Promise.resolve(got);
    return reader.read().then(function (result) {
      if (result.done) throw new Error('the stream ended after ' + got.length + ' of ' + count + ' bytes');
      for (var i = 0; i < result.value.length; i++) got.push(result.value[i]);
      return next();
    });
  }
  return next();
}

/** Reads a stream to its end, keeping nothing: for tests about how it ends. */
function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  return reader.read().then(function (result) { return result.done ? undefined : drain(reader); });
}

function text(bytes: number[]): string {
  var s = '';
  for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

var g: any = typeof self !== 'undefined' ? self : window;

/**
 * A STAND-IN XMLHttpRequest over the real one that fires no readyState-3 and no progress events while data arrives,
 * as Opera 12 and Edge 14–15 did: only the timer fallback can feed the stream then.
 */
function silentXHRStandIn(RealXHR: any) {
  return function SilentXHR(this: any) {
    var real = new RealXHR();
    var self: any = this;
    ['open', 'setRequestHeader', 'send', 'abort', 'getAllResponseHeaders', 'getResponseHeader', 'overrideMimeType'].forEach(function (m) {
      self[m] = function () { return real[m].apply(real, arguments); };
    });
    ['readyState', 'status', 'statusText', 'responseText', 'responseURL'].forEach(function (p) {
      Object.defineProperty(self, p, { get: function () { return real[p]; } });
    });
    self.onreadystatechange = null;
    real.onreadystatechange = function () {
      if (real.readyState !== 3 && typeof self.onreadystatechange === 'function') self.onreadystatechange();
    };
    real.onerror = function () { if (typeof self.onerror === 'function') self.onerror(); };
  };
}

suite('streaming bodies', function (impl) {
  var fetch = impl.fetch;

  it('the first chunk is read before the server has sent the last (lock-step, server-side log)', function () {
    var id = uid('ls');
    var reader: ReadableStreamDefaultReader<Uint8Array>;
    var chunks: string[] = [];
    function ack(k: number): Promise<unknown> {
      return fetch('/api/lockstep-ack?id=' + id + '&k=' + k).then(function (r) { return r.json(); });
    }
    return ack(0).then(function () {
      return fetch('/api/lockstep?id=' + id + '&chunks=3&size=16');
    }).then(function (r) {
      expect(r.body).to.not.equal(null);
      reader = r.body!.getReader();
      return readAtLeast(reader, 16);
    }).then(function (bytes) {
      chunks.push(text(bytes));
      return fetch('/api/lockstep-log?id=' + id).then(function (r) { return r.json(); });
    }).then(function (log) {
      // The page holds chunk 0 while the server has sent only it: chunks 1 and 2 wait for acknowledgements.
      expect(log.sent).to.equal(1);
      expect(log.done).to.equal(false);
      return ack(1).then(function () { return readAtLeast(reader, 16); });
    }).then(function (bytes) {
      chunks.push(text(bytes));
      return ack(2).then(function () { return readAtLeast(reader, 16); });
    }).then(function (bytes) {
      chunks.push(text(bytes));
      return reader.read();
    }).then(function (end) {
      expect(end.done).to.equal(true);
      expect(chunks).to.deep.equal(['0:aaaaaaaaaaaaa\n', '1:bbbbbbbbbbbbb\n', '2:ccccccccccccc\n']);
    });
  });

  // retrofetch reads a large text ever less often while it streams (reading responseText copies it whole in some
  // engines): a large body that stalls must still be delivered up to where it stalls.
  it('a large body that stalls is read up to the stall (4 MiB chunks in lock-step, server-side log)', function () {
    this.timeout(30000);
    var id = uid('big');
    var size = 4194304;
    var reader: ReadableStreamDefaultReader<Uint8Array>;
    var starts: string[] = [];
    // Reads exactly one chunk's bytes (the server sends no more before the next ack); keeps its first two chars.
    function readChunk(): Promise<void> {
      var got = 0;
      function next(): Promise<void> {
        if (got >= size) return Promise.resolve();
        return reader.read().then(function (result) {
          if (result.done) throw new Error('the stream ended after ' + got + ' of ' + size + ' bytes');
          if (got === 0) starts.push(String.fromCharCode(result.value[0], result.value[1]));
          got += result.value.length;
          if (got > size) throw new Error('read past the chunk: ' + got + ' bytes');
          return next();
        });
      }
      return next();
    }
    function ack(k: number): Promise<unknown> {
      return fetch('/api/lockstep-ack?id=' + id + '&k=' + k).then(function (r) { return r.json(); });
    }
    return ack(0).then(function () {
      return fetch('/api/lockstep?id=' + id + '&chunks=3&size=' + size);
    }).then(function (r) {
      reader = r.body!.getReader();
      return readChunk();
    }).then(function () {
      return ack(1).then(readChunk);
    }).then(function () {
      return fetch('/api/lockstep-log?id=' + id).then(function (r) { return r.json(); });
    }).then(function (log) {
      // Two chunks read while the server holds the third.
      expect(log.sent).to.equal(2);
      return ack(2).then(readChunk);
    }).then(function () {
      return reader.read();
    }).then(function (end) {
      expect(end.done).to.equal(true);
      expect(starts).to.deep.equal(['0:', '1:', '2:']);
    });
  });

  itPolyfillOnly(impl, 'the timer fallback streams where the engine fires no readyState-3 or progress events',
    'native fetch does not use XHR', function () {
      var saved = g.XMLHttpRequest;
      g.XMLHttpRequest = silentXHRStandIn(saved);
      var id = uid('silent');
      var reader: ReadableStreamDefaultReader<Uint8Array>;
      var restore = function () { g.XMLHttpRequest = saved; };
      // The acknowledgements go through the real XHR (the page's own fetch would use the stand-in too).
      function ack(k: number): Promise<void> {
        return new Promise(function (resolve) {
          var x = new saved();
          x.open('GET', '/api/lockstep-ack?id=' + id + '&k=' + k);
          x.onload = function () { resolve(); };
          x.send();
        });
      }
      return ack(0).then(function () {
        return fetch('/api/lockstep?id=' + id + '&chunks=2&size=16');
      }).then(function (r) {
        reader = r.body!.getReader();
        return readAtLeast(reader, 16);
      }).then(function (bytes) {
        expect(text(bytes)).to.equal('0:aaaaaaaaaaaaa\n'); // fed by the timer: the last chunk is not sent yet
        return ack(1).then(function () { return readAtLeast(reader, 16); });
      }).then(function (bytes) {
        expect(text(bytes)).to.equal('1:bbbbbbbbbbbbb\n');
        restore();
      }, function (e) {
        restore();
        throw e;
      });
    });

  it('a timed chunked stream arrives whole and in order through getReader()', function () {
    return fetch('/api/stream?chunks=6&interval=40&size=32').then(function (r) {
      var reader = r.body!.getReader();
      return readAtLeast(reader, 6 * 32).then(function (bytes) {
        var lines = text(bytes).split('\n');
        expect(lines.length).to.equal(7);
        for (var k = 0; k < 6; k++) expect(lines[k].indexOf(k + ':')).to.equal(0);
        return reader.read();
      });
    }).then(function (end) { expect(end.done).to.equal(true); });
  });

  it('bytes 0–255 survive chunk boundaries (7-byte chunks)', function () {
    return fetch('/api/bytes?repeat=4&chunked=1&chunk=7&interval=2').then(function (r) {
      return readAtLeast(r.body!.getReader(), 1024);
    }).then(function (bytes) {
      expect(bytes).to.deep.equal(range(256).concat(range(256), range(256), range(256)));
    });
  });

  it('a UTF-8 character split across chunks decodes once, in text() and through the stream', function () {
    // "é" = C3 A9 and "✓" = E2 9C 93, each split between two chunks.
    var chunks = [[0x68, 0xc3], [0xa9, 0x20, 0xe2], [0x9c], [0x93, 0x21]];
    var url = chunksURL(chunks, 'type=text%2Fplain%3Bcharset%3Dutf-8', 40);
    return fetch(url).then(function (r) {
      var copy = r.clone();
      return Promise.all([r.text(), readAtLeast(copy.body!.getReader(), 8)]);
    }).then(function (results) {
      expect(results[0]).to.equal('h\u00e9 \u2713!');
      expect(results[1]).to.deep.equal([0x68, 0xc3, 0xa9, 0x20, 0xe2, 0x9c, 0x93, 0x21]);
    });
  });

  it('a 16 MB body read through getReader() equals the source bytes', function () {
    this.timeout(60000);
    var length = 0;
    var mismatch = -1;
    return fetch('/api/bytes?repeat=65536').then(function (r) {
      var reader = r.body!.getReader();
      function next(): Promise<void> {
        return reader.read().then(function (result) {
          if (result.done) return;
          var chunk = result.value;
          for (var i = 0; i < chunk.length; i++) {
            if (mismatch < 0 && chunk[i] !== ((length + i) & 0xff)) mismatch = length + i;
          }
          length += chunk.length;
          return next();
        });
      }
      return next();
    }).then(function () {
      expect(mismatch).to.equal(-1);
      expect(length).to.equal(16 * 1024 * 1024);
    });
  });

  /** Skips the running test where the engine's XHR never ends a body whose connection is lost (see the probe). */
  function requireLostConnectionsEnd(context: Mocha.Context): Promise<void> {
    return xhrEndsLostConnections().then(function (ends) {
      if (!ends) skipBecause(context, LOST_CONNECTION);
    });
  }

  it('a connection reset mid-body errors the stream', function () {
    return requireLostConnectionsEnd(this).then(function () {
      return fetch('/api/reset?after=4096');
    }).then(function (r) {
      return expectRejects(impl, drain(r.body!.getReader()), TypeError);
    }, function (e) {
      expect(e).to.be.an.instanceof(TypeError); // some engines fail the fetch itself: never a short success
    });
  });

  itPolyfillOnly(impl, 'a body shorter than its Content-Length errors the stream',
    'WebKitGTK ends such a stream normally', function () {
      return requireLostConnectionsEnd(this).then(function () {
        return fetch('/api/wrong-length?declared=100&actual=10');
      }).then(function (r) {
        return expectRejects(impl, drain(r.body!.getReader()), TypeError);
      }, function (e) {
        expect(e).to.be.an.instanceof(TypeError);
      });
    });

  it('clone() tees a streaming body: both branches get every byte', function () {
    return fetch('/api/bytes?repeat=2&chunked=1&chunk=100&interval=5').then(function (r) {
      var c = r.clone();
      return Promise.all([r.arrayBuffer(), readAtLeast(c.body!.getReader(), 512)]);
    }).then(function (results) {
      var a = new Uint8Array(results[0] as ArrayBuffer);
      expect(a.length).to.equal(512);
      for (var i = 0; i < 512; i++) expect(a[i]).to.equal(i & 0xff);
      expect(results[1]).to.deep.equal(range(256).concat(range(256)));
    });
  });

  it('bodyUsed and locking follow the spec on a network body', function () {
    return fetch('/api/stream?chunks=2&interval=10&size=8').then(function (r) {
      var reader = r.body!.getReader();
      expect(r.bodyUsed).to.equal(false);
      expect(r.body!.locked).to.equal(true);
      return expectRejects(impl, r.text(), TypeError).then(function () {
        return reader.read();
      }).then(function () {
        expect(r.bodyUsed).to.equal(true);
        return reader.cancel();
      });
    });
  });

  it('cancelling the stream stops the transfer and settles', function () {
    return fetch('/api/stream?chunks=50&interval=50&size=8').then(function (r) {
      var reader = r.body!.getReader();
      return reader.read().then(function () { return reader.cancel('enough'); }).then(function () {
        return reader.read();
      }).then(function (result) {
        expect(result.done).to.equal(true);
      });
    });
  });

  itPolyfillOnly(impl, 'upload progress rises to total for a 1 MB POST, download progress to Content-Length',
    'progress is a retrofetch RequestInit extension (init.retrofetch) that native fetch ignores', function () {
      this.timeout(30000);
      var size = 1024 * 1024;
      var body = new Uint8Array(size);
      for (var i = 0; i < size; i++) body[i] = i & 0xff;
      var uploads: RetrofetchProgress[] = [];
      var downloads: RetrofetchProgress[] = [];
      // README.md "Progress" shows these lines as they are.
      const init: RequestInit & RetrofetchRequestInit = {
        method: 'POST',
        body: body,
        retrofetch: {
          onUploadProgress: (progress) => uploads.push(progress),
          onDownloadProgress: (progress) => downloads.push(progress)
        }
      };
      const uploaded = fetch('/api/upload', init).then((response) => response.json());
      return uploaded.then(function (result) {
        expect(result.length).to.equal(size);
        expect(uploads.length).to.be.greaterThan(0);
        for (var k = 1; k < uploads.length; k++) expect(uploads[k].loaded).to.be.at.least(uploads[k - 1].loaded);
        var last = uploads[uploads.length - 1];
        expect(last.lengthComputable).to.equal(true);
        expect(last.total).to.equal(size);
        expect(last.loaded).to.equal(size);
        expect(downloads.length).to.be.greaterThan(0);
        var lastDown = downloads[downloads.length - 1];
        expect(lastDown.lengthComputable).to.equal(true);
        expect(lastDown.loaded).to.equal(lastDown.total);
      });
    });

  itPolyfillOnly(impl, 'a progress callback that is not a function is a TypeError naming the member',
    'the init.retrofetch extension is retrofetch\'s own', function () {
      return expectRejects(impl, fetch('/api/echo', { retrofetch: { onUploadProgress: 5 } } as any), TypeError, 'retrofetch.onUploadProgress');
    });
});
