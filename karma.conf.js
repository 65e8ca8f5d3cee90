// Karma: the built bundles (npm run build) in Chromium, Firefox ESR, WebKitGTK, PhantomJS (and its ie9 and core
// profiles), and QtWebKit 5.212 as it is (nothing deleted).
//   npm run build && npm run karma
//   RETROFETCH_ENGINES=chromium,phantomjs npm run karma     a subset (ids in test/karma/engines.js)
//   CI=true npm run karma                                    a missing engine is an error instead of a skip
//   RETROFETCH_CONCURRENCY=4 npm run karma                   browsers at once (default 2: the machine has 2 cores)
//   RETROFETCH_FUZZ_CASES=N RETROFETCH_FUZZ_SEED=S           the differential fuzz's size and seed (npm run fuzz)
//   RETROFETCH_TRACE=file                                    each test appended to the file as it starts and completes
// Page load order: test/setup/before-mocha.js (before Mocha itself), remove-natives.js (deletes nothing in the as-is
// profile), stand-ins.js, ie9-profile.js (acts only in the ie9 profile), bare-engine.js (hides what Mocha's core-js
// added, gives back what it replaced), the standalone polyfill (load-polyfill.js: the instrumented build, or in
// PhantomJS and QtWebKit the shipped file), after-polyfill.js, then the test bundle (which imports chai).
// The test server (test/server) answers /api/... on Karma's own origin and on a second origin started here, whose URL
// reaches the page as __karma__.config.retrofetch.crossOrigin.
// karma.grid.conf.js calls this with `grid` ({ listenAddress, hostname, crossPort }): the same page and test server,
// no engine of this machine, the browsers then set by the grid config.
'use strict';
const path = require('path');
const { createHandler, startServer } = require('./test/server');
const engines = require('./test/karma/engines');

const startedAt = Date.now();

module.exports = async function (config, grid) {
  const ci = /^(1|true|yes)$/i.test(process.env.CI || '');
  const found = grid ? { engines: [], skipped: [], errors: [] } : engines.discover(process.env, ci);
  found.skipped.forEach((s) => console.warn('[retrofetch] ' + s.reason));
  if (found.errors.length) {
    throw new Error('[retrofetch] cannot run Karma:\n  ' + found.errors.join('\n  '));
  }
  // The stock Chrome and Firefox launchers read their binary from these.
  found.engines.forEach((e) => { process.env[e.binEnv] = e.bin; });

  const cross = grid ? await startServer(grid.crossPort, grid.listenAddress, grid.hostname) : await startServer(0);
  const concurrency = Number(process.env.RETROFETCH_CONCURRENCY) || 2;

  config.set({
    basePath: __dirname,
    // (A framework's files go before those of the frameworks listed before it: before-mocha.js comes before Mocha.)
    frameworks: ['mocha', 'retrofetch-before-mocha', 'retrofetch-server'],
    files: [
      'test/setup/remove-natives.js',
      'test/setup/stand-ins.js',
      'test/setup/ie9-profile.js',
      'test/setup/bare-engine.js',
      'test/setup/load-polyfill.js',
      'test/setup/after-polyfill.js',
      'dist/test/tests.js',
      // Served but not included, for tests that load a script or a worker (/base/dist/...), and the Promise that
      // the core build's page loads first (test/setup/load-polyfill.js).
      { pattern: 'dist/**', included: false, watched: false, nocache: true },
      { pattern: 'node_modules/promise-polyfill/dist/polyfill.min.js', included: false, watched: false },
      { pattern: 'test/setup/microtask-promise.js', included: false, watched: false },
      // For the frame that loads core-js before the polyfill (test/integration/core-js.test.ts).
      { pattern: 'node_modules/core-js-bundle/minified.js', included: false, watched: false },
      // A page's own stream polyfill, under the standalone scripts (test/integration/polyfill-install.test.ts).
      { pattern: 'node_modules/web-streams-polyfill/dist/polyfill.es5.js', included: false, watched: false }
    ],
    plugins: [
      'karma-mocha',
      'karma-chrome-launcher',
      'karma-firefox-launcher',
      require('./test/launchers/webkitgtk'),
      require('./test/launchers/phantomjs'),
      require('./test/launchers/chromium-profile'),
      require('./test/launchers/qtwebkit'),
      require('./test/launchers/jsdom'),
      require('./test/karma/reporter'),
      {
        'middleware:retrofetch-api': ['value', createHandler({ cors: false })],
        // Closes the cross-origin server when Karma exits.
        'framework:retrofetch-server': ['factory', closeOnExit(cross)],
        'framework:retrofetch-before-mocha': ['factory', beforeMocha]
      }
    ],
    beforeMiddleware: ['retrofetch-api'],
    customLaunchers: engines.customLaunchers(found.engines),
    browsers: found.engines.map((e) => e.id),
    reporters: ['retrofetch'],
    retrofetchLab: {
      engines: found.engines.map((e) => e.label),
      skipped: found.skipped,
      startedAt: startedAt
    },
    client: {
      captureConsole: true,
      // RETROFETCH_GREP=pattern runs only the matching tests (local debugging).
      mocha: { timeout: 10000, grep: process.env.RETROFETCH_GREP || undefined },
      retrofetch: { crossOrigin: cross.url, fuzz: fuzzConfig(process.env) }
    },
    listenAddress: '127.0.0.1',
    hostname: 'localhost',
    port: 9876,
    singleRun: true,
    autoWatch: false,
    concurrency: concurrency,
    // Slow engines on a loaded 2-core machine: capture can take a while, and a test may wait on a timed route.
    captureTimeout: 60000,
    browserNoActivityTimeout: 60000,
    browserDisconnectTimeout: 10000,
    browserDisconnectTolerance: 0,
    // A browser that crashes is a failure, not something to restart: a restarted page does not resume the run, so
    // Karma would only wait for browserNoActivityTimeout.
    retryLimit: 0,
    processKillTimeout: 5000,
    failOnEmptyTestSuite: true,
    colors: process.stdout.isTTY === true,
    logLevel: config.LOG_INFO
  });
};

// The differential fuzz (test/fuzz): cases per class and the seed, from scripts/fuzz.js (`npm run fuzz`) or the
// environment; without them, a few hundred cases with a fixed seed.
function fuzzConfig(env) {
  const out = {};
  if (env.RETROFETCH_FUZZ_CASES) out.cases = Number(env.RETROFETCH_FUZZ_CASES);
  if (env.RETROFETCH_FUZZ_SEED) out.seed = Number(env.RETROFETCH_FUZZ_SEED);
  return out;
}

// test/setup/before-mocha.js, first of all files: it keeps the engine's own globals that Mocha's core-js replaces.
function beforeMocha(files) {
  files.unshift({ pattern: path.join(__dirname, 'test/setup/before-mocha.js'), included: true, served: true, watched: false });
}
beforeMocha.$inject = ['config.files'];

function closeOnExit(server) {
  function factory(emitter) {
    emitter.on('exit', (done) => { server.close().then(() => done(), () => done()); });
  }
  factory.$inject = ['emitter'];
  return factory;
}
