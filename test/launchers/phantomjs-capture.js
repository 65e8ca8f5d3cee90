// Run by PhantomJS 2.1.1 (see test/launchers/phantomjs.js): `phantomjs phantomjs-capture.js URL`.
// Opens the Karma URL in a webpage and stays until Karma kills it. Page console messages, page errors and failed
// resources are printed on stdout with a prefix, which the launcher forwards to Karma's log. ES5 (PhantomJS).
var system = require('system');
var page = require('webpage').create();
var url = system.args[1];

function out(line) {
  system.stdout.writeLine(line);
  system.stdout.flush();
}

function trace(t) {
  return (t || []).map(function (f) {
    return '    at ' + (f.file || f.sourceURL || '?') + ':' + f.line + (f['function'] ? ' (' + f['function'] + ')' : '');
  }).join('\n');
}

page.viewportSize = { width: 1024, height: 768 };
page.onConsoleMessage = function (msg) { out('[console] ' + msg); };
page.onError = function (msg, t) { out('[page error] ' + msg + '\n' + trace(t)); };
page.onResourceError = function (e) { out('[resource error] ' + e.url + ': ' + e.errorCode + ' ' + e.errorString); };
page.onResourceTimeout = function (e) { out('[resource timeout] ' + e.url); };
phantom.onError = function (msg, t) { out('[phantom error] ' + msg + '\n' + trace(t)); };

if (!url) {
  out('[phantom error] usage: phantomjs phantomjs-capture.js URL');
  phantom.exit(2);
}

page.open(url, function (status) {
  out('[capture] ' + status + ' ' + url);
  if (status !== 'success') phantom.exit(1);
});
