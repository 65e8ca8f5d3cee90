// The standalone bundle in a dedicated Web Worker (no window, no document): loaded by importScripts after the
// worker's natives are removed (polyfill pass), or not at all (native pass), then driven by messages.
import { expect } from 'chai';
import { suite, skipBecause } from '../support/harness';

var hasWorker = typeof Worker !== 'undefined';

function startWorker(imports: string[], expectNative: boolean): Promise<Worker> {
  var url = '/api/worker?' + imports.map(function (s) { return 'import=' + encodeURIComponent(s); }).join('&');
  return new Promise(function (resolve, reject) {
    var worker = new Worker(url);
    worker.onmessage = function (e: MessageEvent) {
      if (e.data && e.data.ready) {
        if (!e.data.hasFetch) reject(new Error('no fetch in the worker'));
        else if (e.data.nativeFetch !== expectNative) reject(new Error('the worker\'s fetch is ' + (e.data.nativeFetch ? 'native' : 'not native')));
        else resolve(worker);
      }
    };
    worker.onerror = function (e: ErrorEvent) { reject(new Error('worker error: ' + e.message)); };
  });
}

function ask(worker: Worker, message: any): Promise<any> {
  return new Promise(function (resolve) {
    worker.onmessage = function (e: MessageEvent) { if (e.data && e.data.id === message.id) resolve(e.data); };
    worker.postMessage(message);
  });
}

suite('Web Worker', function (impl) {
  var imports = impl.name === 'polyfill' ? ['/base/test/setup/remove-natives.js', '/base/dist/retrofetch.polyfill.js'] : [];

  it('fetch works in a dedicated worker: relative URL, headers, status, body', function () {
    if (!hasWorker) return skipBecause(this, 'the engine has no Worker');
    return startWorker(imports, impl.name === 'native').then(function (worker) {
      return ask(worker, { op: 'fetch', id: 1, url: '/api/echo?from=worker', init: { method: 'POST', body: 'w\u00e9', headers: { 'X-W': '1' } } })
        .then(function (reply) {
          worker.terminate();
          expect(reply.error).to.equal(undefined);
          expect(reply.status).to.equal(200);
          expect(reply.ok).to.equal(true);
          var echo = JSON.parse(reply.text);
          expect(echo.method).to.equal('POST');
          expect(echo.url).to.equal('/api/echo?from=worker');
          expect(echo.headers['x-w']).to.equal('1');
          expect(echo.bodyLength).to.equal(3);
        });
    });
  });
});
