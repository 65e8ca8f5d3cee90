// The local HTTP server the example's tests fetch from, started by each test file on a free port of 127.0.0.1.
// Jest's jsdom page is at http://localhost/, so this is another origin: it answers with CORS (simple requests only).
// It runs in the test's own Node process (Jest's worker), so a test can also ask it what it saw and tell it when to
// go on: `server.seen` lists the requests, `server.release()` lets the stream route send its next chunk, and
// `server.closed(id)` resolves when the connection of a request with that id has closed.
'use strict';
const http = require('http');

function start() {
  const waiting = []; // the stream route's pending chunks, each a function that sends one
  const closes = new Map(); // id -> { closed: boolean, wait: Promise }
  const seen = [];

  function closeRecord(id) {
    if (!closes.has(id)) {
      let resolve;
      const wait = new Promise((r) => { resolve = r; });
      closes.set(id, { closed: false, wait, resolve });
    }
    return closes.get(id);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const body = [];
    req.on('data', (chunk) => body.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method, path: url.pathname, headers: req.headers, body: Buffer.concat(body) });
      route(url, req, res, Buffer.concat(body));
    });
  });

  function route(url, req, res, body) {
    // Jest's jsdom page is at http://localhost/ (its default testEnvironmentOptions.url): this server is another
    // origin, so it answers with CORS, as a local mock server for tests would.
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (url.pathname === '/json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ greeting: 'h\u00e9llo', n: 42 }));
    } else if (url.pathname === '/stream') {
      // Three parts: the first at once, each next one only when the test calls release(). The second ends inside
      // a character (✓, E2 9C 93 in UTF-8): its first byte in one part, the other two in the next.
      const rest = Buffer.from('second \u2713 third\n');
      const cut = 'second '.length + 1;
      const parts = [Buffer.from('first\n'), rest.subarray(0, cut), rest.subarray(cut)];
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.write(parts[0]);
      waiting.push(() => res.write(parts[1]), () => res.end(parts[2]));
    } else if (url.pathname === '/hang') {
      // Headers and a first part, then nothing: the test aborts, and the server sees the connection close.
      const record = closeRecord(url.searchParams.get('id'));
      res.on('close', () => { record.closed = true; record.resolve(); });
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('started\n');
    } else if (url.pathname === '/echo') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ method: req.method, contentType: req.headers['content-type'] || null, body: body.toString('latin1') }));
    } else if (url.pathname === '/bytes') {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.end(Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  }

  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: 'http://127.0.0.1:' + server.address().port,
        seen,
        /** Lets the stream route send its next part. */
        release() {
          const send = waiting.shift();
          if (send) send();
        },
        /** Resolves once the connection of the /hang request with this id has closed. */
        closed(id) {
          return closeRecord(id).wait;
        },
        close() {
          return new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          });
        }
      });
    });
  });
}

module.exports = { start };
