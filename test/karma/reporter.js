// Karma reporter `retrofetch`: per engine, passed/failed/skipped split by the top-level suite (`polyfill` /
// `native`, see test/support/harness.ts); every failure printed with its full title and error as it happens; at the
// end a summary table and then exactly one line `N passed, N failed, N skipped` (CI reads it).
// The run exits non-zero on any failed test, any browser error or disconnect, any engine that ran zero tests, and
// any expected engine that never reported (did not start or was not captured).
'use strict';
const fs = require('fs');
const { labelForLauncherName } = require('./engines');
const { requestsSince } = require('../server');

// RETROFETCH_TRACE=file: every test appended to that file as it starts (the harness tells Karma at once:
// test/support/harness.ts) and as it completes, with its engine and result: where a run stopped, when an engine hangs
// or disconnects. (Results may come in batches of 50: the last line `:: started` names the test that was running.)
const trace = process.env.RETROFETCH_TRACE || '';

const PASSES = ['polyfill', 'native'];

function pad(s, n) {
  s = String(s);
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function seconds(ms) {
  return (ms / 1000).toFixed(1) + ' s';
}

// How many of the test server's requests a timed-out test's account lists (the first ones the test sent).
const TIMEOUT_ACCOUNT_LINES = 20;

/**
 * For a test that timed out: what the test server saw from this engine's User-Agent since the test started, each
 * request with its state, so the report tells a request the engine never sent (or sent late) from a response the
 * server never ended, and from a body the engine received but did not deliver. (Engines with one User-Agent, the
 * PhantomJS profiles, are told apart only by the times: two of them running at once both appear.)
 */
function timeoutAccount(running, userAgent) {
  const seen = requestsSince(running.at, userAgent);
  const now = Date.now();
  let out = '    the test server saw ' + seen.length + ' request(s) from this User-Agent in the ' + seconds(now - running.at) +
    ' since the test started' + (seen.length ? ':' : ' (none arrived)') + '\n';
  seen.slice(0, TIMEOUT_ACCOUNT_LINES).forEach((r) => {
    const state = r.state === 'open' ? 'still open after ' + seconds(now - r.at) : r.state + ' after ' + (r.endedAt - r.at) + ' ms';
    out += '      +' + seconds(r.at - running.at) + ' ' + r.method + ' ' + r.url.slice(0, 120) + ' (port ' + r.port + '): ' + state + '\n';
  });
  if (seen.length > TIMEOUT_ACCOUNT_LINES) out += '      … and ' + (seen.length - TIMEOUT_ACCOUNT_LINES) + ' more\n';
  return out;
}

function RetrofetchReporter(baseReporterDecorator, formatError, emitter, launcher, config) {
  baseReporterDecorator(this);
  const self = this;
  const lab = config.retrofetchLab || {};
  const expected = lab.engines || [];
  const startedAt = lab.startedAt || Date.now();
  const byId = new Map();
  const captured = new Map();
  const skips = new Map(); // title → engine labels
  let failed = 0;
  let problems = [];
  let completed = false;

  function counts() {
    return { passed: 0, failed: 0, skipped: 0 };
  }

  function engineOf(browser) {
    let e = byId.get(browser.id);
    if (!e) {
      const l = launcher.getBrowserById && launcher.getBrowserById(browser.id);
      e = {
        label: l ? labelForLauncherName(l.name) : browser.name,
        version: browser.name,
        passes: { polyfill: counts(), native: counts(), other: counts() },
        errors: [],
        captured: captured.get(browser.id) || Date.now(),
        end: null,
        testMs: 0,
        disconnected: false,
        running: null // { title, at }: the test the harness last said had started
      };
      byId.set(browser.id, e);
    }
    return e;
  }

  function total(e) {
    const t = counts();
    Object.keys(e.passes).forEach((p) => {
      t.passed += e.passes[p].passed; t.failed += e.passes[p].failed; t.skipped += e.passes[p].skipped;
    });
    return t;
  }

  // Karma's base reporter prints browser logs; keep that, replace the rest.
  this.onRunStart = function () {};
  this.onBrowserStart = function (browser) { engineOf(browser); };
  emitter.on('browser_register', (browser) => { captured.set(browser.id, Date.now()); });
  emitter.on('browser_info', (browser, info) => {
    if (!info || typeof info.retrofetchStarted !== 'string') return;
    // (The page's clock, this machine's or a grid node's: the earlier of the two, since the message can come after the
    // test's first requests.)
    const now = Date.now();
    engineOf(browser).running = { title: info.retrofetchStarted, at: typeof info.at === 'number' ? Math.min(info.at, now) : now };
    if (trace) fs.appendFileSync(trace, '[' + engineOf(browser).label + '] ' + info.retrofetchStarted + ' :: started\n');
  });

  this.onSpecComplete = function (browser, result) {
    if (trace) {
      fs.appendFileSync(trace, '[' + engineOf(browser).label + '] ' + result.suite.concat(result.description).join(' > ') +
        ' :: ' + (result.skipped ? 'skipped' : result.success ? 'passed' : 'FAILED') + '\n');
    }
    const e = engineOf(browser);
    const top = PASSES.indexOf(result.suite[0]) >= 0 ? result.suite[0] : 'other';
    const c = e.passes[top];
    if (result.skipped) {
      c.skipped++;
      // Each skipped test once, with where: its title carries the reason (harness: skipBecause / itPolyfillOnly).
      const title = result.suite.concat(result.description).join(' > ');
      if (!skips.has(title)) skips.set(title, []);
      if (skips.get(title).indexOf(e.label) < 0) skips.get(title).push(e.label);
    } else if (result.success) c.passed++;
    else {
      c.failed++;
      const title = result.suite.concat(result.description).join(' > ');
      let msg = '\nFAILED [' + e.label + '] ' + title + '\n';
      (result.log || []).forEach((log) => { msg += formatError(log, '    ').replace(/\s+$/, '') + '\n'; });
      const timedOut = (result.log || []).some((log) => /Timeout of \d+ms exceeded/.test(String(log)));
      if (timedOut && e.running && e.running.title === title) msg += timeoutAccount(e.running, browser.fullName);
      self.write(msg);
    }
  };

  this.onBrowserError = function (browser, error) {
    const e = engineOf(browser);
    e.errors.push(error);
    self.write('\nERROR [' + e.label + '] ' + formatError(error, '    ').replace(/\s+$/, '') + '\n');
  };

  this.onBrowserComplete = function (browser) {
    const e = engineOf(browser);
    e.end = Date.now();
    e.testMs = browser.lastResult.netTime || 0;
    e.disconnected = !!browser.lastResult.disconnected;
    const o = e.passes.other;
    const parts = PASSES.concat(o.passed + o.failed + o.skipped ? ['other'] : []).map((p) => {
      const c = e.passes[p];
      return p + ' ' + c.passed + '/' + c.failed + '/' + c.skipped;
    });
    self.write('[' + e.label + '] ' + e.version + ': ' + parts.join(', ') + ' (passed/failed/skipped), tests ' +
      seconds(e.testMs) + (e.disconnected ? ', DISCONNECTED' : '') + '\n');
  };

  this.onRunComplete = function () {
    completed = true;
    if (skips.size) {
      let list = '\nSkipped, ' + skips.size + ' distinct (the reason is in each title):\n';
      skips.forEach((engines, title) => { list += '  [' + engines.join(', ') + '] ' + title + '\n'; });
      self.write(list);
    }
    const rows = [['engine', 'pass', 'passed', 'failed', 'skipped', 'status']];
    const grand = counts();
    problems = [];
    const seen = new Set();
    byId.forEach((e) => {
      seen.add(e.label);
      const t = total(e);
      grand.passed += t.passed; grand.failed += t.failed; grand.skipped += t.skipped;
      let status = t.failed ? 'FAILED' : 'ok';
      if (t.passed + t.failed === 0) { status = 'NO TESTS'; problems.push(e.label + ': zero tests ran'); }
      if (e.errors.length) { status = 'ERROR'; problems.push(e.label + ': browser error'); }
      if (e.disconnected) { status = 'DISCONNECTED'; problems.push(e.label + ': disconnected'); }
      PASSES.concat('other').forEach((p) => {
        const c = e.passes[p];
        if (p === 'other' && c.passed + c.failed + c.skipped === 0) return;
        if (p === 'native' && c.passed + c.failed + c.skipped === 0) {
          rows.push([e.label, p, '-', '-', '-', 'no native fetch']);
          return;
        }
        rows.push([e.label, p, c.passed, c.failed, c.skipped, status === 'FAILED' && !c.failed ? 'ok' : status]);
      });
    });
    expected.forEach((label) => {
      if (!seen.has(label)) {
        rows.push([label, '-', '-', '-', '-', 'NO RESULT']);
        problems.push(label + ': never reported (not started or not captured)');
      }
    });
    (lab.skipped || []).forEach((s) => rows.push([s.label || s.id, '-', '-', '-', '-', 'left out: binary missing']));
    failed = grand.failed;

    const widths = rows[0].map((_, i) => Math.max.apply(null, rows.map((r) => String(r[i]).length)));
    let out = '\n';
    rows.forEach((r, i) => {
      out += r.map((cell, j) => pad(cell, widths[j])).join('  ').replace(/\s+$/, '') + '\n';
      if (i === 0) out += widths.map((w) => '-'.repeat(w)).join('  ') + '\n';
    });
    out += '\nwall time ' + seconds(Date.now() - startedAt) + ' (since the config was read)\n';
    byId.forEach((e) => {
      out += '  ' + pad(e.label, 12) + ' captured at ' + seconds(e.captured - startedAt) + ', done at ' +
        seconds((e.end || Date.now()) - startedAt) + ', tests ' + seconds(e.testMs) + '\n';
    });
    problems.forEach((p) => { out += 'PROBLEM: ' + p + '\n'; });
    out += grand.passed + ' passed, ' + grand.failed + ' failed, ' + grand.skipped + ' skipped\n';
    self.write(out);
  };

  // Karma already exits 1 on failures, errors, disconnects and uncaptured browsers; this adds the per-engine checks,
  // and a run stopped before it completed (SIGTERM, SIGINT), which Karma itself would let exit 0.
  emitter.on('exit', (done) => {
    if (!completed) self.write('\nRun stopped before it completed.\n');
    done(!completed || failed || problems.length ? 1 : 0);
  });
}

RetrofetchReporter.$inject = ['baseReporterDecorator', 'formatError', 'emitter', 'launcher', 'config'];

module.exports = { 'reporter:retrofetch': ['type', RetrofetchReporter] };
