import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause, engineOwn, engineDifference } from '../../support/harness';
import { expectThrows } from '../../support/assert';
import { countersOf, requireCounters, delay, waitFor } from '../../support/abort';
import { frameWith, WITH_NATIVE_SIGNALS } from '../../support/frames';

suite('AbortSignal', function (impl) {
  var AbortController = impl.AbortController;
  var AbortSignal = impl.AbortSignal;
  // Older natives lack the newer statics (feature-gated, never by browser name).
  var hasTimeout = typeof (AbortSignal as any).timeout === 'function';
  var hasAny = typeof (AbortSignal as any).any === 'function';

  it('cannot be constructed', function () {
    expectThrows(impl, function () { new (AbortSignal as any)(); }, TypeError, 'AbortSignal');
  });

  it('is an EventTarget-like object whose members are brand-checked', function () {
    var signal = new AbortController().signal;
    expect(typeof signal.addEventListener).to.equal('function');
    expect(typeof signal.removeEventListener).to.equal('function');
    expect(typeof signal.dispatchEvent).to.equal('function');
    var aborted = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted')!.get!;
    expectThrows(impl, function () { aborted.call({}); }, TypeError, 'AbortSignal.aborted');
    var reason = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'reason')!.get!;
    expectThrows(impl, function () { reason.call({}); }, TypeError, 'AbortSignal.reason');
    expectThrows(impl, function () { signal.addEventListener.call({}, 'abort', function () { /* */ }); }, TypeError, 'addEventListener');
  });

  describe('throwIfAborted()', function () {
    it('does nothing while not aborted', function () {
      new AbortController().signal.throwIfAborted();
    });

    it('throws the reason itself: a custom object, a string, the default AbortError', function () {
      var custom = { custom: true };
      [custom, 'just a string'].forEach(function (reason) {
        var controller = new AbortController();
        controller.abort(reason);
        var thrown: unknown = null;
        try {
          controller.signal.throwIfAborted();
        } catch (e) {
          thrown = e;
        }
        expect(thrown).to.equal(reason);
      });
      var c = new AbortController();
      c.abort();
      expectThrows(impl, function () { c.signal.throwIfAborted(); }, impl.DOMException);
    });
  });

  describe('AbortSignal.abort()', function () {
    it('gives a signal already aborted, with the reason or an AbortError', function () {
      var custom = { custom: 1 };
      var signal = AbortSignal.abort(custom);
      expect(signal.aborted).to.equal(true);
      expect(signal.reason).to.equal(custom);
      expect(signal).to.be.an.instanceof(AbortSignal);
      var plain = AbortSignal.abort();
      expect(plain.reason).to.be.an.instanceof(impl.DOMException);
      expect(plain.reason.name).to.equal('AbortError');
      expect(AbortSignal.abort('why').reason).to.equal('why');
    });
  });

  describe('AbortSignal.timeout()', function () {
    before(function () {
      if (!hasTimeout) return skipBecause(this, "this pass's AbortSignal has no timeout()");
    });

    it('is not aborted at first, not even for 0 ms, then aborts with a TimeoutError DOMException and an event', function () {
      var signal = AbortSignal.timeout(0);
      expect(signal.aborted).to.equal(false);
      var longer = AbortSignal.timeout(30);
      var events: string[] = [];
      longer.onabort = function (e: Event) { events.push(e.type); };
      expect(longer.aborted).to.equal(false);
      return waitFor(function () { return longer.aborted; }, 3000, 'the timeout signal to abort').then(function () {
        expect(signal.aborted).to.equal(true);
        var reason = longer.reason;
        expect(reason).to.be.an.instanceof(impl.DOMException);
        expect(reason.name).to.equal('TimeoutError');
        expect(reason.code).to.equal(23);
        expect(events).to.deep.equal(['abort']);
      });
    });

    it('does not fire before its time', function () {
      var started = new Date().getTime();
      var signal = AbortSignal.timeout(150);
      return waitFor(function () { return signal.aborted; }, 3000, 'the timeout').then(function () {
        // Timers may fire a little early by the clock (rounding); never by much.
        expect(new Date().getTime() - started).to.be.at.least(140);
      });
    });

    it('refuses what is not an unsigned long long ([EnforceRange]): negative, NaN, Infinity, missing', function () {
      [-1, NaN, Infinity, -Infinity, 9007199254740992].forEach(function (bad) {
        expectThrows(impl, function () { AbortSignal.timeout(bad); }, TypeError, 'AbortSignal.timeout');
      });
      expectThrows(impl, function () { (AbortSignal as any).timeout(); }, TypeError, 'AbortSignal.timeout');
    });

    it('a very long timeout (past setTimeout\'s 2^31-1 ms) does not fire at once', function () {
      engineDifference(this, impl, "jsdom 26's AbortSignal.timeout() past 2^31-1 ms fires at once (Node's setTimeout overflows)");
      var signal = AbortSignal.timeout(0x80000000 + 5);
      return delay(50).then(function () {
        expect(signal.aborted).to.equal(false);
      });
    });
  });

  describe('AbortSignal.any()', function () {
    before(function () {
      if (!hasAny) return skipBecause(this, "this pass's AbortSignal has no any()");
    });

    it('of nothing never aborts', function () {
      var signal = AbortSignal.any([]);
      expect(signal.aborted).to.equal(false);
      expect(signal).to.be.an.instanceof(AbortSignal);
    });

    it('of an aborted signal is aborted at once, with its reason (the first aborted one in order)', function () {
      var a = new AbortController();
      var b = new AbortController();
      b.abort('b first');
      a.abort('a second');
      var signal = AbortSignal.any([new AbortController().signal, b.signal, a.signal]);
      expect(signal.aborted).to.equal(true);
      expect(signal.reason).to.equal('b first');
    });

    it('follows the first of its signals to abort, and keeps that reason', function () {
      var a = new AbortController();
      var b = new AbortController();
      var signal = AbortSignal.any([a.signal, b.signal]);
      var events = 0;
      signal.addEventListener('abort', function () { events++; });
      expect(signal.aborted).to.equal(false);
      var custom = { which: 'b' };
      b.abort(custom);
      expect(signal.aborted).to.equal(true);
      expect(signal.reason).to.equal(custom);
      a.abort('a later');
      expect(signal.reason).to.equal(custom);
      expect(events).to.equal(1);
    });

    it('follows even with nobody listening (the reason is the first source to abort, not the first in order)', function () {
      var a = new AbortController();
      var b = new AbortController();
      var signal = AbortSignal.any([a.signal, b.signal]);
      b.abort('b');
      a.abort('a');
      expect(signal.aborted).to.equal(true);
      expect(signal.reason).to.equal('b');
    });

    it('runs the source\'s listeners first, then the dependent\'s; the dependent is already aborted in the former', function () {
      var controller = new AbortController();
      var dependent = AbortSignal.any([controller.signal]);
      var log: string[] = [];
      dependent.addEventListener('abort', function () { log.push('dependent'); });
      controller.signal.addEventListener('abort', function () {
        log.push('source, dependent aborted: ' + dependent.aborted);
      });
      controller.abort();
      expect(log).to.deep.equal(['source, dependent aborted: true', 'dependent']);
      expect(dependent.reason).to.equal(controller.signal.reason);
    });

    it('of an any() signal follows the original sources', function () {
      var controller = new AbortController();
      var inner = AbortSignal.any([controller.signal]);
      var outer = AbortSignal.any([inner]);
      var heard = 0;
      outer.onabort = function () { heard++; };
      controller.abort('deep');
      expect(outer.aborted).to.equal(true);
      expect(outer.reason).to.equal('deep');
      expect(heard).to.equal(1);
    });

    it('mixes controllers, AbortSignal.abort() and AbortSignal.timeout()', function () {
      if (!hasTimeout) return skipBecause(this, "this pass's AbortSignal has no timeout()");
      var controller = new AbortController();
      var mixed = AbortSignal.any([controller.signal, AbortSignal.timeout(40)]);
      var heard: string[] = [];
      mixed.addEventListener('abort', function () { heard.push(mixed.reason.name); });
      return waitFor(function () { return mixed.aborted; }, 3000, 'the timeout in any()').then(function () {
        expect(mixed.reason.name).to.equal('TimeoutError');
        expect(heard).to.deep.equal(['TimeoutError']);
        controller.abort('later');
        expect(mixed.reason.name).to.equal('TimeoutError');
        expect(AbortSignal.any([controller.signal, AbortSignal.abort('x')]).reason).to.equal('later');
      });
    });

    it('takes any iterable of signals and refuses anything else', function () {
      var controller = new AbortController();
      expectThrows(impl, function () { (AbortSignal as any).any(); }, TypeError, 'AbortSignal.any');
      expectThrows(impl, function () { (AbortSignal as any).any(controller.signal); }, TypeError, 'AbortSignal.any');
      expectThrows(impl, function () { (AbortSignal as any).any([controller.signal, {}]); }, TypeError, 'AbortSignal.any');
      expectThrows(impl, function () { (AbortSignal as any).any([null]); }, TypeError, 'AbortSignal.any');
    });

    itPolyfillOnly(impl, 'leaves nothing on a long-lived signal: 1000 any() signals, with and without listeners',
      'counts retrofetch\'s internal listeners', function () {
        var longLived = new AbortController();
        var before = requireCounters(this, impl).liveListeners;
        var signals: AbortSignal[] = [];
        for (var i = 0; i < 1000; i++) signals.push(AbortSignal.any([longLived.signal, new AbortController().signal]));
        expect(countersOf(impl)!.liveListeners).to.equal(before);
        // A listener makes one follow its two sources, and only while it is there.
        var listener = function () { /* */ };
        signals[0].addEventListener('abort', listener);
        expect(countersOf(impl)!.liveListeners).to.equal(before + 2);
        signals[0].removeEventListener('abort', listener);
        expect(countersOf(impl)!.liveListeners).to.equal(before);
        signals[1].onabort = listener;
        expect(countersOf(impl)!.liveListeners).to.equal(before + 2);
        signals[1].onabort = null;
        expect(countersOf(impl)!.liveListeners).to.equal(before);
        // And still all of them abort with it.
        signals[2].onabort = listener;
        longLived.abort('gone');
        expect(countersOf(impl)!.liveListeners).to.equal(before);
        for (var j = 0; j < signals.length; j++) expect(signals[j].reason).to.equal('gone');
      });
  });

  itPolyfillOnly(impl, 'a native AbortSignal works as a source of any()', 'mixes the engine\'s signals with retrofetch\'s', function () {
    if (typeof engineOwn('AbortController') !== 'function') return skipBecause(this, 'the engine has no native AbortController');
    return frameWith(WITH_NATIVE_SIGNALS).then(function (frame) {
      var win = frame.win;
      var counters = function () { return countersOf({ fetch: win.fetch } as any)!.liveListeners; };
      var native = new win.__NativeAbortController();
      var ours = new win.AbortController();
      var mixed = win.AbortSignal.any([ours.signal, native.signal]);
      var before = counters();
      var heard = 0;
      mixed.onabort = function () { heard++; };
      var following = counters();
      native.abort('native reason');
      var result = { aborted: mixed.aborted, reason: mixed.reason, heard: heard, left: counters() };
      // Read without a listener too.
      var other = new win.__NativeAbortController();
      var quiet = win.AbortSignal.any([other.signal]);
      other.abort('later');
      var later = quiet.reason;
      frame.remove();
      expect(following).to.equal(before + 2);
      expect(result).to.deep.equal({ aborted: true, reason: 'native reason', heard: 1, left: before });
      expect(later).to.equal('later');
    });
  });
});
