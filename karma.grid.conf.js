// Karma on a hosted browser grid (BrowserStack): the engines this machine cannot run (real IE 9-11, Safari 9-12,
// iOS Safari, Android 4.4+ browsers), through karma-browserstack-launcher and a BrowserStack Local tunnel.
//   BROWSERSTACK_USERNAME=... BROWSERSTACK_ACCESS_KEY=... npm run test:grid
//   RETROFETCH_GRID_BROWSERS=bs_ie9,bs_ios12 ...         a subset (ids: the keys of GRID_BROWSERS below)
//   RETROFETCH_CONCURRENCY=5                              browsers at once (default 2; your plan's parallel limit)
// Without the two credentials it stops before starting anything, with a message saying so. The page is served as
// karma.conf.js serves it (same files, the test server on Karma's origin and on a second one), except that the grid's
// browsers reach this machine through the tunnel as bs-local.com (BrowserStack's name for it; Safari and iOS do not
// tunnel "localhost"), on ports the tunnel forwards for every browser: Karma on 9876, the second origin on 3000
// (RETROFETCH_GRID_PORT / RETROFETCH_GRID_CROSS_PORT move them). `npm run check:grid` loads this config offline.
'use strict';
const { createHandler, startServer } = require('./test/server');

// BrowserStack capability names (https://www.browserstack.com/list-of-browsers-and-platforms/js_testing).
const GRID_BROWSERS = {
  bs_ie9: { browser: 'ie', browser_version: '9.0', os: 'Windows', os_version: '7' },
  bs_ie10: { browser: 'ie', browser_version: '10.0', os: 'Windows', os_version: '7' },
  bs_ie11: { browser: 'ie', browser_version: '11.0', os: 'Windows', os_version: '10' },
  bs_safari9: { browser: 'safari', browser_version: '9.1', os: 'OS X', os_version: 'El Capitan' },
  bs_safari10: { browser: 'safari', browser_version: '10.1', os: 'OS X', os_version: 'Sierra' },
  bs_safari11: { browser: 'safari', browser_version: '11.1', os: 'OS X', os_version: 'High Sierra' },
  bs_safari12: { browser: 'safari', browser_version: '12.1', os: 'OS X', os_version: 'Mojave' },
  bs_ios10: { device: 'iPhone 7', os: 'ios', os_version: '10', real_mobile: true },
  bs_ios11: { device: 'iPhone 8', os: 'ios', os_version: '11', real_mobile: true },
  bs_ios12: { device: 'iPhone XS', os: 'ios', os_version: '12', real_mobile: true },
  bs_android44: { device: 'Samsung Galaxy S5', os: 'android', os_version: '4.4', real_mobile: true },
  bs_android5: { device: 'Samsung Galaxy S6', os: 'android', os_version: '5.0', real_mobile: true },
  bs_android7: { device: 'Samsung Galaxy S8', os: 'android', os_version: '7.0', real_mobile: true }
};

const HOST = 'bs-local.com';
const startedAt = Date.now();

/** The launchers to run: every GRID_BROWSERS entry, or the ids in RETROFETCH_GRID_BROWSERS. Throws on an unknown id. */
function gridLaunchers(env) {
  const ids = env.RETROFETCH_GRID_BROWSERS
    ? env.RETROFETCH_GRID_BROWSERS.split(',').map((s) => s.trim()).filter(Boolean) : Object.keys(GRID_BROWSERS);
  const unknown = ids.filter((id) => !Object.prototype.hasOwnProperty.call(GRID_BROWSERS, id));
  if (unknown.length) {
    throw new Error('[retrofetch grid] RETROFETCH_GRID_BROWSERS names unknown browsers: ' + unknown.join(', ') +
      ' (known: ' + Object.keys(GRID_BROWSERS).join(', ') + ')');
  }
  const out = {};
  ids.forEach((id) => { out[id] = Object.assign({ base: 'BrowserStack' }, GRID_BROWSERS[id]); });
  return out;
}

