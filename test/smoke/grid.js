// `npm run check:grid`: karma.grid.conf.js resolves the way Karma reads it, offline, without starting anything:
// without credentials it fails with a message naming them; with (fake) credentials it gives one BrowserStack launcher
// per grid browser, on the tunnel's host name; an unknown RETROFETCH_GRID_BROWSERS id is an error.
'use strict';
const path = require('path');
const karma = require('karma');

const file = path.resolve(__dirname, '../../karma.grid.conf.js');
const CREDENTIALS = ['BROWSERSTACK_USERNAME', 'BROWSERSTACK_ACCESS_KEY', 'BROWSER_STACK_USERNAME', 'BROWSER_STACK_ACCESS_KEY'];
let failures = 0;
function check(label, ok, detail) {
  console.log((ok ? '  ok    ' : '  FAIL  ') + label + (ok ? '' : '\n        ' + detail));
  if (!ok) failures++;
}

/**
 * Loads the grid config under `env`: with Karma's own parser (as `karma start` does) or, for the failures, by calling
 * it directly (Karma would log the same error with a stack). Resolves to { config } or { error }.
 */
function parse(env, direct) {
  const saved = {};
  const names = CREDENTIALS.concat(['RETROFETCH_GRID_BROWSERS']);
  names.forEach((n) => { saved[n] = process.env[n]; delete process.env[n]; });
  Object.assign(process.env, env);
  const restore = () => names.forEach((n) => { if (saved[n] === undefined) delete process.env[n]; else process.env[n] = saved[n]; });
  const loaded = direct
    ? new Promise((resolve) => { require(file)({ set() {}, LOG_INFO: 'INFO' }); resolve({}); })
    : karma.config.parseConfig(file, { logLevel: karma.constants.LOG_DISABLE }, { promiseConfig: true, throwErrors: true });
  return loaded.then((config) => ({ config }), (error) => ({ error })).then((result) => { restore(); return result; });
}

function servers() {
  return process.getActiveResourcesInfo().filter((r) => /TCPServerWrap|TCPWrap/.test(r)).length;
}

async function main() {
  const before = servers();
  const none = await parse({}, true);
  const message = none.error ? String(none.error.message) : '';
  check('without credentials: fails, naming both variables', !!none.error &&
    /BROWSERSTACK_USERNAME and BROWSERSTACK_ACCESS_KEY must be set/.test(message) && /nothing was started/.test(message),
    none.error ? message : 'no error');

  const half = await parse({ BROWSERSTACK_USERNAME: 'someone' }, true);
  check('with the user name alone: fails, naming the key', !!half.error &&
    /BROWSERSTACK_ACCESS_KEY must be set/.test(half.error.message), half.error ? half.error.message : 'no error');

  const fake = await parse({ BROWSERSTACK_USERNAME: 'someone', BROWSERSTACK_ACCESS_KEY: 'not-a-key' });
  const c = fake.config || {};
  const grid = require(file).GRID_BROWSERS;
  const ids = Object.keys(grid);
  const launchers = c.customLaunchers || {};
  check('with credentials: the config resolves', !!fake.config, fake.error && fake.error.stack);
  check('one BrowserStack launcher per grid browser, all of them run', JSON.stringify(Object.keys(launchers)) === JSON.stringify(ids) &&
    JSON.stringify(c.browsers) === JSON.stringify(ids) && ids.every((id) => launchers[id].base === 'BrowserStack'),
    JSON.stringify(launchers));
  check('the grid covers IE 9-11, Safari 9-12, iOS and Android 4.4+',
    ['9.0', '10.0', '11.0'].every((v) => ids.some((id) => grid[id].browser === 'ie' && grid[id].browser_version === v)) &&
    ['9', '10', '11', '12'].every((v) => ids.some((id) => grid[id].browser === 'safari' && grid[id].browser_version.split('.')[0] === v)) &&
    ids.some((id) => grid[id].os === 'ios') && ids.some((id) => grid[id].os === 'android' && grid[id].os_version === '4.4'),
    JSON.stringify(grid));
  check('the credentials reach the launcher, the tunnel is on', c.browserStack && c.browserStack.username === 'someone' &&
    c.browserStack.accessKey === 'not-a-key' && c.browserStack.startTunnel === true, JSON.stringify(c.browserStack));
  check('the page and the second origin are on the tunnel host', c.hostname === 'bs-local.com' &&
    c.client.retrofetch.crossOrigin === 'http://bs-local.com:3000', c.hostname + ' ' + JSON.stringify(c.client));
  check('the launcher plugin is listed and installed', c.plugins.indexOf('karma-browserstack-launcher') >= 0 &&
    !!require.resolve('karma-browserstack-launcher'), JSON.stringify(c.plugins));
  check('the reporter expects every grid browser', c.retrofetchLab.engines.length === ids.length &&
    c.retrofetchLab.engines[0] === 'ie 9.0 (Windows 7) on BrowserStack', JSON.stringify(c.retrofetchLab.engines));

  const subset = await parse({ BROWSERSTACK_USERNAME: 'someone', BROWSERSTACK_ACCESS_KEY: 'not-a-key', RETROFETCH_GRID_BROWSERS: 'bs_ie11, bs_ios12' });
  check('RETROFETCH_GRID_BROWSERS picks a subset', subset.config && JSON.stringify(subset.config.browsers) === '["bs_ie11","bs_ios12"]',
    subset.error ? subset.error.message : JSON.stringify(subset.config.browsers));
  const unknown = await parse({ BROWSERSTACK_USERNAME: 'someone', BROWSERSTACK_ACCESS_KEY: 'not-a-key', RETROFETCH_GRID_BROWSERS: 'bs_ie6' }, true);
  check('an unknown grid browser id is an error', !!unknown.error && /unknown browsers: bs_ie6/.test(unknown.error.message),
    unknown.error ? unknown.error.message : 'no error');

  check('nothing was started (no server, no tunnel)', servers() === before, process.getActiveResourcesInfo().join(', '));
  console.log(failures ? 'check:grid: ' + failures + ' failed' : 'check:grid: ok');
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error('check:grid: ' + (e && e.stack || e));
  process.exit(1);
});
