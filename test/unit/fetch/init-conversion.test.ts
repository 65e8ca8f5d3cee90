// WebIDL exactness of RequestInit and ResponseInit (issue 10, item 10): the arguments, then every dictionary member in
// lexicographic order, each read once and converted as it is read, all before any step of the algorithm; so when
// two members are bad, the one converted first wins, as natively. Both passes: the natives are the oracle.
import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause, engineOwn } from '../../support/harness';
import { expectThrows, throws } from '../../support/assert';

var g: any = typeof self !== 'undefined' ? self : window;
var hasBigInt = typeof g.BigInt === 'function';
var hasSymbolIterator = typeof Symbol === 'function' && typeof Symbol.iterator === 'symbol';

var REQUEST_MEMBERS = ['body', 'cache', 'credentials', 'duplex', 'headers', 'integrity', 'keepalive', 'method', 'mode',
  'priority', 'redirect', 'referrer', 'referrerPolicy', 'signal', 'window'];
var RESPONSE_MEMBERS = ['headers', 'status', 'statusText'];

/** An init whose getters log each read and return what `values` gives (else undefined). */
function logging(log: string[], names: string[], values?: { [name: string]: () => unknown }): any {
  var init = {};
  names.forEach(function (name) {
    Object.defineProperty(init, name, {
      enumerable: true,
      get: function () {
        log.push(name);
        return values && values[name] ? values[name]() : undefined;
      }
    });
  });
  return init;
}

/** A value whose string conversion is logged. */
function stringy(log: string[], label: string, value: string): any {
  return { toString: function () { log.push(label); return value; } };
}

/** A value whose number conversion is logged. */
function numeric(log: string[], label: string, value: number): any {
  return { valueOf: function () { log.push(label); return value; } };
}

/** An iterable of header pairs (a sequence<sequence<ByteString>>) whose iteration is logged. */
function iterable(log: string[], pairs: string[][]): any {
  var object: any = {};
  object[Symbol.iterator] = function () {
    log.push('headers iterated');
    return (pairs as any)[Symbol.iterator]();
  };
  return object;
}

/** Whether `log` is a subsequence of `all` (in its order, no repeats). */
function inOrder(log: string[], all: string[]): boolean {
  var at = -1;
  for (var i = 0; i < log.length; i++) {
    var next = all.indexOf(log[i]);
    if (next <= at) return false;
    at = next;
  }
  return true;
}

function errorName(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof RangeError ? 'RangeError' : e instanceof TypeError ? 'TypeError' : String(e);
  }
  return 'no error';
}

