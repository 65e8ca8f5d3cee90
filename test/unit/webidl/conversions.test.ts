// WebIDL conversions (src/webidl/conversions.ts), straight from their module: what each gives for the values a page
// can pass, and the TypeError (naming the member first, STYLE habit 8) for what it refuses. The messages' wording after
// the member is not asserted: only that the member leads it.
import { expect } from 'chai';
import { suite, skipBecause } from '../../support/harness';
import { expectMemberTypeError } from '../../support/assert';
import {
  isObject, requireArguments, toByteString, toDOMString, toDictionary, toDictionaryMembers, toNumber, toUSVString,
  toUnsignedShort, typeError
} from '../../../src/webidl/conversions';

declare const Symbol: any;
declare const BigInt: any;

/** The engine's own symbols (a polyfilled Symbol makes objects, which convert as objects do). */
var hasNativeSymbol = typeof Symbol === 'function' && typeof Symbol('s') === 'symbol';


suite('webidl: conversions', function (impl) {
  if (impl.name !== 'polyfill') return; // the module itself, the same in both passes

  it('typeError() makes a TypeError whose message is the member, then the problem', function () {
    var e = typeError('Headers.append', 'invalid header name');
    expect(e).to.be.an.instanceof(TypeError);
    expect(e.message).to.equal('Headers.append: invalid header name');
  });

  describe('DOMString, ByteString, USVString', function () {
    it('DOMString is String(value): numbers, null, undefined, objects through their toString', function () {
      expect(toDOMString(1.5, 'm')).to.equal('1.5');
      expect(toDOMString(null, 'm')).to.equal('null');
      expect(toDOMString(undefined, 'm')).to.equal('undefined');
      expect(toDOMString({ toString: function () { return 'x'; } }, 'm')).to.equal('x');
      expect(toDOMString('\ud800', 'm')).to.equal('\ud800'); // lone surrogates stay
    });

    it('a Symbol is a TypeError naming the member (String() would convert it)', function () {
      if (!hasNativeSymbol) return skipBecause(this, 'no native Symbol in this engine');
      expectMemberTypeError(function () { toDOMString(Symbol('s'), 'Request.method'); }, 'Request.method');
    });

    it('an exception from toString propagates as it is', function () {
      var boom = new Error('boom');
      expect(function () { toDOMString({ toString: function () { throw boom; } }, 'm'); }).to.throw(boom);
    });

    it('ByteString takes U+0000–U+00FF; any code point above is a TypeError naming the member', function () {
      var all = '';
      for (var c = 0; c < 256; c++) all += String.fromCharCode(c);
      expect(toByteString(all, 'm')).to.equal(all);
      expectMemberTypeError(function () { toByteString('caf\u00e9\u0100', 'Headers.set'); }, 'Headers.set');
      expectMemberTypeError(function () { toByteString('\u20ac', 'Headers.set'); }, 'Headers.set');
    });

    it('USVString replaces lone surrogates with U+FFFD and keeps pairs', function () {
      expect(toUSVString('a\ud800b', 'm')).to.equal('a\ufffdb');
      expect(toUSVString('a\udc00b', 'm')).to.equal('a\ufffdb');
      expect(toUSVString('\udc00\ud800', 'm')).to.equal('\ufffd\ufffd'); // reversed: two lone ones
      expect(toUSVString('\ud83d\ude00', 'm')).to.equal('\ud83d\ude00');
      expect(toUSVString('\ud83d\ud83d\ude00', 'm')).to.equal('\ufffd\ud83d\ude00');
      expect(toUSVString(12, 'm')).to.equal('12');
    });
  });

  describe('numbers', function () {
    it('toNumber is ToNumber: strings, booleans, objects through valueOf', function () {
      expect(toNumber('12', 'm')).to.equal(12);
      expect(toNumber(true, 'm')).to.equal(1);
      expect(toNumber({ valueOf: function () { return 7; } }, 'm')).to.equal(7);
      expect(isNaN(toNumber('x', 'm'))).to.equal(true);
    });

    it('a Symbol or a BigInt is a TypeError naming the member', function () {
      if (!hasNativeSymbol) return skipBecause(this, 'no native Symbol in this engine');
      expectMemberTypeError(function () { toNumber(Symbol('s'), 'Response constructor (status)'); }, 'Response constructor (status)');
      if (typeof BigInt === 'function') {
        expectMemberTypeError(function () { toNumber(BigInt(1), 'Response constructor (status)'); }, 'Response constructor (status)');
      }
    });

    it('unsigned short: NaN and the infinities give 0, fractions are truncated toward 0, the rest modulo 2^16', function () {
      expect(toUnsignedShort(200, 'm')).to.equal(200);
      expect(toUnsignedShort(65535, 'm')).to.equal(65535);
      expect(toUnsignedShort(65536, 'm')).to.equal(0);
      expect(toUnsignedShort(65537 + 200, 'm')).to.equal(201);
      expect(toUnsignedShort(-1, 'm')).to.equal(65535);
      expect(toUnsignedShort(1.9, 'm')).to.equal(1);
      expect(toUnsignedShort(-1.9, 'm')).to.equal(65535); // IntegerPart(-1.9) is -1
      expect(toUnsignedShort(NaN, 'm')).to.equal(0);
      expect(toUnsignedShort(Infinity, 'm')).to.equal(0);
      expect(toUnsignedShort(-Infinity, 'm')).to.equal(0);
      expect(toUnsignedShort('404', 'm')).to.equal(404);
    });
  });

  describe('objects and dictionaries', function () {
    it('isObject: objects and functions, not primitives or null', function () {
      expect(isObject({})).to.equal(true);
      expect(isObject([])).to.equal(true);
      expect(isObject(function () { /* */ })).to.equal(true);
      expect(isObject(null)).to.equal(false);
      expect(isObject(undefined)).to.equal(false);
      expect(isObject('s')).to.equal(false);
      expect(isObject(1)).to.equal(false);
      expect(isObject(true)).to.equal(false);
    });

    it('a dictionary: undefined and null are an empty one that inherits nothing; objects stay as they are', function () {
      var empty: any = toDictionary(undefined, 'm');
      expect(Object.getPrototypeOf(empty)).to.equal(null);
      expect(Object.getPrototypeOf(toDictionary(null, 'm'))).to.equal(null);
      var object = { a: 1 };
      expect(toDictionary(object, 'm')).to.equal(object);
      var fn = function () { /* */ };
      expect(toDictionary(fn, 'm')).to.equal(fn);
    });

    it('anything else given as a dictionary is a TypeError naming the member', function () {
      expectMemberTypeError(function () { toDictionary('x', 'Request constructor'); }, 'Request constructor');
      expectMemberTypeError(function () { toDictionary(0, 'Request constructor'); }, 'Request constructor');
      expectMemberTypeError(function () { toDictionary(false, 'Request constructor'); }, 'Request constructor');
    });

    it('members are read once each, in the order given, and converted as they are read', function () {
      var log: string[] = [];
      var dictionary: any = {};
      ['a', 'b', 'c'].forEach(function (name) {
        Object.defineProperty(dictionary, name, {
          get: function () { log.push('get ' + name); return name === 'b' ? undefined : name.toUpperCase(); }
        });
      });
      var record: any = {};
      var returned = toDictionaryMembers(dictionary, 'I', {
        a: function (value: unknown, member: string) { log.push('convert ' + value + ' as ' + member); return value + '!'; },
        b: function () { log.push('convert b'); return 'never'; },
        c: 'C D'
      }, record);
      expect(returned).to.equal(dictionary);
      expect(log).to.deep.equal(['get a', 'convert A as I (a)', 'get b', 'get c']);
      expect(record).to.deep.equal({ a: 'A!', c: 'C' });
      expect(Object.prototype.hasOwnProperty.call(record, 'b')).to.equal(false); // absent stays absent
    });

    it('an enumeration member takes only its values; another is a TypeError naming the dictionary member', function () {
      var record: any = {};
      toDictionaryMembers({ mode: 'cors' }, 'Request constructor', { mode: 'cors navigate no-cors same-origin' }, record);
      expect(record.mode).to.equal('cors');
      expectMemberTypeError(function () {
        toDictionaryMembers({ mode: 'CORS' }, 'Request constructor', { mode: 'cors navigate no-cors same-origin' }, {});
      }, 'Request constructor (mode)');
      // The empty string is a value where the list starts with a space.
      var withEmpty: any = {};
      toDictionaryMembers({ type: '' }, 'm', { type: ' bytes' }, withEmpty);
      expect(withEmpty.type).to.equal('');
      expectMemberTypeError(function () { toDictionaryMembers({ type: '' }, 'm', { type: 'bytes' }, {}); }, 'm (type)');
    });

    it('undefined or null as the dictionary reads nothing, not even what Object.prototype has', function () {
      var proto: any = Object.prototype;
      proto.retrofetchTestMember = 'inherited';
      try {
        var record: any = {};
        toDictionaryMembers(undefined, 'm', { retrofetchTestMember: function (v: unknown) { return v; } }, record);
        expect(Object.prototype.hasOwnProperty.call(record, 'retrofetchTestMember')).to.equal(false);
        // An object given by the page is read as it is: its inherited members count (WebIDL [[Get]]).
        toDictionaryMembers({}, 'm', { retrofetchTestMember: function (v: unknown) { return v; } }, record);
        expect(record.retrofetchTestMember).to.equal('inherited');
      } finally {
        delete proto.retrofetchTestMember;
      }
    });
  });

  it('requireArguments: fewer arguments than required is a TypeError naming the member', function () {
    requireArguments(1, 1, 'Headers.get');
    requireArguments(2, 1, 'Headers.get');
    expectMemberTypeError(function () { requireArguments(0, 1, 'Headers.get'); }, 'Headers.get');
    expectMemberTypeError(function () { requireArguments(1, 2, 'Headers.set'); }, 'Headers.set');
  });
});
