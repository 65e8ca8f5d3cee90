// `npm run check:demo`: the demo (`npm start`: scripts/serve.js, demo/) in headless Chromium, driven by
// playwright-core against the system's Chromium (it downloads no browser). It starts the same servers `npm start`
// does on free ports (after `npm run build`), then on each side of the page (native fetch; retrofetch with the natives
// deleted) clicks every button and checks what the page shows: the streamed text arrived in parts and its progress
// reached 100%, the upload reached the server (retrofetch: with progress to 100%; native: the page says there is
// none), abort gives an AbortError and closes the connection, AbortSignal.timeout() a TimeoutError, the cross-origin
// request worked, the EventSource's events arrived one by one, and a stream that needs an Authorization header
// arrived through retrofetch's EventSource (its extension member) and failed the browser's own.
'use strict';
const { chromium } = require('playwright-core');
const { start } = require('../../scripts/serve');

const CHROMIUM = process.env.CHROME_BIN || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const TIMEOUT = 20000;

let failures = 0;
function check(label, ok, detail) {
  console.log((ok ? '  ok    ' : '  FAIL  ') + label + (ok ? '' : '\n        ' + detail));
  if (!ok) failures++;
}

/** Waits until the result line `id` is done or failed; returns { state, text }. */
async function result(frame, id) {
  const selector = '#' + id + '[data-state=done], #' + id + '[data-state=error]';
  await frame.waitForSelector(selector, { timeout: TIMEOUT });
  return frame.$eval('#' + id, (el) => ({ state: el.getAttribute('data-state'), text: el.textContent,
    parts: Number(el.getAttribute('data-parts')) }));
}

