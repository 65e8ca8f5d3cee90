// The builds, all ES5 (checked by `npm run check:es5`):
//   dist/retrofetch.polyfill.js  standalone, minified: installs a Promise if missing, then the missing fetch globals
//   dist/retrofetch.core.js      the same without the stream polyfill and Promise (src/standalone-core.ts)
//   dist/retrofetch.cjs          the side-effect-free ponyfill as one CommonJS module (web-streams-polyfill stays an
//                                external dependency); its ES modules, one per source module, come from tsc
//                                (tsconfig.esm.json, scripts/finish-build.js)
//   dist/test/retrofetch.instrumented.js  the standalone with the test counters (src/env/debug-counters.ts), which
//                                the tests load in every engine but PhantomJS (that one runs the shipped file)
//   dist/test/tests.js           the Mocha test bundle that Karma loads after the polyfill
'use strict';
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const TerserPlugin = require('terser-webpack-plugin');

const es5 = {
  arrowFunction: false, asyncFunction: false, bigIntLiteral: false, const: false, destructuring: false,
  dynamicImport: false, forOf: false, module: false, optionalChaining: false, templateLiteral: false
};

// The classes the bundles export or install (src/index.ts), whose names survive minification.
const EXPORTED_CLASSES = /^(Headers|Request|Response|FormData|AbortController|AbortSignal|DOMException|ReadableStream|WritableStream|TransformStream|ByteLengthQueuingStrategy|CountQueuingStrategy|TextEncoder|TextDecoder|TextEncoderStream|TextDecoderStream|EventSource)$/;

function tsRule(configFile) {
  return { test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: configFile, transpileOnly: true } } };
  // Types are checked once by `npm run typecheck`; the loader only strips them.
}

// The bundled web-streams-polyfill's `structuredClone` (its TransferArrayBuffer) is the page's only where that can
// transfer an ArrayBuffer (scripts/structured-clone-loader.js): core-js's cannot in some engines, and every body
// stream would error.
const structuredCloneRule = {
  test: /[\\/]node_modules[\\/]web-streams-polyfill[\\/]dist[\\/]ponyfill\.es5\.mjs$/,
  use: { loader: path.resolve(__dirname, 'scripts/structured-clone-loader.js') }
};

function build(overrides, counters) {
  return Object.assign({
    plugins: [new webpack.DefinePlugin({ __RETROFETCH_COUNTERS__: JSON.stringify(!!counters) })],
    target: ['web', 'es5'],
    devtool: false,
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [tsRule(path.resolve(__dirname, 'tsconfig.json')), structuredCloneRule] },
    performance: { hints: false },
    // No polyfill for Node's `global`: webpack's helper for it calls `new Function`, which a strict CSP refuses.
    node: false,
    optimization: { minimize: false }
  }, overrides);
}

// The standalone script bundles two MIT packages: one banner line keeps their notices (read from their package.json
// and LICENSE), added after minification (which drops every comment, web-streams-polyfill's @license block too).
function notice(name) {
  const dir = path.join(__dirname, 'node_modules', name);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const holders = fs.readFileSync(path.join(dir, 'LICENSE'), 'utf8').match(/^Copyright \(c\) .*$/gm);
  return name + ' ' + pkg.version + ' (' + pkg.license + ', (c) ' + holders.map((l) => l.slice(14)).join(', ') + ')';
}
function banner(text) {
  return new webpack.BannerPlugin({ banner: '/*! ' + text + ' */', raw: true, entryOnly: true, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT });
}
const version = 'retrofetch ' + require('./package.json').version + ' (MIT)';

// Never mangled: promise-polyfill's documented hooks on the installed Promise, and web-streams-polyfill's
// [[disturbed]] field, which retrofetch reads on the streams of a page's own copy too (fetch/body.ts).
const UNMANGLED = ['_immediateFn', '_unhandledRejectionFn', '_disturbed'];

