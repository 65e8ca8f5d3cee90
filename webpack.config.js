// Four builds, all ES5 (checked by `npm run check:es5`):
//   dist/retrofetch.polyfill.js  standalone, minified: installs a Promise if missing, then the missing fetch globals
//   dist/retrofetch.cjs / .mjs   the side-effect-free ponyfill (web-streams-polyfill stays an external dependency)
//   dist/test/tests.js           the Mocha test bundle that Karma loads after the polyfill
'use strict';
const path = require('path');
const TerserPlugin = require('terser-webpack-plugin');

const es5 = {
  arrowFunction: false, asyncFunction: false, bigIntLiteral: false, const: false, destructuring: false,
  dynamicImport: false, forOf: false, module: false, optionalChaining: false, templateLiteral: false
};

// The classes the bundles export or install (src/index.ts), whose names survive minification.
const EXPORTED_CLASSES = /^(Headers|Request|Response|FormData|AbortController|AbortSignal|DOMException|ReadableStream)$/;

function tsRule(configFile) {
  return { test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: configFile, transpileOnly: true } } };
  // Types are checked once by `npm run typecheck`; the loader only strips them.
}

function build(overrides) {
  return Object.assign({
    target: ['web', 'es5'],
    devtool: false,
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [tsRule(path.resolve(__dirname, 'tsconfig.json'))] },
    performance: { hints: false },
    optimization: { minimize: false }
  }, overrides);
}

module.exports = [
  build({
    name: 'polyfill',
    entry: './src/standalone.ts',
    output: { path: path.resolve(__dirname, 'dist'), filename: 'retrofetch.polyfill.js', iife: true, environment: es5 },
    optimization: {
      minimize: true,
      minimizer: [new TerserPlugin({ extractComments: false, terserOptions: {
        ecma: 5, safari10: true, ie8: false,
        // `Headers.name === 'Headers'` (code that reads constructor.name): the exported classes keep their names,
        // nothing else does (ES5 classes are functions, so keep_fnames; keep_classnames for any class syntax).
        keep_fnames: EXPORTED_CLASSES, keep_classnames: EXPORTED_CLASSES
      } })]
    }
  }),
  build({
    name: 'cjs',
    entry: './src/index.ts',
    externals: { 'web-streams-polyfill/es5': 'commonjs web-streams-polyfill/es5' },
    output: {
      path: path.resolve(__dirname, 'dist'), filename: 'retrofetch.cjs',
      library: { type: 'commonjs2' }, environment: es5
    }
  }),
  build({
    name: 'esm',
    entry: './src/index.ts',
    experiments: { outputModule: true },
    externalsType: 'module',
    externals: { 'web-streams-polyfill/es5': 'web-streams-polyfill/es5' },
    output: {
      path: path.resolve(__dirname, 'dist'), filename: 'retrofetch.mjs',
      library: { type: 'module' }, environment: Object.assign({}, es5, { module: true })
    }
  }),
  build({
    name: 'tests',
    entry: './test/index.ts',
    module: { rules: [tsRule(path.resolve(__dirname, 'test/tsconfig.json'))] },
    // chai's ESM entry uses `const`; its browser build is ES5 (PhantomJS parses it).
    resolve: { extensions: ['.ts', '.js'], alias: { chai$: path.resolve(__dirname, 'node_modules/chai/chai.js') } },
    output: { path: path.resolve(__dirname, 'dist/test'), filename: 'tests.js', iife: true, environment: es5 }
  })
];