async function side(frame, name) {
  const retro = name === 'retrofetch';
  const who = await frame.textContent('#who');
  check(name + ': the page says which fetch runs', retro ? /is retrofetch/.test(who) : /this browser's own/.test(who), who);
  const isNative = await frame.evaluate(() => /\[native code\]/.test(Function.prototype.toString.call(window.fetch)));
  check(name + ': window.fetch is ' + (retro ? 'not ' : '') + 'the native one', isNative === !retro, 'native: ' + isNative);

  await frame.click('#stream');
  const stream = await result(frame, 'stream-out');
  const text = await frame.textContent('#stream-text');
  const pct = await frame.textContent('#stream-pct');
  check(name + ': streamed text arrived in parts', stream.state === 'done' && stream.parts > 1, JSON.stringify(stream));
  check(name + ': the streamed text is whole and decoded', /^line 1 of 12: h\u00e9llo w\u00f6rld \u2713/.test(text) &&
    /line 12 of 12: h\u00e9llo w\u00f6rld \u2713, sent \+1650 ms\n$/.test(text), JSON.stringify(text));
  check(name + ': download progress reached 100%', pct === '100%', pct);

  await frame.click('#upload');
  const upload = await result(frame, 'upload-out');
  check(name + ': the upload reached the server', upload.state === 'done' && /the server got 8388608 bytes/.test(upload.text), upload.text);
  if (retro) {
    const upPct = await frame.textContent('#upload-pct');
    check(name + ': upload progress reached 100%', upPct === '100%' && /[1-9]\d* upload progress events?\b/.test(upload.text), upPct + ' / ' + upload.text);
  } else {
    const note = await frame.textContent('#upload-pct');
    check(name + ': the page says native fetch has no upload progress', /has no upload progress/.test(note) &&
      !(await frame.isVisible('#upload-bar')), note);
  }

  await frame.click('#abort-start');
  await frame.waitForSelector('#abort-out[data-state=running]', { timeout: TIMEOUT });
  await new Promise((resolve) => setTimeout(resolve, 500)); // let the request reach the server
  await frame.click('#abort');
  const abort = await result(frame, 'abort-out');
  check(name + ': abort rejects with an AbortError and closes the connection',
    abort.state === 'done' && /rejected with AbortError/.test(abort.text) && /server saw the connection close/.test(abort.text), abort.text);

  await frame.click('#timeout');
  const timeout = await result(frame, 'timeout-out');
  check(name + ': AbortSignal.timeout() rejects with a TimeoutError', timeout.state === 'done' && /rejected with TimeoutError/.test(timeout.text), timeout.text);

  await frame.click('#cors');
  const cors = await result(frame, 'cors-out');
  check(name + ': the cross-origin request worked (preflighted, type "cors")', cors.state === 'done' &&
    /^200 from http:\/\/localhost:\d+, response\.type "cors"; the server saw Origin http:\/\/localhost:\d+ and X-Demo: /.test(cors.text) &&
    cors.text.indexOf('X-Demo: ' + name) > 0, cors.text);

  await frame.click('#events');
  const events = await result(frame, 'events-out');
  const items = await frame.$$eval('#events-list li', (lis) => lis.map((li) => ({ ms: Number(li.getAttribute('data-ms')), text: li.textContent })));
  const texts = items.map((i) => i.text.replace(/^\+\d+ ms: /, ''));
  check(name + ': the EventSource\'s 5 events arrived, in order', events.state === 'done' &&
    texts.join('|') === [1, 2, 3, 4, 5].map((k) => 'event ' + k + ' of 5 (lastEventId ' + k + ')').join('|'), JSON.stringify(texts));
  check(name + ': each event was shown when it arrived (not all at the end)', items.length === 5 && items[4].ms - items[0].ms >= 600,
    JSON.stringify(items.map((i) => i.ms)));
  const isOurs = await frame.evaluate(() => !/\[native code\]/.test(Function.prototype.toString.call(window.EventSource)));
  check(name + ': window.EventSource is ' + (retro ? 'retrofetch\'s' : 'the browser\'s'), isOurs === retro, 'ours: ' + isOurs);

  await frame.click('#auth-events');
  const auth = await result(frame, 'auth-events-out');
  const authTexts = await frame.$$eval('#auth-events-list li', (lis) => lis.map((li) => li.textContent.replace(/^\+\d+ ms: /, '')));
  if (retro) {
    check(name + ': the stream that needs an Authorization header arrived', auth.state === 'done' &&
      authTexts.join('|') === [1, 2, 3].map((k) => 'event ' + k + ' of 3 (authorized) (lastEventId ' + k + ')').join('|'), JSON.stringify([auth, authTexts]));
  } else {
    check(name + ': the stream that needs a header fails (the browser\'s EventSource sends none)', auth.state === 'done' &&
      /readyState CLOSED/.test(auth.text) && authTexts.length === 0, JSON.stringify([auth, authTexts]));
  }
}

async function main() {
  const demo = await start(0);
  let browser = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60000 });
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      // (The 401 the browser's own EventSource gets on the stream that needs a header is the point, not an error.)
      const expected = /Failed to load resource/.test(m.text()) && /[?&]auth=demo/.test(m.location().url);
      if (m.type() === 'error' && !expected) errors.push(m.text() + ' ' + m.location().url);
    });
    await page.goto(demo.url, { waitUntil: 'load', timeout: 30000 });
    console.log('check:demo: ' + demo.url + ' in ' + browser.version());
    for (const name of ['native', 'retrofetch']) {
      const frame = page.frame({ url: new RegExp('side\\.html\\?impl=' + name + '$') });
      check(name + ': the side frame loaded', !!frame, page.frames().map((f) => f.url()).join(', '));
      if (frame) await side(frame, name);
    }
    check('no script errors on the page', errors.length === 0, errors.join('\n        '));
  } finally {
    if (browser) await browser.close();
    await demo.close();
  }
  console.log(failures ? 'check:demo: ' + failures + ' failed' : 'check:demo: ok');
  process.exit(failures ? 1 : 0);
}

main().catch((e) => {
  console.error('check:demo: ' + (e && e.stack || e));
  process.exit(1);
});
