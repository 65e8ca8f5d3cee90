// The MIME type parser and serializer (src/infra/mime-type.ts), straight from its module: examples after WPT's
// mimesniff/mime-types/resources/mime-types.json, and adversarial inputs (1 MB whitespace runs, unterminated quotes,
// many parameters, NUL/CR/LF, code points above U+00FF). The same parser seen through Body.blob() in both passes
// is in test/integration/linear-parsing.test.ts.
import { expect } from 'chai';
import { suite } from '../../support/harness';
import { parseMIMEType, serializeMIMEType, essence, getParameter } from '../../../src/infra/mime-type';
import { extractMIMEType } from '../../../src/fetch/header-list';
import { MB, repeat } from './http.test';

function parsed(input: string): string | null {
  var mimeType = parseMIMEType(input);
  return mimeType === null ? null : serializeMIMEType(mimeType);
}

/** [input, serialization or null for failure] */
export var MIME_EXAMPLES: Array<[string, string | null]> = [
  ['text/html;charset=gbk', 'text/html;charset=gbk'],
  ['TEXT/HTML;CHARSET=GBK', 'text/html;charset=GBK'],
  ['text/html;charset=gbk(', 'text/html;charset="gbk("'],
  ['text/html;x=(;charset=gbk', 'text/html;x="(";charset=gbk'],
  ['text/html;charset=gbk;charset=windows-1255', 'text/html;charset=gbk'],
  ['text/html;charset=();charset=GBK', 'text/html;charset="()"'],
  ['text/html;charset =gbk', 'text/html'],
  ['text/html ;charset=gbk', 'text/html;charset=gbk'],
  ['text/html; charset=gbk', 'text/html;charset=gbk'],
  ['text/html;\ncharset=gbk', 'text/html;charset=gbk'],
  ['text/html;\tcharset=gbk', 'text/html;charset=gbk'],
  ['text/html;charset= gbk', 'text/html;charset=" gbk"'],
  ['text/html;charset="gbk"', 'text/html;charset=gbk'],
  ['text/html;charset="\\ gbk"', 'text/html;charset=" gbk"'],
  ['text/html;charset="\\g\\b\\k"', 'text/html;charset=gbk'],
  ['text/html;charset="gbk"x', 'text/html;charset=gbk'],
  ['text/html;charset="";charset=GBK', 'text/html;charset=""'],
  ['text/html;charset=;charset=GBK', 'text/html;charset=GBK'],
  ['text/html;charset="gbk', 'text/html;charset=gbk'],
  ['text/html;charset="gbk\\', 'text/html;charset="gbk\\\\"'],
  ['text/html;charset=gbk;', 'text/html;charset=gbk'],
  ['text/html;;;;charset=gbk', 'text/html;charset=gbk'],
  ['text/html;\';charset=gbk', 'text/html;charset=gbk'],
  ['text/html;";charset=gbk', 'text/html;charset=gbk'],
  ['text/html;test=\u00ff;charset=gbk', 'text/html;test="\u00ff";charset=gbk'],
  ['x/x;test=\ufffd;x=x', 'x/x;x=x'],
  ['x/x;\u0000=x;bonus=x', 'x/x;bonus=x'],
  ['x/x;x=a\u0000b;y=\u007f;z=z', 'x/x;z=z'],
  ['x/x;x=a\rb;y=c', 'x/x;y=c'],
  ['\r\n\t text/plain \t\r\n', 'text/plain'],
  ['text/plain;a=b \t\r\n', 'text/plain;a=b'],
  ['text/plain;A=B;a=c', 'text/plain;a=B'],
  ['text/plain;a="b\\"c\\\\d"', 'text/plain;a="b\\"c\\\\d"'],
  ['text/plain;__proto__=x;constructor=y', 'text/plain;__proto__=x;constructor=y'],
  ['*/*', '*/*'],
  ['/', null],
  ['bogus', null],
  ['bogus/', null],
  ['/bogus', null],
  ['bogus/bogus/;', null],
  ['</>', null],
  ['(/)', null],
  ['\u00ff/\u00ff', null],
  ['\u0100/\u0100', null],
  ['text/html(;doesnot=matter', null],
  ['{/}', null],
  ['text /html', null],
  ['text/ html', null],
  ['"text/html"', null],
  ['\u0000text/html', null],
  ['text/html\u0000', null],
  ['\u000btext/html', null],
  ['', null]
];

