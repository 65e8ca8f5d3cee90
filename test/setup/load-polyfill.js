// Loads the standalone script under test: the instrumented build (dist/test/retrofetch.instrumented.js, with the
// counters the leak tests read) everywhere, except in a page opened with `retrofetchBuild=shipped` (the PhantomJS
// engine, test/launchers/phantomjs.js), which runs the exact shipped file, dist/retrofetch.polyfill.js. A script
// written here runs before the next one in karma.conf.js `files`. ES5, run as it is.
(function (g) {
  var search = (g.parent && g.parent !== g ? g.parent : g).location.search;
  var file = /[?&]retrofetchBuild=shipped(&|$)/.test(search) ? '/base/dist/retrofetch.polyfill.js' : '/base/dist/test/retrofetch.instrumented.js';
  g.__retrofetchBuild = file;
  g.document.write('<script src="' + file + '"></script>');
})(this);