suite('RequestInit and ResponseInit conversion', function (impl) {
  var Request = impl.Request;
  var Response = impl.Response;

  describe('Request', function () {
    it('converts input, then reads RequestInit members once each, in lexicographic order', function () {
      var log: string[] = [];
      new Request(stringy(log, 'input', '/x'), logging(log, REQUEST_MEMBERS));
      expect(log[0]).to.equal('input');
      expect(inOrder(log.slice(1), REQUEST_MEMBERS), log.join()).to.equal(true);
    });

    itPolyfillOnly(impl, 'reads every RequestInit member', 'Chromium does not read window, Firefox neither duplex nor ' +
      'window, WebKitGTK not duplex', function () {
      var log: string[] = [];
      new Request('/x', logging(log, REQUEST_MEMBERS));
      expect(log).to.deep.equal(REQUEST_MEMBERS);
    });

    it('converts each member as it reads it: a bad one stops the reading', function () {
      var log: string[] = [];
      expectThrows(impl, function () {
        new Request('/x', logging(log, REQUEST_MEMBERS, { cache: function () { return 'bogus'; } }));
      }, TypeError, 'cache');
      expect(log).to.deep.equal(['body', 'cache']);
      log = [];
      expectThrows(impl, function () {
        new Request('/x', logging(log, REQUEST_MEMBERS, { method: function () { return '\u0100'; } }));
      }, TypeError, 'method');
      expect(log[log.length - 1]).to.equal('method');
    });

    itPolyfillOnly(impl, 'converts the body (to a string) before any step: GET with a body',
      'Chromium converts a body only when it extracts it (after the method check)', function () {
        var log: string[] = [];
        expectThrows(impl, function () { new Request('/x', { body: stringy(log, 'body', 'x') }); }, TypeError, 'GET');
        expect(log).to.deep.equal(['body']);
      });

    it('converts the headers (iterating them) before any step: mode navigate', function () {
      if (!hasSymbolIterator) return skipBecause(this, 'no Symbol.iterator');
      var log: string[] = [];
      expectThrows(impl, function () {
        new Request('/x', { headers: iterable(log, [['a', 'b']]), mode: 'navigate' } as any);
      }, TypeError, 'navigate');
      expect(log).to.deep.equal(['headers iterated']);
    });

    it('a bad header name in a record is a conversion error (before the URL is parsed)', function () {
      var log: string[] = [];
      expectThrows(impl, function () {
        new Request('http://[', logging(log, ['headers', 'method'], { headers: function () { return { 'a\u0100': 'b' }; } }));
      }, TypeError);
      expect(log).to.deep.equal(['headers']);
    });

    itPolyfillOnly(impl, 'signal: only a real AbortSignal or null; a look-alike, a Proxy of one, anything else is a TypeError',
      'WebKitGTK takes any value as the signal', function () {
        var lookAlike = {
          aborted: false, reason: undefined, onabort: null, throwIfAborted: function () { /* */ },
          addEventListener: function () { /* */ }, removeEventListener: function () { /* */ }, dispatchEvent: function () { return true; }
        };
        var bad: any[] = [lookAlike, Object.create(impl.AbortSignal.prototype), {}, 1, 'signal'];
        if (typeof g.Proxy === 'function') {
          // (Where the pass's AbortSignal is the engine's own, kept, retrofetch takes a signal that the engine's own
          // brand check takes: jsdom 26's lets a Proxy of a signal through.)
          var proxy = new g.Proxy(new impl.AbortController().signal, {});
          if (impl.AbortSignal !== engineOwn('AbortSignal') || throws(function () {
            Object.getOwnPropertyDescriptor(impl.AbortSignal.prototype, 'aborted')!.get!.call(proxy);
          })) bad.push(proxy);
        }
        // (An EventTarget where it can be constructed: QtWebKit 5.212's cannot.)
        try {
          bad.push(new g.EventTarget());
        } catch (e) { /* none that can be made */ }
        for (var i = 0; i < bad.length; i++) {
          expectThrows(impl, (function (signal) { return function () { new Request('/x', { signal: signal }); }; })(bad[i]), TypeError, 'signal');
        }
        expect(new Request('/x', { signal: null }).signal.aborted).to.equal(false);
        var controller = new impl.AbortController();
        controller.abort('why');
        expect(new Request('/x', { signal: controller.signal }).signal.reason).to.equal('why');
      });

    it('AbortSignal.any() takes only real AbortSignals', function () {
      if (typeof (impl.AbortSignal as any).any !== 'function') return skipBecause(this, 'no AbortSignal.any()');
      expectThrows(impl, function () { (impl.AbortSignal as any).any([{ aborted: false, addEventListener: function () { /* */ } }]); }, TypeError);
    });
  });

  describe('Response', function () {
    it('reads headers, status, statusText once each, in order', function () {
      var log: string[] = [];
      new Response('x', logging(log, RESPONSE_MEMBERS));
      expect(log).to.deep.equal(RESPONSE_MEMBERS);
    });

    itPolyfillOnly(impl, 'converts the body argument (to a string) before init', 'Chromium converts a body only when it ' +
      'extracts it, after reading init', function () {
      var log: string[] = [];
      new Response(stringy(log, 'body', 'x'), logging(log, RESPONSE_MEMBERS));
      expect(log).to.deep.equal(['body'].concat(RESPONSE_MEMBERS));
    });

    it('converts every member before any step: a bad header name or statusText wins over a bad status', function () {
      expect(errorName(function () { new Response('', { headers: { 'a\u0100': 'x' }, status: 100 }); })).to.equal('TypeError');
      expect(errorName(function () { new Response('', { status: 100, statusText: '\u0100' }); })).to.equal('TypeError');
      // A pair of three is a step error (fill), after the status check: RangeError.
      expect(errorName(function () { new Response('', { headers: [['a', 'b', 'c']] as any, status: 100 }); })).to.equal('RangeError');
      // A statusText that is a ByteString but not a reason phrase is a step error too, after the status check.
      expect(errorName(function () { new Response('', { status: 100, statusText: '\n' }); })).to.equal('RangeError');
    });

    it('status: ToNumber, then modulo 2^16 (unsigned short)', function () {
      var log: string[] = [];
      expect(new Response(null, { status: numeric(log, 'status', 65536 + 201) }).status).to.equal(201);
      expect(log).to.deep.equal(['status']);
      expect(new Response(null, { status: '204.9' as any }).status).to.equal(204);
      expect(errorName(function () { new Response('', { status: -65336 }); })).to.equal('no error');
      expect(errorName(function () { new Response('', { status: NaN }); })).to.equal('RangeError');
    });

    it('a BigInt or a Symbol status is a TypeError (ToNumber throws), for the constructor, json() and redirect()', function () {
      if (!hasBigInt) return skipBecause(this, 'no BigInt');
      var big = g.BigInt(200);
      expectThrows(impl, function () { new Response('', { status: big }); }, TypeError, 'status');
      expectThrows(impl, function () { new Response('', { status: { valueOf: function () { return big; } } as any }); }, TypeError);
      expectThrows(impl, function () { new Response('', { status: Symbol('s') as any }); }, TypeError, 'status');
      expectThrows(impl, function () { (Response as any).json(1, { status: big }); }, TypeError, 'status');
      expectThrows(impl, function () { (Response as any).redirect('/x', g.BigInt(301)); }, TypeError);
    });

    it('json(): init is converted before the data is serialized; serializing fails before the status is checked', function () {
      if (typeof (Response as any).json !== 'function') return skipBecause(this, 'no Response.json()');
      var log: string[] = [];
      (Response as any).json({ toJSON: function () { log.push('data'); return 1; } }, logging(log, RESPONSE_MEMBERS));
      expect(log).to.deep.equal(RESPONSE_MEMBERS.concat(['data']));
      expect(errorName(function () { (Response as any).json(undefined, { status: 100 }); })).to.equal('TypeError');
    });

    it('redirect(): url and status are converted before the URL is parsed', function () {
      var log: string[] = [];
      expectThrows(impl, function () { Response.redirect(stringy(log, 'url', 'http://['), numeric(log, 'status', 301)); }, TypeError);
      expect(log).to.deep.equal(['url', 'status']);
    });
  });

  it('a Proxy of a Headers, Request or Response is not one: the methods\' brand checks throw', function () {
    if (typeof g.Proxy !== 'function') return skipBecause(this, 'no Proxy');
    var headers = new g.Proxy(new impl.Headers(), {});
    expectThrows(impl, function () { impl.Headers.prototype.get.call(headers, 'a'); }, TypeError, 'Headers.get');
    var request = new g.Proxy(new Request('/x'), {});
    expectThrows(impl, function () { return request.url; }, TypeError, 'Request.url');
    // As input it is not a Request either: it is converted to a string ('[object Request]', a relative URL).
    expect(new Request(request).url).to.contain('/[object%20Request]');
    var response = new g.Proxy(new Response(''), {});
    expectThrows(impl, function () { return response.status; }, TypeError, 'Response.status');
  });

  it('AbortSignal.timeout(): a BigInt is a TypeError (ToNumber throws)', function () {
    if (!hasBigInt || typeof (impl.AbortSignal as any).timeout !== 'function') return skipBecause(this, 'no BigInt or no AbortSignal.timeout()');
    expectThrows(impl, function () { (impl.AbortSignal as any).timeout(g.BigInt(1)); }, TypeError);
  });
});
