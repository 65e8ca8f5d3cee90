// `npm run check:demo`: the demo (`npm start`: scripts/serve.js, demo/) in headless Chromium, driven by
// playwright-core against the system's Chromium (it downloads no browser). It starts the same servers `npm start`
// does on free ports (after `npm run build`), opens the page, and checks:
// - each row shows the code of its panel, exactly the lines between `// #region NAME` and `// #endregion` of
//   demo/demo.js (cut out here independently of demo/page.js), and the column headings say what each side runs;
// - on each side of every row (native fetch; retrofetch with the natives deleted) it clicks the buttons and checks
//   what the page shows: the streamed text arrived whole, in parts, and its progress reached 100%; the upload reached
//   the server, and on the retrofetch side its progress bar took several values between 0 and 100% while it ran
//   (sampled from the page), native fetch saying it has none; abort gives an AbortError and the server saw the
//   connection close; AbortSignal.timeout() a TimeoutError; the cross-origin request worked; the EventSource's
//   events arrived one by one; and the stream that needs an Authorization header arrived through retrofetch's
//   EventSource (its extension member) and failed the browser's own;
// - then the layout: the two frames of a row start at the same height and are as tall as each other, and no frame
//   cuts off its content (in height or width).
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { start } = require('../../scripts/serve');

const CHROMIUM = process.env.CHROME_BIN || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const TIMEOUT = 30000;
const PANELS = ['stream', 'upload', 'abort', 'timeout', 'cors', 'events', 'auth-events'];
const SIDES = ['native', 'retrofetch'];
const UPLOAD_BYTES = 24 * 1024 * 1024;

let failures = 0;
function check(label, ok, detail) {
  console.log((ok ? '  ok    ' : '  FAIL  ') + label + (ok ? '' : '\n        ' + detail));
  if (!ok) failures++;
}

/** demo.js's regions, as this check reads them: { NAME: 'the lines, without their common indent' }. */
function regions() {
  const source = fs.readFileSync(path.join(__dirname, '../../demo/demo.js'), 'utf8');
  const found = {};
  const re = /^[ \t]*\/\/ #region (\S+)\n([\s\S]*?)^[ \t]*\/\/ #endregion/gm;
  let m;
  while ((m = re.exec(source))) {
    const lines = m[2].replace(/\n$/, '').split('\n');
    const indent = Math.min(...lines.filter((l) => /\S/.test(l)).map((l) => /^ */.exec(l)[0].length));
    found[m[1]] = lines.map((l) => l.slice(indent)).join('\n');
  }
  return found;
}

/** Where two texts first differ, line by line, for a failure's message. */
function firstDifference(shown, wanted) {
  if (typeof shown !== 'string' || typeof wanted !== 'string') return 'shown: ' + JSON.stringify(shown) + ', in demo.js: ' + JSON.stringify(wanted);
  const a = shown.split('\n');
  const b = wanted.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return 'line ' + (i + 1) + ' shown: ' + JSON.stringify(a[i]) + ', in demo.js: ' + JSON.stringify(b[i]);
}

/** Waits until the result line `#<panel>-out` is done or failed; returns { state, text }. */
async function result(frame, panel) {
  const id = '#' + panel + '-out';
  await frame.waitForSelector(id + '[data-state=done], ' + id + '[data-state=error]', { timeout: TIMEOUT });
  return frame.$eval(id, (el) => ({ state: el.getAttribute('data-state'), text: el.textContent }));
}

