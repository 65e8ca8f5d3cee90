// examples/conditional-loading: a page whose inline snippet (README "A script tag") loads one of retrofetch's two
// standalone scripts only where the browser lacks what the page uses, then its app (plain ES5 against the globals),
// bundled by webpack (`npm run build:examples`: dist/examples/conditional-loading/, with copies of
// dist/retrofetch.polyfill.js and dist/retrofetch.core.js in js/ beside the page, as a site would serve them).
'use strict';
const path = require('path');
const PageFiles = require('../page-files');

const dist = path.resolve(__dirname, '../../dist');

module.exports = {
  name: 'conditional-loading',
  mode: 'production',
  target: ['web', 'es5'],
  entry: path.join(__dirname, 'src/app.js'),
  output: { path: path.join(dist, 'examples/conditional-loading'), filename: 'app.js' },
  plugins: [new PageFiles({
    'index.html': path.join(__dirname, 'index.html'),
    'js/retrofetch.polyfill.js': path.join(dist, 'retrofetch.polyfill.js'),
    'js/retrofetch.core.js': path.join(dist, 'retrofetch.core.js'),
    'test-hooks.js': PageFiles.TEST_HOOKS
  })],
  devtool: false,
  performance: { hints: false }
};
