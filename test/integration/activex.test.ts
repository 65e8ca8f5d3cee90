// The ActiveX path of createXHR (IE5–9), tested with a STAND-IN `ActiveXObject` built over the engine's real
// XMLHttpRequest and the real test server, with the native XMLHttpRequest hidden. The stand-in behaves as MSXML does
// where it matters here: ProgIDs that are "not installed" throw on construction, there is no overrideMimeType, no
// progress events and no upload object, and a 204 response is reported as status 1223 (IE's well-known quirk).
import { expect } from 'chai';
import { suite, itPolyfillOnly } from '../support/harness';
import { expectRejects } from '../support/assert';

var g: any = typeof self !== 'undefined' ? self : window;

function createStandIn(RealXHR: any, installed: string[], tried: string[]) {
  return function ActiveXObject(this: any, progId: string) {
    tried.push(progId);
    if (installed.indexOf(progId) < 0) throw new Error('Automation server can\'t create object (stand-in: ' + progId + ')');
    var real = new RealXHR();
    var standIn: any = {
      readyState: 0, status: 0, statusText: '', responseText: '', onreadystatechange: null,
      open: function (method: string, url: string, async: boolean) { real.open(method, url, async); },
      setRequestHeader: function (name: string, value: string) { real.setRequestHeader(name, value); },
      getAllResponseHeaders: function () { return real.getAllResponseHeaders(); },
      getResponseHeader: function (name: string) { return real.getResponseHeader(name); },
      send: function (body: unknown) { real.send(body === undefined ? null : body); },
      abort: function () { real.abort(); }
    };
    real.onreadystatechange = function () {
      standIn.readyState = real.readyState;
      if (real.readyState < 2) return; // old WebKit throws on reading status this early
      standIn.status = real.status === 204 ? 1223 : real.status;
      standIn.statusText = real.status === 204 ? 'Unknown' : real.statusText;
      if (real.readyState >= 3) standIn.responseText = real.responseText;
      if (typeof standIn.onreadystatechange === 'function') standIn.onreadystatechange();
    };
    return standIn;
  };
}

suite('createXHR over ActiveX (stand-in)', function (impl) {
  var saved: { xhr: any; activeX: any; hadActiveX: boolean } = { xhr: null, activeX: null, hadActiveX: false };
  var tried: string[] = [];

  beforeEach(function () {
    saved.xhr = g.XMLHttpRequest;
    saved.hadActiveX = 'ActiveXObject' in g;
    saved.activeX = g.ActiveXObject;
  });
  afterEach(function () {
    g.XMLHttpRequest = saved.xhr;
    if (saved.hadActiveX) g.ActiveXObject = saved.activeX;
    else delete g.ActiveXObject;
  });

  function install(installed: string[]): void {
    tried.length = 0;
    g.ActiveXObject = createStandIn(saved.xhr, installed, tried);
    g.XMLHttpRequest = undefined;
  }

  itPolyfillOnly(impl, 'tries MSXML2 6.0, then 3.0, then MSXML2.XMLHttp; the one that works is cached',
    'native fetch does not use XHR', function () {
      install(['MSXML2.XMLHttp']);
      return impl.fetch('/api/echo?via=activex').then(function (r) { return r.json(); }).then(function (echo) {
        expect(echo.url).to.equal('/api/echo?via=activex');
        // The probe of each ProgID, then the construction of the one that worked.
        expect(tried).to.deep.equal(['MSXML2.XMLHttp.6.0', 'MSXML2.XMLHttp.3.0', 'MSXML2.XMLHttp', 'MSXML2.XMLHttp']);
        tried.length = 0;
        return impl.fetch('/api/echo?again=1', { method: 'POST', body: 'abc' });
      }).then(function (r) { return r.json(); }).then(function (echo) {
        expect(echo.method).to.equal('POST');
        expect(echo.bodyLength).to.equal(3);
        expect(tried).to.deep.equal(['MSXML2.XMLHttp']); // cached: no probing the second time
      });
    });

  itPolyfillOnly(impl, 'maps IE\'s status 1223 to 204 No Content', 'native fetch does not use XHR', function () {
    install(['MSXML2.XMLHttp.6.0', 'MSXML2.XMLHttp.3.0', 'MSXML2.XMLHttp']);
    return impl.fetch('/api/no-content').then(function (r) {
      expect(r.status).to.equal(204);
      expect(r.statusText).to.equal('No Content');
      expect(r.ok).to.equal(true);
      expect(r.body).to.equal(null);
    });
  });

  itPolyfillOnly(impl, 'reads a UTF-8 text response without overrideMimeType', 'native fetch does not use XHR', function () {
    install(['MSXML2.XMLHttp']);
    return impl.fetch('/api/charset?enc=utf-8').then(function (r) { return r.text(); }).then(function (text) {
      expect(text).to.equal('h\u00e9llo w\u00f6rld \u2713');
    });
  });

  itPolyfillOnly(impl, 'with neither XMLHttpRequest nor ActiveXObject, fetch rejects with a TypeError that says what it needs', 'native fetch does not use XHR', function () {
    g.XMLHttpRequest = undefined;
    delete g.ActiveXObject;
    return expectRejects(impl, impl.fetch('/api/echo'), TypeError, 'fetch: retrofetch needs an XMLHttpRequest (a browser, a web worker or jsdom)');
  });
});
