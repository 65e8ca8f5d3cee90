// Karma launcher `WebDriver`: one browser on a WebDriver endpoint (a Selenium Grid of one's own, a hosted grid such
// as BrowserStack, Sauce Labs or LambdaTest, or a lone driver), driven over the W3C WebDriver HTTP API
// (https://www.w3.org/TR/webdriver2/) with Node's own fetch. No WebDriver client library: the launcher needs four
// commands, and the Karma WebDriver launchers on npm are built on stale clients (README, "On any WebDriver grid").
//   New Session      POST   /session                 {capabilities: {alwaysMatch: <the capabilities asked>}}
//   Navigate To      POST   /session/:id/url         {url: <the Karma URL>}
//   Get Title        GET    /session/:id/title       every `heartbeatMs` while the tests run, because a grid ends a
//                                                     session that sends no command for a while (Selenium Grid's
//                                                     session-timeout, 300 s by default; the hosted grids' idle timeouts)
//   Delete Session   DELETE /session/:id              when Karma kills the browser (its run is over, or it timed out)
// customLaunchers entry (karma.grid.conf.js builds them from a capabilities file):
//   { base: 'WebDriver', gridUrl, user, key, capabilities, label, query, heartbeatMs, sessionTimeoutMs }
// `gridUrl` may carry the credentials (https://user:key@host/wd/hub); `user` and `key` are sent the same way (HTTP
// Basic) and no log line ever shows them. `label` names the browser in the lab's table; `query` is added to the page's
// URL (test/setup/load-polyfill.js reads `retrofetchBuild` from it).
'use strict';
const { URL } = require('url');
const { fetch, AbortController, AbortSignal } = globalThis; // Node's own (18+)

const HEARTBEAT_MS = 30000;
const SESSION_TIMEOUT_MS = 10 * 60 * 1000; // a hosted grid may queue a New Session until a browser is free
const COMMAND_TIMEOUT_MS = 60000;

/**
 * The endpoint without its credentials, and the Authorization header for them. Throws on a URL that is not http(s).
 * `user` and `key` override the URL's own.
 */
function endpoint(gridUrl, user, key) {
  let url;
  try {
    url = new URL(gridUrl);
  } catch {
    throw new Error('the grid URL is not a URL: ' + JSON.stringify(String(gridUrl).replace(/\/\/[^/@]*@/, '//***@')));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error('the grid URL must be http: or https:, not ' + url.protocol);
  }
  const name = user || decodeURIComponent(url.username);
  const secret = key || decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  return {
    base: url.href.replace(/\/+$/, ''),
    authorization: name ? 'Basic ' + Buffer.from(name + ':' + secret).toString('base64') : null
  };
}

/**
 * One WebDriver command. Resolves to the response's `value`; rejects with an Error naming the command and the
 * endpoint's `error` and `message` (the W3C error shape), or the HTTP status when the answer is not JSON.
 */
async function command(target, method, path, body, timeoutMs, signal) {
  const headers = { Accept: 'application/json' };
  // Selenium Grid 4 refuses a JSON body without the charset.
  if (body !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8';
  if (target.authorization) headers.Authorization = target.authorization;
  const signals = [AbortSignal.timeout(timeoutMs)].concat(signal ? [signal] : []);
  const what = method + ' ' + path.replace(/^\/session\/[^/]+/, '/session/:id');
  let res;
  let text;
  try {
    res = await fetch(target.base + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0]
    });
    text = await res.text();
  } catch (err) {
    const cause = err && err.cause ? ' (' + (err.cause.code || err.cause.message) + ')' : '';
    throw new Error(what + ' to ' + target.base + ' failed: ' + (err && err.name === 'TimeoutError'
      ? 'no answer within ' + timeoutMs / 1000 + ' s' : String(err && err.message || err) + cause), { cause: err });
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(what + ': HTTP ' + res.status + ', not JSON: ' + text.slice(0, 300));
  }
  const value = json && typeof json === 'object' ? json.value : undefined;
  if (!res.ok || (value && typeof value === 'object' && value.error)) {
    const error = value && value.error ? value.error + ': ' + String(value.message || '').split('\n')[0] : 'HTTP ' + res.status;
    throw new Error(what + ' failed: ' + error);
  }
  return value;
}