// The `_underscore` property names that web-streams-polyfill reads as strings, all of them in its brand checks
// (`Object.prototype.hasOwnProperty.call(x, '_readRequests')`). They are mangled too, to names fixed here (terser's
// name cache: it gives no other property these names), and after minification the brand checks' strings are
// rewritten to the same names (BrandCheckStrings): ~250 B gzipped.
const BRAND_NAMES = (function () {
  const acorn = require('acorn');
  const code = fs.readFileSync(require.resolve('web-streams-polyfill/es5').replace(/\.js$/, '.mjs'), 'utf8');
  const names = new Set();
  for (const token of acorn.tokenizer(code, { ecmaVersion: 2020, sourceType: 'module' })) {
    if (token.type.label === 'string' && /^_/.test(token.value)) names.add(token.value);
  }
  return Array.from(names);
})();
// '_readRequests' -> '$a', ...: no property of the bundled source has such a name (BrandCheckStrings checks it).
const brandName = (i) => '$' + String.fromCharCode(97 + i);
function brandNameCache() {
  const props = {};
  if (BRAND_NAMES.length > 26) throw new Error('web-streams-polyfill reads more than 26 names as strings: widen brandName()');
  BRAND_NAMES.forEach((name, i) => { props['$' + name] = brandName(i); });
  return { props: { props: props } };
}
class BrandCheckStrings {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BrandCheckStrings', (compilation) => {
      const each = (stage, fn) => compilation.hooks.processAssets.tap({ name: 'BrandCheckStrings', stage: stage }, (assets) => {
        Object.keys(assets).filter((file) => /\.js$/.test(file)).forEach((file) => fn(file, assets[file].source().toString()));
      });
      const fail = (message) => compilation.errors.push(new webpack.WebpackError('BrandCheckStrings: ' + message));
      // Before minification: the names are free.
      each(webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE, (file, code) => {
        if (/[.]\$[a-z]\b|["']\$[a-z]["']|\b\$[a-z]\s*:/.test(code)) fail(file + ' has a property named like $a');
      });
      // After it (terser runs at OPTIMIZE_SIZE): the strings.
      each(webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1, (file, code) => {
        BRAND_NAMES.forEach((name, i) => { code = code.split('"' + name + '"').join('"' + brandName(i) + '"'); });
        const left = BRAND_NAMES.filter((name) => code.indexOf(name) >= 0);
        if (left.length) fail(file + ': unmangled ' + left.join(', '));
        compilation.updateAsset(file, new webpack.sources.RawSource(code));
      });
    });
  }
}

// web-streams-polyfill's internal names without an underscore, which it never reads as strings and no other bundled
// code uses: a BYOB pull-into descriptor's fields, its queue's peek(), an iterator record's nextMethod (none is in its
// public types; the descriptors and records never leave it).
const INTERNAL_NAMES = ['readerType', 'bytesFilled', 'minimumFill', 'elementSize', 'viewConstructor', 'bufferByteLength', 'peek', 'nextMethod'];
const MANGLED = new RegExp('^(_|(' + INTERNAL_NAMES.join('|') + ')$)');

// A minified standalone script (counters off, license banner after minification).
function standalone(name, entry, filename, text, extraPlugins) {
  return build({
    name: name,
    entry: entry,
    output: { path: path.resolve(__dirname, 'dist'), filename: filename, iife: true, environment: es5 },
    // SuppressedError: web-streams-polyfill's ES5 build keeps tslib's dead `typeof SuppressedError == 'function' &&
    // SuppressedError;` (a global read terser must keep); nothing else reads it (~15 B gzipped).
    plugins: [banner(text), new webpack.DefinePlugin({ __RETROFETCH_COUNTERS__: 'false', SuppressedError: 'undefined' }), new BrandCheckStrings()]
      .concat(extraPlugins || []),
    optimization: {
      minimize: true,
      minimizer: [new TerserPlugin({ extractComments: false, terserOptions: {
        ecma: 5, safari10: true, ie8: false,
        // unsafe_proto writes `[].slice` for `Array.prototype.slice` (the same function). Two passes (measured per
        // script, gzip decides: a third costs bytes on both). inline 2: terser inlines functions with arguments but
        // not those that declare variables (whose `var`s would move into the caller: here that costs more than the
        // calls it saves: 32 B on the full script). Not pure_getters: a getter's Get is observable (init members).
        compress: { passes: 2, inline: 2, unsafe_proto: true },
        // The bundled libraries' internal `_properties` get short names, but those UNMANGLED; so do
        // web-streams-polyfill's internals without an underscore (INTERNAL_NAMES).
        mangle: { properties: { regex: MANGLED, reserved: UNMANGLED } },
        nameCache: brandNameCache(),
        // Every string in double quotes (~10 B less gzipped than terser's choice per string; BrandCheckStrings
        // relies on it).
        format: { quote_style: 2 },
        // `Headers.name === 'Headers'` (code that reads constructor.name): the exported classes keep their names,
        // nothing else does (ES5 classes are functions, so keep_fnames; keep_classnames for any class syntax).
        keep_fnames: EXPORTED_CLASSES, keep_classnames: EXPORTED_CLASSES
      } })]
    }
  });
}

