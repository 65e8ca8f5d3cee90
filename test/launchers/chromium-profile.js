// Karma launcher `ChromiumNoAbort`: Chromium headless (karma-chrome-launcher's ChromeHeadless, with the lab's flags
// from test/karma/engines.js) opened with `retrofetchProfile=no-abort&retrofetchBuild=core`: test/setup/remove-natives.js
// deletes only AbortController and AbortSignal, and test/setup/load-polyfill.js loads the core script. That is an
// engine of the fetch-without-AbortController generation (Chrome 42–65, Firefox 39–56, Safari 10.1–11.0, Edge
// 14–15), where the README's snippet sends a page with streams and TextDecoderStream to the core script.
'use strict';
const chrome = require('karma-chrome-launcher');

const ChromeHeadless = chrome['launcher:ChromeHeadless'][1];

function profile(name, query) {
  function Launcher(baseBrowserDecorator, args) {
    ChromeHeadless.call(this, baseBrowserDecorator, args);
    const getOptions = this._getOptions;
    this._getOptions = function (url) {
      return getOptions.call(this, url + (url.indexOf('?') < 0 ? '?' : '&') + query);
    };
  }
  Launcher.prototype = Object.assign({}, ChromeHeadless.prototype, { name: name });
  Launcher.$inject = ['baseBrowserDecorator', 'args'];
  return ['type', Launcher];
}

module.exports = {
  'launcher:ChromiumNoAbort': profile('ChromiumNoAbort', 'retrofetchProfile=no-abort&retrofetchBuild=core')
};
