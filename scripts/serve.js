// `npm start` (after the build): serves the demo page (demo/), the built bundles (dist/) and the test server's
// /api routes on one origin, http://localhost:8080 (PORT=... to change). Ctrl-C stops it.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const { createHandler } = require('../test/server');

const root = path.resolve(__dirname, '..');
const port = Number(process.env.PORT) || 8080;
const api = createHandler({ cors: false });
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const served = { '/': 'demo/index.html', '/demo.js': 'demo/demo.js', '/retrofetch.polyfill.js': 'dist/retrofetch.polyfill.js' };

const server = http.createServer((req, res) => {
  api(req, res, () => {
    const file = served[req.url.split('?')[0]];
    if (!file) { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('not found\n'); return; }
    fs.readFile(path.join(root, file), (err, body) => {
      if (err) { res.writeHead(500, { 'Content-Type': 'text/plain' }); res.end(String(err) + '\n'); return; }
      res.writeHead(200, { 'Content-Type': types[path.extname(file)], 'Cache-Control': 'no-store' });
      res.end(body);
    });
  });
});

server.listen(port, '127.0.0.1', () => {
  console.log('retrofetch demo at http://localhost:' + port + '/ (add ?polyfill=1 to force the polyfill in a modern browser)');
});
