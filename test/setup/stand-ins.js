// STAND-INS for host objects the lab's engines do not have, built over the engine's real XMLHttpRequest, which talks
// to the real test server. Nothing is installed here: a test (or the ie9 profile, test/setup/ie9-profile.js)
// installs what it needs and puts back what it replaced. Loaded before the polyfill (karma.conf.js), as plain ES5
// (PhantomJS runs it as it is).
//   __retrofetchStandIns.xhr(options)   an XMLHttpRequest constructor that forwards to the real one, except:
//     cors: false       like IE9's: no `withCredentials`, and open() of a cross-origin URL throws "Access is denied"
//     redirects: 'script'  like old WebKit with 308: a redirect is handed to script (status 3xx, Location) instead
//                       of being followed (the test server's `as=ok` answers it as a 200 the browser does not follow)
//   __retrofetchStandIns.XDomainRequest   IE8–9's XDomainRequest: GET and POST only, the page's scheme only, no
//     request headers (a body goes as text/plain), no cookies, status and headers hidden (only `contentType` and
//     `responseText`), `onprogress` as the text grows, `onload`/`onerror`/`ontimeout`, `timeout`, `abort()`. CORS is
//     the real one (the server must send Access-Control-Allow-Origin). Instances are counted in its `created`.
//   __retrofetchStandIns.LevelOneXHR   IE9's XMLHttpRequest (XHR level 1, as Microsoft documents it): open, send
//     (strings), abort, setRequestHeader, getAllResponseHeaders, getResponseHeader, readyState, status, statusText,
//     timeout/ontimeout and onreadystatechange only: no overrideMimeType, responseType, withCredentials, upload or
//     progress/load/error events. open() of a cross-origin URL throws "Access is denied". responseText throws while
//     readyState is 3 (the body arrives whole at DONE) and is the body decoded as UTF-8 (Latin-1 when the
//     Content-Type says so); responseBody, at DONE, is the raw bytes for VBArray. A 204 is reported as 1223, and a
//     network error as a WinInet status (12029 before the response, 12031 after), both as IE does.
//   __retrofetchStandIns.VBArray   JScript's VBArray over a responseBody: toArray() gives the bytes as numbers.
//   __retrofetchStandIns.ActiveXObject(installed, tried)   an ActiveXObject constructor: the ProgIDs in `installed`
//     make a LevelOneXHR (MSXML2.XMLHTTP has responseBody too), others throw; every ProgID asked for is pushed on
//     `tried`.
(function (g) {
  var RealXHR = g.XMLHttpRequest;
  // The real typed arrays, kept here: the ie9 profile removes them from the page.
  var RealUint8Array = g.Uint8Array;
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

  // UTF-8 (or Latin-1) decoding of an array of bytes, as IE9 gives responseText; invalid sequences become U+FFFD.
  function decode(bytes, latin1) {
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
      var b = bytes[i];
      if (latin1 || b < 0x80) { out += String.fromCharCode(b); continue; }
      var n = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
      var cp = n === 3 ? b & 7 : n === 2 ? b & 15 : b & 31;
      var j = 1;
      for (; n > 0 && j <= n && i + j < bytes.length && (bytes[i + j] & 0xc0) === 0x80; j++) cp = (cp << 6) | (bytes[i + j] & 0x3f);
      if (n < 0 || j <= n) { out += '\ufffd'; continue; }
      i += n;
      out += cp > 0xffff ? String.fromCharCode(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)) : String.fromCharCode(cp);
    }
    return out;
  }

  function LevelOneXHR() {
    var self = this;
    var real = new RealXHR();
    var bytes = null;
    var aborted = false;
    var timedOut = false;
    var sawHead = false;
    self.onreadystatechange = null;
    self.ontimeout = null;
    forward(self, real, ['setRequestHeader', 'getAllResponseHeaders', 'getResponseHeader']);
    self.open = function (method, url) {
      if (resolve(url).origin !== here().origin) throw accessDenied();
      real.open(method, resolve(url).href, true);
      real.responseType = 'arraybuffer';
    };
    self.send = function (body) {
      if (body !== undefined && body !== null && typeof body !== 'string') throw new TypeError('Type mismatch (stand-in: IE9 sends strings)');
      real.send(body === undefined ? null : body);
    };
    self.abort = function () {
      aborted = true;
      real.abort();
    };
    property(self, 'readyState', function () { return real.readyState; });
    property(self, 'timeout', function () { return real.timeout; }, function (v) { real.timeout = v; });
    property(self, 'status', function () {
      if (real.readyState < 2) throw new Error('Unspecified error.');
      if (real.status === 0 && !aborted && !timedOut) return sawHead ? 12031 : 12029;
      return real.status === 204 ? 1223 : real.status;
    });
    property(self, 'statusText', function () { return real.status === 204 ? 'Unknown' : real.statusText; });
    property(self, 'responseText', function () {
      if (real.readyState === 3) throw new Error('The data necessary to complete this operation is not yet available.');
      if (real.readyState < 4 || bytes === null) return '';
      return decode(bytes, /charset=(iso-8859-1|latin1|windows-1252)/i.test(real.getResponseHeader('Content-Type') || ''));
    });
    property(self, 'responseBody', function () {
      if (real.readyState < 4) throw new Error('The data necessary to complete this operation is not yet available.');
      return { safeArray: bytes || [] };
    });
    real.onreadystatechange = function () {
      if (real.readyState >= 2 && real.status !== 0) sawHead = true;
      if (real.readyState === 4 && real.response) bytes = Array.prototype.slice.call(new RealUint8Array(real.response));
      if (typeof self.onreadystatechange === 'function') self.onreadystatechange();
    };
    real.ontimeout = function () {
      timedOut = true;
      if (typeof self.ontimeout === 'function') self.ontimeout();
    };
  }

  function VBArray(safeArray) {
    if (!safeArray || !(safeArray.safeArray instanceof Array)) throw new TypeError('VBArray expected');
    this.toArray = function () { return safeArray.safeArray.slice(); };
  }

  function activeX(installed, tried) {
    return function ActiveXObject(progId) {
      tried.push(progId);
      if (installed.indexOf(progId) < 0) throw new Error('Automation server can\'t create object (stand-in: ' + progId + ')');
      return new LevelOneXHR();
    };
  }

  g.__retrofetchStandIns = {
    xhr: xhr, XDomainRequest: XDomainRequest, LevelOneXHR: LevelOneXHR, VBArray: VBArray, ActiveXObject: activeX
  };
})(this);