const runs = {
  async stream(frame, side) {
    await frame.click('#stream-run');
    const stream = await result(frame, 'stream');
    const text = await frame.textContent('#stream-text');
    const pct = await frame.textContent('#stream-pct');
    const parts = Number((/ in (\d+) parts/.exec(stream.text) || [])[1]);
    check(side + ': streamed text arrived in parts', stream.state === 'done' && parts > 1, JSON.stringify(stream));
    check(side + ': the streamed text is whole and decoded', /^line 1 of 12: h\u00e9llo w\u00f6rld \u2713/.test(text) &&
      /line 12 of 12: h\u00e9llo w\u00f6rld \u2713, sent \+1650 ms\n$/.test(text) && text.split('\n').length === 13, JSON.stringify(text));
    check(side + ': download progress reached 100%', pct === '100%', pct);
  },

  async upload(frame, side) {
    if (side === 'native') {
      const note = await frame.textContent('#upload-none');
      check(side + ': the page says native fetch has no upload progress', /has no upload progress/.test(note) &&
        await frame.isVisible('#upload-none') && !(await frame.isVisible('#upload-bar')), note);
    } else {
      check(side + ': the upload progress bar is shown (and the no-progress note is not)',
        await frame.isVisible('#upload-bar') && !(await frame.isVisible('#upload-none')), '');
    }
    await frame.click('#upload-run');
    // What the bar shows while the upload runs, sampled from the page until the result line settles.
    const seen = new Set();
    for (;;) {
      const now = await frame.evaluate(() => ({ value: window.document.getElementById('upload-bar').value,
        state: window.document.getElementById('upload-out').getAttribute('data-state') }));
      seen.add(now.value);
      if (now.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const upload = await result(frame, 'upload');
    check(side + ': the upload reached the server', upload.state === 'done' &&
      upload.text.indexOf('the server got ' + UPLOAD_BYTES + ' bytes') === 0, upload.text);
    if (side === 'native') return;
    const between = [...seen].filter((v) => v > 0 && v < 1).sort();
    const events = Number(await frame.getAttribute('#upload-bar', 'data-events'));
    const pct = await frame.textContent('#upload-pct');
    console.log('        ' + side + ': ' + events + ' upload progress events; the bar showed ' +
      between.map((v) => Math.floor(v * 100) + '%').join(', ') + ' on its way to ' + pct);
    check(side + ': the upload progress bar advanced through several values (3 or more between 0 and 100%)',
      between.length >= 3, JSON.stringify([...seen]));
    check(side + ': upload progress reached 100%, with as many progress events', pct === '100%' && events >= between.length + 1 &&
      new RegExp('^' + events + ' progress events$').test(await frame.textContent('#upload-events')), pct + ' / ' + events);
  },

  async abort(frame, side) {
    check(side + ': the abort button is off until a request runs', await frame.isDisabled('#abort-stop'), '');
    await frame.click('#abort-run');
    await frame.waitForSelector('#abort-out[data-state=running]', { timeout: TIMEOUT });
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the request reach the server
    await frame.click('#abort-stop');
    const abort = await result(frame, 'abort');
    check(side + ': abort rejects with an AbortError and closes the connection', abort.state === 'done' &&
      /^rejected with AbortError: .*; the server saw the connection close/.test(abort.text), abort.text);
  },

  async timeout(frame, side) {
    await frame.click('#timeout-run');
    const timeout = await result(frame, 'timeout');
    const ms = Number((/\((\d+) ms\)$/.exec(timeout.text) || [])[1]);
    check(side + ': AbortSignal.timeout(500) rejects with a TimeoutError, after about 500 ms', timeout.state === 'done' &&
      /^rejected with TimeoutError/.test(timeout.text) && ms >= 450 && ms < 4000, timeout.text);
  },

  async cors(frame, side) {
    await frame.click('#cors-run');
    const cors = await result(frame, 'cors');
    check(side + ': the cross-origin request worked (preflighted, type "cors")', cors.state === 'done' &&
      new RegExp('^200 from http://localhost:\\d+, type "cors"; the server saw X-Demo: ' + side +
        ' from Origin http://localhost:\\d+ ').test(cors.text), cors.text);
  },

  async events(frame, side) {
    await frame.click('#events-run');
    const events = await result(frame, 'events');
    const items = await frame.$$eval('#events-list li', (lis) => lis.map((li) => ({ ms: Number(li.getAttribute('data-ms')), text: li.textContent })));
    const texts = items.map((i) => i.text.replace(/^\+\d+ ms: /, ''));
    check(side + ': the EventSource\'s 5 events arrived, in order', events.state === 'done' &&
      texts.join('|') === [1, 2, 3, 4, 5].map((k) => 'event ' + k + ' of 5 (lastEventId ' + k + ')').join('|'), JSON.stringify(texts));
    check(side + ': each event was shown when it arrived (not all at the end)', items.length === 5 && items[4].ms - items[0].ms >= 600,
      JSON.stringify(items.map((i) => i.ms)));
    const isNative = await frame.evaluate(() => window.retrofetchDemoSide.eventSourceIsNative);
    check(side + ': window.EventSource is ' + (side === 'retrofetch' ? 'retrofetch\'s' : 'the browser\'s'), isNative === (side === 'native'), 'native: ' + isNative);
  },

  async 'auth-events'(frame, side) {
    await frame.click('#auth-events-run');
    const auth = await result(frame, 'auth-events');
    const texts = await frame.$$eval('#auth-events-list li', (lis) => lis.map((li) => li.textContent.replace(/^\+\d+ ms: /, '')));
    if (side === 'retrofetch') {
      check(side + ': the stream that needs an Authorization header arrived', auth.state === 'done' &&
        texts.join('|') === [1, 2, 3].map((k) => 'event ' + k + ' of 3 (authorized)').join('|'), JSON.stringify([auth, texts]));
    } else {
      check(side + ': the stream that needs a header fails (the browser\'s EventSource sends none)', auth.state === 'done' &&
        /readyState CLOSED/.test(auth.text) && texts.length === 0, JSON.stringify([auth, texts]));
    }
  }
};

/** Where each frame of the page sits, how tall it is, and whether its content fits in it. */
function layout(page) {
  return page.evaluate(() => {
    const rows = [];
    const sections = window.document.querySelectorAll('section.row');
    for (let i = 0; i < sections.length; i++) {
      const frames = [];
      const iframes = sections[i].querySelectorAll('iframe');
      for (let j = 0; j < iframes.length; j++) {
        const box = iframes[j].getBoundingClientRect();
        const doc = iframes[j].contentWindow.document;
        frames.push({ side: iframes[j].getAttribute('data-side'), top: Math.round(box.top), height: iframes[j].clientHeight,
          width: iframes[j].clientWidth, contentHeight: doc.documentElement.scrollHeight, contentWidth: doc.documentElement.scrollWidth });
      }
      rows.push({ id: sections[i].id, frames });
    }
    return rows;
  });
}

async function main() {
  const demo = await start(0);
  let browser = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60000 });
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      // (The 401 the browser's own EventSource gets on the stream that needs a header is the point, not an error.)
      const expected = /Failed to load resource/.test(m.text()) && /[?&]auth=demo/.test(m.location().url);
      if (m.type() === 'error' && !expected) errors.push(m.text() + ' ' + m.location().url);
    });
    await page.goto(demo.url, { waitUntil: 'load', timeout: 30000 });
    console.log('check:demo: ' + demo.url + ' in ' + browser.version());

    const wanted = regions();
    check('demo.js has a region for each of the ' + PANELS.length + ' panels', Object.keys(wanted).sort().join() === PANELS.slice().sort().join(),
      Object.keys(wanted).join(', '));
    await page.waitForFunction((n) => window.document.querySelectorAll('pre[data-region] span').length > 0 &&
      window.document.querySelectorAll('[data-filled]').length === n, 2, { timeout: TIMEOUT });
    for (const name of PANELS) {
      const shown = await page.$eval('pre[data-region="' + name + '"]', (el) => el.textContent).catch(() => null);
      check(name + ': the row shows its code from demo.js, exactly', shown === wanted[name] && /\S/.test(shown || ''),
        firstDifference(shown, wanted[name]));
    }
    const who = { native: await page.textContent('#native-who'), retrofetch: await page.textContent('#retrofetch-who') };
    check('the headings say which fetch each side runs', /^window\.fetch is this browser's own/.test(who.native) &&
      /^window\.fetch is retrofetch, over XMLHttpRequest/.test(who.retrofetch), JSON.stringify(who));

    const fetchKind = { native: [], retrofetch: [] };
    for (const name of PANELS) {
      for (const side of SIDES) {
        const frame = page.frame({ url: new RegExp('side\\.html\\?impl=' + side + '&panel=' + name + '$') });
        check(name + ', ' + side + ': the frame loaded', !!frame, page.frames().map((f) => f.url()).join(', '));
        if (!frame) continue;
        const fetchIsNative = await frame.evaluate(() => /\[native code\]/.test(Function.prototype.toString.call(window.fetch)));
        if (fetchIsNative !== (side === 'native')) fetchKind[side].push(name);
        await runs[name](frame, side);
      }
    }
    for (const side of SIDES) {
      check('in every ' + side + ' frame window.fetch is ' + (side === 'native' ? '' : 'not ') + 'the native one',
        fetchKind[side].length === 0, 'not so in: ' + fetchKind[side].join(', '));
    }

    await page.evaluate(() => window.retrofetchDemo.fit());
    for (const row of await layout(page)) {
      const [a, b] = row.frames;
      check(row.id + ': its two frames start level and are as tall as each other', row.frames.length === 2 &&
        a.top === b.top && a.height === b.height, JSON.stringify(row.frames));
      const cut = row.frames.filter((f) => f.contentHeight > f.height || f.contentWidth > f.width);
      check(row.id + ': no frame cuts off its content', cut.length === 0, JSON.stringify(cut));
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
