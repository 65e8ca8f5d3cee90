// `npm run screenshot:demo` (after `npm run build`): retakes demo/screenshot.png, the picture of the demo in
// README.md. It starts the demo's servers on free ports (as `npm start` does), opens the page in headless Chromium
// (playwright-core with the system's /usr/bin/chromium, or CHROME_BIN), presses every panel's buttons on both sides,
// one row at a time, waits for the results, and takes the top of the page down to the end of the upload row (`--full`:
// the whole page; `--out FILE`: another file). The PNG is written with a 256-colour palette (median cut, no
// dithering, so text stays sharp), which keeps it near a fifth of the size of Chromium's own PNG. Not part of
// `npm test`: the picture changes with the timings of each run, so it is retaken by hand when the page changes.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { chromium } = require('playwright-core');
const { start } = require('./serve');

const CHROMIUM = process.env.CHROME_BIN || '/usr/bin/chromium';
const PANELS = ['stream', 'upload', 'abort', 'timeout', 'cors', 'events', 'auth-events'];
const WIDTH = 1360;
const LAST_ROW = '#row-upload';

function option(name) {
  const at = process.argv.indexOf(name);
  return at < 0 ? null : process.argv[at + 1] || '';
}

async function main() {
  const full = process.argv.indexOf('--full') >= 0;
  const out = path.resolve(option('--out') || path.join(__dirname, '../demo/screenshot.png'));
  const demo = await start(0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
    await page.goto(demo.url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.document.querySelectorAll('pre[data-region] span').length > 0 &&
      window.document.querySelectorAll('[data-filled]').length === 2);
    for (const panel of PANELS) {
      const frames = ['native', 'retrofetch'].map((side) => page.frame({ url: new RegExp('impl=' + side + '&panel=' + panel + '$') }));
      for (const frame of frames) await frame.click('#' + panel + '-run');
      if (panel === 'abort') {
        await page.waitForTimeout(500);
        for (const frame of frames) await frame.click('#abort-stop');
      }
      const settled = '#' + panel + '-out[data-state=done], #' + panel + '-out[data-state=error]';
      for (const frame of frames) await frame.waitForSelector(settled, { timeout: 30000 });
    }
    await page.evaluate(() => window.retrofetchDemo.fit());
    const bottom = full ? await page.evaluate(() => window.document.documentElement.scrollHeight)
      : await page.$eval(LAST_ROW, (row) => Math.ceil(row.getBoundingClientRect().bottom + window.scrollY) + 16);
    const shot = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: WIDTH, height: bottom } });
    const small = toPalettePng(decodePng(shot));
    fs.writeFileSync(out, small);
    console.log('screenshot-demo: ' + path.relative(process.cwd(), out) + ', ' + WIDTH + ' x ' + bottom + ', ' +
      small.length + ' bytes (Chromium\'s PNG: ' + shot.length + ')');
  } finally {
    await browser.close();
    await demo.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PNG in (8-bit RGB or RGBA, not interlaced: what Chromium writes) and out (8-bit palette).

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** { width, height, rgb: Buffer of width * height * 3 bytes }. */
function decodePng(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const data = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const colorType = body[9];
      if (body[8] !== 8 || (colorType !== 2 && colorType !== 6) || body[12] !== 0) {
        throw new Error('only 8-bit RGB or RGBA, not interlaced (bit depth ' + body[8] + ', colour type ' + colorType + ')');
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      data.push(body);
    }
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[row + x - channels] : 0;
      const up = y > 0 ? pixels[row - stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[row - stride + x - channels] : 0;
      pixels[row + x] = (line[x] + unfilter(filter, left, up, upLeft)) & 0xff;
    }
  }
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0, j = 0; i < pixels.length; i += channels, j += 3) {
    rgb[j] = pixels[i];
    rgb[j + 1] = pixels[i + 1];
    rgb[j + 2] = pixels[i + 2];
  }
  return { width, height, rgb };
}

function unfilter(filter, left, up, upLeft) {
  switch (filter) {
    case 0: return 0;
    case 1: return left;
    case 2: return up;
    case 3: return (left + up) >> 1;
    case 4: {
      const p = left + up - upLeft;
      const pa = Math.abs(p - left);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - upLeft);
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default: throw new Error('PNG filter ' + filter);
  }
}

/** The colours to 256 by median cut over a 5-bit-per-channel histogram; each pixel to the nearest of them. */
function toPalettePng(image) {
  const { width, height, rgb } = image;
  const bucketOf = (i) => ((rgb[i] >> 3) << 10) | ((rgb[i + 1] >> 3) << 5) | (rgb[i + 2] >> 3);
  const count = new Uint32Array(32768);
  for (let i = 0; i < rgb.length; i += 3) count[bucketOf(i)]++;
  const used = [];
  for (let b = 0; b < count.length; b++) if (count[b]) used.push(b);
  const channel = (b, c) => (b >> (10 - 5 * c)) & 31;

  // Split the box with the most pixels (that can still be split) at the median of its widest channel.
  let boxes = [used];
  while (boxes.length < 256) {
    let pick = -1;
    let most = 0;
    boxes.forEach((box, i) => {
      const pixels = box.reduce((n, b) => n + count[b], 0);
      if (box.length > 1 && pixels > most) { most = pixels; pick = i; }
    });
    if (pick < 0) break;
    const box = boxes[pick];
    const spans = [0, 1, 2].map((c) => Math.max(...box.map((b) => channel(b, c))) - Math.min(...box.map((b) => channel(b, c))));
    const c = spans.indexOf(Math.max(...spans));
    box.sort((a, b) => channel(a, c) - channel(b, c));
    let half = 0;
    let cut = 0;
    while (cut < box.length - 1 && half + count[box[cut]] <= most / 2) half += count[box[cut++]];
    if (cut === 0) cut = 1;
    boxes = boxes.slice(0, pick).concat([box.slice(0, cut), box.slice(cut)], boxes.slice(pick + 1));
  }

  // Each box's colour is the mean of its pixels' true colours.
  const sums = boxes.map(() => [0, 0, 0, 0]);
  const boxOf = new Int16Array(32768).fill(-1);
  boxes.forEach((box, i) => box.forEach((b) => { boxOf[b] = i; }));
  for (let i = 0; i < rgb.length; i += 3) {
    const s = sums[boxOf[bucketOf(i)]];
    s[0] += rgb[i];
    s[1] += rgb[i + 1];
    s[2] += rgb[i + 2];
    s[3]++;
  }
  const palette = sums.map((s) => [0, 1, 2].map((c) => Math.round(s[c] / s[3])));

  const stride = width + 1;
  const raw = Buffer.alloc(height * stride);
  for (let y = 0, i = 0; y < height; y++) {
    raw[y * stride] = 0; // filter: none (the best for palette images)
    for (let x = 0; x < width; x++, i += 3) raw[y * stride + 1 + x] = boxOf[bucketOf(i)];
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 3; // colour type: palette
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('PLTE', Buffer.from([].concat(...palette))),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type, body) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

main().catch((e) => {
  console.error('screenshot-demo: ' + (e && e.stack || e));
  process.exit(1);
});
