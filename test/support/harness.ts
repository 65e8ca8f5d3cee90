// The two passes: every suite registered here runs once against the polyfill (natives deleted by
// test/setup/remove-natives.js, then dist/retrofetch.polyfill.js installed) and once against the saved natives,
// which are the oracle. A test that the native fails is a wrong test unless it is marked with `itPolyfillOnly`
// and a documented reason.

export interface Impl {
  name: 'polyfill' | 'native';
  fetch: typeof fetch;
  Headers: typeof Headers;
  Request: typeof Request;
  Response: typeof Response;
  AbortController: typeof AbortController;
  AbortSignal: typeof AbortSignal;
  /** The global DOMException of the pass (the polyfill installs its own only where the engine's is not constructible). */
  DOMException: typeof DOMException;
  FormData: typeof FormData;
  ReadableStream: typeof ReadableStream;
  /** The rest of the streams family and the text codecs, as the page sees them in this pass (test/setup/remove-natives.js). */
  WritableStream: typeof WritableStream;
  TransformStream: typeof TransformStream;
  TextDecoderStream: typeof TextDecoderStream;
  TextEncoderStream: typeof TextEncoderStream;
  TextDecoder: typeof TextDecoder;
  TextEncoder: typeof TextEncoder;
  /** Deleted before the polyfill loads (test/setup/remove-natives.js), so the polyfill pass has retrofetch's. */
  EventSource: typeof EventSource;
}

import { EventSource as BundledEventSource } from '../../src/event-source/event-source';

declare const __karma__: any;
const g: any = typeof self !== 'undefined' ? self : window;

const suites: Array<{ title: string; fn: (impl: Impl) => void }> = [];

/** Registers a suite that runs in both passes. */
export function suite(title: string, fn: (impl: Impl) => void): void {
  suites.push({ title: title, fn: fn });
}

/** A test whose expectation the native implementation does not meet, for a documented reason. */
export function itPolyfillOnly(impl: Impl, title: string, reason: string, fn: (this: Mocha.Context) => any): void {
  if (impl.name === 'native') it.skip(title + ' [native difference: ' + reason + ']', function () { /* documented */ });
  else it(title, fn);
}

function implFrom(source: any, name: Impl['name']): Impl {
  return {
    name: name,
    fetch: source.fetch,
    Headers: source.Headers,
    Request: source.Request,
    Response: source.Response,
    AbortController: source.AbortController,
    AbortSignal: source.AbortSignal,
    DOMException: asIsEngineOwn(name, 'DOMException') || source.DOMException,
    FormData: source.FormData,
    ReadableStream: source.ReadableStream,
    WritableStream: source.WritableStream,
    TransformStream: source.TransformStream,
    TextDecoderStream: source.TextDecoderStream,
    TextEncoderStream: source.TextEncoderStream,
    TextDecoder: source.TextDecoder,
    TextEncoder: source.TextEncoder,
    EventSource: name === 'polyfill' && keptEventSource() ? BundledEventSource as any : source.EventSource
  };
}

// In the as-is profile's native pass, the engine's own class of this name where the standalone script replaced it (the
// engine's EventSource throws the engine's DOMException, where QtWebKit's page has retrofetch's: the engine's cannot
// be constructed), else undefined.
function asIsEngineOwn(name: Impl['name'], className: keyof Impl): any {
  return name === 'native' && profile === 'as-is' ? engineOwn(className) : undefined;
}

// In the as-is profile, where the engine has an EventSource of its own (QtWebKit), the standalone script keeps it: the
// polyfill pass then tests retrofetch's EventSource as this test bundle compiled it from src/ (the same code, over
// the engine's own XHR), and a native pass the engine's.
function keptEventSource(): boolean {
  return profile === 'as-is' && !!g.EventSource && g.EventSource === engineOwn('EventSource');
}

/** The server config Karma passes to the page (see karma.conf.js `client.retrofetch`). */
export const servers: { sameOrigin: string; crossOrigin: string } = (function () {
  const config = (typeof __karma__ !== 'undefined' && __karma__.config && __karma__.config.retrofetch) || {};
  const loc = g.location;
  return {
    sameOrigin: loc.protocol + '//' + loc.host,
    crossOrigin: config.crossOrigin || ''
  };
})();

/**
 * The profile the page runs in: 'ie9' (test/setup/ie9-profile.js, PhantomJS made IE9-like), 'core' (the core build,
 * test/setup/load-polyfill.js), 'no-abort' (Chromium without AbortController and AbortSignal, then the core build:
 * test/setup/remove-natives.js), 'as-is' (a real engine with nothing deleted: QtWebKit, jsdom;
 * test/setup/remove-natives.js), or null.
 */
