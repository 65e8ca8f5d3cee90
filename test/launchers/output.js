// What the lab's own launchers (PhantomJS, QtWebKit, jsdom) do with the lines their driver prints: each to Karma's
// log, at `warn` where `isWarning(line)` says so (page errors, failed script loads), else at `debug` (Karma's own
// console capture already shows the page's console lines in the report).
'use strict';

/** Wraps `launcher._onStdout` (after baseBrowserDecorator) so that each whole line goes to `log`. */
function forwardLines(launcher, log, isWarning) {
  const onStdout = launcher._onStdout;
  let pending = '';
  launcher._onStdout = function (data) {
    onStdout.call(launcher, data);
    pending += data;
    const lines = pending.split('\n');
    pending = lines.pop();
    lines.forEach((line) => {
      if (isWarning(line)) log.warn(line);
      else if (line) log.debug(line);
    });
  };
}

// Failed requests to the test server (/api/...) are what many tests do on purpose (resets, aborts, CORS refusals,
// error statuses): only a failed page or script load is worth a warning.
function isFailedPageLoad(line) {
  return /^\[resource error\]/.test(line) && !/^\[resource error\] https?:\/\/[^/]+\/api\//.test(line);
}

module.exports = { forwardLines, isFailedPageLoad };
