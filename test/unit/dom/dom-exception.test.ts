// DOMException: the pass's global (the engine's where constructible; in PhantomJS, retrofetch's, installed by the
// polyfill), and retrofetch's own class straight from its module, so the fallback is checked in every engine.
import { expect } from 'chai';
import { suite, skipBecause } from '../../support/harness';
import { expectThrows, hasToStringTag } from '../../support/assert';
import { PolyfillDOMException } from '../../../src/dom/dom-exception';


function checks(title: string, get: () => any, impl: any): void {
  describe(title, function () {
    it('name, message and the legacy code', function () {
      var DOMException = get();
      var e = new DOMException('stopped', 'AbortError');
      expect(e.name).to.equal('AbortError');
      expect(e.message).to.equal('stopped');
      expect(e.code).to.equal(20);
      expect(new DOMException('late', 'TimeoutError').code).to.equal(23);
      expect(new DOMException('x', 'NoSuchName').code).to.equal(0);
    });

    it('defaults: message "" and name "Error"', function () {
      var DOMException = get();
      var e = new DOMException();
      expect(e.message).to.equal('');
      expect(e.name).to.equal('Error');
      expect(e.code).to.equal(0);
    });

    it('is an Error: instanceof, Error.prototype.toString, and the prototype chain', function () {
      var DOMException = get();
      var e = new DOMException('m', 'AbortError');
      expect(e).to.be.an.instanceof(DOMException);
      expect(e).to.be.an.instanceof(Error);
      expect(Object.getPrototypeOf(DOMException.prototype)).to.equal(Error.prototype);
      expect(String(e)).to.equal('AbortError: m');
      if (hasToStringTag) expect(Object.prototype.toString.call(e)).to.equal('[object DOMException]');
    });

    it('has the constants on the constructor and the prototype', function () {
      var DOMException = get();
      expect(DOMException.ABORT_ERR).to.equal(20);
      expect(DOMException.TIMEOUT_ERR).to.equal(23);
      expect(DOMException.INDEX_SIZE_ERR).to.equal(1);
      expect(DOMException.DATA_CLONE_ERR).to.equal(25);
      expect(DOMException.prototype.ABORT_ERR).to.equal(20);
    });

    it('converts message and name to strings', function () {
      var DOMException = get();
      var e = new DOMException(42 as any, { toString: function () { return 'TimeoutError'; } } as any);
      expect(e.message).to.equal('42');
      expect(e.name).to.equal('TimeoutError');
      expect(e.code).to.equal(23);
    });

    it('brand-checks its getters and needs new', function () {
      var DOMException = get();
      // The messages are checked only for retrofetch's own class (the engine words its own).
      var ours = !/\[native code\]/.test(Function.prototype.toString.call(DOMException));
      var getter = Object.getOwnPropertyDescriptor(DOMException.prototype, 'name')!.get!;
      expectThrows(impl, function () { getter.call({}); }, TypeError, ours ? 'DOMException.name' : undefined);
      expectThrows(impl, function () { (DOMException as any)('m', 'AbortError'); }, TypeError, ours ? 'DOMException' : undefined);
    });
  });
}

suite('DOMException', function (impl) {
  // PhantomJS's own DOMException cannot be constructed: there the polyfill installs retrofetch's.
  checks('the global of the pass', function () { return impl.DOMException; }, impl);

  it('an exception the engine throws itself (a bad selector) is an instance of the global DOMException, with its own name and code', function () {
    var thrown: any = null;
    try {
      document.querySelector('#:');
    } catch (e) {
      thrown = e;
    }
    if (!(thrown instanceof impl.DOMException) && !('__proto__' in {})) {
      skipBecause(this, "this engine's DOMException cannot be constructed and it has no way to set a prototype (IE9–10), " +
        'so the exceptions it throws itself are not instances of the installed DOMException');
    }
    expect(thrown).to.be.an.instanceof(impl.DOMException);
    expect(thrown).to.be.an.instanceof(Error);
    expect(thrown.name).to.equal('SyntaxError');
    expect(thrown.code).to.equal(12);
    expect(String(thrown)).to.match(/SyntaxError/);
  });
  if (impl.name === 'polyfill') checks("retrofetch's own (src/dom/dom-exception.ts)", function () { return PolyfillDOMException; }, impl);
});
