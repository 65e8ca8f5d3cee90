// The ponyfill's ES modules for the CommonJS adapter beside this file: an `import` resolves `retrofetch` with the
// package's `import` condition (dist/esm), where a `require` would take the `require` one (dist/retrofetch.cjs).
export { fetch } from 'retrofetch';
