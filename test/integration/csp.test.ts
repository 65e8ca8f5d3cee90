// The standalone script under a Content-Security-Policy without 'unsafe-eval' (script-src 'self'), with globalThis
// and Promise deleted so that every fallback runs: it loads, fetches, and causes no violation (no eval, no
// `new Function`), in a frame served by the test server (route `csp`).
import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause } from '../support/harness';
import { fromFrame } from '../support/frames';

suite('Content-Security-Policy', function (impl) {
  itPolyfillOnly(impl, "loads and fetches under script-src 'self' with no violation, globalThis and Promise deleted",
    'about the standalone script', function () {
      var context = this;
      var iframe = document.createElement('iframe');
      iframe.style.display = 'none';
      return new Promise<any>(function (resolve, reject) {
        function onMessage(event: MessageEvent): void {
          if (!fromFrame(event, iframe)) return;
          window.removeEventListener('message', onMessage);
          try {
            resolve(JSON.parse(event.data));
          } catch (e) {
            reject(e);
          }
        }
        window.addEventListener('message', onMessage);
        iframe.src = '/api/csp';
        document.body.appendChild(iframe);
      }).then(function (result) {
        document.body.removeChild(iframe);
        if (!result.enforced) return skipBecause(context, 'this engine does not enforce Content-Security-Policy');
        expect(result.error).to.equal(undefined);
        expect(result.ok).to.equal(true);
        expect(result.globalThis).to.equal('undefined');
        expect(result.promise).to.equal('function'); // the standalone script's own
        if (!result.events) return skipBecause(context, 'this engine reports no securitypolicyviolation events (the fetch worked)');
        expect(result.evalViolations).to.deep.equal([]);
      });
    });
});
