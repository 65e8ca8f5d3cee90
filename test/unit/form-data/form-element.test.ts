// new FormData(form, submitter) from a real DOM <form>:
// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#constructing-the-form-data-set
import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause, engineDifference } from '../../support/harness';
import { expectThrows } from '../../support/assert';
import { entriesOf, canSetInputFiles, readableFormData, APPEND_ONLY_FORM_DATA } from '../../support/form-data';

suite('FormData from a <form>', function (impl) {
  var FormData = impl.FormData;
  if (!readableFormData(impl)) {
    it.skip('[skipped: ' + APPEND_ONLY_FORM_DATA + ']', function () { /* */ });
    return;
  }
  var added: Element[] = [];

  function make(html: string): HTMLFormElement {
    var form = document.createElement('form');
    form.innerHTML = html;
    document.body.appendChild(form);
    added.push(form);
    return form;
  }

  function find(form: HTMLFormElement, selector: string): any {
    return form.querySelector(selector);
  }

  afterEach(function () {
    while (added.length) {
      var element = added.pop()!;
      if (element.parentNode) element.parentNode.removeChild(element);
    }
  });

  it('takes the successful controls in tree order: inputs, textareas, selects, checked boxes and radios', function () {
    var form = make(
      '<input name="text" value="t"><input type="hidden" name="hidden" value="h">' +
      '<input type="password" name="pw" value="p"><input type="number" name="num" value="12">' +
      '<textarea name="area">line 1\nline 2</textarea>' +
      '<select name="one"><option>a</option><option selected value="bv">b</option></select>' +
      '<select name="many" multiple><option selected>x</option><option>y</option><option selected>z</option></select>' +
      '<input type="checkbox" name="box" value="on1" checked><input type="checkbox" name="box" value="off">' +
      '<input type="checkbox" name="plain" checked>' +
      '<input type="radio" name="r" value="r1"><input type="radio" name="r" value="r2" checked>' +
      '<select name="empty"></select>');
    expect(entriesOf(new FormData(form))).to.deep.equal([
      ['text', 't'], ['hidden', 'h'], ['pw', 'p'], ['num', '12'], ['area', 'line 1\nline 2'], ['one', 'bv'],
      ['many', 'x'], ['many', 'z'], ['box', 'on1'], ['plain', 'on'], ['r', 'r2']
    ]);
  });

  it('skips disabled and nameless controls, buttons, and what is not submittable', function () {
    engineDifference(this, impl, 'jsdom 26 submits the selected options that are disabled or in a disabled optgroup');
    var form = make(
      '<input name="ok" value="1"><input value="nameless"><input name="" value="empty name">' +
      '<input name="dis" value="x" disabled><textarea name="dis2" disabled>x</textarea>' +
      '<select name="dis3" disabled><option>x</option></select>' +
      '<select name="opts" multiple><option selected disabled>no</option><optgroup disabled><option selected>no</option>' +
      '</optgroup><option selected>yes</option></select>' +
      '<fieldset disabled><input name="in-fieldset" value="x"><legend><input name="in-first-legend" value="2"></legend>' +
      '<legend><input name="in-second-legend" value="x"></legend></fieldset>' +
      '<fieldset name="fs"></fieldset><output name="out">x</output>' +
      '<button name="btn" value="b">B</button><button type="button" name="btn2" value="b">B</button>' +
      '<input type="submit" name="sub" value="s"><input type="reset" name="rst" value="r">' +
      '<input type="button" name="ib" value="i"><input type="image" name="img">' +
      '<input type="checkbox" name="unchecked"><input type="radio" name="r" value="r">');
    expect(entriesOf(new FormData(form))).to.deep.equal([['ok', '1'], ['opts', 'yes'], ['in-first-legend', '2']]);
  });

  it('reads the controls as they are now, not their markup', function () {
    var form = make('<input name="a" value="markup"><input type="checkbox" name="c" value="v">' +
      '<select name="s"><option>1</option><option>2</option></select><textarea name="t">old</textarea>');
    find(form, '[name=a]').value = 'typed';
    find(form, '[name=c]').checked = true;
    find(form, '[name=s]').selectedIndex = 1;
    find(form, '[name=t]').value = 'new\r\ntext';
    expect(entriesOf(new FormData(form))).to.deep.equal([['a', 'typed'], ['c', 'v'], ['s', '2'], ['t', 'new\ntext']]);
  });

  it('includes a control outside the form that names it with form=, in tree order', function () {
    var form = make('<input name="inside" value="1">');
    form.id = 'retrofetch-form-owner';
    var outside = document.createElement('input');
    outside.name = 'outside';
    outside.value = '2';
    outside.setAttribute('form', 'retrofetch-form-owner');
    document.body.appendChild(outside);
    added.push(outside);
    var nested = document.createElement('input');
    nested.name = 'elsewhere';
    nested.setAttribute('form', 'no-such-form');
    form.appendChild(nested);
    expect(entriesOf(new FormData(form))).to.deep.equal([['inside', '1'], ['outside', '2']]);
  });

  it('a file input without files gives an empty File named "" of type application/octet-stream', function () {
    var form = make('<input type="file" name="f">');
    expect(entriesOf(new FormData(form))).to.deep.equal([['f', { name: '', type: 'application/octet-stream', size: 0 }]]);
  });

  it('a file input gives its files, the same File objects', function () {
    if (!canSetInputFiles) return skipBecause(this, 'files cannot be set from script (no DataTransfer)');
    var form = make('<input type="file" name="f" multiple><input type="file" name="g" disabled>');
    var transfer = new DataTransfer();
    transfer.items.add(new File(['abc'], 'a.txt', { type: 'text/plain' }));
    transfer.items.add(new File([new Uint8Array([0, 255])], 'b.bin'));
    var input = find(form, '[name=f]');
    input.files = transfer.files;
    find(form, '[name=g]').files = transfer.files;
    var data = new FormData(form);
    expect(entriesOf(data)).to.deep.equal([
      ['f', { name: 'a.txt', type: 'text/plain', size: 3 }], ['f', { name: 'b.bin', type: '', size: 2 }]
    ]);
    expect(data.getAll('f')[0]).to.equal(input.files[0]);
  });

  it('a hidden _charset_ control gives UTF-8', function () {
    engineDifference(this, impl, 'jsdom 26 submits a hidden _charset_ control with its own value');
    var form = make('<input type="hidden" name="_CharSet_" value="ignored"><input name="_charset_" value="text">');
    expect(entriesOf(new FormData(form))).to.deep.equal([['_CharSet_', 'UTF-8'], ['_charset_', 'text']]);
  });

  it('dirname adds the direction of a text control', function () {
    engineDifference(this, impl, 'jsdom 26 ignores dir="rtl" and adds a direction for checkboxes too');
    var form = make('<input name="a" value="x" dirname="a.dir"><textarea name="t" dirname="t.dir" dir="rtl">x</textarea>' +
      '<input type="checkbox" name="c" checked dirname="c.dir">');
    expect(entriesOf(new FormData(form))).to.deep.equal([['a', 'x'], ['a.dir', 'ltr'], ['t', 'x'], ['t.dir', 'rtl'], ['c', 'on']]);
  });

  it('values become scalar value strings', function () {
    var form = make('<input name="a">');
    find(form, '[name=a]').value = 'x\uD800y';
    expect(entriesOf(new FormData(form))).to.deep.equal([['a', 'x\uFFFDy']]);
  });

  it('a control named "elements" does not hide the form\'s controls', function () {
    var form = make('<input name="elements" value="e"><input name="b" value="2">');
    expect(entriesOf(new FormData(form))).to.deep.equal([['elements', 'e'], ['b', '2']]);
  });

  it('works on a form that is not in the document, and gives a FormData that edits like any other', function () {
    var form = document.createElement('form');
    form.innerHTML = '<input name="a" value="1">';
    var data = new FormData(form);
    data.append('b', '2');
    data.set('a', 'x');
    expect(entriesOf(data)).to.deep.equal([['a', 'x'], ['b', '2']]);
  });

  describe('submitter', function () {
    it('the submitter button is included, in tree order; other buttons are not', function () {
      var form = make('<button name="first" value="1">1</button><input name="a" value="x">' +
        '<input type="submit" name="go" value="Go"><button type="submit" name="b2" value="2">2</button>');
      expect(entriesOf(new FormData(form, find(form, '[name=go]')))).to.deep.equal([['a', 'x'], ['go', 'Go']]);
      expect(entriesOf(new FormData(form, find(form, '[name=first]')))).to.deep.equal([['first', '1'], ['a', 'x']]);
      expect(entriesOf(new FormData(form, null))).to.deep.equal([['a', 'x']]);
    });

    it('an image button submitter gives name.x and name.y (0 without a click), in its place', function () {
      var form = make('<input name="a" value="1"><input type="image" name="pic"><input name="b" value="2">' +
        '<input type="image" id="anon">');
      expect(entriesOf(new FormData(form, find(form, '[name=pic]')))).to.deep.equal([
        ['a', '1'], ['pic.x', '0'], ['pic.y', '0'], ['b', '2']
      ]);
      expect(entriesOf(new FormData(form, find(form, '#anon')))).to.deep.equal([['a', '1'], ['b', '2'], ['x', '0'], ['y', '0']]);
    });

    it('a submitter that is not a submit button is a TypeError; one of another form a NotFoundError', function () {
      var form = make('<input name="a"><button type="button" name="b">b</button>');
      var other = make('<button name="c">c</button>');
      expectThrows(impl, function () { new FormData(form, find(form, '[name=a]')); }, TypeError, 'FormData constructor');
      expectThrows(impl, function () { new FormData(form, find(form, '[name=b]')); }, TypeError, 'FormData constructor');
      expectThrows(impl, function () { new FormData(form, {} as any); }, TypeError, 'FormData constructor');
      var error: any = null;
      try {
        new FormData(form, find(other, 'button'));
      } catch (e) {
        error = e;
      }
      expect(error && error.name).to.equal('NotFoundError');
    });
  });

  describe('the formdata event', function () {
    it('fires at the form, bubbling, not cancelable, with a FormData over the entry list being built', function () {
      engineDifference(this, impl, 'jsdom 26 fires no formdata event');
      var form = make('<input name="a" value="1">');
      var seen: any[] = [];
      function listener(event: any): void {
        seen.push([event.type, event.target === form, event.bubbles, event.cancelable, entriesOf(event.formData)]);
        event.formData.append('added', 'by listener');
      }
      document.body.addEventListener('formdata', listener);
      try {
        var data = new FormData(form);
      } finally {
        document.body.removeEventListener('formdata', listener);
      }
      expect(seen).to.deep.equal([['formdata', true, true, false, [['a', '1']]]]);
      expect(entriesOf(data)).to.deep.equal([['a', '1'], ['added', 'by listener']]);
    });

    it('constructing from the same form inside a listener is an InvalidStateError; another form is fine', function () {
      engineDifference(this, impl, 'jsdom 26 fires no formdata event');
      var form = make('<input name="a" value="1">');
      var other = make('<input name="o" value="2">');
      var results: any[] = [];
      form.addEventListener('formdata', function () {
        try {
          new FormData(form);
          results.push('constructed');
        } catch (e) {
          results.push((e as any).name);
        }
        results.push(entriesOf(new FormData(other)));
      });
      new FormData(form);
      expect(results).to.deep.equal(['InvalidStateError', [['o', '2']]]);
      expect(entriesOf(new FormData(other))).to.deep.equal([['o', '2']]);
    });
  });

  itPolyfillOnly(impl, 'skips controls inside a <datalist>',
    'Chromium 156, Firefox 153 and WebKitGTK 2.50 submit them; the HTML spec skips them (step 5.1)', function () {
      var form = make('<datalist id="retrofetch-list"><input name="hidden-in-list" value="x"></datalist><input name="a" value="1">');
      expect(entriesOf(new FormData(form))).to.deep.equal([['a', '1']]);
    });
});
