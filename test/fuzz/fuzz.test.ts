// The differential fuzz (issue 10, item 13): Headers, Request and Response of retrofetch (the polyfill pass) against
// the engine's own classes (saved by test/setup/remove-natives.js), on seeded random cases. Each case's seed is the
// run's seed plus its index, so one failing case reruns alone:
//   RETROFETCH_FUZZ_SEED=<case seed> RETROFETCH_FUZZ_CASES=1 RETROFETCH_GREP='fuzz Request' npm run fuzz
// `npm test` runs a few hundred cases per class with a fixed seed; `npm run fuzz` runs 10,000 per class per engine
// with a fresh seed (scripts/fuzz.js). Native differences per spec are counted (./native-differences.ts); any other
// divergence fails the test with its seed, the case and the first difference.
import { Impl, suite, skipBecause, profile, AS_IS_NO_ORACLE } from '../support/harness';
import { Case, Outcome, errors, generateHeaders, generateRequest, generateResponse, runHeaders, runRequest, runResponse, commonProps,
  REQUEST_PROPS_ALL, RESPONSE_PROPS_ALL } from './cases';
import { rng } from './values';
import { NATIVE_DIFFERENCES, NativeDifference } from './native-differences';

declare const __karma__: any;
var g: any = typeof self !== 'undefined' ? self : window;
var config = (typeof __karma__ !== 'undefined' && __karma__.config && __karma__.config.retrofetch && __karma__.config.retrofetch.fuzz) || {};
var CASES: number = config.cases || 300;
var SEED: number = config.seed !== undefined ? config.seed : 20261130;
var BATCH = 250;

/** The first path where two outcomes differ, with both values. */
function firstDifference(a: any, b: any, path: string): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    var keys = Object.keys(a).concat(Object.keys(b));
    for (var i = 0; i < keys.length; i++) {
      var d = firstDifference(a[keys[i]], b[keys[i]], path + '.' + keys[i]);
      if (d !== null) return d;
    }
  }
  return path + ': retrofetch ' + clip(show(a)) + ', native ' + clip(show(b));
}

/** JSON with the invisible and non-ASCII code units escaped, to be read in a terminal. */
function show(value: unknown): string {
  return String(JSON.stringify(value)).replace(/[\u0000-\u001f\u007f-\u00a0\u00ad\u0100-\uffff]/g, function (ch) {
    return '\\u' + ('000' + ch.charCodeAt(0).toString(16)).slice(-4);
  });
}

function clip(s: string | undefined): string {
  return s === undefined ? 'undefined' : s.length > 300 ? s.slice(0, 300) + '…' : s;
}

interface Kind {
  generate: (r: ReturnType<typeof rng>) => Case;
  run: (c: Case, impl: Impl) => Promise<Outcome>;
}

