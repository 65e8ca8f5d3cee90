// `npm run check:node`: retrofetch in Node, which has no XMLHttpRequest (the package's `require` and `import` builds,
// as a Node user or a test runner without jsdom meets them). A fetch over the network rejects with a TypeError that
// says what retrofetch needs and what to use instead, in words (no internal function name); what needs no transport
// (a data: URL, the classes) works.
'use strict';
const assert = require('assert');

let failures = 0;
function check(label, run) {
  return Promise.resolve().then(run).then(() => console.log('  ok    ' + label), (e) => {
    failures++;
    console.log('  FAIL  ' + label + '\n        ' + (e && e.message));
  });
}

function rejectsWithTheAdvice(api) {
  assert.strictEqual(typeof globalThis.XMLHttpRequest, 'undefined', 'this Node has an XMLHttpRequest');
  return api.fetch('http://example.invalid/').then(() => assert.fail('fetch resolved'), (error) => {
    assert.ok(error instanceof TypeError, 'not a TypeError: ' + error);
    assert.match(error.message, /^fetch: retrofetch needs an XMLHttpRequest \(a browser, a web worker or jsdom\)/);
    assert.match(error.message, /Node 18\+ has its own global fetch/);
    assert.doesNotMatch(error.message, /createXHR|\bXHR\b/, 'an internal name in: ' + error.message);
  });
}

const cjs = require('retrofetch');
check("require('retrofetch').fetch('http://...') rejects with a TypeError naming what it needs", () => rejectsWithTheAdvice(cjs))
  .then(() => check("import('retrofetch') the same", () => import('retrofetch').then(rejectsWithTheAdvice)))
  .then(() => check('a data: URL needs no XMLHttpRequest', () => cjs.fetch('data:text/plain,hi').then((r) => r.text())
    .then((text) => assert.strictEqual(text, 'hi'))))
  .then(() => {
    console.log(failures ? 'check:node: ' + failures + ' failed' : 'check:node: ok');
    process.exit(failures ? 1 : 0);
  });
