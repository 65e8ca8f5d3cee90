// A webpack loader for the bundled web-streams-polyfill (webpack.config.js): its TransferArrayBuffer reads the global
// `structuredClone`, which in some pages cannot transfer an ArrayBuffer (core-js's in jsdom on Node 20 throws a
// DataCloneError for every transfer, and every byte stream's enqueue with it). An import in front of its source gives
// it src/env/support.ts's structuredCloneThatTransfers under that name instead: the page's where it transfers, else
// undefined (web-streams-polyfill then hands the buffer on as it is). An ES import, so the module is still
// concatenated with the rest of the bundle (webpack's ProvidePlugin would keep support.ts apart: ~400 B).
'use strict';
const path = require('path');

const SUPPORT = path.resolve(__dirname, '../src/env/support.ts');

module.exports = function structuredCloneLoader(source) {
  if (/\b(var|let|const|function)\s+structuredClone\b/.test(source)) {
    throw new Error('structured-clone-loader: the module declares its own structuredClone; nothing to replace');
  }
  return 'import { structuredCloneThatTransfers as structuredClone } from ' + JSON.stringify(SUPPORT) + ';\n' + source;
};