suite('fuzz', function (impl) {
  if (impl.name !== 'polyfill') return; // retrofetch against the natives, once
  var natives: Impl = g.__retrofetchNatives;
  var engine = navigator.userAgent.replace(/^.*?(HeadlessChrome|Chrome|Firefox|Version\/[\d.]+ Safari)[\/ ]?([\d.]*).*$/, '$1 $2');

  // The native differences this engine's natives have (probed once).
  var quirks: NativeDifference[] = [];
  before(function () {
    if (!natives) return undefined;
    return Promise.all(NATIVE_DIFFERENCES.map(function (d) {
      return Promise.resolve().then(function () { return d.probe(natives); }).then(null, function () { return false; });
    })).then(function (found) {
      quirks = NATIVE_DIFFERENCES.filter(function (_d, i) { return found[i] === true; });
      console.log('[fuzz] ' + engine + ': native differences probed: ' + (quirks.map(function (d) { return d.id; }).join('; ') || 'none'));
    });
  });

  function kind(name: string): Kind {
    if (name === 'Headers') return { generate: generateHeaders, run: runHeaders };
    var Native: any = natives && (natives as any)[name];
    var props = name === 'Request'
      ? commonProps(REQUEST_PROPS_ALL, impl.Request.prototype, Native && Native.prototype)
      : commonProps(RESPONSE_PROPS_ALL, impl.Response.prototype, Native && Native.prototype);
    return name === 'Request'
      ? { generate: generateRequest, run: function (c, i) { return runRequest(c, i, props); } }
      : { generate: generateResponse, run: function (c, i) { return runResponse(c, i, props); } };
  }

  ['Headers', 'Request', 'Response'].forEach(function (name) {
    describe(name, function () {
      var documented: { [id: string]: number } = {};
      var divergences: string[] = []; // of the running batch
      var diverged = 0;
      var ran = 0;
      var constructed = 0; // cases where retrofetch made the object (the rest test the errors)
      var k: Kind;

      before(function () {
        if (profile === 'as-is') return skipBecause(this, AS_IS_NO_ORACLE);
        if (!natives || typeof (natives as any)[name] !== 'function') return skipBecause(this, 'the engine has no native ' + name + ' to compare with');
        k = kind(name);
      });

      // Whether the quirks that apply to c explain the divergence: with them taken out, both agree.
      function explain(c: Case): Promise<string[] | null> {
        var applied: string[] = [];
        var current = c;
        var rules = quirks.filter(function (d) { return d.applies(c); });
        function next(i: number): Promise<string[] | null> {
          if (i >= rules.length) return Promise.resolve(null);
          current = rules[i].without(current);
          applied.push(rules[i].id);
          return Promise.all([k.run(current, impl), k.run(current, natives)]).then(function (outcomes) {
            var left = firstDifference(outcomes[0], outcomes[1], '');
            if (CASES <= 10) console.log('[fuzz] without ' + applied.join(', ') + ': ' + (left === null ? 'agree' : left));
            return left === null ? applied : next(i + 1);
          });
        }
        return next(0);
      }

      function runCase(seed: number): Promise<void> {
        var c = k.generate(rng(seed));
        errors.length = 0;
        return Promise.all([k.run(c, impl), k.run(c, natives)]).then(function (outcomes) {
          ran++;
          if (outcomes[0].made === 'ok') constructed++;
          var difference = firstDifference(outcomes[0], outcomes[1], '');
          // Rerunning a few cases (one seed): everything, to see what happened.
          if (CASES <= 10) {
            console.log('[fuzz] seed ' + seed + ' case ' + show(c) + '\n  retrofetch ' + show(outcomes[0]) +
              '\n  native     ' + show(outcomes[1]) + '\n  errors: ' + errors.join('\n  '));
          }
          if (difference === null) return undefined;
          return explain(c).then(function (ids) {
            if (ids !== null) {
              ids.forEach(function (id) { documented[id] = (documented[id] || 0) + 1; });
              return;
            }
            diverged++;
            if (divergences.length < 5) {
              divergences.push('seed ' + seed + ': ' + difference + '\n      case ' + clip(show(c)));
            } else {
              divergences.push('seed ' + seed);
            }
          });
        });
      }

      for (var from = 0; from < CASES; from += BATCH) {
        (function (from: number, to: number) {
          it('cases ' + (from + 1) + '–' + to + ' (seed ' + SEED + ')', function () {
            this.timeout(120000);
            divergences = [];
            function next(i: number): Promise<void> {
              return i >= to ? Promise.resolve() : runCase(SEED + i).then(function () { return next(i + 1); });
            }
            return next(from).then(function () {
              if (divergences.length) throw new Error(divergences.length + ' divergence(s):\n    ' + divergences.join('\n    '));
            });
          });
        })(from, Math.min(CASES, from + BATCH));
      }

      after(function () {
        if (!ran) return;
        var counts = Object.keys(documented).map(function (id) { return id + ' ×' + documented[id]; });
        console.log('[fuzz] ' + engine + ' ' + name + ': ' + ran + ' cases from seed ' + SEED + ' (' + constructed + ' made an object), ' + diverged +
          ' divergences, documented native differences: ' + (counts.length ? counts.join('; ') : 'none'));
      });
    });
  });
});
