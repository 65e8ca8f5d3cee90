// examples/legacy-app: a TypeScript app for legacy browsers, built by webpack to ES5 (`npm run build:examples`):
// dist/examples/legacy-app/{index.html, app.js}. Its one import of retrofetch, `retrofetch/polyfill`, resolves
// through the package's `exports` to dist/retrofetch.polyfill.js (this file is inside the package, which may import
// itself by name; an app has it in node_modules).
'use strict';
const path = require('path');
const PageFiles = require('../page-files');

module.exports = {
  name: 'legacy-app',
  mode: 'production',
  target: ['web', 'es5'],
  entry: path.join(__dirname, 'src/app.ts'),
  output: { path: path.resolve(__dirname, '../../dist/examples/legacy-app'), filename: 'app.js' },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: path.join(__dirname, 'tsconfig.json'), transpileOnly: true } }]
  },
  plugins: [new PageFiles({ 'index.html': path.join(__dirname, 'index.html'), 'test-hooks.js': PageFiles.TEST_HOOKS })],
  devtool: false,
  performance: { hints: false }
};
