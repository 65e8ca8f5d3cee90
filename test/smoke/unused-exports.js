// `npm run check:exports`: every export of a module in src/ is imported somewhere (src/, the tests, the examples),
// or is the public API (src/index.ts). An export nobody imports is dead code, or an internal that needs no export.
// A build's stand-in for a module (`*-unavailable.ts`) must export what the module's importers take.
// Read with TypeScript's own parser; `export type`/interfaces count too.
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const root = path.resolve(__dirname, '../..');

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

const sources = walk(path.join(root, 'src')).filter((f) => /\.ts$/.test(f) && !/\.d\.ts$/.test(f));
const users = sources.concat(walk(path.join(root, 'test')).filter((f) => /\.ts$/.test(f)),
  walk(path.join(root, 'examples')).filter((f) => /\.ts$/.test(f) && f.indexOf('node_modules') < 0));

function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  return [base + '.ts', path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
}

const exported = new Map(); // file -> Set(name)
const imported = new Map(); // file -> Set(name), '*' for a namespace or re-export-all
function add(map, file, name) {
  if (!map.has(file)) map.set(file, new Set());
  map.get(file).add(name);
}

for (const file of users) {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2015, true);
  sf.statements.forEach((st) => {
    const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier && st.moduleSpecifier.text;
    const target = spec && spec[0] === '.' ? resolve(file, spec) : null;
    if (ts.isImportDeclaration(st) && target && st.importClause) {
      const c = st.importClause;
      if (c.namedBindings && ts.isNamespaceImport(c.namedBindings)) add(imported, target, '*');
      else if (c.namedBindings) c.namedBindings.elements.forEach((e) => add(imported, target, (e.propertyName || e.name).text));
      if (c.name) add(imported, target, 'default');
    }
    if (ts.isExportDeclaration(st) && target) {
      if (!st.exportClause) add(imported, target, '*');
      else st.exportClause.elements.forEach((e) => add(imported, target, (e.propertyName || e.name).text));
    }
    if (sources.indexOf(file) < 0) return;
    const isExported = st.modifiers && st.modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!isExported) return;
    if (ts.isVariableStatement(st)) st.declarationList.declarations.forEach((d) => add(exported, file, d.name.text));
    else if (st.name) add(exported, file, st.name.text);
  });
}

// A build's stand-in for a module (`name-unavailable.ts`, swapped in for `name.ts` by webpack.config.js: the core
// script's) is imported wherever the module is, and must export every name the module's importers take.
const missing = [];
sources.filter((f) => /-unavailable\.ts$/.test(f)).forEach((standIn) => {
  const original = standIn.replace(/-unavailable\.ts$/, '.ts');
  const taken = imported.get(original) || new Set();
  imported.set(standIn, taken);
  taken.forEach((name) => {
    if (!(exported.get(standIn) || new Set()).has(name)) missing.push(path.relative(root, standIn) + ': ' + name);
  });
});
missing.forEach((m) => console.log('  stand-in lacks  ' + m));

const entry = path.join(root, 'src/index.ts');
const unused = [];
exported.forEach((names, file) => {
  if (file === entry) return;
  const used = imported.get(file) || new Set();
  names.forEach((name) => { if (!used.has(name) && !used.has('*')) unused.push(path.relative(root, file) + ': ' + name); });
});
unused.forEach((u) => console.log('  unused export  ' + u));
const problems = unused.length + missing.length;
console.log(problems ? 'check:exports: ' + unused.length + ' exports nobody imports, ' + missing.length + ' missing from stand-ins' : 'check:exports: ok');
process.exit(problems ? 1 : 0);
