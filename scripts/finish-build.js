// The last step of `npm run build`, after tsc has written the ES modules (dist/esm, tsconfig.esm.json):
// 1. The declarations are types/index.d.ts, written by hand (see its opening comment: they take the platform's types
//    where the consumer's libs have them, and reference no lib): copied to dist/types/index.d.ts for `require` (the
//    package is "type": "commonjs") and to dist/esm/index.d.ts for `import`; types/script.d.ts (nothing exported) for
//    the two scripts, `retrofetch/polyfill` and `retrofetch/core`. test/types/run.js compiles projects against them.
// 2. dist/esm is the tree-shakable ponyfill, one ES module per source module, so that a bundler keeps only what an
//    app imports (test/smoke/sizes.js builds such apps): relative specifiers get their `.js` (Node's ESM resolution
//    and TypeScript's node16 want the file name); the test counters (src/env/debug-counters.ts, whose calls are
//    statements of their own) are taken out, the module and every call, so that no test code ships; and
//    dist/esm/package.json says its files are ES modules (the package is "type": "commonjs") without side effects.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const esm = path.join(root, 'dist/esm');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

function edit(file, change) {
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

fs.unlinkSync(path.join(esm, 'env/debug-counters.js'));
for (const file of walk(esm)) {
  if (!/\.js$/.test(file)) continue;
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

fs.mkdirSync(path.join(root, 'dist/types'), { recursive: true });
const declarations = {
  'types/index.d.ts': ['dist/types/index.d.ts', 'dist/esm/index.d.ts'],
  'types/script.d.ts': ['dist/types/standalone.d.ts', 'dist/types/standalone-core.d.ts']
};
for (const from of Object.keys(declarations)) {
  for (const to of declarations[from]) fs.copyFileSync(path.join(root, from), path.join(root, to));
}
