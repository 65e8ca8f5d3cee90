// The EventTarget side of AbortSignal: listeners, options, onabort, the order of dispatch, errors in listeners.
import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause, engineDifference } from '../../support/harness';
import { expectThrows } from '../../support/assert';
import { delay } from '../../support/abort';

var g: any = typeof self !== 'undefined' ? self : window;

var canConstructEvent = (function () {
  try {
    return new Event('abort').type === 'abort';
  } catch (e) {
    return false;
  }
})();

// Whether an engine Event takes own properties over its fields (old WebKit's are fixed): retrofetch shows such an
// event's target through them when it dispatches it.
var eventFieldsShadowable = canConstructEvent && (function () {
  try {
    var event = new Event('x');
    Object.defineProperty(event, 'target', { value: 1, configurable: true });
    return (event as any).target === 1;
  } catch (e) {
    return false;
  }
})();

suite('AbortSignal events', function (impl) {
  var AbortController = impl.AbortController;

  it('the abort event: type, target, currentTarget, isTrusted, not cancelable, not bubbling; `this` is the signal', function () {
    var controller = new AbortController();
    var seen: any = null;
    var self: any = null;
    controller.signal.addEventListener('abort', function (this: any, e: any) {
      self = this;
      seen = {
        type: e.type, target: e.target, currentTarget: e.currentTarget, isTrusted: e.isTrusted,
        cancelable: e.cancelable, bubbles: e.bubbles, eventPhase: e.eventPhase, prevented: e.defaultPrevented
      };
      e.preventDefault();
    });
    controller.abort();
    expect(self).to.equal(controller.signal);
    expect(seen.type).to.equal('abort');
    expect(seen.target).to.equal(controller.signal);
    expect(seen.currentTarget).to.equal(controller.signal);
    expect(seen.isTrusted).to.equal(true);
    expect(seen.cancelable).to.equal(false);
    expect(seen.bubbles).to.equal(false);
    expect(seen.eventPhase).to.equal(2);
  });

  it('listeners run once each, in the order they were added, onabort where it was first set', function () {
    var controller = new AbortController();
    var signal = controller.signal;
    var log: string[] = [];
    signal.addEventListener('abort', function () { log.push('a'); });
    signal.onabort = function () { log.push('onabort (first set)'); };
    signal.addEventListener('abort', function () { log.push('b'); });
    // Changing the handler keeps its place.
    signal.onabort = function () { log.push('onabort (replaced)'); };
    controller.abort();
    expect(log).to.deep.equal(['a', 'onabort (replaced)', 'b']);
  });

  it('onabort: null at first; non-objects become null; null removes it, and setting it again puts it last', function () {
    engineDifference(this, impl, 'jsdom 26 keeps an event handler in its first place when it is set again after null');
    var controller = new AbortController();
    var signal = controller.signal;
    expect(signal.onabort).to.equal(null);
    (signal as any).onabort = 'not a function';
    expect(signal.onabort).to.equal(null);
    var log: string[] = [];
    var handler = function () { log.push('handler'); };
    signal.onabort = handler;
    expect(signal.onabort).to.equal(handler);
    signal.addEventListener('abort', function () { log.push('listener'); });
    signal.onabort = null;
    signal.onabort = handler;
    controller.abort();
    expect(log).to.deep.equal(['listener', 'handler']);
  });

  it('the same listener twice is kept once; with another capture it is another listener', function () {
    var controller = new AbortController();
    var log: string[] = [];
    var listener = function (e: Event) { log.push('listener phase ' + e.eventPhase); };
    controller.signal.addEventListener('abort', listener);
    controller.signal.addEventListener('abort', listener);
    controller.signal.addEventListener('abort', listener, false);
    controller.signal.addEventListener('abort', listener, { capture: true });
    controller.abort();
    expect(log).to.deep.equal(['listener phase 2', 'listener phase 2']);
  });

  itPolyfillOnly(impl, 'capture listeners run first at the target (https://dom.spec.whatwg.org/#concept-event-dispatch)',
    'Chromium runs an AbortSignal\'s listeners in the order added whatever their capture', function () {
      var controller = new AbortController();
      var log: string[] = [];
      controller.signal.addEventListener('abort', function () { log.push('plain'); });
      controller.signal.addEventListener('abort', function () { log.push('capture'); }, true);
      controller.abort();
      expect(log).to.deep.equal(['capture', 'plain']);
    });

  it('removeEventListener removes by type, callback and capture', function () {
    var controller = new AbortController();
    var log: string[] = [];
    var listener = function () { log.push('ran'); };
    controller.signal.addEventListener('abort', listener, true);
    controller.signal.removeEventListener('abort', listener); // not capture: another listener
    controller.signal.addEventListener('abort', listener);
    controller.signal.removeEventListener('abort', listener, { capture: false });
    controller.abort();
    expect(log).to.deep.equal(['ran']);
  });

  it('once: the listener is removed before it runs; a listener removed during the dispatch does not run', function () {
    var controller = new AbortController();
    var signal = controller.signal;
    var log: string[] = [];
    var later = function () { log.push('later'); };
    signal.addEventListener('abort', function () {
      log.push('once');
      signal.removeEventListener('abort', later);
    }, { once: true });
    signal.addEventListener('abort', later);
    // Added during the dispatch: does not run this time.
    signal.addEventListener('abort', function () {
      signal.addEventListener('abort', function () { log.push('added during'); });
    });
    controller.abort();
    expect(log).to.deep.equal(['once']);
  });

  it('an object with handleEvent is a listener, called with the object as this', function () {
    var controller = new AbortController();
    var listener = { calls: 0, self: null as any, handleEvent: function (this: any) { this.calls++; listener.self = this; } };
    controller.signal.addEventListener('abort', listener);
    controller.abort();
    expect(listener.calls).to.equal(1);
    expect(listener.self).to.equal(listener);
  });

  it('null listeners are ignored; a non-object listener is a TypeError; two arguments are required', function () {
    var signal = new AbortController().signal;
    signal.addEventListener('abort', null as any);
    signal.removeEventListener('abort', null as any);
    expectThrows(impl, function () { signal.addEventListener('abort', 'nope' as any); }, TypeError, 'addEventListener');
    expectThrows(impl, function () { (signal as any).addEventListener('abort'); }, TypeError, 'addEventListener');
  });

  it('stopImmediatePropagation stops the listeners after it', function () {
    var controller = new AbortController();
    var log: string[] = [];
    controller.signal.addEventListener('abort', function (e) { log.push('first'); e.stopImmediatePropagation(); });
    controller.signal.addEventListener('abort', function () { log.push('second'); });
    controller.abort();
    expect(log).to.deep.equal(['first']);
  });

  it('the signal option removes the listener when that signal aborts', function () {
    var controller = new AbortController();
    var remover = new AbortController();
    var log: string[] = [];
    controller.signal.addEventListener('abort', function () { log.push('removed'); }, { signal: remover.signal } as any);
    controller.signal.addEventListener('abort', function () { log.push('kept'); });
    remover.abort();
    // An aborted signal adds nothing.
    controller.signal.addEventListener('abort', function () { log.push('never'); }, { signal: remover.signal } as any);
    controller.abort();
    expect(log).to.deep.equal(['kept']);
  });

  it('an exception in a listener is reported, and the other listeners still run', function () {
    engineDifference(this, impl, 'jsdom 26 does not report an exception thrown in an abort listener (no window.onerror call)');
    var controller = new AbortController();
    var log: string[] = [];
    var reported: string[] = [];
    var saved = g.onerror;
    g.onerror = function (message: any) {
      reported.push(String(message));
      return true;
    };
    controller.signal.addEventListener('abort', function () { throw new Error('boom in a listener'); });
    controller.signal.addEventListener('abort', function () { log.push('still ran'); });
    controller.abort();
    expect(log).to.deep.equal(['still ran']);
    expect(controller.signal.aborted).to.equal(true);
    return delay(50).then(function () {
      g.onerror = saved;
      expect(reported.length).to.equal(1);
      expect(reported[0]).to.contain('boom in a listener');
    }, function (e) {
      g.onerror = saved;
      throw e;
    });
  });

  it('dispatchEvent of an engine Event named abort runs the listeners but does not abort the signal', function () {
    if (!canConstructEvent) return skipBecause(this, 'the engine cannot construct an Event');
    var signal = new AbortController().signal;
    var log: string[] = [];
    // LEGACY(old WebKit): where the engine's Event fields cannot be shadowed, the listeners see its own target (null).
    signal.onabort = function (e: Event) {
      log.push('onabort ' + (!eventFieldsShadowable || e.target === signal) + ' ' + (e.isTrusted === true));
    };
    signal.addEventListener('abort', function () { log.push('listener'); });
    expect(signal.dispatchEvent(new Event('abort'))).to.equal(true);
    expect(signal.aborted).to.equal(false);
    expect(log).to.deep.equal(['onabort true false', 'listener']);
    expectThrows(impl, function () { signal.dispatchEvent({ type: 'abort' } as any); }, TypeError, 'dispatchEvent');
  });
});
