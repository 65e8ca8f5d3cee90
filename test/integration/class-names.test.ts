// Class names survive minification (dist/retrofetch.polyfill.js is terser-minified: webpack.config.js keeps these
// names): code that reads `constructor.name` sees 'Headers', not a one-letter name. Both passes; the native
// classes are the oracle. The ponyfill builds (dist/retrofetch.cjs, .mjs) are checked by test/smoke/package.js.
import { expect } from 'chai';
import { suite, skipBecause } from '../support/harness';
import { frameWith } from '../support/frames';

var CLASSES = ['Headers', 'Request', 'Response', 'FormData', 'AbortController', 'AbortSignal', 'ReadableStream', 'EventSource'] as const;

suite('class names', function (impl) {
  it('each class and its instances are named after their interface', function () {
    for (var i = 0; i < CLASSES.length; i++) {
      var C: any = impl[CLASSES[i]];
      // Old WebKit's interface objects are not functions and have no name (PhantomJS's FormData, kept as it is).
      if (typeof C !== 'function') continue;
      expect(C.name, CLASSES[i]).to.equal(CLASSES[i]);
    }
    function nameOf(instance: any): string {
      return instance.constructor.name;
    }
    expect(nameOf(new impl.Headers())).to.equal('Headers');
    expect(nameOf(new impl.Request('/x'))).to.equal('Request');
    expect(nameOf(new impl.Response(''))).to.equal('Response');
    expect(nameOf(new impl.AbortController())).to.equal('AbortController');
    expect(nameOf(new impl.AbortController().signal)).to.equal('AbortSignal');
  });

  it('DOMException (the pass\'s own, the engine\'s where constructible) is named DOMException', function () {
    if (typeof impl.DOMException !== 'function') return skipBecause(this, 'the engine\'s DOMException is not a function');
    expect((impl.DOMException as any).name).to.equal('DOMException');
  });

  if (impl.name !== 'polyfill') return;

  it('retrofetch\'s DOMException, where the standalone script installs it, is named DOMException', function () {
    var host = 'code:window.DOMException = function DOMException() { throw new TypeError("Illegal constructor"); };';
    return frameWith([host, '/base/dist/retrofetch.polyfill.js']).then(function (frame) {
      var name = frame.win.DOMException.name;
      var instance = new frame.win.DOMException('m', 'AbortError');
      frame.remove();
      expect(name).to.equal('DOMException');
      expect(instance.constructor.name).to.equal('DOMException');
    });
  });
});
