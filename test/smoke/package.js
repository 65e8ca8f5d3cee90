// `npm run check:package` (with publint and arethetypeswrong, which run after it): the package as a consumer meets
// it (the lessons of unfetch #162, cross-fetch #149, whatwg-fetch's side-effecting ESM): every `exports` target
// exists and is in the tarball (with LICENSE and the node10 stub polyfill/package.json, without the test bundle),
// `require('retrofetch')` and `import('retrofetch')` give the same names without touching globals,
// `retrofetch/polyfill` resolves to the standalone script, which keeps the license notices of what it bundles, the
// types exist, `sideEffects` names only polyfill files, no build calls eval or `Function` or holds test counters, and
// the hand-written declarations declare what the modules export, with no lib reference and no global.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ts = require('typescript');

const root = path.resolve(__dirname, '../..');
const pkg = require(path.join(root, 'package.json'));
let failures = 0;
function walk(dir) {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((e) => e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
// The names of the values (not the types) a declaration file exports, sorted, as TypeScript reads them.
function declaredValues(file) {
  const program = ts.createProgram([path.join(root, file)], { noEmit: true, lib: ['lib.es2020.d.ts'], types: [] });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(path.join(root, file)));
  return checker.getExportsOfModule(module).filter((s) => s.flags & ts.SymbolFlags.Value).map((s) => s.name).sort().join(', ');
}
function check(label, ok, detail) {
  console.log((ok ? '  ok    ' : '  FAIL  ') + label + (ok || !detail ? '' : '\n        ' + detail));
  if (!ok) failures++;
}

// Every file the exports map (conditions nested or not), main/module/types and the node10 stub directory name.
const STUBS = ['polyfill', 'core']; // node10 stubs: <name>/package.json for exports["./<name>"]
const targets = [pkg.main, pkg.module, pkg.types, 'LICENSE'];
(function walk(value) {
  if (typeof value === 'string') targets.push(value);
  else for (const key of Object.keys(value)) walk(value[key]);
})(pkg.exports);
const stubs = {};
for (const name of STUBS) {
  stubs[name] = require(path.join(root, name, 'package.json'));
  targets.push(path.join(name, 'package.json'), path.join(name, stubs[name].main), path.join(name, stubs[name].types));
}
const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0].files.map((f) => f.path);
for (const rel of Array.from(new Set(targets.map((t) => path.normalize(t))))) {
  check('exists and is packed: ' + rel, fs.existsSync(path.join(root, rel)) && packed.indexOf(rel) >= 0);
}
check('the tarball has no test bundle', packed.every((f) => f.indexOf('dist/test/') !== 0), packed.join(' '));
for (const name of STUBS) {
  check(name + '/package.json (node10 resolution) names the same files as exports["./' + name + '"]',
    path.join(name, stubs[name].main) === path.normalize(pkg.exports['./' + name].default) &&
    path.join(name, stubs[name].types) === path.normalize(pkg.exports['./' + name].types));
}
const standalone = fs.readFileSync(path.join(root, 'dist/retrofetch.polyfill.js'), 'utf8');
const banner = standalone.slice(0, standalone.indexOf('*/') + 2);
check('the standalone script keeps the license notices of what it bundles', /^\/\*! retrofetch [\d.]+ \(MIT\)/.test(banner) &&
  /web-streams-polyfill [\d.]+ \(MIT, \(c\) \d{4} Mattias Buelens/.test(banner) &&
  /promise-polyfill [\d.]+ \(MIT, \(c\) \d{4} Taylor Hakes/.test(banner), banner);
// A Content-Security-Policy without 'unsafe-eval' must not break any build (test/integration/csp.test.ts runs one).
for (const file of ['dist/retrofetch.polyfill.js', 'dist/retrofetch.core.js', 'dist/retrofetch.cjs'].concat(walk('dist/esm').filter((f) => /\.js$/.test(f)))) {
  const code = fs.readFileSync(path.join(root, file), 'utf8');
  const found = code.match(/\beval\s*\(|\bFunction\s*\(/g);
  check(file + ' calls neither eval nor the Function constructor', found === null, found && found.join(', '));
  check(file + ' holds no test counters (only dist/test/retrofetch.instrumented.js does)', !/liveXHRs|retrofetch\.counters/.test(code));
}
// (The src/ entries are for webpack's own builds of the scripts: without them it drops `import './env/install-promise'`.)
check('sideEffects names only the standalone scripts and their entries', pkg.sideEffects.every((f) =>
  /^\.\/dist\/retrofetch\.(polyfill|core)\.js$|^\.\/src\/(standalone(-core)?|env\/install-promise)\.ts$/.test(f)), JSON.stringify(pkg.sideEffects));

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
  const esmNames = Object.keys(esm).filter((n) => n !== 'default').sort().join(', ');
  check('ESM and CJS export the same names', esmNames === Object.keys(cjs).sort().join(', '),
    'ESM: ' + esmNames + '\n        CJS: ' + Object.keys(cjs).sort().join(', '));
  check("import('retrofetch') writes no global", names.every((n) => globalThis[n] === before[n]));
  check("import('retrofetch') classes keep their names", classNames.every((n) => esm[n].name === n));
  return new esm.Response('h\u00e9').text();
}).then((text) => {
  check('the ESM Response works in Node', text === 'h\u00e9');
  // The declarations are written by hand (types/index.d.ts): they declare exactly the values the modules export.
  for (const file of ['dist/types/index.d.ts', 'dist/esm/index.d.ts']) {
    const declared = declaredValues(file);
    check(file + ' declares the values the package exports', declared === Object.keys(cjs).sort().join(', '),
      'declared: ' + declared + '\n        exported: ' + Object.keys(cjs).sort().join(', '));
  }
  check('the declarations reference no lib and declare no global', ['dist/types/index.d.ts', 'dist/types/standalone.d.ts'].every((file) =>
    !/^\/\/\/\s*<reference|^\s*declare global/m.test(fs.readFileSync(path.join(root, file), 'utf8'))));
  console.log(failures ? 'check:package: ' + failures + ' failed' : 'check:package: ok');
  process.exit(failures ? 1 : 0);
}).catch((e) => {
  console.error('check:package: ' + (e && e.stack || e));
  process.exit(1);
});
