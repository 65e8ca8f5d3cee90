// Lint: the recommended rules for JS and TS, plus retrofetch's own (STYLE.md habit 5): code in src/ never reaches
// for the host's own fetch, Headers, Request, Response or ReadableStream (src/streams/readable-stream.ts reads the
// host's ReadableStream through the global object, on purpose, in one place).
'use strict';
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const hostFetch = ['fetch', 'Headers', 'Request', 'Response', 'ReadableStream', 'AbortController', 'AbortSignal', 'FormData']
  .map((name) => ({ name, message: 'src/ implements ' + name + '; import it from its module instead of using the host\'s.' }));

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
    rules: { 'no-restricted-globals': ['error'].concat(hostFetch) }
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', phantom: 'readonly', URLSearchParams: 'readonly', window: 'readonly', self: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    // Scripts that run in the page as they are (ES5, browser globals).
    files: ['demo/**/*.js', 'test/setup/**/*.js', 'bench/page.js'],
    languageOptions: { sourceType: 'script', globals: { document: 'readonly', location: 'readonly', fetch: 'readonly', AbortController: 'readonly',
      Headers: 'readonly', Response: 'readonly', XMLHttpRequest: 'readonly', performance: 'readonly', Promise: 'readonly' } }
  }
);
