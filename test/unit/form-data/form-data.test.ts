// FormData: https://xhr.spec.whatwg.org/#interface-formdata (the entry list API; <form> construction is in
// form-element.test.ts, bodies in bodies.test.ts).
import { expect } from 'chai';
import { suite, skipBecause } from '../../support/harness';
import { expectThrows, hasBlob, hasSymbolIterator, hasToStringTag } from '../../support/assert';
import { entriesOf, hasFileConstructor, blobBytes, readableFormData, APPEND_ONLY_FORM_DATA } from '../../support/form-data';

suite('FormData', function (impl) {
  var FormData = impl.FormData;
  if (!readableFormData(impl)) {
    it.skip('[skipped: ' + APPEND_ONLY_FORM_DATA + ']', function () { /* */ });
    return;
  }

  describe('constructor', function () {
    it('makes an empty FormData, with or without undefined', function () {
      expect(entriesOf(new FormData())).to.deep.equal([]);
      expect(entriesOf(new FormData(undefined))).to.deep.equal([]);
    });

    it('refuses anything but a <form> (null too) with a TypeError', function () {
      expectThrows(impl, function () { new FormData(null as any); }, TypeError, 'FormData constructor');
      expectThrows(impl, function () { new FormData({} as any); }, TypeError, 'FormData constructor');
      expectThrows(impl, function () { new FormData(document.createElement('div') as any); }, TypeError, 'FormData constructor');
    });

    it('needs new', function () {
      expectThrows(impl, function () { (FormData as any)(); }, TypeError);
    });

    it('shows as [object FormData] where Symbol.toStringTag exists', function () {
      if (!hasToStringTag) return skipBecause(this, 'no Symbol.toStringTag');
      expect(Object.prototype.toString.call(new FormData())).to.equal('[object FormData]');
    });
  });

  describe('entry list', function () {
    it('append, get, getAll, has keep the order; get gives the first; null and [] when missing', function () {
      var form = new FormData();
      form.append('a', '1');
      form.append('b', '2');
      form.append('a', '3');
      expect(form.get('a')).to.equal('1');
      expect(form.getAll('a')).to.deep.equal(['1', '3']);
      expect(form.has('b')).to.equal(true);
      expect(form.has('c')).to.equal(false);
      expect(form.get('c')).to.equal(null);
      expect(form.getAll('c')).to.deep.equal([]);
      expect(entriesOf(form)).to.deep.equal([['a', '1'], ['b', '2'], ['a', '3']]);
    });

    it('set replaces the first entry in place and removes the others; appends when there is none', function () {
      var form = new FormData();
      form.append('a', '1');
      form.append('b', '2');
      form.append('a', '3');
      form.set('a', 'x');
      form.set('c', 'y');
      expect(entriesOf(form)).to.deep.equal([['a', 'x'], ['b', '2'], ['c', 'y']]);
    });

    it('delete removes every entry with the name', function () {
      var form = new FormData();
      form.append('a', '1');
      form.append('b', '2');
      form.append('a', '3');
      form.delete('a');
      form.delete('missing');
      expect(entriesOf(form)).to.deep.equal([['b', '2']]);
    });

    it('converts names and values to strings', function () {
      var form = new FormData();
      form.append(1 as any, 2 as any);
      form.append('n', null as any);
      form.append('u', undefined as any);
      form.append('o', { toString: function () { return 'obj'; } } as any);
      expect(entriesOf(form)).to.deep.equal([['1', '2'], ['n', 'null'], ['u', 'undefined'], ['o', 'obj']]);
      expect(form.get(1 as any)).to.equal('2');
    });

    it('makes names and values scalar value strings: a lone surrogate becomes U+FFFD, a pair stays', function () {
      var form = new FormData();
      form.append('a\uD800', 'b\uDC00c');
      form.append('pair', '\uD83D\uDE00');
      expect(entriesOf(form)).to.deep.equal([['a\uFFFD', 'b\uFFFDc'], ['pair', '\uD83D\uDE00']]);
      expect(form.get('a\uDBFF')).to.equal('b\uFFFDc');
    });

    it('keeps line breaks as given (they become CRLF when a body is encoded)', function () {
      var form = new FormData();
      form.append('a\nb', 'x\ry\r\nz\n');
      expect(entriesOf(form)).to.deep.equal([['a\nb', 'x\ry\r\nz\n']]);
    });

    it('requires its arguments', function () {
      var form = new FormData();
      expectThrows(impl, function () { (form as any).append('a'); }, TypeError, 'FormData.append');
      expectThrows(impl, function () { (form as any).set('a'); }, TypeError, 'FormData.set');
      expectThrows(impl, function () { (form as any).get(); }, TypeError, 'FormData.get');
      expectThrows(impl, function () { (form as any).getAll(); }, TypeError, 'FormData.getAll');
      expectThrows(impl, function () { (form as any).has(); }, TypeError, 'FormData.has');
      expectThrows(impl, function () { (form as any).delete(); }, TypeError, 'FormData.delete');
    });

    it('a filename needs a Blob value', function () {
      var form = new FormData();
      expectThrows(impl, function () { (form as any).append('a', 'text', 'name.txt'); }, TypeError, 'FormData.append');
      expectThrows(impl, function () { (form as any).set('a', 'text', undefined); }, TypeError, 'FormData.set');
      expect(form.has('a')).to.equal(false);
    });

    it('brand-checks its receiver', function () {
      var proto: any = FormData.prototype;
      expectThrows(impl, function () { proto.get.call({}, 'a'); }, TypeError, 'FormData.get');
      expectThrows(impl, function () { proto.append.call({}, 'a', 'b'); }, TypeError, 'FormData.append');
      expectThrows(impl, function () { proto.forEach.call({}, function () { /* */ }); }, TypeError, 'FormData.forEach');
      expectThrows(impl, function () { proto.entries.call({}); }, TypeError, 'FormData.entries');
    });
  });

  describe('files', function () {
    before(function () {
      if (!hasBlob) return skipBecause(this, 'no Blob constructor');
    });

    it('a Blob becomes a File named "blob" with the same type and bytes', function () {
      var form = new FormData();
      form.append('b', new Blob(['abc'], { type: 'text/x' }));
      var value = form.get('b') as File;
      expect(typeof value).to.equal('object');
      expect(value.name).to.equal('blob');
      expect(value.type).to.equal('text/x');
      expect(value.size).to.equal(3);
      if (hasFileConstructor) expect(value).to.be.an.instanceof(File);
      return blobBytes(value).then(function (bytes) { expect(bytes).to.deep.equal([97, 98, 99]); });
    });

    it('a filename names the File (append and set)', function () {
      var form = new FormData();
      form.append('a', new Blob([new Uint8Array([0, 255])]), 'a.bin');
      form.set('b', new Blob(['x'], { type: 'text/plain' }), 'b \u00e9 "q".txt');
      expect(entriesOf(form)).to.deep.equal([
        ['a', { name: 'a.bin', type: '', size: 2 }],
        ['b', { name: 'b \u00e9 "q".txt', type: 'text/plain', size: 1 }]
      ]);
      return blobBytes(form.get('a') as File).then(function (bytes) { expect(bytes).to.deep.equal([0, 255]); });
    });

    it('a File is kept as it is without a filename, and copied under the new name with one', function () {
      if (!hasFileConstructor) return skipBecause(this, 'File cannot be constructed');
      var file = new File(['xyz'], 'orig.txt', { type: 'text/plain', lastModified: 1000 });
      var form = new FormData();
      form.append('same', file);
      form.append('renamed', file, 'new.txt');
      expect(form.get('same')).to.equal(file);
      var renamed = form.get('renamed') as File;
      expect(renamed).to.not.equal(file);
      expect([renamed.name, renamed.type, renamed.size]).to.deep.equal(['new.txt', 'text/plain', 3]);
    });

    it('a file stays a file through get and set', function () {
      var form = new FormData();
      form.append('f', new Blob(['1']), 'one.txt');
      var first = form.get('f') as File;
      var again = new FormData();
      again.append('g', first);
      expect((again.get('g') as File).name).to.equal('one.txt');
    });
  });

  describe('iteration', function () {
    it('entries, keys and values iterate with next()', function () {
      var form = new FormData();
      form.append('a', '1');
      form.append('b', '2');
      var entries = (form as any).entries();
      expect(entries.next()).to.deep.equal({ value: ['a', '1'], done: false });
      expect(entries.next()).to.deep.equal({ value: ['b', '2'], done: false });
      expect(entries.next().done).to.equal(true);
      var keys = (form as any).keys();
      expect([keys.next().value, keys.next().value]).to.deep.equal(['a', 'b']);
      var values = (form as any).values();
      expect([values.next().value, values.next().value]).to.deep.equal(['1', '2']);
    });

    it('iterators are live: entries appended during iteration are seen', function () {
      var form = new FormData();
      form.append('a', '1');
      var keys = (form as any).keys();
      expect(keys.next().value).to.equal('a');
      form.append('b', '2');
      expect(keys.next().value).to.equal('b');
      expect(keys.next().done).to.equal(true);
    });

    it('forEach gives value, name and the FormData, with thisArg; it needs a function', function () {
      var form = new FormData();
      form.append('a', '1');
      form.append('b', '2');
      var seen: any[] = [];
      var self = {};
      form.forEach(function (this: any, value, name, parent) {
        seen.push([value, name, parent === form, this === self]);
      }, self);
      expect(seen).to.deep.equal([['1', 'a', true, true], ['2', 'b', true, true]]);
      expectThrows(impl, function () { form.forEach(null as any); }, TypeError, 'FormData.forEach');
    });

    it('is iterable where Symbol.iterator exists: the entries', function () {
      if (!hasSymbolIterator) return skipBecause(this, 'no Symbol.iterator');
      var form = new FormData();
      form.append('a', '1');
      form.append('b', '2');
      var iterator = (form as any)[Symbol.iterator]();
      expect(iterator.next().value).to.deep.equal(['a', '1']);
      expect((FormData.prototype as any)[Symbol.iterator]).to.equal((FormData.prototype as any).entries);
      var entries = (form as any).entries();
      expect(entries[Symbol.iterator]()).to.equal(entries);
    });
  });
});