export const profile: string | null = g.__retrofetchProfile || null;

/** Why a test that compares retrofetch with the engine's own classes does not run in the as-is profile. */
export const AS_IS_NO_ORACLE = 'the as-is profile deletes nothing: what the engine has of its own is the pass\'s, and there is no native pass to compare with';

/**
 * The engine's own class of this name, as the page had it before anything was deleted or installed (saved by
 * test/setup/remove-natives.js: the oracle's, or in the as-is profile what the engine has), else undefined.
 */
export function engineOwn(name: keyof Impl): any {
  var saved = g.__retrofetchNatives || g.__retrofetchEngine;
  return saved ? saved[name] : undefined;
}

// The suites that apply to an IE9-class engine (no typed arrays, Blob, Symbol or XHR level 2); the others need
// what it lacks. test/integration/ie9.test.ts covers fetch() there: text, JSON, headers, abort, timeouts, FormData.
const IE9_SUITES = ['Headers', 'families', 'AbortController', 'AbortSignal', 'AbortSignal events', 'DOMException', 'Request.signal',
  'XDomainRequest (stand-in)', 'IE9 profile', 'env: global object', 'env: support', 'webidl: conversions', 'webidl: slots',
  'webidl: interfaces', 'webidl: pair iterators', 'EventSource', 'EventSource: event stream format',
  'EventSource: event stream parser'];

// The suites about what only the full build has, each with why the core build leaves it out.
const NOT_IN_CORE: { [suite: string]: string } = {
  'streaming bodies': 'the core build has no streams family', 'real apps': 'the core build has no streams family',
  'real clients': 'the core build has no streams family, and PhantomJS none of its own: the PhantomJS row runs these clients over the full script',
  'TextDecoderStream and TextEncoderStream': 'the core build has no text codecs',
  'TextDecoder and TextEncoder': 'the core build has no text codecs',
  'EventSource': 'the core build has no EventSource', 'EventSource: event stream format': 'the core build has no EventSource',
  'EventSource in workers': 'the core build has no EventSource',
  // (Only engines without a Promise need these, and the README sends them to the full script: core build tests.)
  'FormData from a <form>': 'the core build leaves out a FormData made from a <form> (only IE9 and older need its own)',
  'XDomainRequest (stand-in)': 'the core build leaves out XDomainRequest (IE8–9 only)'
};

// The suites about a class that the no-abort engine keeps as the engine's (its FormData works; its EventSource, which
// the core build there does not install): the chromium engine's native pass runs them on it. And what the core build
// leaves out.
var KEPT_FORM_DATA = 'the engine\'s own FormData is kept here (the chromium engine\'s native pass runs this suite on it)';
var KEPT_EVENT_SOURCE = 'the engine\'s own EventSource is kept here (the chromium engine\'s native pass runs this suite on it)';
const NOT_IN_NO_ABORT: { [suite: string]: string } = {
  'FormData': KEPT_FORM_DATA, 'FormData from a <form>': KEPT_FORM_DATA, 'EventSource': KEPT_EVENT_SOURCE,
  'EventSource: event stream format': KEPT_EVENT_SOURCE, 'EventSource in workers': KEPT_EVENT_SOURCE,
  'XDomainRequest (stand-in)': NOT_IN_CORE['XDomainRequest (stand-in)']
};

// The suites about one class. In the as-is profile, where that class is the engine's own and the standalone script
// kept it (jsdom's AbortController, AbortSignal, DOMException and FormData; before issue 19's families, also jsdom's
// and QtWebKit's Headers), the suite tests the engine's class: it runs in a native pass, as the oracle pass does
// elsewhere (itPolyfillOnly and the message checks leave retrofetch's own behaviour out), not in the polyfill pass.
const SUBJECTS: { [suite: string]: keyof Impl } = {
  'Headers': 'Headers', 'AbortController': 'AbortController', 'AbortSignal': 'AbortSignal', 'AbortSignal events': 'AbortSignal',
  'DOMException': 'DOMException', 'FormData': 'FormData', 'FormData from a <form>': 'FormData',
  // (A worker loads the standalone script, which keeps the engine's EventSource there too.)
  'EventSource in workers': 'EventSource'
};

// The suites that run in both passes where the engine's EventSource is kept (see keptEventSource()).
const BUNDLED_WHERE_KEPT = ['EventSource', 'EventSource: event stream format'];

/** Whether the as-is page's class of this suite is the engine's own, kept (see SUBJECTS). */
function keptFromEngine(title: string): boolean {
  var name = SUBJECTS[title];
  return profile === 'as-is' && !!name && g[name] !== undefined && g[name] === engineOwn(name);
}

