// `npm start` (after the build): the demo (demo/) at http://localhost:8080/ (PORT=... to change, PORT=0 for a free
// port): the page, the built standalone script, and the test server's /api routes on that origin, plus the test
// server's second origin (a free port, with CORS) for the cross-origin demo, as karma.conf.js does. Ctrl-C stops it.
// test/smoke/demo.js starts the same servers in-process through `start()`.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const { createHandler, startServer } = require('../test/server');

const root = path.resolve(__dirname, '..');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
const served = {
  '/': 'demo/index.html',
  '/side.html': 'demo/side.html',
  '/page.js': 'demo/page.js',
  '/demo.js': 'demo/demo.js',
  // The same script the test suites load first: it deletes the natives, so the standalone script installs its own.
  '/remove-natives.js': 'test/setup/remove-natives.js',
  '/retrofetch.polyfill.js': 'dist/retrofetch.polyfill.js'
};

/** Starts both servers. Resolves to { url, crossOrigin, close() }. */
function start(port) {
  return startServer(0).then((cross) => {
    const api = createHandler({ cors: false });
    const server = http.createServer((req, res) => {
      api(req, res, () => {
        const pathname = req.url.split('?')[0];
        if (pathname === '/config.js') {
          send(res, 200, '.js', 'window.RETROFETCH_DEMO = ' + JSON.stringify({ crossOrigin: cross.url }) + ';\n');
          return;
        }
        if (pathname === '/favicon.ico') { res.writeHead(204); res.end(); return; }
        const file = served[pathname];
        if (!file) { send(res, 404, '.txt', 'not found\n'); return; }
        fs.readFile(path.join(root, file), (err, body) => {
          if (err) send(res, 500, '.txt', String(err) + (file.indexOf('dist/') === 0 ? ' (run npm run build)' : '') + '\n');
          else send(res, 200, path.extname(file), body);
        });
      });
    });
    return new Promise((resolve, reject) => {
      server.once('error', (err) => { cross.close().then(() => reject(err)); });
      server.listen(port, '127.0.0.1', () => {
        resolve({
          url: 'http://localhost:' + server.address().port + '/',
          crossOrigin: cross.url,
          close() {
            server.closeAllConnections();
            return Promise.all([new Promise((done) => server.close(() => done())), cross.close()]);
          }
        });
      });
    });
  });
}

function send(res, status, ext, body) {
  res.writeHead(status, { 'Content-Type': types[ext] || 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

module.exports = { start };

if (require.main === module) {
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
  start(port).then((demo) => {
    console.log('retrofetch demo at ' + demo.url + ' (second origin for cross-origin requests: ' + demo.crossOrigin + ')');
    const stop = () => { demo.close().then(() => process.exit(0)); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }, (err) => {
    console.error('serve: ' + err.message);
    process.exit(1);
  });
}
