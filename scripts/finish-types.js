// After `tsc --emitDeclarationOnly` (npm run build), two things a consumer's TypeScript needs:
// 1. The libs the declarations were compiled against (tsconfig.json `lib`: ES5 + a few ES2015 parts + DOM), as
//    `/// <reference lib>` in the entry declarations, so they compile in a project whatever its own `lib` (without
//    the DOM lib too; such a project then gets the DOM types through them). test/types/ checks both.
// 2. The types of the ESM entry. dist/types/*.d.ts are CommonJS declarations (the package is "type": "commonjs"),
//    so `import` resolving to them would make TypeScript treat dist/retrofetch.mjs as CommonJS ("masquerading as
//    CJS", arethetypeswrong). index.d.mts is an ES module with the same exports.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const types = path.join(root, 'dist/types');
const ts = require('typescript');
const libs = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile).config.compilerOptions.lib;
const references = libs.map((lib) => '/// <reference lib="' + lib.toLowerCase() + '" />\n').join('');

['index.d.ts', 'standalone.d.ts'].forEach((name) => {
  const file = path.join(types, name);
  fs.writeFileSync(file, references + fs.readFileSync(file, 'utf8'));
});
fs.writeFileSync(path.join(types, 'index.d.mts'), "export * from './index.js';\n");