suite('infra: MIME type', function (impl) {
  if (impl.name !== 'polyfill') return; // the module itself, the same in both passes

  it('parses and serializes the examples', function () {
    for (var i = 0; i < MIME_EXAMPLES.length; i++) {
      expect(parsed(MIME_EXAMPLES[i][0]), JSON.stringify(MIME_EXAMPLES[i][0])).to.equal(MIME_EXAMPLES[i][1]);
    }
  });

  it('gives the record: lowercase type and subtype, parameters in order, essence', function () {
    var mimeType = parseMIMEType('Multipart/Form-Data; Boundary="a b"; charset=utf-8')!;
    expect(mimeType._type).to.equal('multipart');
    expect(mimeType._subtype).to.equal('form-data');
    expect(essence(mimeType)).to.equal('multipart/form-data');
    expect(mimeType._parameters).to.deep.equal([['boundary', 'a b'], ['charset', 'utf-8']]);
    expect(getParameter(mimeType, 'boundary')).to.equal('a b');
    expect(getParameter(mimeType, 'nope')).to.equal(null);
  });

  it('serializes an empty value and one with quotes and backslashes as a quoted string', function () {
    expect(serializeMIMEType({ _type: 'a', _subtype: 'b', _parameters: [['x', ''], ['y', 'q"\\'], ['z', 'tok']] }))
      .to.equal('a/b;x="";y="q\\"\\\\";z=tok');
  });

  it('is linear: 1 MB of whitespace around the type, in it, and around and in parameters', function () {
    expect(parsed(repeat(' ', MB) + 'text/plain' + repeat('\t', MB))).to.equal('text/plain');
    expect(parsed('text/plain' + repeat(' ', MB) + 'x')).to.equal(null);
    expect(parsed('text/plain' + repeat(' ', MB) + ';a=b')).to.equal('text/plain;a=b');
    expect(parsed('text/plain;' + repeat(' \t\r\n', MB / 4) + 'a=b')).to.equal('text/plain;a=b');
    expect(parsed('text/plain;a=b' + repeat(' ', MB) + 'c')).to.equal('text/plain;a="b' + repeat(' ', MB) + 'c"');
  });

  it('is linear: 1 MB unterminated or escaped quoted strings', function () {
    expect(parsed('text/plain;a="' + repeat('x', MB))).to.equal('text/plain;a=' + repeat('x', MB));
    expect(parsed('text/plain;a="' + repeat('\\"', MB / 2) + '"')).to.equal('text/plain;a="' + repeat('\\"', MB / 2) + '"');
  });

  it('is linear: 1 MB of empty or repeated parameters, 50,000 distinct ones', function () {
    expect(parsed('text/plain' + repeat(';', MB))).to.equal('text/plain');
    expect(parsed('text/plain' + repeat(';a', MB / 2))).to.equal('text/plain');
    expect(parsed('text/plain' + repeat(';a=b', MB / 4))).to.equal('text/plain;a=b');
    var many = 'text/plain';
    for (var i = 0; i < 50000; i++) many += ';p' + i + '=v';
    expect(parseMIMEType(many)!._parameters.length).to.equal(50000);
  });

  it('extract a MIME type: the last valid one; charset carried over for the same essence', function () {
    // The examples of https://fetch.spec.whatwg.org/#concept-header-extract-mime-type
    function extract(values: string[]): string | null {
      var list: Array<[string, string]> = [];
      for (var i = 0; i < values.length; i++) list.push(['Content-Type', values[i]]);
      var mimeType = extractMIMEType(list);
      return mimeType === null ? null : serializeMIMEType(mimeType);
    }
    expect(extract(['text/plain;charset=gbk, text/html'])).to.equal('text/html');
    expect(extract(['text/html;charset=gbk', 'text/html'])).to.equal('text/html;charset=gbk');
    expect(extract(['text/html;x=y;charset=gbk', 'text/html;x=z'])).to.equal('text/html;x=z;charset=gbk');
    expect(extract(['text/html;charset=gbk;x=y, text/html;x=z'])).to.equal('text/html;x=z;charset=gbk');
    expect(extract(['text/html;charset=gbk, x/x', 'text/html;x=y'])).to.equal('text/html;x=y');
    expect(extract(['text/html;charset=gbk, */*'])).to.equal('text/html;charset=gbk');
    expect(extract(['text/html;charset=gbk', '*/*'])).to.equal('text/html;charset=gbk');
    expect(extract(['text/html;charset="gbk, text/html"'])).to.equal('text/html;charset="gbk, text/html"');
    expect(extract(['bogus'])).to.equal(null);
    expect(extract([])).to.equal(null);
  });
});
