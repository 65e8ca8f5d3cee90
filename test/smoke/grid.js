// `npm run check:grid`: the grid run checked offline, with no grid and no browser.
// - karma.grid.conf.js resolves the way Karma reads it: without RETROFETCH_GRID_URL or RETROFETCH_GRID_CAPABILITIES
//   it fails with a message naming them; with them it gives one WebDriver launcher per browser of the file, the same
//   page as karma.conf.js (files, frameworks, Mocha options: the same tests, so the same counts), on the host and
//   addresses asked; subsets and unknown ids; nothing reaches the grid while the config loads.
// - every capabilities file in test/grid/ loads and asks W3C capabilities (standard names, or vendor names with a
//   colon), and the local one matches the node that scripts/local-grid.js configures.
// - test/launchers/webdriver.js against a fake W3C endpoint (an HTTP server in this process): New Session with the
//   capabilities, HTTP Basic credentials and the JSON charset; Navigate To the Karma URL; a heartbeat; Delete Session
//   when killed; a failed New Session or Navigate To reported with the endpoint's error (the session deleted), and
//   no credential in any log line.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { EventEmitter } = require('events');
const karma = require('karma');
const BaseLauncher = require('karma/lib/launchers/base');

const root = path.resolve(__dirname, '../..');
const gridFile = path.join(root, 'karma.grid.conf.js');
const labFile = path.join(root, 'karma.conf.js');
const gridDir = path.join(root, 'test/grid');
const local = path.join(gridDir, 'selenium-local.json');
const { nodeConfig, prerequisites } = require('../../scripts/local-grid');
const { CHROMIUM_FLAGS } = require('../karma/engines');
const WebDriverLauncher = require('../launchers/webdriver')['launcher:WebDriver'][1];

// W3C WebDriver's standard capability names (https://www.w3.org/TR/webdriver2/#capabilities); any other must be an
// extension capability, with a colon in its name, or a W3C endpoint refuses the session.
const W3C = ['acceptInsecureCerts', 'browserName', 'browserVersion', 'pageLoadStrategy', 'platformName', 'proxy',
  'setWindowRect', 'strictFileInteractability', 'timeouts', 'unhandledPromptBehavior', 'userAgent', 'webSocketUrl'];
const GRID_ENV = ['RETROFETCH_GRID_URL', 'RETROFETCH_GRID_USER', 'RETROFETCH_GRID_KEY', 'RETROFETCH_GRID_CAPABILITIES',
  'RETROFETCH_GRID_BROWSERS', 'RETROFETCH_GRID_HOST', 'RETROFETCH_GRID_LISTEN', 'RETROFETCH_GRID_PORT',
  'RETROFETCH_GRID_CROSS_PORT', 'RETROFETCH_ENGINES', 'CHROME_BIN', 'CI', 'SAUCE_TUNNEL_NAME', 'LT_TUNNEL_NAME'];

let failures = 0;
function check(label, ok, detail) {
  console.log((ok ? '  ok    ' : '  FAIL  ') + label + (ok ? '' : '\n        ' + detail));
  if (!ok) failures++;
}

/** Runs `load` with exactly `env` for the grid's variables. Resolves to { config } or { error }. */
function withEnv(env, load) {
  const saved = {};
  GRID_ENV.forEach((n) => { saved[n] = process.env[n]; delete process.env[n]; });
  Object.assign(process.env, env);
  const restore = () => GRID_ENV.forEach((n) => { if (saved[n] === undefined) delete process.env[n]; else process.env[n] = saved[n]; });
  return Promise.resolve().then(load).then((config) => ({ config }), (error) => ({ error }))
    .then((result) => { restore(); return result; });
}

/**
 * karma.grid.conf.js through Karma's own parser, as `karma start` reads it, or, for the failures, called directly
 * (Karma would log the same error with a stack).
 */
function parseGrid(env, direct) {
  return withEnv(env, () => direct
    ? require(gridFile)({ set() {}, plugins: [], LOG_INFO: 'INFO' })
    : karma.config.parseConfig(gridFile, { logLevel: karma.constants.LOG_DISABLE }, { promiseConfig: true, throwErrors: true }));
}

/** karma.conf.js for one engine (discovery wants an executable: node itself stands in for Chromium, never started). */
function parseLab() {
  return withEnv({ RETROFETCH_ENGINES: 'chromium', CHROME_BIN: process.execPath }, () => karma.config.parseConfig(labFile,
    { logLevel: karma.constants.LOG_DISABLE }, { promiseConfig: true, throwErrors: true }));
}

