// The multipart/form-data parser (src/form-data/multipart-parser.ts), straight from its module: Content-Disposition
// parameters read by position (src/infra/http.ts), linear on long whitespace and many parameters. Its behaviour
// against the engines' own formData() is in bodies.test.ts.
import { expect } from 'chai';
import { suite } from '../../support/harness';
import { parseMultipart } from '../../../src/form-data/multipart-parser';
import { isomorphicEncode } from '../../../src/infra/http';
import { MB, repeat } from '../infra/http.test';

function body(disposition: string): Uint8Array {
  return new Uint8Array(isomorphicEncode('--B\r\nContent-Disposition:' + disposition + '\r\n\r\nv\r\n--B--\r\n'));
}

function names(disposition: string): Array<string | null> | string {
  try {
    var entry = parseMultipart(body(disposition), 'B', 'test')[0];
    return [entry[0], typeof entry[1] === 'string' ? null : entry[1].filename];
  } catch (e) {
    return (e as Error).name;
  }
}

suite('form-data: multipart parser', function (impl) {
  if (impl.name !== 'polyfill') return; // the module itself, the same in both passes

  it('reads name and filename: quoted (with escapes) or not, any case, any order, whitespace around', function () {
    expect(names(' form-data; name="a"')).to.deep.equal(['a', null]);
    expect(names('FORM-DATA ;NAME = a ; Filename= "f\\"\\\\.txt" ')).to.deep.equal(['a', 'f"\\.txt']);
    expect(names(' form-data; filename=f; name=a;')).to.deep.equal(['a', 'f']);
    expect(names(' form-data; name=a ; other="x"')).to.deep.equal(['a', null]);
    expect(names(' form-data; name=""')).to.deep.equal(['', null]);
  });

  it('refuses what is not form-data with a name, an unterminated quote, junk after a parameter', function () {
    var bad = [' attachment; name="a"', ' form-data', ' form-data; filename="f"', ' form-data; name="a', ' form-data; name="a\\"',
      ' form-data; name="a\\', ' form-data; name="a"x', ' form-data; name', ' form-data; =a', ' form-data x; name=a',
      ' form-data; name=a;; ', ' form-data; name=a b', ' form-data; name=', ' form-data; name=a@b', ' form-data; name=\u00e9'];
    for (var i = 0; i < bad.length; i++) expect(names(bad[i]), bad[i]).to.equal('TypeError');
  });

  it('is linear: 1 MB of whitespace between parameters and inside a value, 50,000 parameters', function () {
    expect(names(' form-data;' + repeat(' \t', MB / 2) + 'name="a"')).to.deep.equal(['a', null]);
    expect(names(' form-data; name=a' + repeat(' ', MB) + ';b=c' + repeat('\t', MB))).to.deep.equal(['a', null]);
    expect(names(' form-data; name=a' + repeat(' ', MB) + 'b')).to.equal('TypeError');
    expect(names(' form-data; name="' + repeat(' ', MB) + '"')).to.deep.equal([repeat(' ', MB), null]);
    expect(names(' form-data' + repeat('; x=y', 50000) + '; name=last')).to.deep.equal(['last', null]);
    expect(names(' form-data; name="' + repeat('\\\\', MB / 2))).to.equal('TypeError');
  });
});
