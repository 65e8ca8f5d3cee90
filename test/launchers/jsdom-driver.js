// Run by test/launchers/jsdom.js: `node jsdom-driver.js URL`. Opens URL in a jsdom window (the jsdom version that
// jest-environment-jsdom 30 uses, a pinned devDependency) with scripts and subresources on, as Jest's jsdom
// environment has them, and stays until Karma kills it. The page's console and jsdom's own errors (uncaught
// exceptions, failed script loads, what jsdom does not implement) are printed on stdout with the prefixes of
// test/launchers/phantomjs-capture.js, which the launcher forwards to Karma's log.
'use strict';
const { JSDOM, VirtualConsole } = require('jsdom');

function out(line) {
  process.stdout.write(line + '\n');
}

const url = process.argv[2];
if (!url) {
  out('[driver error] usage: node jsdom-driver.js URL');
  process.exit(2);
}

const virtualConsole = new VirtualConsole();
['log', 'info', 'warn', 'error', 'debug'].forEach((level) => {
  virtualConsole.on(level, (...args) => out('[console] ' + args.map(String).join(' ')));
});
virtualConsole.on('jsdomError', (error) => {
  // "Not implemented: ..." (navigation, window.scrollTo, ...) is jsdom saying what it leaves out, not a page error.
  const kind = /^Not implemented/.test(error.message) ? '[jsdom]' : '[page error]';
  out(kind + ' ' + error.message + (error.detail && error.detail.stack ? '\n' + error.detail.stack : ''));
});

JSDOM.fromURL(url, {
  runScripts: 'dangerously',
  resources: 'usable',
  pretendToBeVisual: true,
  virtualConsole
}).then((dom) => {
  out('[capture] success ' + url + ' (' + dom.window.navigator.userAgent + ')');
}, (error) => {
  out('[driver error] cannot open ' + url + ': ' + error.message);
  process.exit(1);
});
