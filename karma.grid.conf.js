// Karma on a WebDriver grid: the suites of karma.conf.js (the same page, test server and tests) in the browsers of a
// capabilities file, on any grid that speaks W3C WebDriver: the local Selenium Grid 4 of scripts/local-grid.js, a
// grid of one's own with Windows and macOS nodes, or a hosted one (BrowserStack, Sauce Labs, LambdaTest). The
// browsers are driven by test/launchers/webdriver.js.
//   RETROFETCH_GRID_URL=https://hub.example/wd/hub            the WebDriver endpoint (required; may carry user:key@)
//   RETROFETCH_GRID_USER=... RETROFETCH_GRID_KEY=...           or the credentials apart (sent as HTTP Basic)
//   RETROFETCH_GRID_CAPABILITIES=test/grid/browserstack.json   the browsers (required; the examples are in test/grid/)
//   RETROFETCH_GRID_BROWSERS=ie11,safari12                     a subset (ids: the keys of the file's "browsers")
//   RETROFETCH_GRID_HOST=bs-local.com                          the name the grid's browsers reach this machine by
//                                                              (default localhost: a grid on this machine, a tunnel)
//   RETROFETCH_GRID_LISTEN=0.0.0.0                             where Karma and the second origin listen (default
//                                                              127.0.0.1; 0.0.0.0 for nodes on other machines)
//   RETROFETCH_GRID_PORT=9876 RETROFETCH_GRID_CROSS_PORT=3000  Karma's port (default 9876, or the next free one) and
//                                                              the second origin's (default: a free port)
//   RETROFETCH_CONCURRENCY=2, RETROFETCH_GREP=pattern          as for karma.conf.js
// Without the URL or the capabilities file it stops before starting anything, with a message naming them.
// A capabilities file is JSON: { "about": "...", "browsers": { id: { "label", "capabilities", "query"? } } }, where
// `capabilities` is what New Session asks for (W3C names, vendor options under their prefix), `label` names the row
// in the lab's table, and `query` is added to the page's URL (e.g. "retrofetchBuild=shipped": test/setup/
// load-polyfill.js). A string "${NAME}" in it is the environment variable NAME (an error when unset), "${NAME:-text}"
// the same with a default. `npm run check:grid` (test/smoke/grid.js) loads this config and every file offline.
'use strict';
const fs = require('fs');
const path = require('path');
const lab = require('./karma.conf');
const { endpoint } = require('./test/launchers/webdriver');

/** A JSON value with every "${NAME}" / "${NAME:-default}" in its strings replaced from `env`. */
function substitute(value, env, where) {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g, (whole, name, fallback) => {
      if (env[name] !== undefined && env[name] !== '') return env[name];
      if (fallback !== undefined) return fallback;
      throw new Error(where + ' uses ${' + name + '}, which is not set');
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, env, where));
  if (value && typeof value === 'object') {
    const out = {};
    Object.keys(value).forEach((k) => { out[k] = substitute(value[k], env, where); });
    return out;
  }
  return value;
}

/** The browsers of a capabilities file: { id: { label, capabilities, query } }. Throws naming the file and the id. */
function readCapabilities(file, env) {
  let json;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error('[retrofetch grid] cannot read the capabilities file ' + file + ': ' + err.message, { cause: err });
  }
  const browsers = json && json.browsers;
  if (!browsers || typeof browsers !== 'object' || !Object.keys(browsers).length) {
    throw new Error('[retrofetch grid] ' + file + ' has no "browsers" (an object of id: { label, capabilities })');
  }
  const out = {};
  Object.keys(browsers).forEach((id) => {
    const b = browsers[id];
    const where = '[retrofetch grid] ' + path.basename(file) + ' "' + id + '"';
    if (!b || typeof b.capabilities !== 'object' || !b.capabilities || Array.isArray(b.capabilities)) {
      throw new Error(where + ' has no "capabilities" object');
    }
    out[id] = {
      label: typeof b.label === 'string' && b.label ? b.label : id,
      capabilities: substitute(b.capabilities, env, where),
      query: typeof b.query === 'string' ? b.query : undefined
    };
  });
  return out;
}

/** Everything the grid run needs from the environment; throws with a message naming what is missing or wrong. */
function gridSettings(env) {
  const missing = ['RETROFETCH_GRID_URL', 'RETROFETCH_GRID_CAPABILITIES'].filter((name) => !env[name]);
  if (missing.length) {
    throw new Error('[retrofetch grid] ' + missing.join(' and ') + ' must be set (the WebDriver endpoint, and a ' +
      'capabilities file such as test/grid/browserstack.json); nothing was started. For a Selenium Grid on this ' +
      'machine: `node scripts/local-grid.js run -- npm run test:grid`. README: "On any WebDriver grid".');
  }
  try {
    endpoint(env.RETROFETCH_GRID_URL);
  } catch (err) {
    throw new Error('[retrofetch grid] RETROFETCH_GRID_URL: ' + err.message, { cause: err });
  }
  const file = path.resolve(env.RETROFETCH_GRID_CAPABILITIES);
  const all = readCapabilities(file, env);
  let ids = Object.keys(all);
  if (env.RETROFETCH_GRID_BROWSERS) {
    ids = env.RETROFETCH_GRID_BROWSERS.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = ids.filter((id) => !Object.prototype.hasOwnProperty.call(all, id));
    if (unknown.length) {
      throw new Error('[retrofetch grid] RETROFETCH_GRID_BROWSERS names unknown browsers: ' + unknown.join(', ') +
        ' (known in ' + path.basename(file) + ': ' + Object.keys(all).join(', ') + ')');
    }
  }
  const browsers = {};
  ids.forEach((id) => { browsers[id] = all[id]; });
  return {
    url: env.RETROFETCH_GRID_URL,
    user: env.RETROFETCH_GRID_USER || undefined,
    key: env.RETROFETCH_GRID_KEY || undefined,
    file,
    browsers,
    hostname: env.RETROFETCH_GRID_HOST || 'localhost',
    listenAddress: env.RETROFETCH_GRID_LISTEN || '127.0.0.1',
    port: Number(env.RETROFETCH_GRID_PORT) || 9876,
    crossPort: Number(env.RETROFETCH_GRID_CROSS_PORT) || 0
  };
}

module.exports = async function (config) {
  const grid = gridSettings(process.env);
  await lab(config, grid);
  const ids = Object.keys(grid.browsers);
  const launchers = {};
  ids.forEach((id) => {
    const b = grid.browsers[id];
    launchers[id] = { base: 'WebDriver', gridUrl: grid.url, user: grid.user, key: grid.key,
      capabilities: b.capabilities, label: b.label, query: b.query };
  });
  config.set({
    plugins: config.plugins.concat([require('./test/launchers/webdriver')]),
    customLaunchers: launchers,
    browsers: ids,
    retrofetchLab: { engines: ids.map((id) => launchers[id].label), skipped: [] },
    hostname: grid.hostname,
    listenAddress: grid.listenAddress,
    port: grid.port,
    // A remote browser starts slowly (a hosted grid may queue the session), runs behind a tunnel, and a failed
    // New Session is worth one more try; a browser that stops reporting mid-run is still a failure.
    captureTimeout: 300000,
    browserNoActivityTimeout: 120000,
    browserDisconnectTimeout: 30000,
    retryLimit: 1
  });
};

module.exports.gridSettings = gridSettings;