/** The name karma-browserstack-launcher gives a launcher (what test/karma/reporter.js prints and expects). */
function launcherLabel(l) {
  return (l.browser || l.device) + (l.browser_version ? ' ' + l.browser_version : '') + ' (' + l.os + ' ' +
    l.os_version + ') on BrowserStack';
}

module.exports = function (config) {
  const env = process.env;
  const missing = ['BROWSERSTACK_USERNAME', 'BROWSERSTACK_ACCESS_KEY'].filter((name) => !env[name]);
  if (missing.length) {
    throw new Error('[retrofetch grid] ' + missing.join(' and ') + ' must be set to run on BrowserStack (Account > ' +
      'Settings on browserstack.com); nothing was started. Without a grid, `npm test` runs the local engines.');
  }
  const launchers = gridLaunchers(env);
  const port = Number(env.RETROFETCH_GRID_PORT) || 9876;
  const crossPort = Number(env.RETROFETCH_GRID_CROSS_PORT) || 3000;

  config.set({
    basePath: __dirname,
    frameworks: ['mocha', 'retrofetch-server'],
    // As karma.conf.js: remove-natives, the standalone polyfill, the Mocha bundle; dist/ served for scripts and workers.
    files: [
      'test/setup/remove-natives.js',
      'dist/retrofetch.polyfill.js',
      'dist/test/tests.js',
      { pattern: 'dist/**', included: false, watched: false, nocache: true }
    ],
    plugins: [
      'karma-mocha',
      'karma-browserstack-launcher',
      require('./test/karma/reporter'),
      {
        'middleware:retrofetch-api': ['value', createHandler({ cors: false })],
        // The second origin starts with Karma (not when this file is loaded) and closes when Karma exits.
        'framework:retrofetch-server': ['factory', crossOriginServer(crossPort)]
      }
    ],
    beforeMiddleware: ['retrofetch-api'],
    browserStack: {
      username: env.BROWSERSTACK_USERNAME,
      accessKey: env.BROWSERSTACK_ACCESS_KEY,
      project: 'retrofetch',
      build: env.BROWSERSTACK_BUILD_NAME || 'retrofetch ' + new Date(startedAt).toISOString(),
      startTunnel: true,
      video: false,
      retryLimit: 1,
      timeout: 900
    },
    customLaunchers: launchers,
    browsers: Object.keys(launchers),
    reporters: ['retrofetch'],
    retrofetchLab: { engines: Object.keys(launchers).map((id) => launcherLabel(launchers[id])), skipped: [], startedAt },
    client: {
      captureConsole: true,
      mocha: { timeout: 30000, grep: env.RETROFETCH_GREP || undefined },
      retrofetch: { crossOrigin: 'http://' + HOST + ':' + crossPort }
    },
    hostname: HOST,
    listenAddress: '127.0.0.1',
    port,
    singleRun: true,
    autoWatch: false,
    concurrency: Number(env.RETROFETCH_CONCURRENCY) || 2,
    // Remote browsers start slowly and run on the far side of a tunnel.
    captureTimeout: 300000,
    browserNoActivityTimeout: 300000,
    browserDisconnectTimeout: 30000,
    browserDisconnectTolerance: 1,
    failOnEmptyTestSuite: true,
    colors: process.stdout.isTTY === true,
    logLevel: config.LOG_INFO
  });
};

module.exports.GRID_BROWSERS = GRID_BROWSERS;

function crossOriginServer(port) {
  function factory(emitter) {
    const started = startServer(port);
    started.then(null, (err) => { console.error('[retrofetch grid] second origin on port ' + port + ': ' + err.message); });
    emitter.on('exit', (done) => { started.then((s) => s.close()).then(() => done(), () => done()); });
  }
  factory.$inject = ['emitter'];
  return factory;
}
