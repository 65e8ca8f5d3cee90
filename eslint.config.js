// Lint: the recommended rules for JS and TS, plus retrofetch's own:
// - code in src/ never reaches for the host's own fetch, Headers, Request, Response, ReadableStream or EventSource (STYLE.md habit
//   5; src/streams/readable-stream.ts reads the host's ReadableStream through the global object, on purpose);
// - each folder of src/ imports only the layers below it (ARCHITECTURE.md "Layers"), as LAYERS says;
// - every `LEGACY(...)` comment uses tags from one vocabulary (ARCHITECTURE.md "LEGACY tags");
// - no function in src/ is longer than 120 lines, counted from its first line to its last (comments, blank lines and
//   the functions nested in it included): a longer one is split into its steps (ARCHITECTURE.md, the opening).
//   The longest is the Request constructor (fetch/request.ts), which mirrors the spec's long algorithm step by step.
'use strict';
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const hostFetch = ['fetch', 'Headers', 'Request', 'Response', 'ReadableStream', 'WritableStream', 'TransformStream',
  'ByteLengthQueuingStrategy', 'CountQueuingStrategy', 'TextDecoder', 'TextEncoder', 'TextDecoderStream',
  'TextEncoderStream', 'AbortController', 'AbortSignal', 'FormData', 'EventSource']
  .map((name) => ({ name, message: 'src/ implements ' + name + '; import it from its module instead of using the host\'s.' }))
  // ES2015 collections: IE9-class engines have none (the ie9 profile cannot remove them, as Mocha needs them).
  .concat(['Map', 'Set', 'WeakMap', 'WeakSet'].map((name) => ({ name, message: name + ' is missing in IE9-class engines (README prerequisites).' })));

// The folders of src/ and the folders each may import (besides itself).
const LAYERS = {
  env: [],
  infra: ['env'],
  webidl: ['env', 'infra'],
  encoding: ['env', 'infra', 'webidl'],
  dom: ['env', 'infra', 'webidl'],
  streams: ['env', 'infra', 'webidl', 'encoding'],
  transport: ['env', 'infra', 'encoding'],
  'form-data': ['env', 'infra', 'webidl', 'encoding', 'dom', 'streams'],
  fetch: ['env', 'infra', 'webidl', 'encoding', 'dom', 'streams', 'transport', 'form-data'],
  'event-source': ['env', 'infra', 'webidl', 'encoding', 'dom', 'streams', 'fetch']
};
const layerRules = Object.keys(LAYERS).map((folder) => ({
  files: ['src/' + folder + '/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{
        group: Object.keys(LAYERS).filter((f) => f !== folder && LAYERS[folder].indexOf(f) < 0).map((f) => '../' + f + '/*')
          .concat(['../index', '../polyfill', '../standalone']),
        message: 'src/' + folder + '/ may import only from ' + (LAYERS[folder].join(', ') || 'itself') + ' (ARCHITECTURE.md "Layers").'
      }]
    }]
  }
}));

const LEGACY_TAGS = ['XHR', 'ES5', 'DOM', 'IE', 'Edge', 'old WebKit', 'Firefox', 'Opera 12'];
const local = {
  rules: {
    'legacy-tags': {
      meta: { type: 'suggestion', schema: [] },
      create(context) {
        return {
          Program() {
            for (const comment of context.sourceCode.getAllComments()) {
              const re = /LEGACY\(([^)]*)\)/g;
              let m;
              while ((m = re.exec(comment.value))) {
                const bad = m[1].split(/,\s*/).filter((tag) => LEGACY_TAGS.indexOf(tag) < 0);
                if (bad.length) context.report({ loc: comment.loc, message: 'LEGACY tag ' + bad.join(', ') + ' is not one of ' + LEGACY_TAGS.join(', ') + ' (ARCHITECTURE.md)' });
              }
            }
          }
        };
      }
    }
  }
};

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
      '@typescript-eslint/no-this-alias': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-non-null-asserted-optional-chain': 'off',
      // The Body mixin and iterable members are declared on an interface merged with the class (installed at run time).
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      // Header and token validation match control characters on purpose.
      'no-control-regex': 'off',
      'no-useless-escape': 'off',
      'no-var': 'off',
      'prefer-const': 'off',
      'prefer-rest-params': 'off',
      'prefer-spread': 'off'
    }
  },
  {
    files: ['src/**/*.ts'],
    plugins: { retrofetch: local },
    rules: {
      'no-restricted-globals': ['error'].concat(hostFetch),
      'retrofetch/legacy-tags': 'error',
      'max-lines-per-function': ['error', { max: 120, IIFEs: true }]
    }
  },
  ...layerRules,
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', phantom: 'readonly', URLSearchParams: 'readonly', window: 'readonly', self: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    // examples/jest-jsdom: Jest's globals, and what a page in jsdom has once retrofetch/polyfill ran (Node's too: the
    // server runs in the same process).
    files: ['examples/jest-jsdom/**/*.js'],
    languageOptions: { globals: { describe: 'readonly', test: 'readonly', expect: 'readonly', beforeAll: 'readonly',
      afterAll: 'readonly', URL: 'readonly', navigator: 'readonly', globalThis: 'readonly', fetch: 'readonly',
      FormData: 'readonly', Blob: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly',
      TextDecoder: 'readonly', TextDecoderStream: 'readonly' } }
  },
  {
    // Scripts that run in the page as they are (ES5, browser globals).
    files: ['demo/**/*.js', 'test/setup/**/*.js', 'bench/page.js'],
    languageOptions: { sourceType: 'script', globals: { document: 'readonly', location: 'readonly', fetch: 'readonly', AbortController: 'readonly',
      Headers: 'readonly', Response: 'readonly', XMLHttpRequest: 'readonly', performance: 'readonly', Promise: 'readonly',
      AbortSignal: 'readonly', EventSource: 'readonly', TextDecoder: 'readonly' } }
  }
);
