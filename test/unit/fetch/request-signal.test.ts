// Request.signal: https://fetch.spec.whatwg.org/#dom-request-signal, a new dependent signal following the given one.
import { expect } from 'chai';
import { suite, itPolyfillOnly, skipBecause, engineOwn } from '../../support/harness';
import { countersOf, requireCounters } from '../../support/abort';
import { frameWith, WITH_NATIVE_SIGNALS } from '../../support/frames';

suite('Request.signal', function (impl) {
  var Request = impl.Request;
  var AbortController = impl.AbortController;
  var AbortSignal = impl.AbortSignal;

  it('is an AbortSignal even without one in init, never aborted then', function () {
    var request = new Request('/x');
    expect(request.signal).to.be.an.instanceof(AbortSignal);
    expect(request.signal.aborted).to.equal(false);
    expect(request.signal).to.equal(request.signal);
    expect(new Request('/x', { signal: null }).signal).to.be.an.instanceof(AbortSignal);
  });

  it('is not the given signal, but aborts with it, with its reason, firing its own event', function () {
    var controller = new AbortController();
    var request = new Request('/x', { signal: controller.signal });
    expect(request.signal).to.not.equal(controller.signal);
    expect(request.signal.aborted).to.equal(false);
    var heard = 0;
    request.signal.addEventListener('abort', function () { heard++; });
    var reason = { custom: 'reason' };
    controller.abort(reason);
    expect(request.signal.aborted).to.equal(true);
    expect(request.signal.reason).to.equal(reason);
    expect(heard).to.equal(1);
  });

  it('is aborted at once when the given signal already is', function () {
    var request = new Request('/x', { signal: AbortSignal.abort('early') });
    expect(request.signal.aborted).to.equal(true);
    expect(request.signal.reason).to.equal('early');
  });

  it('new Request(request) and clone() get new signals that follow the original', function () {
    var controller = new AbortController();
    var original = new Request('/x', { signal: controller.signal });
    var copy = new Request(original);
    var clone = original.clone();
    expect(copy.signal).to.not.equal(original.signal);
    expect(clone.signal).to.not.equal(original.signal);
    controller.abort('both');
    expect(copy.signal.reason).to.equal('both');
    expect(clone.signal.reason).to.equal('both');
  });

  it('init.signal replaces the input request\'s signal', function () {
    var first = new AbortController();
    var second = new AbortController();
    var request = new Request(new Request('/x', { signal: first.signal }), { signal: second.signal });
    first.abort('first');
    expect(request.signal.aborted).to.equal(false);
    second.abort('second');
    expect(request.signal.reason).to.equal('second');
  });

  itPolyfillOnly(impl, 'a native AbortSignal is accepted and followed', 'hands the engine\'s signal to retrofetch', function () {
    if (typeof engineOwn('AbortController') !== 'function') return skipBecause(this, 'the engine has no native AbortController');
    return frameWith(WITH_NATIVE_SIGNALS).then(function (frame) {
      var win = frame.win;
      var native = new win.__NativeAbortController();
      var request = new win.Request('/x', { signal: native.signal });
      var ours = request.signal instanceof win.AbortSignal && request.signal !== native.signal;
      native.abort('native');
      var aborted = request.signal.aborted;
      var reason = request.signal.reason;
      frame.remove();
      expect(ours).to.equal(true);
      expect(aborted).to.equal(true);
      expect(reason).to.equal('native');
    });
  });

  itPolyfillOnly(impl, 'making 1000 Requests with one long-lived signal leaves nothing on it', 'counts retrofetch\'s internal listeners', function () {
    var controller = new AbortController();
    var before = requireCounters(this, impl).liveListeners;
    var requests: Request[] = [];
    for (var i = 0; i < 1000; i++) requests.push(new Request('/x', { signal: controller.signal }));
    expect(countersOf(impl)!.liveListeners).to.equal(before);
    controller.abort('all');
    expect(requests[999].signal.reason).to.equal('all');
  });
});
