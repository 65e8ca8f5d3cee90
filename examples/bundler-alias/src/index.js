// The app: five modules that fetch the same way through five names for fetch (the ponyfill's own among them). Each
// request reaches the test server's echo route, which answers with what it saw. All five use the one fetch of
// `import { fetch } from 'retrofetch'`, the browser's own fetch (where there is one) is left alone, and nothing is
// written to the global object.
/* global document, atob */
import { fetch as retrofetch } from 'retrofetch';
import { viaGlobal, globalFetch } from './global-fetch';
import { viaWhatwgFetch, whatwgFetch } from './whatwg';
import { viaIsomorphicFetch, isomorphicFetch } from './isomorphic';
import { viaCrossFetch, crossFetch } from './cross';
import { viaPonyfill, ponyfillFetch } from './ponyfill';

var log = document.getElementById('log');
function show(line) {
  log.appendChild(document.createTextNode(line + '\n'));
}

var calls = [['global', viaGlobal], ['whatwg-fetch', viaWhatwgFetch], ['isomorphic-fetch', viaIsomorphicFetch], ['cross-fetch', viaCrossFetch], ['ponyfill', viaPonyfill]];
var result = {
  example: 'bundler-alias',
  // Which fetch each module got: retrofetch's (the ponyfill's one instance), never the page's global.
  sameFetch: [globalFetch, whatwgFetch, isomorphicFetch, crossFetch, ponyfillFetch].every(function (f) { return f === retrofetch; }),
  globalFetch: window.fetch === retrofetch ? 'retrofetch' : typeof window.fetch,
  seen: []
};

function next(i) {
  if (i === calls.length) return Promise.resolve();
  var url = '/api/echo?from=bundler-alias&via=' + calls[i][0];
  return calls[i][1](url).then(function (response) { return response.json(); }).then(function (seen) {
    show(calls[i][0] + ': the server got ' + seen.method + ' ' + seen.url);
    result.seen.push({ via: calls[i][0], method: seen.method, url: seen.url, header: seen.headers['x-via'] || null, body: atob(seen.body) });
    return next(i + 1);
  });
}

next(0).then(null, function (e) { result.error = String((e && e.stack) || e); }).then(function () {
  show(result.error ? 'failed: ' + result.error : 'done');
  // The results also go to the page that framed this one (the tests: test/integration/examples.test.ts).
  if (window.parent !== window) window.parent.postMessage(JSON.stringify(result), '*');
});