/** A fake W3C WebDriver endpoint under /wd/hub: records every request; `answer(req, body)` may override a reply. */
function fakeGrid(answer) {
  const requests = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => { text += c; });
    req.on('end', () => {
      const body = text ? JSON.parse(text) : undefined;
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      const reply = (answer && answer(req, body)) || { status: 200, value: defaultValue(req) };
      res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ value: reply.value }));
    });
  });
  function defaultValue(req) {
    if (req.method === 'POST' && req.url === '/wd/hub/session') {
      return { sessionId: 'fake-1', capabilities: { browserName: 'fakebrowser', browserVersion: '1.0', platformName: 'nowhere' } };
    }
    if (req.url === '/wd/hub/session/fake-1/title') return 'Karma';
    return null;
  }
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    requests, port: server.address().port, close: () => new Promise((done) => server.close(() => done()))
  })));
}

/** A WebDriver launcher as Karma makes it (the base decorator; no capture timeout, no retry). */
function makeLauncher(args) {
  const logs = [];
  const logger = { create: () => ({
    debug: (m) => logs.push('debug ' + m), info: (m) => logs.push('info ' + m),
    warn: (m) => logs.push('warn ' + m), error: (m) => logs.push('error ' + m)
  }) };
  const emitter = new EventEmitter();
  const failures = [];
  emitter.on('browser_process_failure', (l) => failures.push(l.error));
  const launcher = {};
  WebDriverLauncher.call(launcher, args, logger, (l) => BaseLauncher.call(l, 'karma-id-1', emitter), () => {}, () => {});
  let dones = 0;
  launcher.on('done', () => { dones++; });
  return { launcher, logs, failures, dones: () => dones };
}

function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }

async function until(test, ms) {
  const end = Date.now() + ms;
  while (!test() && Date.now() < end) await sleep(20);
  return test();
}

