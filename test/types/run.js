// `npm run check:types`: the declarations as a TypeScript user meets them. The built package is packed (`npm pack`)
// and unpacked into a temporary node_modules (with its dependency beside it), and each consumer project in
// test/types/consumers/<name>/ is compiled there with the repo's TypeScript (5.9) and with TypeScript 7 (the
// devDependency `typescript-7`, an alias of the `typescript` package: called by path, since the repo's own `tsc` is
// 5.9). A consumer's tsconfig.json names its files as copies of test/types/<base>.ts (`api.mts` is api.ts, compiled
// as an ES module; `api.cts` the same as CommonJS), except `standalone.d.ts`: types/index.d.ts with its namespace of
// retrofetch's own declarations exported, for test/types/shapes.ts to compare them with lib.dom's. There its three
// stream interfaces are named OwnReadableStream, OwnWritableStream, OwnTransformStream, and the names stand for the
// DOM's: TypeScript cannot compare two separately declared generic stream interfaces as a whole (comparing their
// generic methods, it infers `T | undefined` for `T` and fails), so each is compared with the DOM's one level deep,
// and the interfaces that hold streams as they are. Every compile must be clean: the `@ts-expect-error` lines in them
// are the mistakes the declarations must catch.
//   node test/types/run.js [--keep]   (--keep leaves the temporary projects and prints where)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, execFile } = require('child_process');

const root = path.resolve(__dirname, '../..');
const compilers = [
  { label: 'TypeScript 5.9', tsc: require.resolve('typescript/bin/tsc') },
  { label: 'TypeScript 7', tsc: path.join(path.dirname(require.resolve('typescript-7/package.json')), 'bin/tsc') }
];
// The shapes are those of the newest TypeScript's lib.dom.d.ts (5.9's has a BYOB reader's read() that takes a view of
// a SharedArrayBuffer too, and no `min` option; 7's has what the Streams spec says).
const newestOnly = ['shapes'];
const started = Date.now();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'retrofetch-types-'));

// The package as `npm install retrofetch` gives it: the tarball's files, and its dependency.
const tarball = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0].filename;
const installed = path.join(work, 'node_modules/retrofetch');
fs.mkdirSync(installed, { recursive: true });
execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', installed, '--strip-components=1']);
for (const dependency of Object.keys(require(path.join(root, 'package.json')).dependencies)) {
  fs.symlinkSync(path.join(root, 'node_modules', dependency), path.join(work, 'node_modules', dependency), 'dir');
}
fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ private: true }) + '\n');

const consumers = fs.readdirSync(path.join(__dirname, 'consumers')).sort();
for (const name of consumers) {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  const configText = fs.readFileSync(path.join(__dirname, 'consumers', name, 'tsconfig.json'), 'utf8');
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), configText);
  const config = JSON.parse(configText.replace(/^\s*\/\/.*$/gm, ''));
  for (const file of config.files) {
    if (file === 'standalone.d.ts') {
      const declarations = fs.readFileSync(path.join(root, 'types/index.d.ts'), 'utf8');
      const streams = /^( +)interface (ReadableStream|WritableStream|TransformStream)(<[^{]*\{)$/gm;
      fs.writeFileSync(path.join(dir, file), declarations.replace(/^declare namespace retrofetch \{$/m, 'export declare namespace retrofetch {\n' +
        '  type ReadableStream<R = any> = globalThis.ReadableStream<R>;\n  type WritableStream<W = any> = globalThis.WritableStream<W>;\n' +
        '  type TransformStream<I = any, O = any> = globalThis.TransformStream<I, O>;').replace(streams, '$1interface Own$2$3'));
    } else {
      fs.copyFileSync(path.join(__dirname, file.replace(/\.[mc]?ts$/, '.ts')), path.join(dir, file));
    }
  }
}

function compile(compiler, name) {
  return new Promise((resolve) => {
    execFile(process.execPath, [compiler.tsc, '-p', path.join(work, name), '--pretty', 'false'], { cwd: work },
      (error, stdout, stderr) => resolve({ compiler, name, ok: !error, output: (stdout + stderr).trim() }));
  });
}

// Two compiles at a time (the machine has two cores).
const jobs = [];
const runs = (name) => newestOnly.indexOf(name) >= 0 ? compilers.slice(-1) : compilers;
for (const name of consumers) for (const compiler of runs(name)) jobs.push([compiler, name]);
const results = [];
function next() {
  const job = jobs.shift();
  return job ? compile(job[0], job[1]).then((result) => { results.push(result); return next(); }) : Promise.resolve();
}
Promise.all([next(), next()]).then(() => {
  let failures = 0;
  for (const name of consumers) {
    for (const compiler of runs(name)) {
      const result = results.find((r) => r.name === name && r.compiler === compiler);
      console.log((result.ok ? '  ok    ' : '  FAIL  ') + name + ' with ' + compiler.label);
      if (!result.ok) {
        failures++;
        console.log(result.output.split('\n').map((line) => '        ' + line.split(work + path.sep).join('')).join('\n'));
      }
    }
  }
  if (process.argv.indexOf('--keep') >= 0) console.log('check:types: the projects are in ' + work);
  else fs.rmSync(work, { recursive: true, force: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(failures ? 'check:types: ' + failures + ' failed (' + seconds + ' s)' : 'check:types: ok (' + seconds + ' s)');
  process.exit(failures ? 1 : 0);
});
