import { expect } from 'chai';
import { suite } from '../../support/harness';
import { expectThrows } from '../../support/assert';

suite('AbortController', function (impl) {
  var AbortController = impl.AbortController;
  var AbortSignal = impl.AbortSignal;

  it('has a signal that is not aborted, the same object every time', function () {
    var controller = new AbortController();
    expect(controller.signal).to.be.an.instanceof(AbortSignal);
    expect(controller.signal).to.equal(controller.signal);
    expect(controller.signal.aborted).to.equal(false);
    expect(controller.signal.reason).to.equal(undefined);
  });

  it('abort() aborts its signal with an AbortError DOMException', function () {
    var controller = new AbortController();
    controller.abort();
    expect(controller.signal.aborted).to.equal(true);
    var reason = controller.signal.reason;
    expect(reason).to.be.an.instanceof(impl.DOMException);
    expect(reason.name).to.equal('AbortError');
    expect(reason.code).to.equal(20);
  });

  it('abort(reason) keeps the reason as given: objects by identity, strings, numbers, null', function () {
    var custom = { why: 'custom' };
    var reasons: unknown[] = [custom, 'a string', 0, null, new Error('an error')];
    reasons.forEach(function (reason) {
      var controller = new AbortController();
      controller.abort(reason);
      expect(controller.signal.reason).to.equal(reason);
    });
  });

  it('abort(undefined) is abort(): an AbortError', function () {
    var controller = new AbortController();
    controller.abort(undefined);
    expect(controller.signal.reason.name).to.equal('AbortError');
  });

  it('a second abort() changes nothing and fires no second event', function () {
    var controller = new AbortController();
    var events = 0;
    controller.signal.addEventListener('abort', function () { events++; });
    controller.abort('first');
    controller.abort('second');
    expect(controller.signal.reason).to.equal('first');
    expect(events).to.equal(1);
  });

  it('needs new; its members are brand-checked', function () {
    expectThrows(impl, function () { (AbortController as any)(); }, TypeError, 'AbortController');
    var signalGetter = Object.getOwnPropertyDescriptor(AbortController.prototype, 'signal')!.get!;
    expectThrows(impl, function () { signalGetter.call({}); }, TypeError, 'AbortController.signal');
    expectThrows(impl, function () { AbortController.prototype.abort.call({}); }, TypeError, 'AbortController.abort');
  });
});
