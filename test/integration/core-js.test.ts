// Legacy apps load core-js before anything else. Its Symbol is an object (`typeof Symbol() === 'object'`) where the
// engine has none (PhantomJS), and retrofetch must count it as a Symbol: @@iterator on Headers, FormData and their
// iterators, @@toStringTag on its classes and on response.body, @@asyncIterator on the stream. Checked in a fresh
// frame: core-js-bundle, the suite's natives removal, then the standalone script. In engines with their own Symbol,
// core-js keeps it and the same expectations hold.
import { expect } from 'chai';
import { suite, servers } from '../support/harness';
import { frameWith } from '../support/frames';

var SCRIPTS = ['/base/node_modules/core-js-bundle/minified.js', '/base/test/setup/remove-natives.js', '/base/dist/retrofetch.polyfill.js'];

function tag(win: any, value: unknown): string {
  return win.Object.prototype.toString.call(value);
}

suite('core-js first', function (impl) {
  if (impl.name !== 'polyfill') return; // about the standalone script in a page that has core-js, not an API the native has
  var frame: any;
  var win: any;

  before(function () {
    this.timeout(20000);
    return frameWith(SCRIPTS).then(function (f) {
      frame = f;
      win = f.win;
    });
  });

  after(function () {
    if (frame) frame.remove();
  });

  it('core-js has a Symbol in the frame (the engine\'s, or its own object one)', function () {
    expect(typeof win.Symbol).to.equal('function');
    expect(['symbol', 'object']).to.include(typeof win.Symbol.iterator);
    expect(typeof win.fetch).to.equal('function');
  });

  it('for…of over Headers, its keys() and FormData, with that Symbol.iterator', function () {
    var S = win.Symbol;
    // for (const [name, value] of headers), as Babel compiles it, with the frame's Symbol.
    var headers = new win.Headers({ b: '2', a: '1' });
    var pairs: string[] = [];
    var all = headers[S.iterator]();
    for (var pair = all.next(); !pair.done; pair = all.next()) pairs.push(pair.value.join('='));
    expect(pairs).to.deep.equal(['a=1', 'b=2']);
    var iterator = headers.keys();
    expect(iterator[S.iterator]()).to.equal(iterator);
    expect(tag(win, iterator)).to.equal('[object Headers Iterator]');
    var form = new win.FormData();
    form.append('k', 'v');
    if (typeof form.entries === 'function') {
      var entries: string[] = [];
      var it = form[S.iterator]();
      for (var step = it.next(); !step.done; step = it.next()) entries.push(step.value.join('='));
      expect(entries).to.deep.equal(['k=v']);
    }
    // Not an enumerable own key of the prototype (WebIDL: @@iterator is not enumerable).
    var keys: string[] = [];
    for (var key in win.Headers.prototype) keys.push(key);
    expect(keys.join()).to.not.match(/Symbol/);
  });

  it('Object.prototype.toString of retrofetch\'s objects, of response.body and of the text codecs', function () {
    var response = new win.Response('x');
    expect(tag(win, response)).to.equal('[object Response]');
    expect(tag(win, new win.Headers())).to.equal('[object Headers]');
    expect(tag(win, new win.Request(servers.sameOrigin + '/x'))).to.equal('[object Request]');
    expect(tag(win, new win.AbortController().signal)).to.equal('[object AbortSignal]');
    expect(tag(win, response.body)).to.equal('[object ReadableStream]');
    expect(tag(win, new win.TransformStream())).to.equal('[object TransformStream]');
    expect(tag(win, new win.TextDecoder())).to.equal('[object TextDecoder]');
    expect(tag(win, new win.TextEncoder())).to.equal('[object TextEncoder]');
  });

  it('fetch in the frame: for…of over response.headers, the body through its async iterator', function () {
    var S = win.Symbol;
    return new Promise<any>(function (resolve, reject) {
      // An absolute URL: in PhantomJS the blank frame's document.baseURI is "about:blank" (not its creator's base
      // URL), which core-js's URL then resolves against (without core-js, retrofetch resolves through an <a>).
      win.fetch(servers.sameOrigin + '/api/headers?x-core=js').then(resolve, reject);
    }).then(function (response) {
      var names: string[] = [];
      var it = response.headers[S.iterator]();
      for (var step = it.next(); !step.done; step = it.next()) names.push(step.value[0]);
      expect(names).to.include('x-core');
      expect(response.headers.get('content-type')).to.equal('application/json');
      var body = response.body;
      expect(typeof body[S.asyncIterator]).to.equal('function');
      var iterator = body[S.asyncIterator]();
      var length = 0;
      function next(): Promise<number> {
        return iterator.next().then(function (step: any) {
          if (step.done) return length;
          length += step.value.length;
          return next();
        });
      }
      return next();
    }).then(function (length) {
      expect(length).to.be.above(10);
    });
  });
});