function WebDriverLauncher(args, logger, baseLauncherDecorator, captureTimeoutLauncherDecorator, retryLauncherDecorator) {
  baseLauncherDecorator(this);
  captureTimeoutLauncherDecorator(this);
  retryLauncherDecorator(this);
  const self = this;
  const label = args.label || 'WebDriver ' + ((args.capabilities || {}).browserName || '?');
  const log = logger.create('launcher.webdriver');
  this.name = label;

  let target = null;
  let sessionId = null;
  let starting = null; // the start in flight, for kill to wait on
  let aborter = null;
  let heartbeat = null;

  function stopHeartbeat() {
    if (heartbeat) { clearInterval(heartbeat); heartbeat = null; }
  }

  /** Delete Session, if there is one; a failure is logged, not thrown (the grid ends it at its own timeout). */
  function deleteSession() {
    if (!sessionId) return Promise.resolve();
    const id = sessionId;
    sessionId = null;
    return command(target, 'DELETE', '/session/' + id, undefined, COMMAND_TIMEOUT_MS).then(
      () => log.debug(label + ': session ' + id + ' deleted'),
      (err) => log.warn(label + ': ' + err.message + ' (the grid ends the session at its own timeout)'));
  }

  async function start(url) {
    target = endpoint(args.gridUrl, args.user, args.key);
    if (args.query) url += (url.indexOf('?') < 0 ? '?' : '&') + args.query;
    aborter = new AbortController();
    const asked = Date.now();
    log.info(label + ': asking ' + target.base + ' for ' + JSON.stringify(args.capabilities));
    const created = await command(target, 'POST', '/session', { capabilities: { alwaysMatch: args.capabilities || {}, firstMatch: [{}] } },
      args.sessionTimeoutMs || SESSION_TIMEOUT_MS, aborter.signal);
    if (!created || !created.sessionId) throw new Error('POST /session: the answer has no sessionId: ' + JSON.stringify(created));
    sessionId = created.sessionId;
    const caps = created.capabilities || {};
    log.info(label + ': session ' + sessionId + ' in ' + ((Date.now() - asked) / 1000).toFixed(1) + ' s: ' +
      [caps.browserName, caps.browserVersion || caps.version, caps.platformName || caps.platform].filter(Boolean).join(' '));
    if (aborter.signal.aborted) return; // killed while the session was being made: kill deletes it
    heartbeat = setInterval(() => {
      command(target, 'GET', '/session/' + sessionId + '/title', undefined, COMMAND_TIMEOUT_MS).then(null, (err) => {
        log.warn(label + ': heartbeat: ' + err.message);
        if (/invalid session id|no such session/i.test(err.message)) stopHeartbeat();
      });
    }, args.heartbeatMs || HEARTBEAT_MS);
    await command(target, 'POST', '/session/' + sessionId + '/url', { url }, args.sessionTimeoutMs || SESSION_TIMEOUT_MS, aborter.signal);
    log.debug(label + ': at ' + url);
  }

  // Between 'start' and _done(): kill has something to end. A failed start reports itself (_done('failure'), and
  // Karma's retry decorator may start again); a kill then has nothing left to end.
  let live = false;

  this.on('start', (url) => {
    live = true;
    starting = start(url).then(null, (err) => {
      stopHeartbeat();
      if (aborter && aborter.signal.aborted) return; // killed while starting: kill reports the end
      log.error(label + ': ' + err.message);
      return deleteSession().then(() => {
        live = false;
        self._done('failure');
      });
    });
  });

  this.on('kill', (done) => {
    stopHeartbeat();
    if (aborter) aborter.abort();
    if (!live) { process.nextTick(done); return; }
    Promise.resolve(starting).then(deleteSession).then(() => {
      starting = null;
      if (live) { // not reported by a failed start meanwhile
        live = false;
        self._done();
      }
      done();
    });
  });
}

WebDriverLauncher.$inject = ['args', 'logger', 'baseLauncherDecorator', 'captureTimeoutLauncherDecorator', 'retryLauncherDecorator'];

module.exports = { 'launcher:WebDriver': ['type', WebDriverLauncher], endpoint, command };
