// `npm run check:package`: the package as a consumer meets it (the lessons of unfetch #162, cross-fetch #149,
// whatwg-fetch's side-effecting ESM): every `exports` target exists and is in the tarball, `require('retrofetch')`
// and `import('retrofetch')` give the classes without touching globals, `retrofetch/polyfill` resolves to the
// standalone script, the types exist, and `sideEffects` names only polyfill files.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '../..');
const pkg = require(path.join(root, 'package.json'));
let failures = 0;
function check(label, ok, detail) {
  console.log((ok ? '  ok    ' : '  FAIL  ') + label + (ok || !detail ? '' : '\n        ' + detail));
  if (!ok) failures++;
}

// Every file the exports map, main/module/types name.
const targets = [pkg.main, pkg.module, pkg.types];
for (const key of Object.keys(pkg.exports)) {
  const value = pkg.exports[key];
  if (typeof value === 'string') targets.push(value);
  else for (const cond of Object.keys(value)) targets.push(value[cond]);
}
const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0].files.map((f) => f.path);
for (const target of targets) {
  const rel = target.replace(/^\.\//, '');
  check('exists and is packed: ' + rel, fs.existsSync(path.join(root, rel)) && packed.indexOf(rel) >= 0);
}
check('sideEffects names only polyfill files', pkg.sideEffects.every((f) => /polyfill|standalone|install-promise/.test(f)), JSON.stringify(pkg.sideEffects));

const before = {};
const names = ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'ReadableStream', 'AbortController', 'AbortSignal'];
names.forEach((n) => { before[n] = globalThis[n]; });
const cjs = require('retrofetch'); // self-reference through the exports map
check("require('retrofetch') gives fetch, Headers, Request, Response, FormData",
  ['fetch', 'Headers', 'Request', 'Response', 'FormData'].every((n) => typeof cjs[n] === 'function'));
check("require('retrofetch') writes no global", names.every((n) => globalThis[n] === before[n]));
const classNames = ['Headers', 'Request', 'Response', 'FormData', 'ReadableStream', 'AbortController', 'AbortSignal', 'DOMException'];
check("require('retrofetch') classes keep their names (Headers.name === 'Headers')", classNames.every((n) => cjs[n].name === n),
  classNames.map((n) => n + ': ' + cjs[n].name).join(', '));
check("require.resolve('retrofetch/polyfill') is the standalone script",
  require.resolve('retrofetch/polyfill') === path.join(root, 'dist/retrofetch.polyfill.js'));

import('retrofetch').then((esm) => {
  check("import('retrofetch') gives the same API", ['fetch', 'Headers', 'Request', 'Response', 'FormData'].every((n) => typeof esm[n] === 'function'));
  check("import('retrofetch') writes no global", names.every((n) => globalThis[n] === before[n]));
  check("import('retrofetch') classes keep their names", classNames.every((n) => esm[n].name === n));
  return new esm.Response('h\u00e9').text();
}).then((text) => {
  check('the ESM Response works in Node', text === 'h\u00e9');
  const types = fs.readFileSync(path.join(root, 'dist/types/index.d.ts'), 'utf8');
  check('types export the classes and fetch', /Headers/.test(types) && /fetch/.test(types) && /RetrofetchInit/.test(types));
  console.log(failures ? 'check:package: ' + failures + ' failed' : 'check:package: ok');
  process.exit(failures ? 1 : 0);
}).catch((e) => {
  console.error('check:package: ' + (e && e.stack || e));
  process.exit(1);
});