// The module builds stay readable (no mangling, one statement a line) but dead code goes: the test counters'
// calls among it (src/env/debug-counters.ts).
const readable = {
  minimize: true,
  minimizer: [new TerserPlugin({ extractComments: false, terserOptions: { ecma: 5, mangle: false, compress: { passes: 2 }, format: { beautify: true, comments: false } } })]
};

module.exports = [
  standalone('polyfill', './src/standalone.ts', 'retrofetch.polyfill.js',
    version + ', with ' + notice('web-streams-polyfill') + ' and ' + notice('promise-polyfill')),
  // The core script leaves out two things only engines without a Promise use (IE9 and older, which the README's
  // conditional loading sends to the full script): a FormData made from a <form>, and XDomainRequest. Each module is
  // swapped for its stand-in, which throws a TypeError that says to load the full script.
  standalone('core', './src/standalone-core.ts', 'retrofetch.core.js', version, [
    new webpack.NormalModuleReplacementPlugin(/^\.\/entry-list$/, './entry-list-unavailable'),
    new webpack.NormalModuleReplacementPlugin(/^\.\/xdr$/, './xdr-unavailable')
  ]),
  build({
    name: 'cjs',
    entry: './src/index.ts',
    externals: { 'web-streams-polyfill/es5': 'commonjs web-streams-polyfill/es5' },
    output: {
      path: path.resolve(__dirname, 'dist'), filename: 'retrofetch.cjs',
      library: { type: 'commonjs2' }, environment: es5
    },
    optimization: readable
  }),
  build({
    name: 'instrumented',
    entry: './src/standalone.ts',
    output: { path: path.resolve(__dirname, 'dist/test'), filename: 'retrofetch.instrumented.js', iife: true, environment: es5 }
  }, true),
  // Real clients (ky, axios, ofetch, graphql-request, fetch-event-source) from node_modules, compiled to ES5 by
  // TypeScript as a legacy app's build would, for test/integration/real-clients.test.ts (test/clients/entry.ts).
  build({
    name: 'clients',
    entry: './test/clients/entry.ts',
    module: { rules: [{
      test: /\.(ts|m?js|cjs)$/,
      use: { loader: 'ts-loader', options: { configFile: path.resolve(__dirname, 'test/clients/tsconfig.json'), transpileOnly: true } }
    }] },
    resolve: { extensions: ['.ts', '.js', '.mjs'] },
    output: { path: path.resolve(__dirname, 'dist/test'), filename: 'clients.js', iife: true, environment: es5 }
  }),
  build({
    name: 'tests',
    entry: './test/index.ts',
    module: { rules: [tsRule(path.resolve(__dirname, 'test/tsconfig.json')), structuredCloneRule] },
    // chai's ESM entry uses `const`; its browser build is ES5 (PhantomJS parses it).
    resolve: { extensions: ['.ts', '.js'], alias: { chai$: path.resolve(__dirname, 'node_modules/chai/chai.js') } },
    output: { path: path.resolve(__dirname, 'dist/test'), filename: 'tests.js', iife: true, environment: es5 }
  })
];