async function checkConfig() {
  const watcher = await fakeGrid();
  const url = 'http://someone:secret@127.0.0.1:' + watcher.port + '/wd/hub';

  const none = await parseGrid({}, true);
  const message = none.error ? String(none.error.message) : '';
  check('without a grid: fails, naming both variables and how to run a local grid', !!none.error &&
    /RETROFETCH_GRID_URL and RETROFETCH_GRID_CAPABILITIES must be set/.test(message) && /nothing was started/.test(message) &&
    /scripts\/local-grid\.js run/.test(message), none.error ? message : 'no error');
  const half = await parseGrid({ RETROFETCH_GRID_URL: url }, true);
  check('with the URL alone: fails, naming the capabilities file', !!half.error &&
    /^\[retrofetch grid\] RETROFETCH_GRID_CAPABILITIES must be set/.test(half.error.message), half.error ? half.error.message : 'no error');
  const ftp = await parseGrid({ RETROFETCH_GRID_URL: 'ftp://hub.example/', RETROFETCH_GRID_CAPABILITIES: local }, true);
  check('a grid URL that is not http(s): an error saying so', !!ftp.error && /must be http: or https:/.test(ftp.error.message),
    ftp.error ? ftp.error.message : 'no error');

  const got = await parseGrid({ RETROFETCH_GRID_URL: url, RETROFETCH_GRID_CAPABILITIES: local });
  const c = got.config || {};
  const launchers = c.customLaunchers || {};
  const ids = Object.keys(launchers);
  check('the local grid: the config resolves', !!got.config, got.error && got.error.stack);
  check('one WebDriver launcher per browser of the file, all of them run',
    JSON.stringify(ids) === '["chromium","webkitgtk"]' && JSON.stringify(c.browsers) === JSON.stringify(ids) &&
    ids.every((id) => launchers[id].base === 'WebDriver' && launchers[id].gridUrl === url), JSON.stringify(launchers));
  check('the lab table expects "Chromium (Selenium Grid)" and "WebKitGTK (Selenium Grid)"',
    JSON.stringify(c.retrofetchLab && c.retrofetchLab.engines) === '["Chromium (Selenium Grid)","WebKitGTK (Selenium Grid)"]',
    JSON.stringify(c.retrofetchLab));
  check('the WebDriver launcher is a plugin', (c.plugins || []).some((p) => p && p['launcher:WebDriver']), 'not in plugins');
  check('on this machine by default: localhost, listening on 127.0.0.1, the second origin on localhost',
    c.hostname === 'localhost' && c.listenAddress === '127.0.0.1' && /^http:\/\/localhost:\d+$/.test(c.client.retrofetch.crossOrigin),
    c.hostname + ' ' + c.listenAddress + ' ' + JSON.stringify(c.client && c.client.retrofetch));

  const lab = await parseLab();
  const l = lab.config || {};
  check('the same page as karma.conf.js: files, frameworks, middleware, Mocha options (the same tests)', !!lab.config &&
    JSON.stringify(c.files) === JSON.stringify(l.files) && JSON.stringify(c.frameworks) === JSON.stringify(l.frameworks) &&
    JSON.stringify(c.beforeMiddleware) === JSON.stringify(l.beforeMiddleware) &&
    JSON.stringify(c.client.mocha) === JSON.stringify(l.client.mocha), lab.error ? lab.error.stack : JSON.stringify(c.files));

  const free = await new Promise((resolve) => { const s = http.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
  const moved = await parseGrid({ RETROFETCH_GRID_URL: url, RETROFETCH_GRID_CAPABILITIES: local, RETROFETCH_GRID_HOST: 'grid-host.test',
    RETROFETCH_GRID_LISTEN: '127.0.0.2', RETROFETCH_GRID_PORT: '9911', RETROFETCH_GRID_CROSS_PORT: String(free) });
  const m = moved.config || {};
  check('RETROFETCH_GRID_HOST, _LISTEN, _PORT, _CROSS_PORT: the page and the second origin where the nodes reach them',
    m.hostname === 'grid-host.test' && m.listenAddress === '127.0.0.2' && m.port === 9911 &&
    m.client.retrofetch.crossOrigin === 'http://grid-host.test:' + free,
    moved.error ? moved.error.message : m.hostname + ' ' + m.listenAddress + ' ' + m.port + ' ' + JSON.stringify(m.client.retrofetch));

  const subset = await parseGrid({ RETROFETCH_GRID_URL: url, RETROFETCH_GRID_CAPABILITIES: local, RETROFETCH_GRID_BROWSERS: ' webkitgtk ' });
  check('RETROFETCH_GRID_BROWSERS picks a subset', subset.config && JSON.stringify(subset.config.browsers) === '["webkitgtk"]' &&
    JSON.stringify(subset.config.retrofetchLab.engines) === '["WebKitGTK (Selenium Grid)"]',
    subset.error ? subset.error.message : JSON.stringify(subset.config.browsers));
  const unknown = await parseGrid({ RETROFETCH_GRID_URL: url, RETROFETCH_GRID_CAPABILITIES: local, RETROFETCH_GRID_BROWSERS: 'ie6' }, true);
  check('an unknown browser id is an error naming the known ones', !!unknown.error &&
    /unknown browsers: ie6 \(known in selenium-local\.json: chromium, webkitgtk\)/.test(unknown.error.message),
    unknown.error ? unknown.error.message : 'no error');

  const sauce = path.join(gridDir, 'saucelabs.json');
  const unset = await parseGrid({ RETROFETCH_GRID_URL: url, RETROFETCH_GRID_CAPABILITIES: sauce }, true);
  check('a ${NAME} whose variable is unset is an error naming it', !!unset.error &&
    /saucelabs\.json "ie11" uses \$\{SAUCE_TUNNEL_NAME\}, which is not set/.test(unset.error.message),
    unset.error ? unset.error.message : 'no error');
  const set = await parseGrid({ RETROFETCH_GRID_URL: url, RETROFETCH_GRID_CAPABILITIES: sauce, SAUCE_TUNNEL_NAME: 'my-tunnel' });
  const ie11 = set.config && set.config.customLaunchers.ie11;
  check('${NAME} takes the variable, ${NAME:-text} its default', !!ie11 && ie11.capabilities['sauce:options'].tunnelName === 'my-tunnel' &&
    ie11.capabilities['sauce:options'].build === 'retrofetch', set.error ? set.error.message : JSON.stringify(ie11));

  // Every shipped file, with every variable it names set.
  const files = fs.readdirSync(gridDir).filter((f) => /\.json$/.test(f)).sort();
  check('the capabilities files: BrowserStack, LambdaTest, Sauce Labs, the local grid, own nodes',
    JSON.stringify(files) === '["browserstack.json","lambdatest.json","saucelabs.json","selenium-local.json","selenium-own-nodes.json"]',
    JSON.stringify(files));
  for (const f of files) {
    const text = fs.readFileSync(path.join(gridDir, f), 'utf8');
    const env = { RETROFETCH_GRID_URL: url, RETROFETCH_GRID_CAPABILITIES: path.join(gridDir, f) };
    (text.match(/\$\{[A-Za-z_][A-Za-z0-9_]*\}/g) || []).forEach((v) => { env[v.slice(2, -1)] = 'x'; });
    const r = await parseGrid(env);
    const all = r.config ? r.config.customLaunchers : {};
    const bad = [];
    Object.keys(all).forEach((id) => {
      const caps = all[id].capabilities;
      if (typeof caps.browserName !== 'string') bad.push(id + ': no browserName');
      Object.keys(caps).forEach((k) => { if (W3C.indexOf(k) < 0 && k.indexOf(':') < 0) bad.push(id + ': ' + k + ' is not W3C'); });
    });
    const labels = Object.keys(all).map((id) => all[id].label);
    check(f + ': loads, W3C capabilities, a distinct label each (' + Object.keys(all).length + ' browsers)',
      !!r.config && !bad.length && Object.keys(all).length > 0 && new Set(labels).size === labels.length,
      r.error ? r.error.message : bad.join('; '));
  }

  // The local file asks what the local grid's node offers.
  const found = { chromium: '/usr/bin/chromium', chromedriver: '/usr/bin/chromedriver' };
  const toml = nodeConfig(found, 4555);
  const asked = JSON.parse(fs.readFileSync(local, 'utf8')).browsers;
  check('scripts/local-grid.js: a node with no driver detection, Chromium through chromedriver with the lab\'s flags, a relay for MiniBrowser',
    /^detect-drivers = false$/m.test(toml) && /^webdriver-executable = "\/usr\/bin\/chromedriver"$/m.test(toml) &&
    toml.indexOf('\\"binary\\":\\"/usr/bin/chromium\\"') >= 0 && CHROMIUM_FLAGS.concat('--headless').every((f) => toml.indexOf('\\"' + f + '\\"') >= 0) &&
    /^url = "http:\/\/127\.0\.0\.1:4555"$/m.test(toml) && toml.indexOf('configs = ["1", "{\\"browserName\\":\\"MiniBrowser\\"}"]') >= 0 &&
    asked.chromium.capabilities.browserName === 'chrome' && asked.webkitgtk.capabilities.browserName === 'MiniBrowser', toml);
  const missing = prerequisites({ PATH: '', JAVA_BIN: '/nonexistent/java', CHROMEDRIVER_BIN: '/nonexistent/chromedriver',
    CHROME_BIN: '/nonexistent/chromium', WEBKITWEBDRIVER_BIN: '/nonexistent/WebKitWebDriver', WEBKITGTK_BIN: '/nonexistent/MiniBrowser', XVFB_BIN: '/nonexistent/Xvfb' }).missing;
  check('scripts/local-grid.js names what is missing, and the Debian package that has it',
    missing.length === 6 && /default-jre-headless/.test(missing[0]) && /chromium-driver/.test(missing[1]) && /webkit2gtk-driver/.test(missing[3]),
    JSON.stringify(missing));

  check('nothing reached the grid while the configs loaded', watcher.requests.length === 0, JSON.stringify(watcher.requests));
  await watcher.close();
}

async function checkLauncher() {
  const grid = await fakeGrid();
  const base = 'http://127.0.0.1:' + grid.port + '/wd/hub';
  const caps = { browserName: 'fakebrowser', 'vendor:options': { a: 1 } };
  const one = makeLauncher({ gridUrl: 'http://someone:s%40cret@127.0.0.1:' + grid.port + '/wd/hub/', capabilities: caps,
    label: 'Fake (grid)', query: 'retrofetchBuild=shipped', heartbeatMs: 40 });
  check('the launcher is named by its label (the lab table\'s row)', one.launcher.name === 'Fake (grid)', one.launcher.name);
  one.launcher.start('http://localhost:9876/');
  const titled = await until(() => grid.requests.some((r) => /\/title$/.test(r.url)), 5000);
  const [create, navigate] = grid.requests;
  check('New Session: POST /session, the capabilities as alwaysMatch, the JSON charset, HTTP Basic credentials', !!create &&
    create.method === 'POST' && create.url === '/wd/hub/session' &&
    JSON.stringify(create.body) === JSON.stringify({ capabilities: { alwaysMatch: caps, firstMatch: [{}] } }) &&
    create.headers['content-type'] === 'application/json; charset=utf-8' &&
    create.headers.authorization === 'Basic ' + Buffer.from('someone:s@cret').toString('base64'), JSON.stringify(create));
  check('Navigate To: the Karma URL with the launcher id and the query', !!navigate && navigate.method === 'POST' &&
    navigate.url === '/wd/hub/session/fake-1/url' && navigate.body.url === 'http://localhost:9876/?id=karma-id-1&retrofetchBuild=shipped',
    JSON.stringify(navigate));
  check('a heartbeat (Get Title) while the tests run', titled, JSON.stringify(grid.requests.map((r) => r.method + ' ' + r.url)));
  let killed = false;
  await one.launcher.kill().then(() => { killed = true; });
  const last = grid.requests[grid.requests.length - 1];
  check('kill: Delete Session, then done once', killed && last.method === 'DELETE' && last.url === '/wd/hub/session/fake-1' && one.dones() === 1,
    last.method + ' ' + last.url + ', done ' + one.dones());
  const count = grid.requests.length;
  await sleep(120);
  check('no heartbeat after the kill', grid.requests.length === count, (grid.requests.length - count) + ' more requests');
  check('the session is logged with what the grid gave', one.logs.some((m) => /^info Fake \(grid\): session fake-1 in [\d.]+ s: fakebrowser 1\.0 nowhere$/.test(m)),
    one.logs.join('\n'));
  await grid.close();

  const refusing = await fakeGrid((req) => req.url === '/wd/hub/session'
    ? { status: 500, value: { error: 'session not created', message: 'no node offers fakebrowser\nstack...' } } : null);
  const two = makeLauncher({ gridUrl: 'http://127.0.0.1:' + refusing.port + '/wd/hub', user: 'someone', key: 'secret', capabilities: caps, label: 'Fake' });
  two.launcher.start('http://localhost:9876/');
  await until(() => two.failures.length > 0, 5000);
  check('a refused New Session: a failure, logged with the endpoint\'s error and message', two.failures[0] === 'failure' &&
    two.logs.some((m) => m === 'error Fake: POST /session failed: session not created: no node offers fakebrowser'), two.logs.join('\n'));
  await two.launcher.kill();
  check('then kill has nothing to end: no Delete Session, no second done', refusing.requests.length === 1 && two.dones() === 1,
    JSON.stringify(refusing.requests.map((r) => r.method + ' ' + r.url)) + ', done ' + two.dones());
  check('no log line shows a credential', one.logs.concat(two.logs).every((m) => !/s@cret|s%40cret|secret|someone/.test(m)),
    one.logs.concat(two.logs).join('\n'));
  check('the Basic credentials from user and key', refusing.requests[0].headers.authorization === 'Basic ' + Buffer.from('someone:secret').toString('base64'),
    refusing.requests[0].headers.authorization);
  await refusing.close();

  const lost = await fakeGrid((req) => /\/url$/.test(req.url)
    ? { status: 500, value: { error: 'unknown error', message: 'net::ERR_CONNECTION_REFUSED' } } : null);
  const four = makeLauncher({ gridUrl: 'http://127.0.0.1:' + lost.port + '/wd/hub', capabilities: caps, label: 'Lost' });
  four.launcher.start('http://localhost:9876/');
  await until(() => four.failures.length > 0, 5000);
  check('a refused Navigate To: a failure with the error, and the session deleted', four.failures[0] === 'failure' &&
    four.logs.some((m) => m === 'error Lost: POST /session/:id/url failed: unknown error: net::ERR_CONNECTION_REFUSED') &&
    JSON.stringify(lost.requests.map((r) => r.method + ' ' + r.url)) ===
    '["POST /wd/hub/session","POST /wd/hub/session/fake-1/url","DELETE /wd/hub/session/fake-1"]',
  four.logs.join('\n') + '\n' + JSON.stringify(lost.requests.map((r) => r.method + ' ' + r.url)));
  await four.launcher.kill();
  check('then kill ends nothing more', lost.requests.length === 3 && four.dones() === 1, 'done ' + four.dones());
  await lost.close();

  const three = makeLauncher({ gridUrl: 'http://127.0.0.1:' + base.split(':')[2].split('/')[0] + '/wd/hub', capabilities: caps, label: 'Gone' });
  three.launcher.start('http://localhost:9876/');
  await until(() => three.failures.length > 0, 5000);
  check('no grid there: a failure naming the endpoint and the cause', three.logs.some((m) => /^error Gone: POST \/session to http:\/\/127\.0\.0\.1:\d+\/wd\/hub failed: fetch failed \(ECONNREFUSED\)$/.test(m)),
    three.logs.join('\n'));
  await three.launcher.kill();
}

async function main() {
  await checkConfig();
  await checkLauncher();
  console.log(failures ? 'check:grid: ' + failures + ' failed' : 'check:grid: ok');
  // karma.conf.js starts the test server's second origin when it is read; Karma would close it on exit.
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error('check:grid: ' + (e && e.stack || e));
  process.exit(1);
});
