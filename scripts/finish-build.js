// The last step of `npm run build`, after tsc has written the CommonJS declarations (dist/types) and the ES modules
// with their declarations (dist/esm, tsconfig.esm.json):
// 1. The entry declarations reference the libs they were compiled against (tsconfig.json `lib`: ES5 + a few ES2015
//    parts + DOM), so they compile in a project whatever its own `lib` (without the DOM lib too; such a project then
//    gets the DOM types through them). test/types/ checks both.
// 2. dist/esm is the tree-shakable ponyfill, one ES module per source module, so that a bundler keeps only what an
//    app imports (test/smoke/sizes.js builds such apps): relative specifiers get their `.js` (Node's ESM resolution
//    and TypeScript's node16 want the file name); the test counters (src/env/debug-counters.ts, whose calls are
//    statements of their own) are taken out, the module and every call, so that no test code ships; and
//    dist/esm/package.json says its files are ES modules (the package is "type": "commonjs") without side effects.
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const esm = path.join(root, 'dist/esm');
const libs = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile).config.compilerOptions.lib;
const references = libs.map((lib) => '/// <reference lib="' + lib.toLowerCase() + '" />\n').join('');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

function edit(file, change) {
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

for (const ext of ['.js', '.d.ts']) fs.unlinkSync(path.join(esm, 'env/debug-counters' + ext));
for (const file of walk(esm)) {
  if (!/\.(js|d\.ts)$/.test(file)) continue;
  edit(file, (code) => {
    code = code
      .replace(/^import \{ (count|exposeCounters) \} from '[./]+env\/debug-counters';\n/gm, '')
      .replace(/^\s*(count|exposeCounters)\([^;\n]*\);\n/gm, '')
      .replace(/(\bfrom\s+|\bimport\s+|\bimport\()(['"])(\.\.?\/[^'"]+)\2/g, (m, head, quote, spec) => head + quote + spec + '.js' + quote);
    if (/from '[^']*debug-counters|\b(count|exposeCounters)\(/.test(code)) throw new Error(file + ': a test counter call left in the ES modules');
    return code;
  });
}
fs.writeFileSync(path.join(esm, 'package.json'), JSON.stringify({ type: 'module', sideEffects: false }, null, 2) + '\n');

['dist/types/index.d.ts', 'dist/types/standalone.d.ts', 'dist/types/standalone-core.d.ts', 'dist/esm/index.d.ts'].forEach((name) => {
  edit(path.join(root, name), (code) => references + code);
});
