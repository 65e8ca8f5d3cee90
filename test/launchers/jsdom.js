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
const { forwardLines } = require('./output');

const DEFAULT_BIN = process.execPath;
const DRIVER = path.resolve(__dirname, 'jsdom-driver.js');

function JSDOMLauncher(baseBrowserDecorator, args, logger) {
  baseBrowserDecorator(this);
  const log = logger.create('launcher.jsdom');

  this._getOptions = function (url) {
    return [DRIVER, url + (url.indexOf('?') < 0 ? '?' : '&') + 'retrofetchProfile=as-is&retrofetchBuild=shipped&retrofetchLoad=eval'];
  };

  forwardLines(this, log, (line) => /^\[(page error|driver error)\]|^ {4}at /.test(line));
}

JSDOMLauncher.prototype = { name: 'JSDOM', DEFAULT_CMD: { linux: DEFAULT_BIN }, ENV_CMD: 'JSDOM_NODE' };
JSDOMLauncher.$inject = ['baseBrowserDecorator', 'args', 'logger'];

module.exports = { 'launcher:JSDOM': ['type', JSDOMLauncher], DEFAULT_BIN, DRIVER };
