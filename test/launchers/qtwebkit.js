// Karma launcher `QtWebKit`: QtWebKit 5.212 (Debian's python3-pyqt5.qtwebkit), "as it is": a QWebPage driven by
// test/launchers/qtwebkit-driver.py, with no X server (QT_QPA_PLATFORM=offscreen). The page is opened with
// `retrofetchProfile=as-is&retrofetchBuild=shipped`: test/setup/remove-natives.js deletes nothing (the engine's own
// partial Headers, Request, ReadableStream, WritableStream are what this engine is about) and the exact shipped
// dist/retrofetch.polyfill.js loads. The driver's stdout (page console, errors, failed loads) goes to Karma's log:
// errors and failed page/script loads at `warn`, the rest at `debug`.
// Python: $QTWEBKIT_PYTHON, else /usr/bin/python3 (Debian's, which has the module; a pyenv `python3` first on the
// PATH does not). test/karma/engines.js checks that it can import PyQt5.QtWebKitWidgets. JavaScriptCore runs without
// its DFG JIT (JSC_useDFGJIT=0, below): with it, the engine hangs partway through the suite.
'use strict';
const path = require('path');
const { forwardLines, isFailedPageLoad } = require('./output');

const DEFAULT_BIN = '/usr/bin/python3';
const DRIVER = path.resolve(__dirname, 'qtwebkit-driver.py');

function QtWebKitLauncher(baseBrowserDecorator, args, logger) {
  baseBrowserDecorator(this);
  const log = logger.create('launcher.qtwebkit');
  const self = this;

  this._getOptions = function (url) {
    url += (url.indexOf('?') < 0 ? '?' : '&') + 'retrofetchProfile=as-is&retrofetchBuild=shipped';
    return ['-u', DRIVER, url];
  };

  // `env` sets the variables and then execs Python, so Karma's kill signal reaches the driver itself.
  const getCommand = this._getCommand;
  this._start = function (url) {
    self._execCommand('/usr/bin/env', [
      'QT_QPA_PLATFORM=offscreen',
      // The engine's optimizing JIT (DFG) hangs it for good after ~200 tests of the suite, always at the same place
      // (the main thread waits on a JavaScriptCore helper thread; Karma then sees a ping timeout). The baseline JIT
      // and the interpreter run the same JavaScript; only the DFG tier is left out.
      'JSC_useDFGJIT=0',
      // Its own home: QtWebKit's storage and caches go under the temporary directory Karma removes.
      'XDG_DATA_HOME=' + path.join(self._tempDir, 'data'),
      'XDG_CACHE_HOME=' + path.join(self._tempDir, 'cache'),
      'XDG_RUNTIME_DIR=' + self._tempDir,
      getCommand.call(self)
    ].concat(self._getOptions(url)));
  };

  forwardLines(this, log, (line) => /^\[(page error|driver error)\]/.test(line) || isFailedPageLoad(line));
}

QtWebKitLauncher.prototype = { name: 'QtWebKit', DEFAULT_CMD: { linux: DEFAULT_BIN }, ENV_CMD: 'QTWEBKIT_PYTHON' };
QtWebKitLauncher.$inject = ['baseBrowserDecorator', 'args', 'logger'];

module.exports = { 'launcher:QtWebKit': ['type', QtWebKitLauncher], DEFAULT_BIN, DRIVER };
