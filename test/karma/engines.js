// The engines of the lab (Chromium, Firefox ESR, WebKitGTK, PhantomJS with its ie9 and core profiles, Chromium's
// no-abort profile, and the real legacy engines as they are: QtWebKit 5.212 and jsdom), how Karma launches each, and
// discovery: an engine whose binary (or Python module, or npm package) is missing is left out with one line naming
// it, or, with CI=true, is an error (CI must run them all).
// RETROFETCH_ENGINES=chromium,phantomjs picks a subset (ids below); a listed id that is unknown is an error.
// Binaries can be moved with CHROME_BIN, FIREFOX_BIN, WEBKITGTK_BIN (+ XVFB_BIN), PHANTOMJS_BIN, QTWEBKIT_PYTHON (a
// Python 3 with PyQt5's QtWebKit).
'use strict';
const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');
const webkitgtk = require('../launchers/webkitgtk');
const phantomjs = require('../launchers/phantomjs');
const qtwebkit = require('../launchers/qtwebkit');
const jsdom = require('../launchers/jsdom');

/** Whether `file` is an executable file. */
function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `name` as a path (when it has a slash) or found on env.PATH, if it is executable there; else null. */
function onPath(name, env) {
  if (name.indexOf('/') >= 0) return executable(name) ? name : null;
  const dirs = (env.PATH || '').split(path.delimiter).filter(Boolean);
  for (let i = 0; i < dirs.length; i++) {
    const file = path.join(dirs[i], name);
    if (executable(file)) return file;
  }
  return null;
}

/** null if `bin` can import `module`, else what is missing. */
function pythonModule(bin, module, from) {
  const r = childProcess.spawnSync(bin, ['-c', 'import ' + module], { stdio: 'ignore', timeout: 30000 });
  return r.status === 0 ? null : 'the Python module ' + module + ' in ' + bin + ' (' + from + ')';
}

/** null if this repository's node_modules has `name`, else what is missing. */
function nodeModule(name, from) {
  try {
    require.resolve(name);
    return null;
  } catch {
    return 'the npm package ' + name + ' (' + from + ')';
  }
}

// Chromium as root in a container: flags from shared LAB.md.
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Each engine: id (for RETROFETCH_ENGINES and `browsers`), label, Karma base launcher, binary, extra needs. */
function engineTable(env) {
  return [
    { id: 'chromium', label: 'Chromium', base: 'ChromeHeadless', binEnv: 'CHROME_BIN',
      bin: env.CHROME_BIN || '/usr/bin/chromium', launcher: { flags: CHROMIUM_FLAGS } },
    { id: 'firefox', label: 'Firefox ESR', base: 'FirefoxHeadless', binEnv: 'FIREFOX_BIN',
      bin: env.FIREFOX_BIN || '/usr/bin/firefox-esr', launcher: {} },
    { id: 'webkitgtk', label: 'WebKitGTK', base: 'WebKitGTK', binEnv: 'WEBKITGTK_BIN',
      bin: env.WEBKITGTK_BIN || webkitgtk.DEFAULT_BIN, needs: [env.XVFB_BIN || 'Xvfb'], launcher: {} },
    { id: 'phantomjs', label: 'PhantomJS', base: 'PhantomJS', binEnv: 'PHANTOMJS_BIN',
      bin: env.PHANTOMJS_BIN || phantomjs.DEFAULT_BIN, launcher: {} },
    // PhantomJS turned into an IE9-class engine (test/setup/ie9-profile.js): simulated, with stand-ins.
    { id: 'ie9', label: 'IE9 profile', base: 'PhantomJSIE9', binEnv: 'PHANTOMJS_BIN',
      bin: env.PHANTOMJS_BIN || phantomjs.DEFAULT_BIN, launcher: {} },
    // PhantomJS with the core build (dist/retrofetch.core.js): no stream polyfill, a Promise loaded first.
    { id: 'core', label: 'Core build (PhantomJS)', base: 'PhantomJSCore', binEnv: 'PHANTOMJS_BIN',
      bin: env.PHANTOMJS_BIN || phantomjs.DEFAULT_BIN, launcher: {} },
    // Chromium with only AbortController and AbortSignal deleted, then the core build (test/launchers/chromium-profile.js).
    { id: 'no-abort', label: 'Chromium, no AbortController (core build)', base: 'ChromiumNoAbort',
      binEnv: 'CHROME_BIN', bin: env.CHROME_BIN || '/usr/bin/chromium', launcher: { flags: CHROMIUM_FLAGS } },
    // QtWebKit 5.212 (the Safari 10 generation) with nothing deleted: its own partial natives are the point.
    { id: 'qtwebkit', label: 'QtWebKit 5.212 (as it is)', base: 'QtWebKit', binEnv: 'QTWEBKIT_PYTHON',
      bin: env.QTWEBKIT_PYTHON || qtwebkit.DEFAULT_BIN, launcher: {},
      check: (bin) => pythonModule(bin, 'PyQt5.QtWebKitWidgets', 'Debian package python3-pyqt5.qtwebkit') },
    // jsdom (what Jest's testEnvironment 'jsdom' runs), with its own Headers, AbortController, FormData, XHR kept.
    { id: 'jsdom', label: 'jsdom (as it is)', base: 'JSDOM', binEnv: 'JSDOM_NODE', bin: env.JSDOM_NODE || jsdom.DEFAULT_BIN,
      launcher: {}, check: () => nodeModule('jsdom', 'the devDependency jsdom: npm ci') }
  ];
}

/**
 * Picks the engines to run. Returns { engines, skipped: [{ id, reason }], errors: [message] }.
 * With `ci`, a missing engine is an error rather than a skip.
 */
function discover(env, ci) {
  const table = engineTable(env);
  const errors = [];
  let wanted = table;
  if (env.RETROFETCH_ENGINES) {
    const ids = env.RETROFETCH_ENGINES.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    ids.forEach((id) => {
      if (!table.some((e) => e.id === id)) {
        errors.push('RETROFETCH_ENGINES names unknown engine "' + id + '" (known: ' +
          table.map((e) => e.id).join(', ') + ')');
      }
    });
    wanted = table.filter((e) => ids.indexOf(e.id) >= 0);
  }
  const engines = [];
  const skipped = [];
  wanted.forEach((e) => {
    const missing = [];
    if (!executable(e.bin)) missing.push(e.bin + ' (set ' + e.binEnv + ' to move it)');
    (e.needs || []).forEach((n) => { if (!onPath(n, env)) missing.push(n); });
    if (missing.length === 0 && e.check) {
      const lacking = e.check(e.bin);
      if (lacking) missing.push(lacking);
    }
    if (missing.length === 0) engines.push(e);
    else {
      const reason = 'engine ' + e.id + ' (' + e.label + ') left out: missing ' + missing.join(', ');
      if (ci) errors.push(reason + ' [CI=true requires every engine]');
      else skipped.push({ id: e.id, label: e.label, reason });
    }
  });
  if (engines.length === 0 && errors.length === 0) errors.push('no engine to run (all missing or filtered out)');
  return { engines, skipped, errors };
}

/** customLaunchers for Karma, keyed by engine id. */
function customLaunchers(engines) {
  const out = {};
  engines.forEach((e) => { out[e.id] = Object.assign({ base: e.base }, e.launcher); });
  return out;
}

/** The engine label for a Karma launcher instance (its `name` is the base launcher's). */
function labelForLauncherName(name) {
  const e = engineTable({}).filter((x) => x.base === name)[0];
  return e ? e.label : name;
}

module.exports = { discover, customLaunchers, labelForLauncherName, CHROMIUM_FLAGS, onPath };
