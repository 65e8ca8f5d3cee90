// examples/jest-jsdom: a Jest project whose tests run in jsdom (`testEnvironment: 'jsdom'`, jest-environment-jsdom 30,
// which brings jsdom 26) with retrofetch loaded the way an app's Jest setup would load it: `retrofetch/polyfill` in
// `setupFiles`, which runs in each test file's environment before the tests. It resolves through the package's
// `exports` to dist/retrofetch.polyfill.js (this file is inside the package, which may import itself by name; an app
// has it in node_modules): run `npm run build` first. `npm run check:jest` (in `npm test`) runs it.
'use strict';

// README.md shows the first two members as they are here.
module.exports = {
  testEnvironment: 'jsdom',
  setupFiles: ['retrofetch/polyfill'],
  rootDir: __dirname,
  // Each test file starts its own local server (server.js) on a free port.
  testTimeout: 10000
};
