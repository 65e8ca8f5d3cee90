// Karma launcher `JSDOM`: jsdom "as it is", the DOM that Jest's `testEnvironment: 'jsdom'` runs (the version
// jest-environment-jsdom 30 depends on, pinned). Its own XMLHttpRequest, Headers, AbortController, FormData and Blob
// are kept: the page is opened with `retrofetchProfile=as-is&retrofetchBuild=shipped`, so
// test/setup/remove-natives.js deletes nothing and the shipped dist/retrofetch.polyfill.js installs the rest
// (`retrofetchLoad=eval`: test/setup/load-polyfill.js runs it by a global eval, see there). jsdom
// runs in a Node process of its own (test/launchers/jsdom-driver.js), not in Karma's, whose event loop also serves
// the test server. Its stdout goes to Karma's log: errors and failed loads at `warn`, the rest at `debug`.
// Node: $JSDOM_NODE, else the Node that runs Karma.
'use strict';
const path = require('path');

const DEFAULT_BIN = process.execPath;
const DRIVER = path.resolve(__dirname, 'jsdom-driver.js');

function JSDOMLauncher(baseBrowserDecorator, args, logger) {
  baseBrowserDecorator(this);
  const log = logger.create('launcher.jsdom');
  const self = this;
  let pending = '';

  this._getOptions = function (url) {
    return [DRIVER, url + (url.indexOf('?') < 0 ? '?' : '&') + 'retrofetchProfile=as-is&retrofetchBuild=shipped&retrofetchLoad=eval'];
  };

  const onStdout = this._onStdout;
  this._onStdout = function (data) {
    onStdout.call(self, data);
    pending += data;
    const lines = pending.split('\n');
    pending = lines.pop();
    lines.forEach((line) => {
      if (/^\[(page error|driver error)\]|^ {4}at /.test(line)) log.warn(line);
      else if (line) log.debug(line);
    });
  };
}

JSDOMLauncher.prototype = { name: 'JSDOM', DEFAULT_CMD: { linux: DEFAULT_BIN }, ENV_CMD: 'JSDOM_NODE' };
JSDOMLauncher.$inject = ['baseBrowserDecorator', 'args', 'logger'];

module.exports = { 'launcher:JSDOM': ['type', JSDOMLauncher], DEFAULT_BIN, DRIVER };
