// Headers: https://fetch.spec.whatwg.org/#headers-class
// Runs against the polyfill and, where the browser has one, the native Headers (the oracle). ES5 only: iterators
// are walked with next(), and Symbol is used only where it exists.
import { expect } from 'chai';
import { Impl, suite, skipBecause, itPolyfillOnly } from '../../support/harness';
import { hasSymbolIterator, hasToStringTag, thrownBy } from '../../support/assert';


/** All [name, value] pairs of an iterator, read with next() alone. */
function drain(iterator: any): any[] {
  var out: any[] = [];
  for (var step = iterator.next(); !step.done; step = iterator.next()) out.push(step.value);
  return out;
}

function entriesOf(headers: any): string[][] {
  return drain(headers.entries());
}

function throwsTypeError(impl: Impl, fn: () => unknown, member?: string): void {
  var thrown = thrownBy(fn);
  expect(thrown, 'expected a TypeError').to.be.an.instanceof(TypeError);
  // Natives word their messages their own way; the polyfill names the member (STYLE habit 8).
  if (member && impl.name === 'polyfill') expect(String(thrown.message)).to.contain(member);
}

suite('Headers', function (impl) {
  function make(init?: any): any {
    return init === undefined ? new impl.Headers() : new impl.Headers(init);
  }

  describe('constructor', function () {
    it('makes an empty object with no argument or undefined', function () {
      expect(entriesOf(make())).to.deep.equal([]);
      expect(entriesOf(new impl.Headers(undefined))).to.deep.equal([]);
    });

    it('rejects null, numbers, strings and booleans', function () {
      var bad: any[] = [null, 1, 'a', true];
      for (var i = 0; i < bad.length; i++) {
        throwsTypeError(impl, (function (init) { return function () { make(init); }; })(bad[i]), 'Headers constructor');
      }
    });

    it('throws when called without new', function () {
      throwsTypeError(impl, function () { (impl.Headers as any)(); });
    });

    it('takes a record: own enumerable keys in order, values converted to strings', function () {
      var proto = { inherited: 'no' };
      var init: any = Object.create(proto);
      init.b = 1;
      init.a = null;
      init['X-Up'] = 'v';
      Object.defineProperty(init, 'hidden', { value: 'no', enumerable: false });
      expect(entriesOf(make(init))).to.deep.equal([['a', 'null'], ['b', '1'], ['x-up', 'v']]);
    });

    it('treats an array-like object as a record, not a sequence', function () {
      expect(entriesOf(make({ 0: 'x', length: 1 }))).to.deep.equal([['0', 'x'], ['length', '1']]);
    });

    it('takes a sequence of pairs', function () {
      var h = make([['b', '1'], ['A', '2'], ['a', '3']]);
      expect(entriesOf(h)).to.deep.equal([['a', '2, 3'], ['b', '1']]);
    });

    it('requires each pair to have exactly two items', function () {
      throwsTypeError(impl, function () { make([['a']]); }, 'Headers constructor');
      throwsTypeError(impl, function () { make([['a', 'b', 'c']]); }, 'Headers constructor');
      throwsTypeError(impl, function () { make([[]]); }, 'Headers constructor');
      throwsTypeError(impl, function () { make([['a', 'b'], ['c']]); }, 'Headers constructor');
    });

    it('requires each pair to be an iterable object', function () {
      throwsTypeError(impl, function () { make(['ab']); }, 'Headers constructor');
      throwsTypeError(impl, function () { make([{ 0: 'a', 1: 'b', length: 2 }]); }, 'Headers constructor');
      throwsTypeError(impl, function () { make([null]); }, 'Headers constructor');
    });

    it('copies another Headers object as its combined, sorted pairs', function () {
      var source = make([['B', '1'], ['a', '2'], ['b', '3'], ['Set-Cookie', 'x'], ['set-cookie', 'y']]);
      var copy = make(source);
      expect(entriesOf(copy)).to.deep.equal([['a', '2'], ['b', '1, 3'], ['set-cookie', 'x'], ['set-cookie', 'y']]);
      copy.set('a', 'changed');
      expect(source.get('a')).to.equal('2');
    });

    it('takes any iterable of iterables where Symbol.iterator exists', function () {
      if (!hasSymbolIterator) return skipBecause(this, 'no Symbol.iterator in this engine');
      function iterable(items: any[]): any {
        var o: any = {};
        o[Symbol.iterator] = function () {
          var i = 0;
          return { next: function () { return i < items.length ? { value: items[i++], done: false } : { value: undefined, done: true }; } };
        };
        return o;
      }
      expect(entriesOf(make(iterable([iterable(['a', '1']), ['b', '2']])))).to.deep.equal([['a', '1'], ['b', '2']]);
      throwsTypeError(impl, function () { make(iterable([iterable(['a'])])); });
    });

    it('rejects a record with a symbol key, and a non-callable @@iterator', function () {
      if (!hasSymbolIterator) return skipBecause(this, 'no Symbol.iterator in this engine');
      var withSymbol: any = { a: '1' };
      withSymbol[Symbol('s')] = 'x';
      throwsTypeError(impl, function () { make(withSymbol); }, 'Headers constructor');
      var badIterator: any = {};
      badIterator[Symbol.iterator] = 1;
      throwsTypeError(impl, function () { make(badIterator); }, 'Headers constructor');
      var hiddenSymbol: any = { a: '1' };
      Object.defineProperty(hiddenSymbol, Symbol('s'), { value: 'x', enumerable: false });
      expect(entriesOf(make(hiddenSymbol))).to.deep.equal([['a', '1']]);
    });

    it('reads a record with one ownKeys, then each key descriptor and value in turn', function () {
      var g: any = typeof self !== 'undefined' ? self : window;
      var Proxy = g.Proxy;
      var Reflect = g.Reflect;
      if (typeof Proxy !== 'function' || typeof Reflect !== 'object') return skipBecause(this, 'no Proxy or Reflect in this engine');
      var log: string[] = [];
      var target: any = { a: '1', b: '2' };
      Object.defineProperty(target, 'c', { value: '3', enumerable: false });
      var proxy = new Proxy(target, {
        ownKeys: function (t: any) { log.push('ownKeys'); return Reflect.ownKeys(t); },
        getOwnPropertyDescriptor: function (t: any, k: any) { log.push('gopd ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
        get: function (t: any, k: any) { if (typeof k === 'string') log.push('get ' + k); return Reflect.get(t, k); }
      });
      make(proxy);
      expect(log).to.deep.equal(['ownKeys', 'gopd a', 'get a', 'gopd b', 'get b', 'gopd c']);
    });
  });

  describe('names and values', function () {
    var invalidNames = ['', 'a b', 'a:b', 'a\nb', '(a)', '\u00e9', 'a\u0000', 'a/b', '"a"'];
    var members = [
      { member: 'Headers.append', call: function (h: any, name: string) { h.append(name, 'v'); } },
      { member: 'Headers.set', call: function (h: any, name: string) { h.set(name, 'v'); } },
      { member: 'Headers.get', call: function (h: any, name: string) { h.get(name); } },
      { member: 'Headers.has', call: function (h: any, name: string) { h.has(name); } },
      { member: 'Headers.delete', call: function (h: any, name: string) { h['delete'](name); } }
    ];

    it('rejects names that are not tokens, naming the member', function () {
      for (var m = 0; m < members.length; m++) {
        for (var n = 0; n < invalidNames.length; n++) {
          throwsTypeError(impl, (function (member, name) {
            return function () { member.call(make(), name); };
          })(members[m], invalidNames[n]), members[m].member);
        }
      }
      throwsTypeError(impl, function () { make({ 'a b': 'v' }); }, 'Headers constructor');
      throwsTypeError(impl, function () { make([['', 'v']]); }, 'Headers constructor');
    });

    itPolyfillOnly(impl, 'mentions the bad name in the message', 'natives word their messages their own way', function () {
      try {
        make().append('bad name', 'v');
      } catch (e) {
        expect((e as Error).message).to.contain('bad name');
        return;
      }
      throw new Error('expected a TypeError');
    });

    it('accepts every token code point in a name', function () {
      var name = "!#$%&'*+-.^_`|~09AZaz";
      var h = make([[name, 'v']]);
      expect(h.get(name)).to.equal('v');
      expect(drain(h.keys())).to.deep.equal([name.toLowerCase()]);
    });

    it('rejects names and values beyond Latin-1 (ByteString)', function () {
      throwsTypeError(impl, function () { make().append('\u0100', 'v'); }, 'Headers.append');
      throwsTypeError(impl, function () { make().append('a', '\u0100'); }, 'Headers.append');
      throwsTypeError(impl, function () { make().set('a', '\u2603'); }, 'Headers.set');
      throwsTypeError(impl, function () { make().get('\u2603'); }, 'Headers.get');
      throwsTypeError(impl, function () { make({ a: '\u0100' }); }, 'Headers constructor');
    });

    it('keeps Latin-1 bytes in values', function () {
      var h = make([['a', '\u00ff\u0080x']]);
      expect(h.get('a')).to.equal('\u00ff\u0080x');
    });

    it('rejects values with NUL, CR or LF inside, naming the member', function () {
      var bad = ['a\u0000b', 'a\nb', 'a\rb', '\u0000'];
      for (var i = 0; i < bad.length; i++) {
        throwsTypeError(impl, (function (v) { return function () { make().append('a', v); }; })(bad[i]), 'Headers.append');
        throwsTypeError(impl, (function (v) { return function () { make().set('a', v); }; })(bad[i]), 'Headers.set');
        throwsTypeError(impl, (function (v) { return function () { make([['a', v]]); }; })(bad[i]), 'Headers constructor');
      }
    });

    it('strips leading and trailing HTTP whitespace (tab, space, CR, LF) from values', function () {
      var h = make([['a', ' \t\r\nx  y\n \r\t']]);
      h.append('b', '\n\tz ');
      h.set('c', '\r\n');
      expect(h.get('a')).to.equal('x  y');
      expect(h.get('b')).to.equal('z');
      expect(h.get('c')).to.equal('');
    });

    it('does not strip other whitespace (vertical tab, form feed, no-break space)', function () {
      var h = make([['a', '\u000bx\u000c'], ['b', '\u00a0y\u00a0']]);
      expect(h.get('a')).to.equal('\u000bx\u000c');
      expect(h.get('b')).to.equal('\u00a0y\u00a0');
    });

    it('converts names and values with String()', function () {
      var h = make();
      h.append(1 as any, 2 as any);
      h.append(undefined as any, null as any);
      expect(h.get('1')).to.equal('2');
      expect(h.get('undefined')).to.equal('null');
    });

    it('requires its arguments', function () {
      var h: any = make();
      throwsTypeError(impl, function () { h.append('a'); }, 'Headers.append');
      throwsTypeError(impl, function () { h.set('a'); }, 'Headers.set');
      throwsTypeError(impl, function () { h.get(); }, 'Headers.get');
      throwsTypeError(impl, function () { h.has(); }, 'Headers.has');
      throwsTypeError(impl, function () { h['delete'](); }, 'Headers.delete');
      throwsTypeError(impl, function () { h.forEach(); }, 'Headers.forEach');
    });
  });

  describe('append, get, set, delete, has', function () {
    it('combines the values of a name, case-insensitively, with ", " in order', function () {
      var h = make();
      h.append('Accept', 'a');
      h.append('accept', 'b');
      h.append('ACCEPT', 'c, d');
      expect(h.get('aCcEpT')).to.equal('a, b, c, d');
    });

    it('combines empty values too', function () {
      var h = make();
      h.append('a', '');
      h.append('a', '');
      h.append('a', 'x');
      expect(h.get('a')).to.equal(', , x');
      expect(entriesOf(h)).to.deep.equal([['a', ', , x']]);
    });

    it('returns null for a missing name and "" for an empty value', function () {
      var h = make([['a', '']]);
      expect(h.get('b')).to.equal(null);
      expect(h.get('a')).to.equal('');
    });

    it('set replaces every value of the name', function () {
      var h = make([['a', '1'], ['A', '2'], ['b', '3']]);
      h.set('a', 'x');
      expect(h.get('a')).to.equal('x');
      expect(entriesOf(h)).to.deep.equal([['a', 'x'], ['b', '3']]);
      h.set('c', 'y');
      expect(h.get('C')).to.equal('y');
    });

    it('delete removes every value of the name, case-insensitively', function () {
      var h = make([['a', '1'], ['A', '2'], ['b', '3']]);
      h['delete']('A');
      expect(h.has('a')).to.equal(false);
      expect(h.get('a')).to.equal(null);
      expect(entriesOf(h)).to.deep.equal([['b', '3']]);
      h['delete']('missing');
      expect(entriesOf(h)).to.deep.equal([['b', '3']]);
    });

    it('has is case-insensitive and true for empty values', function () {
      var h = make([['X-Empty', '']]);
      expect(h.has('x-empty')).to.equal(true);
      expect(h.has('X-EMPTY')).to.equal(true);
      expect(h.has('x-empt')).to.equal(false);
    });
  });

  describe('getSetCookie', function () {
    it('returns every Set-Cookie value separately, in order, without splitting on commas', function () {
      var h = make([['Set-Cookie', 'a=1, b=2'], ['x', 'y'], ['set-cookie', 'c=3; Expires=Wed, 21 Oct 2015 07:28:00 GMT']]);
      expect(h.getSetCookie()).to.deep.equal(['a=1, b=2', 'c=3; Expires=Wed, 21 Oct 2015 07:28:00 GMT']);
      expect(h.get('set-cookie')).to.equal('a=1, b=2, c=3; Expires=Wed, 21 Oct 2015 07:28:00 GMT');
    });

    it('returns an empty array, a new one each time', function () {
      var h = make();
      expect(h.getSetCookie()).to.deep.equal([]);
      expect(h.getSetCookie()).not.to.equal(h.getSetCookie());
    });

    it('keeps Set-Cookie entries separate when iterating', function () {
      var h = make([['set-cookie', 'b'], ['a', '1'], ['Set-Cookie', 'a'], ['z', '2']]);
      expect(entriesOf(h)).to.deep.equal([['a', '1'], ['set-cookie', 'b'], ['set-cookie', 'a'], ['z', '2']]);
    });
  });

  describe('iteration', function () {
    it('sorts lowercased names by code unit and combines values', function () {
      var h = make([['b', '1'], ['_', '2'], ['Z', '3'], ['a', '4'], ['~', '5'], ['1', '6'], ['a-b', '7'], ['A', '8']]);
      expect(entriesOf(h)).to.deep.equal([['1', '6'], ['_', '2'], ['a', '4, 8'], ['a-b', '7'], ['b', '1'], ['z', '3'], ['~', '5']]);
    });

    it('keys, values and entries iterate with next()', function () {
      var h = make([['B', '2'], ['a', '1']]);
      expect(drain(h.keys())).to.deep.equal(['a', 'b']);
      expect(drain(h.values())).to.deep.equal(['1', '2']);
      var it = h.entries();
      expect(it.next()).to.deep.equal({ value: ['a', '1'], done: false });
      expect(it.next()).to.deep.equal({ value: ['b', '2'], done: false });
      var end = it.next();
      expect(end.done).to.equal(true);
      expect(end.value).to.equal(undefined);
    });

    it('gives each entry a new array', function () {
      var h = make([['a', '1']]);
      var first = h.entries().next().value;
      first[1] = 'changed';
      expect(h.get('a')).to.equal('1');
    });

    it('forEach passes (value, name, headers) with thisArg', function () {
      var h = make([['B', '2'], ['a', '1'], ['A', '3']]);
      var calls: any[] = [];
      var self = {};
      h.forEach(function (this: any, value: string, name: string, object: any) {
        calls.push([value, name, object === h, this === self]);
      }, self);
      expect(calls).to.deep.equal([['1, 3', 'a', true, true], ['2', 'b', true, true]]);
    });

    it('forEach rejects a callback that is not a function', function () {
      throwsTypeError(impl, function () { make([['a', '1']]).forEach({}); }, 'Headers.forEach');
      throwsTypeError(impl, function () { make().forEach('x'); }, 'Headers.forEach');
    });

    it('has the IDL lengths', function () {
      var p: any = impl.Headers.prototype;
      expect(impl.Headers.length).to.equal(0);
      expect([p.append.length, p['delete'].length, p.get.length, p.getSetCookie.length, p.has.length, p.set.length,
        p.entries.length, p.forEach.length, p.keys.length, p.values.length]).to.deep.equal([2, 1, 1, 0, 1, 2, 0, 1, 0, 0]);
    });

    it('is iterable where Symbol.iterator exists, with @@iterator === entries', function () {
      if (!hasSymbolIterator) return skipBecause(this, 'no Symbol.iterator in this engine');
      var proto: any = impl.Headers.prototype;
      expect(proto[Symbol.iterator]).to.equal(proto.entries);
      expect(Object.getOwnPropertyDescriptor(proto, Symbol.iterator)!.enumerable).to.equal(false);
      var it = make([['a', '1']]).keys();
      expect(it[Symbol.iterator]()).to.equal(it);
      var arrayIteratorProto = Object.getPrototypeOf(Object.getPrototypeOf(([] as any)[Symbol.iterator]()));
      expect(Object.getPrototypeOf(Object.getPrototypeOf(it))).to.equal(arrayIteratorProto);
    });

    it('has the class strings Headers and Headers Iterator', function () {
      if (!hasToStringTag) return skipBecause(this, 'no Symbol.toStringTag in this engine');
      expect(Object.prototype.toString.call(make())).to.equal('[object Headers]');
      expect(Object.prototype.toString.call(make().entries())).to.equal('[object Headers Iterator]');
    });

    describe('while the headers change (the pairs are re-read at every step)', function () {
      function walk(h: any, onKey: (key: string) => void): string[] {
        var seen: string[] = [];
        var it = h.keys();
        for (var step = it.next(); !step.done; step = it.next()) {
          seen.push(step.value);
          onKey(step.value);
        }
        return seen;
      }

      it('skips a name deleted ahead of the current position', function () {
        var h = make([['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]);
        expect(walk(h, function (k) { if (k === 'a') h['delete']('c'); })).to.deep.equal(['a', 'b', 'd']);
      });

      it('skips the next name when one already visited is deleted', function () {
        var h = make([['a', '1'], ['b', '2'], ['c', '3'], ['d', '4']]);
        expect(walk(h, function (k) { if (k === 'b') h['delete']('a'); })).to.deep.equal(['a', 'b', 'd']);
      });

      it('reaches a name added ahead of the current position', function () {
        var h = make([['a', '1'], ['b', '2'], ['c', '3']]);
        expect(walk(h, function (k) { if (k === 'b') h.append('bb', 'x'); })).to.deep.equal(['a', 'b', 'bb', 'c']);
      });

      it('repeats the current name when one is added before it', function () {
        var h = make([['a', '1'], ['b', '2'], ['c', '3']]);
        var added = false;
        var seen = walk(h, function (k) {
          if (k === 'b' && !added) {
            added = true;
            h.append('0', 'x');
          }
        });
        expect(seen).to.deep.equal(['a', 'b', 'b', 'c']);
      });

      it('sees new values of a name not yet reached', function () {
        var h = make([['a', '1'], ['b', '2']]);
        var values: string[] = [];
        var it = h.entries();
        for (var step = it.next(); !step.done; step = it.next()) {
          values.push(step.value[1]);
          if (step.value[0] === 'a') h.append('b', '3');
        }
        expect(values).to.deep.equal(['1', '2, 3']);
      });

      it('forEach also re-reads the pairs after each call', function () {
        var h = make([['a', '1'], ['b', '2'], ['c', '3']]);
        var seen: string[] = [];
        h.forEach(function (value: string, key: string) {
          seen.push(key);
          if (key === 'a') {
            h['delete']('b');
            h.append('d', '4');
          }
        });
        expect(seen).to.deep.equal(['a', 'c', 'd']);
      });
    });
  });

  describe('brand checks', function () {
    it('every member throws a TypeError for a foreign this', function () {
      var p: any = impl.Headers.prototype;
      var calls: Array<[string, any[]]> = [
        ['append', ['a', 'b']], ['delete', ['a']], ['get', ['a']], ['getSetCookie', []], ['has', ['a']],
        ['set', ['a', 'b']], ['entries', []], ['forEach', [function () { /* never called */ }]], ['keys', []], ['values', []]
      ];
      for (var i = 0; i < calls.length; i++) {
        throwsTypeError(impl, (function (name: string, args: any[]) {
          return function () { p[name].apply({}, args); };
        })(calls[i][0], calls[i][1]), 'Headers.' + calls[i][0]);
      }
      throwsTypeError(impl, function () { p.get.call(Object.create(p), 'a'); }, 'Headers.get');
    });

    it("an iterator's next throws for a foreign this", function () {
      var next = make().keys().next;
      throwsTypeError(impl, function () { next.call({}); });
    });
  });

  describe('guards (through Request and Response)', function () {
    var url = 'http://example.com/';

    it('"response": Set-Cookie and Set-Cookie2 are silently ignored', function () {
      var response = new impl.Response('x', { headers: { 'Set-Cookie': 'a', 'Set-Cookie2': 'b', Cookie: 'c' } });
      var h: any = response.headers;
      h.append('set-cookie', 'd');
      h.set('Set-Cookie2', 'e');
      h.append('X-Ok', 'f');
      expect(h.has('set-cookie')).to.equal(false);
      expect(h.has('set-cookie2')).to.equal(false);
      expect(h.getSetCookie()).to.deep.equal([]);
      expect(h.get('cookie')).to.equal('c');
      expect(h.get('x-ok')).to.equal('f');
    });

    it('"immutable": Response.error() headers throw on every change', function () {
      var h: any = impl.Response.error().headers;
      throwsTypeError(impl, function () { h.append('a', 'b'); }, 'Headers.append');
      throwsTypeError(impl, function () { h.set('a', 'b'); }, 'Headers.set');
      throwsTypeError(impl, function () { h['delete']('a'); }, 'Headers.delete');
      expect(h.get('a')).to.equal(null);
    });

    it('"request": forbidden request-headers are silently ignored', function () {
      var request = new impl.Request(url, { headers: { Cookie: 'a', 'Set-Cookie': 'b', 'X-Ok': 'c', 'Accept-Charset': 'd' } });
      var h: any = request.headers;
      h.set('Host', 'example.org');
      h.append('Sec-Fetch-Foo', 'x');
      h.append('Proxy-Authorization', 'x');
      h.append('Content-Length', '1');
      h.append('Connection', 'close');
      h['delete']('Cookie');
      expect(entriesOf(h)).to.deep.equal([['x-ok', 'c']]);
    });

    it('"request": X-HTTP-Method(-Override) and X-Method-Override are forbidden only with a forbidden method', function () {
      var h: any = new impl.Request(url).headers;
      h.append('X-HTTP-Method-Override', 'TRACE');
      h.append('X-HTTP-Method', 'get, connect');
      h.append('X-Method-Override', '"quoted", track');
      h.append('x-method-override', 'GET, PUT');
      expect(entriesOf(h)).to.deep.equal([['x-method-override', 'GET, PUT']]);
    });

    it('"request-no-cors": only no-CORS-safelisted request-headers are kept', function () {
      var request = new impl.Request(url, {
        mode: 'no-cors',
        headers: { Accept: 'text/html', 'X-Custom': 'a', 'Content-Type': 'application/json', Range: 'bytes=0-1' }
      });
      var h: any = request.headers;
      h.append('Accept-Language', 'en-US, de;q=0.5');
      h.append('Content-Language', 'x@y');
      h.set('Content-Type', 'text/plain;charset=UTF-8');
      h.set('Range', 'bytes=0-1');
      h.append('X-Custom', 'b');
      expect(entriesOf(h)).to.deep.equal([
        ['accept', 'text/html'], ['accept-language', 'en-US, de;q=0.5'], ['content-type', 'text/plain;charset=UTF-8']
      ]);
    });

    it('"request-no-cors": a value combined past 128 bytes is not appended', function () {
      var h: any = new impl.Request(url, { mode: 'no-cors' }).headers;
      var v = new Array(61).join('a'); // 60 bytes
      h.append('Accept', v);
      h.append('Accept', v); // 60 + 2 + 60 = 122
      h.append('Accept', 'bbbbbbb'); // 122 + 2 + 7 = 131: dropped
      expect(h.get('accept')).to.equal(v + ', ' + v);
    });

    it('"request-no-cors": Content-Type must be one of the three form essences', function () {
      var h: any = new impl.Request(url, { mode: 'no-cors' }).headers;
      h.set('Content-Type', 'multipart/form-data; boundary=x');
      expect(h.get('content-type')).to.equal('multipart/form-data; boundary=x');
      h.set('Content-Type', 'text/plain; a="("');
      expect(h.get('content-type')).to.equal('multipart/form-data; boundary=x');
      h.set('Content-Type', 'text/html');
      expect(h.get('content-type')).to.equal('multipart/form-data; boundary=x');
      h['delete']('Content-Type');
      expect(h.has('content-type')).to.equal(false);
    });
  });
});
