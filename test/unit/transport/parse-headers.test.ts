// getAllResponseHeaders() text → header list (src/transport/parse-headers.ts), straight from its module: the line
// rules, and inputs that a regex trim would take quadratic time on (1 MB of inner whitespace).
import { expect } from 'chai';
import { suite } from '../../support/harness';
import { parseResponseHeaders } from '../../../src/transport/parse-headers';
import { MB, repeat } from '../infra/http.test';

suite('transport: parse response headers', function (impl) {
  if (impl.name !== 'polyfill') return; // the module itself, the same in both passes

  it('splits CRLF, LF or CR lines into trimmed name/value pairs, in order, keeping the names\' case', function () {
    expect(parseResponseHeaders('Content-Type: text/plain\r\nx-a:  1 \t\r\nX-A:2\nx-b: \r\n')).to.deep.equal([
      ['Content-Type', 'text/plain'], ['x-a', '1'], ['X-A', '2'], ['x-b', '']
    ]);
    expect(parseResponseHeaders(null)).to.deep.equal([]);
    expect(parseResponseHeaders('')).to.deep.equal([]);
  });

  it('continues a folded line; skips lines without a colon, with a bad name, or with a NUL', function () {
    expect(parseResponseHeaders('a: 1\r\n  more \r\n\tand more\r\nno colon\r\n: empty\r\nb c: 2\r\nd\u00e9: 3\r\ne: x\u0000y\r\nf: ok')).to.deep.equal([
      ['a', '1 more and more'], ['f', 'ok']
    ]);
    expect(parseResponseHeaders(' leading: fold\r\nname \t: spaced')).to.deep.equal([['name', 'spaced']]);
  });

  it('is linear: a 1 MB value with inner whitespace, 1 MB of whitespace after a name, many lines', function () {
    var value = 'a' + repeat(' \t', MB / 2) + 'b';
    expect(parseResponseHeaders('X-Long: ' + value + '\r\n')).to.deep.equal([['X-Long', value]]);
    expect(parseResponseHeaders('X-Name' + repeat(' ', MB) + ': v')).to.deep.equal([['X-Name', 'v']]);
    expect(parseResponseHeaders('X-Ws:' + repeat(' \t', MB / 2))).to.deep.equal([['X-Ws', '']]);
    expect(parseResponseHeaders('X-Fold: a\r\n' + repeat(' ', MB) + 'b' + repeat('\t', MB))).to.deep.equal([['X-Fold', 'a b']]);
    expect(parseResponseHeaders(repeat('x: y\r\n', 100000)).length).to.equal(100000);
  });
});
