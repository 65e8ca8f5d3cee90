// STAND-INS for host objects the lab's engines do not have, built over the engine's real XMLHttpRequest, which talks
// to the real test server. Nothing is installed here: a test (or a profile) installs what it needs and puts back
// what it replaced. Loaded before the polyfill (karma.conf.js), as plain ES5 (PhantomJS runs it as it is).
//   __retrofetchStandIns.xhr(options)   an XMLHttpRequest constructor that forwards to the real one, except:
//     cors: false       like IE9's: no `withCredentials`, and open() of a cross-origin URL throws "Access is denied"
//     redirects: 'script'  like old WebKit with 308: a redirect is handed to script (status 3xx, Location) instead
//                       of being followed (the test server's `as=ok` answers it as a 200 the browser does not follow)
//   __retrofetchStandIns.XDomainRequest   IE8–9's XDomainRequest: GET and POST only, the page's scheme only, no
//     request headers (a body goes as text/plain), no cookies, status and headers hidden (only `contentType` and `responseText`), `onprogress`
//     as the text grows, `onload`/`onerror`/`ontimeout`, `timeout`, `abort()`. CORS is the real one (the server must
//     send Access-Control-Allow-Origin). Each instance is counted in `__retrofetchStandIns.XDomainRequest.created`.
(function (g) {
  var RealXHR = g.XMLHttpRequest;
  var HANDLERS = ['onreadystatechange', 'onprogress', 'onload', 'onerror', 'onabort', 'ontimeout', 'onloadend'];
  var link = g.document ? g.document.createElement('a') : null;

  function resolve(url) {
    link.href = url;
    return { href: link.href, scheme: link.protocol, origin: link.protocol + '//' + link.host };
  }

  function here() {
    return resolve(g.location.href);
  }

  function accessDenied() {
    var error = new Error('Access is denied.');
    error.name = 'Error';
    return error;
  }

  function forward(self, real, names) {
    names.forEach(function (name) {
      self[name] = function () { return real[name].apply(real, arguments); };
    });
  }

  function property(self, name, get, set) {
    Object.defineProperty(self, name, { get: get, set: set, enumerable: true, configurable: true });
  }

  function xhr(options) {
    var cors = options.cors !== false;
    var scriptRedirects = options.redirects === 'script';
    return function XMLHttpRequest() {
      var self = this;
      var real = new RealXHR();
      var redirectStatus = 0;
      forward(self, real, ['setRequestHeader', 'send', 'abort', 'getAllResponseHeaders', 'getResponseHeader', 'overrideMimeType']);
      self.open = function (method, url) {
        var target = resolve(url);
        if (!cors && target.origin !== here().origin) throw accessDenied();
        var href = target.href;
        if (scriptRedirects && /\/api\/redirect(-chain)?\?/.test(href)) href += '&as=ok';
        return real.open(method, href, arguments.length > 2 ? arguments[2] : true);
      };
      ['readyState', 'statusText', 'responseText', 'response', 'responseURL', 'upload'].forEach(function (name) {
        property(self, name, function () { return real[name]; });
      });
      ['responseType', 'timeout'].forEach(function (name) {
        if (!(name in real)) return;
        property(self, name, function () { return real[name]; }, function (v) { real[name] = v; });
      });
      property(self, 'status', function () {
        if (redirectStatus === 0 && scriptRedirects && real.readyState >= 2) {
          redirectStatus = Number(real.getResponseHeader('X-Redirect-Status')) || -1;
        }
        return redirectStatus > 0 ? redirectStatus : real.status;
      });
      if (cors) property(self, 'withCredentials', function () { return real.withCredentials; }, function (v) { real.withCredentials = v; });
      HANDLERS.forEach(function (name) {
        self[name] = null;
        real[name] = function (event) {
          if (typeof self[name] === 'function') self[name](event);
        };
      });
    };
  }

  function XDomainRequest() {
    var self = this;
    var real = new RealXHR();
    XDomainRequest.created++;
    self.timeout = 0;
    self.responseText = '';
    self.contentType = '';
    self.onload = self.onerror = self.ontimeout = self.onprogress = null;
    function update() {
      self.responseText = real.responseText;
      self.contentType = real.getResponseHeader('Content-Type') || '';
    }
    function fire(name) {
      if (typeof self[name] === 'function') self[name]();
    }
    self.open = function (method, url) {
      if (!/^(GET|POST)$/i.test(method)) throw new Error('Invalid argument.');
      var target = resolve(url);
      if (target.scheme !== here().scheme) throw accessDenied();
      real.open(method, target.href, true);
    };
    self.send = function (body) {
      if (self.timeout > 0) real.timeout = self.timeout;
      // XDomainRequest's own request Content-Type (old WebKit would send a string as application/xml).
      if (body !== undefined && body !== null) real.setRequestHeader('Content-Type', 'text/plain');
      real.send(body === undefined || body === null ? null : String(body));
    };
    self.abort = function () {
      real.abort();
    };
    real.onprogress = function () {
      if (real.status === 0) return;
      update();
      fire('onprogress');
    };
    real.onload = function () {
      if (real.status === 0) return fire('onerror');
      update();
      fire('onload');
    };
    real.onerror = function () { fire('onerror'); };
    real.ontimeout = function () { fire('ontimeout'); };
  }
  XDomainRequest.created = 0;

  g.__retrofetchStandIns = { xhr: xhr, XDomainRequest: XDomainRequest };
})(this);
