// `npm run check:duktape`: the built ponyfill (dist/retrofetch.cjs) in Duktape (`duk`, an ES5.1 engine with no
// DOM, no timers, no Promise, no Map/WeakMap), as a bare embedder would load it.
// This Node script writes one self-contained script to a temp file and runs `duk` on it. The script has:
//   - a timer queue (setTimeout/clearTimeout/setImmediate) on a virtual clock, drained at the end;
//   - a tiny CommonJS `require` serving modules collected here from node_modules: promise-polyfill
//     (lib/index.js, installed as the global Promise before anything else), web-streams-polyfill/es5, and whatever
//     else dist/retrofetch.cjs requires;
//   - the checks below, each printed as ok/FAIL; any failure (or a promise that never settles) exits 1.
// Duktape accepts some ES2015 syntax, so this proves "runs", not "is ES5": `npm run check:es5` does that.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '../..');
const entry = path.join(root, 'dist/retrofetch.cjs');
const promiseEntry = path.join(root, 'node_modules/promise-polyfill/lib/index.js');

function die(message) {
  console.error('check:duktape: ' + message);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Collect the module graph (static `require('x')` calls, resolved the way Node resolves them for `require`).

const NODE_BUILTINS = new Set(require('module').builtinModules);

function collect(file, modules) {
  if (modules.has(file)) return;
  const source = fs.readFileSync(file, 'utf8');
  const deps = {};
  modules.set(file, { source, deps });
  const re = /\brequire\(\s*(['"])([^'"]+)\1\s*\)/g;
  let m;
  while ((m = re.exec(source))) {
    const spec = m[2];
    if (NODE_BUILTINS.has(spec) || spec.indexOf('node:') === 0) continue; // left to fail at run time, if called
    let resolved;
    try {
      resolved = require.resolve(spec, { paths: [path.dirname(file)] });
    } catch {
      continue; // e.g. a require inside a UMD branch Duktape never takes; fails at run time if it does
    }
    deps[spec] = resolved;
    collect(resolved, modules);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The Duktape script

const PRELUDE = String.raw`
var global = this;
// Timers on a virtual clock: callbacks run in (time, order) order when the queue is drained.
var __timers = [], __timerSeq = 0, __now = 0;
global.setTimeout = function (fn, ms) {
  var args = Array.prototype.slice.call(arguments, 2);
  __timers.push({ id: ++__timerSeq, at: __now + (+ms > 0 ? +ms : 0), fn: fn, args: args });
  return __timerSeq;
};
global.clearTimeout = function (id) {
  for (var i = 0; i < __timers.length; i++) if (__timers[i].id === id) { __timers.splice(i, 1); return; }
};
global.setImmediate = function (fn) { return global.setTimeout.apply(null, [fn, 0].concat(Array.prototype.slice.call(arguments, 1))); };
global.clearImmediate = global.clearTimeout;
function __drain(limit) {
  var n = 0;
  while (__timers.length) {
    if (++n > limit) throw new Error('timer queue did not drain after ' + limit + ' callbacks');
    __timers.sort(function (a, b) { return a.at - b.at || a.id - b.id; });
    var t = __timers.shift();
    __now = t.at;
    t.fn.apply(null, t.args);
  }
  return n;
}
// CommonJS: __defs[id] = { deps: {spec: id}, fn: function (module, exports, require) }
var __cache = {};
function __require(id) {
  if (__cache[id]) return __cache[id].exports;
  var def = __defs[id];
  if (!def) throw new Error('duktape smoke: no module ' + id);
  var module = { exports: {} };
  __cache[id] = module;
  def.fn.call(module.exports, module, module.exports, function (spec) {
    if (!Object.prototype.hasOwnProperty.call(def.deps, spec)) throw new Error('duktape smoke: ' + id + ' requires ' + spec + ', which was not collected');
    return __require(def.deps[spec]);
  });
  return module.exports;
}
`;

const CHECKS = String.raw`
var __results = [];
function check(name, fn) {
  try {
    var v = fn();
    __results.push({ name: name, ok: v === true, detail: v === true ? '' : 'got ' + __show(v) });
  } catch (e) {
    __results.push({ name: name, ok: false, detail: __err(e) });
  }
}
function checkAsync(name, makePromise, test) {
  var r = { name: name, ok: false, detail: 'never settled (promise pending after the timer queue drained)' };
  __results.push(r);
  try {
    makePromise().then(function (v) {
      try {
        var t = test(v);
        r.ok = t === true;
        r.detail = r.ok ? '' : 'resolved to ' + __show(v);
      } catch (e) { r.detail = __err(e); }
    }, function (e) { r.detail = 'rejected: ' + __err(e); });
  } catch (e) {
    r.detail = __err(e);
  }
}
function __show(v) { try { return JSON.stringify(v); } catch (e) { return String(v); } }
function __err(e) { return (e && e.name ? e.name + ': ' : '') + (e && e.message !== undefined ? e.message : String(e)) + (e && e.stack ? '\n      ' + String(e.stack).split('\n').slice(1, 4).join('\n      ') : ''); }

var rf = null;
check('Promise is promise-polyfill', function () { return typeof Promise === 'function' && typeof Promise.resolve === 'function'; });
check('dist/retrofetch.cjs loads', function () { rf = __require(__entry); return typeof rf === 'object' && rf !== null; });
if (rf) {
  check('exports Headers, Request, Response', function () {
    return typeof rf.Headers === 'function' && typeof rf.Request === 'function' && typeof rf.Response === 'function';
  });
  check("new Headers({'X-A': '1'}).get('x-a') === '1'", function () { return new rf.Headers({ 'X-A': '1' }).get('x-a') === '1'; });
  check("new Request('http://x/y', {method: 'post', body: 'hi'}).method === 'POST'", function () {
    return new rf.Request('http://x/y', { method: 'post', body: 'hi' }).method === 'POST';
  });
  checkAsync("new Request(..., {body: 'hi'}).text() resolves 'hi'", function () {
    return new rf.Request('http://x/y', { method: 'POST', body: 'hi' }).text();
  }, function (v) { return v === 'hi'; });
  checkAsync("new Response('h\u00e9llo').text() resolves 'h\u00e9llo'", function () { return new rf.Response('h\u00e9llo').text(); },
    function (v) { return v === 'h\u00e9llo'; });
  checkAsync("new Response('h\u00e9llo').arrayBuffer() is 6 UTF-8 bytes", function () { return new rf.Response('h\u00e9llo').arrayBuffer(); },
    function (v) { var b = new Uint8Array(v); return b.length === 6 && b[1] === 0xc3 && b[2] === 0xa9; });
  checkAsync('new Response(Uint8Array [104, 105]).text() resolves "hi"', function () {
    return new rf.Response(new Uint8Array([104, 105])).text();
  }, function (v) { return v === 'hi'; });
  checkAsync('Response.json({a: 1}): status 200, application/json, .json() gives {a: 1}', function () {
    var r = rf.Response.json({ a: 1 });
    if (r.status !== 200) throw new Error('status ' + r.status);
    if (r.headers.get('content-type') !== 'application/json') throw new Error('content-type ' + r.headers.get('content-type'));
    return r.json();
  }, function (v) { return v !== null && typeof v === 'object' && v.a === 1; });
  // (dist/retrofetch.cjs bundles the streams family, and Duktape has none of its own.)
  checkAsync("without a global ReadableStream, new Response('abc').body is a stream of the exported family (README: the ponyfill's bodies)", function () {
    if (typeof global.ReadableStream !== 'undefined') throw new Error('Duktape has a ReadableStream');
    var body = new rf.Response('abc').body;
    if (!(body instanceof rf.ReadableStream)) throw new Error('body is not an instance of the exported ReadableStream');
    return body.getReader().read();
  }, function (v) { return v.done === false && v.value.length === 3 && v.value[0] === 97; });
}

var __callbacks = __drain(100000);
var __failed = 0;
for (var i = 0; i < __results.length; i++) {
  var r = __results[i];
  if (!r.ok) __failed++;
  print((r.ok ? '  ok    ' : '  FAIL  ') + r.name + (r.ok ? '' : '\n        ' + r.detail));
}
print('duktape smoke: ' + (__results.length - __failed) + ' of ' + __results.length + ' checks ok (' + __callbacks + ' timer callbacks)');
if (__failed) throw new Error('duktape smoke: ' + __failed + ' check(s) failed');
`;

function buildScript() {
  if (!fs.existsSync(entry)) die(path.relative(root, entry) + ' is missing: run `npm run build` first');
  if (!fs.existsSync(promiseEntry)) die('node_modules/promise-polyfill is missing: run `npm ci`');
  const modules = new Map();
  collect(promiseEntry, modules);
  collect(entry, modules);
  const ids = new Map();
  Array.from(modules.keys()).forEach((file) => ids.set(file, path.relative(root, file)));
  let defs = 'var __defs = {};\n';
  const lineOf = (text) => text.split('\n').length - 1;
  const firstLine = lineOf(PRELUDE) + 2; // 1-based line of the first module's first source line
  const ranges = []; // [{ id, start, end }]: where each module's source sits in the script, to map duk's line numbers
  modules.forEach((mod, file) => {
    const deps = {};
    Object.keys(mod.deps).forEach((spec) => { deps[spec] = ids.get(mod.deps[spec]); });
    const start = firstLine + lineOf(defs);
    defs += '__defs[' + JSON.stringify(ids.get(file)) + '] = { deps: ' + JSON.stringify(deps) +
      ', fn: function (module, exports, require) {\n' + mod.source + '\n} };\n';
    ranges.push({ id: ids.get(file), start, end: start + lineOf(mod.source) });
  });
  // promise-polyfill's lib/index.js exports the Promise class (module.exports or .default).
  const install = 'var __P = __require(' + JSON.stringify(ids.get(promiseEntry)) + ');\n' +
    'global.Promise = (__P && __P["default"]) || __P;\n' +
    'var __entry = ' + JSON.stringify(ids.get(entry)) + ';\n';
  return { script: PRELUDE + defs + install + CHECKS, ranges };
}

/** Appends "= module:line" to each "smoke.js:N" in duk's output that falls inside a collected module. */
function mapLines(text, file, ranges) {
  const re = new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ':(\\d+)', 'g');
  return text.replace(re, (all, n) => {
    const line = Number(n);
    const r = ranges.filter((x) => line >= x.start && line <= x.end)[0];
    return r ? all + ' = ' + r.id + ':' + (line - r.start + 1) : all;
  });
}

function main() {
  const { script, ranges } = buildScript();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retrofetch-duk-'));
  const file = path.join(dir, 'smoke.js');
  fs.writeFileSync(file, script);
  const duk = process.env.DUK_BIN || 'duk';
  const run = spawnSync(duk, [file], { encoding: 'utf8', timeout: 120000 });
  if (run.error && run.error.code === 'ENOENT') die('`' + duk + '` not found: apt-get install duktape (or set DUK_BIN)');
  process.stdout.write(mapLines(run.stdout || '', file, ranges));
  process.stderr.write(mapLines(run.stderr || '', file, ranges));
  if (run.error) die('duk did not finish: ' + run.error.message + ' (script kept at ' + file + ')');
  if (run.status !== 0) die('duk exited with ' + (run.status === null ? 'signal ' + run.signal : run.status) +
    ' (script kept at ' + file + ')');
  fs.rmSync(dir, { recursive: true, force: true });
  console.log('check:duktape: ok');
}

main();
