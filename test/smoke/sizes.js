// `npm run check:sizes`: the bytes a user pays for, min + gzip -9, against a budget each (sizes are deterministic, so
// a budget can fail `npm test`): the two standalone scripts as built, and apps a bundler builds from the package's
// ES modules (dist/esm), which must tree-shake: `import { Headers }` alone, and `import { fetch }` and
// `import { EventSource }` without web-streams-polyfill. `node test/smoke/sizes.js --json` prints the sizes for bench/run.js instead of checking.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const webpack = require('webpack');

const root = path.resolve(__dirname, '../..');

// Budgets in bytes (min + gzip -9): a ratchet at today's sizes, so that a change that adds weight says so here. The
// issues' ceilings (2026-12-07): the full script 38,000 (not met: 38,822 with EventSource, the families' probes, the
// clarity of issue 23 and the engine's DOMExceptions kept instances of the installed one; see docs/history.md), the core script 20,700 (met: it leaves out what only engines without a
// Promise need, webpack.config.js), EventSource alone as an app 16,000.
const BUDGETS = {
  'dist/retrofetch.polyfill.js': 38830,
  'dist/retrofetch.core.js': 20410,
  "app: import { Headers } from 'retrofetch'": 2190,
  "app: import { fetch } from 'retrofetch'": 21410,
  "app: import { EventSource } from 'retrofetch'": 16000
};

const APPS = {
  "app: import { Headers } from 'retrofetch'": "import { Headers } from 'retrofetch';\nconsole.log(new Headers({ a: '1' }).get('a'));\n",
  "app: import { fetch } from 'retrofetch'": "import { fetch } from 'retrofetch';\nfetch('/x').then(function (r) { return r.text(); }).then(console.log);\n",
  "app: import { EventSource } from 'retrofetch'": "import { EventSource } from 'retrofetch';\nnew EventSource('/x').onmessage = function (e) { console.log(e.data); };\n"
};

function gzipSize(code) {
  return zlib.gzipSync(code, { level: 9 }).length;
}

function buildApps() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retrofetch-sizes-'));
  // The package as a consumer has it: node_modules/retrofetch, resolved through its exports map.
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(root, path.join(dir, 'node_modules', 'retrofetch'), 'dir');
  const names = Object.keys(APPS);
  const entry = {};
  names.forEach((name, i) => {
    fs.writeFileSync(path.join(dir, 'app' + i + '.js'), APPS[name]);
    entry['app' + i] = path.join(dir, 'app' + i + '.js');
  });
  return new Promise((resolve, reject) => {
    webpack({
      mode: 'production', entry: entry, target: ['web', 'es5'], context: dir,
      output: { path: path.join(dir, 'out'), filename: '[name].js' }
    }, (err, stats) => {
      if (err || stats.hasErrors()) return reject(err || new Error(stats.toString('errors-only')));
      const out = {};
      names.forEach((name, i) => { out[name] = fs.readFileSync(path.join(dir, 'out', 'app' + i + '.js'), 'utf8'); });
      fs.rmSync(dir, { recursive: true, force: true });
      resolve(out);
    });
  });
}

function measure() {
  return buildApps().then((apps) => {
    const code = {};
    ['dist/retrofetch.polyfill.js', 'dist/retrofetch.core.js'].forEach((file) => { code[file] = fs.readFileSync(path.join(root, file), 'utf8'); });
    Object.assign(code, apps);
    const sizes = {};
    Object.keys(code).forEach((name) => { sizes[name] = { min: Buffer.byteLength(code[name]), gzip: gzipSize(code[name]) }; });
    return { sizes, code };
  });
}

module.exports = { measure, BUDGETS };

if (require.main === module) {
  measure().then(({ sizes, code }) => {
    if (process.argv.indexOf('--json') >= 0) return console.log(JSON.stringify(sizes, null, 2));
    let failures = 0;
    const check = (label, ok, detail) => {
      console.log((ok ? '  ok    ' : '  FAIL  ') + label + (detail ? '  (' + detail + ')' : ''));
      if (!ok) failures++;
    };
    Object.keys(BUDGETS).forEach((name) => {
      const size = sizes[name].gzip;
      check(name + ': ' + size + ' B min+gz, budget ' + BUDGETS[name], size <= BUDGETS[name]);
    });
    // web-streams-polyfill's byte stream controller class, which no other code names.
    check("app: import { fetch } from 'retrofetch' bundles no web-streams-polyfill", !/ReadableByteStreamController/.test(code["app: import { fetch } from 'retrofetch'"]));
    check("app: import { EventSource } from 'retrofetch' bundles no web-streams-polyfill", !/ReadableByteStreamController/.test(code["app: import { EventSource } from 'retrofetch'"]));
    check("app: import { Headers } from 'retrofetch' bundles no fetch, no XHR", !/XMLHttpRequest|XDomainRequest/.test(code["app: import { Headers } from 'retrofetch'"]));
    console.log(failures ? 'check:sizes: ' + failures + ' failed' : 'check:sizes: ok');
    process.exit(failures ? 1 : 0);
  }).catch((e) => {
    console.error('check:sizes: ' + (e && e.stack || e));
    process.exit(1);
  });
}
