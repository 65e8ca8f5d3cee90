// examples/bundler-alias: an app whose modules were written against other fetch packages and the global fetch, built
// with the retrofetch ponyfill in their place (`npm run build:examples`: dist/examples/bundler-alias/). Nothing is
// installed as a global: the aliases give each import retrofetch's module, and ProvidePlugin gives code that uses
// the global names retrofetch's exports instead.
//
// `retrofetch` resolves through the package's `exports` to its ES modules (dist/esm; this file is inside the
// package, which may import itself by name; an app has it in node_modules), so the bundle keeps only what is used.
'use strict';
const path = require('path');
const webpack = require('webpack');
const PageFiles = require('../page-files');

const adapter = (name) => path.join(__dirname, 'adapters', name);
const REPLACED = ['whatwg-fetch', 'isomorphic-fetch', 'cross-fetch'];

module.exports = {
  name: 'bundler-alias',
  mode: 'production',
  target: ['web', 'es5'],
  entry: path.join(__dirname, 'src/index.js'),
  output: { path: path.resolve(__dirname, '../../dist/examples/bundler-alias'), filename: 'app.js' },
  // whatwg-fetch exports fetch, Headers, Request, Response and DOMException by name, as retrofetch does (its import
  // also installs them as globals where missing; retrofetch's does not). isomorphic-fetch's browser build is
  // `module.exports = fetch`, and cross-fetch also has a default export: an adapter each (adapters/). README.md shows
  // this block and the ProvidePlugin below as they are here.
  resolve: {
    alias: {
      'whatwg-fetch$': 'retrofetch',
      'isomorphic-fetch$': adapter('isomorphic-fetch.js'),
      'cross-fetch$': adapter('cross-fetch.js')
    }
  },
  // This app's files are ES modules or CommonJS by their syntax, as in an app's own package (the repository's
  // package.json says "type": "commonjs", which would make webpack read every .js here as CommonJS).
  module: { rules: [{ test: /\.js$/, include: __dirname, type: 'javascript/auto' }] },
  plugins: [
    // Code that uses the global names gets the ponyfill's (a free `fetch` becomes retrofetch's export).
    new webpack.ProvidePlugin({
      fetch: ['retrofetch', 'fetch'],
      Headers: ['retrofetch', 'Headers'],
      Request: ['retrofetch', 'Request'],
      Response: ['retrofetch', 'Response']
    }),
    new PageFiles({
      'index.html': path.join(__dirname, 'index.html'),
      'promise.js': require.resolve('promise-polyfill/dist/polyfill.min.js'),
      'test-hooks.js': PageFiles.TEST_HOOKS
    }),
    // None of the replaced packages may end up in the bundle (whatwg-fetch is installed here, for `npm run bench`:
    // without its alias, webpack would bundle it).
    { apply: (compiler) => compiler.hooks.thisCompilation.tap('NoneReplaced', (compilation) => {
      compilation.hooks.finishModules.tap('NoneReplaced', (modules) => {
        for (const m of modules) {
          const hit = REPLACED.filter((name) => (m.resource || '').split(path.sep).indexOf(name) >= 0)[0];
          if (hit) compilation.errors.push(new webpack.WebpackError(hit + ' was bundled (' + m.resource + '): its alias to retrofetch did not apply'));
        }
      });
    }) }
  ],
  devtool: false,
  performance: { hints: false }
};
