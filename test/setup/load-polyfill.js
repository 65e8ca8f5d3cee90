// Loads the script under test, chosen by the page's URL (test/launchers/phantomjs.js sets it): by default the
// instrumented build (dist/test/retrofetch.instrumented.js, with the counters the leak tests read); with
// `retrofetchBuild=shipped` (the PhantomJS engine) the exact shipped file, dist/retrofetch.polyfill.js; with
// `retrofetchBuild=core` the core build, where the engine has no Promise after promise-polyfill (the core build brings
// none: README) set to run its callbacks as microtasks (microtask-promise.js), as the README asks. A script written
// here runs before the next one in karma.conf.js `files` (in jsdom, see `retrofetchLoad=eval` below). ES5, run as it is.
(function (g) {
  var search = (g.parent && g.parent !== g ? g.parent : g).location.search;
  var build = (/[?&]retrofetchBuild=(\w+)/.exec(search) || [])[1];
  // (The core build's Promise only where the engine has none: test/setup/bare-engine.js hid Mocha's.)
  var promise = typeof g.Promise === 'function' ? [] : ['/base/node_modules/promise-polyfill/dist/polyfill.min.js', '/base/test/setup/microtask-promise.js'];
  var files = build === 'shipped' ? ['/base/dist/retrofetch.polyfill.js']
    : build === 'core' ? promise.concat(['/base/dist/retrofetch.core.js'])
    : ['/base/dist/test/retrofetch.instrumented.js'];
  // (A profile that remove-natives.js set, no-abort, stays.)
  if (build === 'core' && !g.__retrofetchProfile) g.__retrofetchProfile = 'core';
  // With `retrofetchLoad=eval` (test/launchers/jsdom.js), each file is fetched by a synchronous XHR and run by a
  // global eval, at once: jsdom runs a script that document.write() wrote from an external script late (after the
  // page's next scripts) or not at all, and a script element added by script only after the page's pending ones.
  var evaluate = /[?&]retrofetchLoad=eval(&|$)/.test(search);
  for (var i = 0; i < files.length; i++) {
    if (!evaluate) {
      g.document.write('<script src="' + files[i] + '"></script>');
      continue;
    }
    var xhr = new g.XMLHttpRequest();
    xhr.open('GET', files[i], false);
    xhr.send();
    if (xhr.status !== 200) throw new Error('load-polyfill: ' + files[i] + ': HTTP ' + xhr.status);
    (0, g.eval)(xhr.responseText + '\n//# sourceURL=' + g.location.protocol + '//' + g.location.host + files[i]);
  }
})(this);
