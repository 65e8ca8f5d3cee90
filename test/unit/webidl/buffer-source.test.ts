// BufferSource (src/webidl/buffer-source.ts), straight from its module: an ArrayBuffer or any view of one, as a
// Uint8Array over the same bytes (never a copy), by tag so that another frame's count; anything else a TypeError.
import { expect } from 'chai';
import { suite, skipBecause } from '../../support/harness';
import { isUint8Array, toBufferSourceBytes } from '../../../src/webidl/buffer-source';
import { expectMemberTypeError } from '../../support/assert';

// Whether this engine's typed arrays give back the very ArrayBuffer they were made over as `.buffer`. QtWebKit 5.212's
// give another ArrayBuffer object over the same bytes (a write through one shows in the other).
function keepsBufferIdentity(): boolean {
  var buffer = new ArrayBuffer(1);
  return new Uint8Array(buffer).buffer === buffer;
}
var NO_BUFFER_IDENTITY = "this engine's typed arrays give another ArrayBuffer object than the one they were made over as " +
  '.buffer (QtWebKit 5.212), over the same bytes: the tests above check the sharing by writing';

suite('webidl: BufferSource', function (impl) {
  if (impl.name !== 'polyfill') return; // the module itself, the same in both passes

  it('an ArrayBuffer: a Uint8Array over all of it, sharing its bytes', function () {
    var buffer = new ArrayBuffer(4);
    var bytes = toBufferSourceBytes(buffer, 'm');
    expect(bytes).to.be.an.instanceof(Uint8Array);
    expect([bytes.byteOffset, bytes.length]).to.deep.equal([0, 4]);
    new Uint8Array(buffer)[2] = 9;
    expect(bytes[2]).to.equal(9);
    bytes[3] = 8;
    expect(new Uint8Array(buffer)[3]).to.equal(8);
  });

  it('a view (typed array or DataView): a Uint8Array over just its bytes, sharing them', function () {
    var buffer = new ArrayBuffer(8);
    var shorts = new Uint16Array(buffer, 2, 2);
    var bytes = toBufferSourceBytes(shorts, 'm');
    expect([bytes.byteOffset, bytes.length]).to.deep.equal([2, 4]);
    new Uint8Array(buffer)[2] = 6;
    expect(bytes[0]).to.equal(6);
    var view = new DataView(buffer, 1, 3);
    view.setUint8(0, 7);
    var fromView = toBufferSourceBytes(view, 'm');
    expect([fromView.byteOffset, fromView.length, fromView[0]]).to.deep.equal([1, 3, 7]);
    var u8 = new Uint8Array(buffer, 5);
    expect(toBufferSourceBytes(u8, 'm').byteOffset).to.equal(5);
  });

  it('the Uint8Array is over the same ArrayBuffer object: the buffer itself, or the view\'s', function () {
    if (!keepsBufferIdentity()) return skipBecause(this, NO_BUFFER_IDENTITY);
    var buffer = new ArrayBuffer(8);
    expect(toBufferSourceBytes(buffer, 'm').buffer).to.equal(buffer);
    expect(toBufferSourceBytes(new Uint16Array(buffer, 2, 2), 'm').buffer).to.equal(buffer);
    expect(toBufferSourceBytes(new DataView(buffer, 1, 3), 'm').buffer).to.equal(buffer);
  });

  it('anything else is a TypeError naming the member', function () {
    [null, undefined, 'abc', 3, {}, [1, 2], { buffer: {}, byteOffset: 0, byteLength: 0 }].forEach(function (value) {
      expectMemberTypeError(function () { toBufferSourceBytes(value, 'Response constructor'); }, 'Response constructor');
    });
  });

  it('isUint8Array: Uint8Arrays only (not other views, buffers or look-alikes)', function () {
    expect(isUint8Array(new Uint8Array(1))).to.equal(true);
    expect(isUint8Array(new Int8Array(1))).to.equal(false);
    expect(isUint8Array(new Uint8ClampedArray(1))).to.equal(false);
    expect(isUint8Array(new ArrayBuffer(1))).to.equal(false);
    expect(isUint8Array([1])).to.equal(false);
    expect(isUint8Array({ length: 1, 0: 1 })).to.equal(false);
  });

  it("another frame's buffers and views count (by tag, not instanceof)", function () {
    if (typeof document === 'undefined' || !document.body) return skipBecause(this, 'no document to make a frame in');
    var frame = document.createElement('iframe');
    document.body.appendChild(frame);
    try {
      var other: any = frame.contentWindow;
      if (!other || typeof other.Uint8Array === 'undefined') return skipBecause(this, 'the frame has no typed arrays');
      var buffer = new other.ArrayBuffer(3);
      expect(buffer instanceof ArrayBuffer).to.equal(false);
      expect(toBufferSourceBytes(buffer, 'm').length).to.equal(3);
      var view = new other.Uint8Array([1, 2]);
      expect(isUint8Array(view)).to.equal(true);
      expect(Array.prototype.slice.call(toBufferSourceBytes(view, 'm'))).to.deep.equal([1, 2]);
    } finally {
      document.body.removeChild(frame);
    }
  });
});
