// HTTP syntax (src/infra/http.ts), straight from its module: the spec's examples, and adversarial inputs that a
// quadratic scan could not finish (1 MB runs of inner whitespace), so a regression shows as a timeout.
import { expect } from 'chai';
import { suite } from '../../support/harness';
import {
  HTTP_TAB_OR_SPACE, HTTP_WHITESPACE, Position, byteLowercase, collect, collectHttpQuotedString, collectUntil, isQuotedStringTokens,
  isToken, isomorphicEncode, trim, trimTrailing
} from '../../../src/infra/http';
import { isomorphicDecode } from '../../../src/infra/bytes';
import { getDecodeSplit, isHeaderValue, normalizeHeaderValue } from '../../../src/fetch/header-list';

export var MB = 1024 * 1024;

/** `count` repetitions of `s` (ES5: no String.prototype.repeat). */
export function repeat(s: string, count: number): string {
  var out = '';
  for (; count > 0; count >>= 1, s += s) if (count & 1) out += s;
  return out;
}

suite('infra: HTTP syntax', function (impl) {
  if (impl.name !== 'polyfill') return; // the module itself, the same in both passes

  describe('trim', function () {
    it('strips HTTP whitespace or HTTP tab or space from both ends (trim), or only the end (trimTrailing)', function () {
      expect(trim(' \t\r\na b\n\r\t ', HTTP_WHITESPACE)).to.equal('a b');
      expect(trim('\n\t a \t\n', HTTP_TAB_OR_SPACE)).to.equal('\n\t a \t\n');
      expect(trim(' \t a \t ', HTTP_TAB_OR_SPACE)).to.equal('a');
      expect(trimTrailing('  a  ', HTTP_TAB_OR_SPACE)).to.equal('  a');
      expect(trim('', HTTP_WHITESPACE)).to.equal('');
      expect(trim(' \t\r\n', HTTP_WHITESPACE)).to.equal('');
      // Not HTTP whitespace: vertical tab, form feed, NBSP, U+3000.
      expect(trim('\u000b\u000c\u00a0a\u3000', HTTP_WHITESPACE)).to.equal('\u000b\u000c\u00a0a\u3000');
    });

    it('is linear: 1 MB of inner whitespace, and 1 MB of whitespace alone', function () {
      var inner = 'a' + repeat(' \t', MB / 2) + 'b';
      expect(trim(inner, HTTP_TAB_OR_SPACE)).to.equal(inner);
      expect(trimTrailing(inner, HTTP_WHITESPACE)).to.equal(inner);
      expect(trimTrailing(repeat(' ', MB), HTTP_WHITESPACE)).to.equal('');
      expect(trim(repeat(' \t\r\n', MB / 4), HTTP_WHITESPACE)).to.equal('');
      expect(trim(repeat(' ', MB) + 'x' + repeat('\t', MB), HTTP_TAB_OR_SPACE)).to.equal('x');
    });
  });

  describe('collect a sequence of code points', function () {
    it('collects the code points in a set, or not in it, and moves the position', function () {
      var position: Position = { _position: 1 };
      expect(collect('a  \tb', position, HTTP_TAB_OR_SPACE)).to.equal('  \t');
      expect(position._position).to.equal(4);
      expect(collectUntil('a  \tb;c', position, ';')).to.equal('b');
      expect(position._position).to.equal(5);
      expect(collectUntil('x', { _position: 1 }, 'x')).to.equal('');
    });
  });

  describe('token and quoted-string token code points', function () {
    it('a token is a non-empty run of tchar', function () {
      expect(isToken("!#$%&'*+-.^_`|~09AZaz")).to.equal(true);
      var bad = ['', ' ', 'a b', 'a\tb', 'a:b', 'a/b', 'a;b', 'a=b', 'a"b', '(', ')', ',', '<', '>', '?', '@', '[', '\\', ']',
        '{', '}', '\u0000', '\u007f', '\u00e9', '\u0100', '\u212a', 'a\n', '\r'];
      for (var i = 0; i < bad.length; i++) expect(isToken(bad[i]), JSON.stringify(bad[i])).to.equal(false);
    });

    it('quoted-string token code points: tab, U+0020–U+007E, U+0080–U+00FF', function () {
      expect(isQuotedStringTokens('')).to.equal(true);
      expect(isQuotedStringTokens('\t !~\u0080\u00ff"\\')).to.equal(true);
      var bad = ['\u0000', '\n', '\r', '\u001f', '\u007f', '\u0100', '\u2713'];
      for (var i = 0; i < bad.length; i++) expect(isQuotedStringTokens('a' + bad[i]), JSON.stringify(bad[i])).to.equal(false);
    });

    it('are linear on 1 MB inputs that fail at the end', function () {
      expect(isToken(repeat('a', MB) + ' ')).to.equal(false);
      expect(isQuotedStringTokens(repeat(' ', MB) + '\n')).to.equal(false);
    });
  });

  describe('collect an HTTP quoted string', function () {
    // The examples of https://fetch.spec.whatwg.org/#collect-an-http-quoted-string
    var examples: Array<[string, string, string, number]> = [
      ['"\\', '"\\', '\\', 2],
      ['"Hello" World', '"Hello"', 'Hello', 7],
      ['"Hello \\\\ World\\""', '"Hello \\\\ World\\""', 'Hello \\ World"', 18]
    ];

    it('gives the spec examples, with and without extract-value', function () {
      for (var i = 0; i < examples.length; i++) {
        var e = examples[i];
        var position: Position = { _position: 0 };
        expect(collectHttpQuotedString(e[0], position, false), e[0]).to.equal(e[1]);
        expect(position._position, e[0]).to.equal(e[3]);
        position = { _position: 0 };
        expect(collectHttpQuotedString(e[0], position, true), e[0]).to.equal(e[2]);
        expect(position._position, e[0]).to.equal(e[3]);
      }
    });

    it('starts anywhere, and an unterminated string runs to the end', function () {
      var position: Position = { _position: 2 };
      expect(collectHttpQuotedString('a="b\\"c";d', position, true)).to.equal('b"c');
      expect(position._position).to.equal(8);
      position = { _position: 0 };
      expect(collectHttpQuotedString('"abc', position, true)).to.equal('abc');
      expect(position._position).to.equal(4);
    });

    it('is linear: 1 MB unterminated, 1 MB of escapes', function () {
      var position: Position = { _position: 0 };
      expect(collectHttpQuotedString('"' + repeat(' ', MB), position, true).length).to.equal(MB);
      position = { _position: 0 };
      expect(collectHttpQuotedString('"' + repeat('\\"', MB / 2) + '"', position, true)).to.equal(repeat('"', MB / 2));
      expect(position._position).to.equal(MB + 2);
    });
  });

  describe('byte lowercase, isomorphic decode and encode', function () {
    it('lowercases A-Z only (not Latin-1 letters, not the Kelvin sign)', function () {
      expect(byteLowercase('ABC-xyz\u00c0\u00de\u212a\u0130')).to.equal('abc-xyz\u00c0\u00de\u212a\u0130');
    });

    it('maps bytes to code points and back', function () {
      var bytes = new Uint8Array([0, 0x41, 0x7f, 0x80, 0xe9, 0xff]);
      expect(isomorphicDecode(bytes)).to.equal('\u0000A\u007f\u0080\u00e9\u00ff');
      expect(isomorphicDecode(bytes.subarray(1, 3))).to.equal('A\u007f');
      expect(isomorphicDecode([0x41, 0xff])).to.equal('A\u00ff');
      expect(isomorphicEncode('\u0000A\u00ff')).to.deep.equal([0, 0x41, 0xff]);
    });

    it('isomorphic decodes 5 MB (more than one 8 KiB step, not a multiple of it) exactly', function () {
      var length = 5 * MB + 3;
      var bytes = new Uint8Array(length);
      for (var i = 0; i < length; i++) bytes[i] = (i * 7 + (i >> 13)) & 0xff;
      var text = isomorphicDecode(bytes);
      expect(text.length).to.equal(length);
      var bad = -1;
      for (i = 0; i < length && bad < 0; i++) if (text.charCodeAt(i) !== bytes[i]) bad = i;
      expect(bad, 'first wrong position').to.equal(-1);
    });
  });

  describe('header values (src/fetch/header-list.ts, on infra)', function () {
    it('normalize strips HTTP whitespace; a header value has no NUL/CR/LF and no outer tab or space', function () {
      expect(normalizeHeaderValue('\r\n\t a b \t\n\r')).to.equal('a b');
      expect(isHeaderValue('a \t b')).to.equal(true);
      expect(isHeaderValue('')).to.equal(true);
      var bad = [' a', 'a ', '\ta', 'a\t', 'a\u0000b', 'a\rb', 'a\nb'];
      for (var i = 0; i < bad.length; i++) expect(isHeaderValue(bad[i]), JSON.stringify(bad[i])).to.equal(false);
    });

    it('normalize and validate are linear on 1 MB of inner whitespace', function () {
      var value = 'a' + repeat(' \t', MB / 2) + 'b';
      expect(normalizeHeaderValue('  ' + value + '\r\n')).to.equal(value);
      expect(isHeaderValue(value)).to.equal(true);
      expect(isHeaderValue(value + ' ')).to.equal(false);
    });

    // The examples of https://fetch.spec.whatwg.org/#header-value-get-decode-and-split
    it('get, decode and split: the spec examples', function () {
      var examples: Array<[string, string[]]> = [
        ['nosniff,', ['nosniff', '']],
        ['', ['']],
        ['text/html;", x/x', ['text/html;", x/x']],
        ['text/html;"', ['text/html;"']],
        ['x/x;test="hi",y/y', ['x/x;test="hi"', 'y/y']],
        ['x/x;x=",x/x', ['x/x;x=",x/x']],
        ['x/x, y/y', ['x/x', 'y/y']],
        ['x/x;x="\\",y/y"', ['x/x;x="\\",y/y"']]
      ];
      for (var i = 0; i < examples.length; i++) expect(getDecodeSplit(examples[i][0]), examples[i][0]).to.deep.equal(examples[i][1]);
    });

    it('get, decode and split is linear: 1 MB of commas, whitespace, quotes', function () {
      expect(getDecodeSplit(repeat(',', MB)).length).to.equal(MB + 1);
      expect(getDecodeSplit('a' + repeat(' ', MB) + ',b')).to.deep.equal(['a', 'b']);
      expect(getDecodeSplit(repeat('"', MB)).length).to.equal(1);
      expect(getDecodeSplit('"' + repeat('\\,', MB / 2))).to.have.length(1);
    });
  });
});