export function runAll(): void {
  const passes: Impl[] = [implFrom(g, 'polyfill')];
  if (g.__retrofetchNatives) passes.push(implFrom(g.__retrofetchNatives, 'native'));
  var kept = suites.filter(function (s) { return keptFromEngine(s.title); });
  var bundled = keptEventSource() ? suites.filter(function (s) { return BUNDLED_WHERE_KEPT.indexOf(s.title) >= 0; }) : [];
  if (kept.length || bundled.length) passes.push(implFrom(g, 'native'));
  // Each test's start is told to Karma at once. Karma's client sends results in batches of 50 until it sees its
  // socket upgraded to a WebSocket, and it can miss that (its listener is added on connect, after an upgrade that came
  // first: seen in QtWebKit), so 50 slow tests (say, ones that time out) would be a minute with no message, which Karma
  // takes for a hung browser. So Karma's no-activity timer restarts at every test, RETROFETCH_TRACE
  // (test/karma/reporter.js) names the test that runs when an engine stops, and the report of a test that timed out
  // lists the requests the test server saw since the test's start (`at`: the message itself can come after them).
  if (typeof __karma__ !== 'undefined' && typeof __karma__.info === 'function') {
    beforeEach(function () {
      __karma__.info({ retrofetchStarted: this.currentTest!.titlePath().join(' > '), at: new Date().getTime() });
    });
  }
  passes.forEach(function (impl) {
    describe(impl.name, function () {
      suites.forEach(function (s) {
        // (In the as-is profile, the native pass has only the suites of the classes kept from the engine.)
        if (profile === 'as-is' && impl.name === 'native' && kept.indexOf(s) < 0 && bundled.indexOf(s) < 0) return;
        describe(s.title, function () {
          if (impl.name === 'polyfill' && kept.indexOf(s) >= 0) {
            it.skip('[skipped: this page\'s ' + SUBJECTS[s.title] + ' is the engine\'s own, which the standalone script keeps: ' +
              'the native pass tests it]', function () { /* */ });
            return;
          }
          if (profile === 'ie9' && IE9_SUITES.indexOf(s.title) < 0) {
            it.skip('[skipped: the ie9 profile lacks what this suite is about (typed arrays, Blob, Symbol or XHR level 2)]', function () { /* */ });
            return;
          }
          if (profile === 'core' && Object.prototype.hasOwnProperty.call(NOT_IN_CORE, s.title)) {
            it.skip('[skipped: ' + NOT_IN_CORE[s.title] + ']', function () { /* */ });
            return;
          }
          if (profile === 'no-abort' && Object.prototype.hasOwnProperty.call(NOT_IN_NO_ABORT, s.title)) {
            it.skip('[skipped: ' + NOT_IN_NO_ABORT[s.title] + ']', function () { /* */ });
            return;
          }
          s.fn(impl);
        });
      });
    });
  });
}

/**
 * Skips the running test where bodies can have no stream: the page has no ReadableStream (the core build in an
 * engine without one, test/setup/load-polyfill.js) or no Uint8Array (the ie9 profile).
 */
export function requireBodyStreams(context: Mocha.Context, impl: Impl): void {
  if (!impl.ReadableStream || typeof Uint8Array === 'undefined') {
    skipBecause(context, 'no ReadableStream here, so bodies have no stream (the core build, README "Three ways in")');
  }
}

/**
 * In the as-is profile's native pass (a class the engine has of its own and retrofetch keeps: SUBJECTS), skips the
 * running test for that engine's difference from the spec, as measured and described in `reason`. Elsewhere the
 * native pass is the oracle: nothing is skipped there.
 */
export function engineDifference(context: Mocha.Context, impl: Impl, reason: string): void {
  if (profile === 'as-is' && impl.name === 'native') skipBecause(context, 'engine difference: ' + reason);
}

/** Skips the running test for a reason that the report shows (a feature this engine or pass lacks). */
export function skipBecause(context: Mocha.Context, reason: string): void {
  var runnable: any = context.test;
  var label = ' [skipped: ' + reason + ']';
  function mark(test: any): void {
    // (A beforeEach() hook skips each test in turn: the reason is given once.)
    if (test.title.indexOf(label) < 0) test.title += label;
  }
  // From a before() hook the whole suite is skipped: every test in it gets the reason.
  if (runnable && runnable.type === 'hook' && runnable.parent) {
    runnable.parent.tests.forEach(mark);
  } else if (runnable) {
    mark(runnable);
  }
  context.skip();
}
