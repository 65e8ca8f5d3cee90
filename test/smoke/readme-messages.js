// `npm run check:readme-messages` (in `npm test`, after the build): every error message README.md quotes is one the
// code throws. A quoted message is an inline code span (wrapped lines joined) that reads `Member: problem`, the form
// of every retrofetch error: `Headers.append: "a b" is not a valid header name`, `Response constructor: …`,
// `fetch: …`. Each must equal, exactly, a message that one of CALLS below gives when run against the built ponyfill
// (dist/retrofetch.cjs) in Node: a README that quotes a message no call gives fails, naming it. To quote a new
// message, add the call that throws it to CALLS.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const retrofetch = require(path.join(root, 'dist/retrofetch.cjs'));
const { Headers, Request, Response, FormData, AbortSignal, ReadableStream } = retrofetch;

// The quoted messages: code spans shaped like retrofetch's errors (a member, then ": ", then the problem).
const MESSAGE = /^(fetch|[A-Z][A-Za-z]*(\.[A-Za-z]+| constructor)): \S/;
function quotedMessages(markdown) {
  const found = [];
  // Fenced code blocks hold code, not quotes.
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '');
  const span = /`([^`]+)`/g;
  let match;
  while ((match = span.exec(text))) {
    const quoted = match[1].replace(/\s*\n\s*/g, ' ');
    if (MESSAGE.test(quoted)) found.push(quoted);
  }
  return found;
}

const stream = () => new ReadableStream({ start(c) { c.close(); } });
const used = () => { const r = new Response('x'); return r.text().then(() => r); };

// Calls that throw, or return a promise that rejects: the messages the code gives. Absolute URLs (Node has no page).
const CALLS = [
  () => new Headers().append('a b', 'x'),
  () => new Headers().append('a', 'x\0y'),
  () => new Headers().get('a b'),
  () => new Headers(5),
  () => new Headers([['a']]),
  () => Response.error().headers.append('a', 'b'),
  () => new Headers().forEach(5),
  () => new Request('http://a b/'),
  () => new Request('http://user:pass@example.com/'),
  () => new Request('http://example.com/', { method: 'a b' }),
  () => new Request('http://example.com/', { method: 'CONNECT' }),
  () => new Request('http://example.com/', { mode: 'navigate' }),
  () => new Request('http://example.com/', { window: 1 }),
  () => new Request('http://example.com/', { cache: 'only-if-cached' }),
  () => new Request('http://example.com/', { mode: 'no-cors', method: 'PUT' }),
  () => new Request('http://example.com/', { body: 'x' }),
  () => new Request('http://example.com/', { referrer: 'http://a b/' }),
  () => new Request('http://example.com/', { signal: 5 }),
  () => new Request('http://example.com/', { method: 'POST', body: stream() }),
  () => new Request('http://example.com/', { method: 'POST', body: stream(), duplex: 'half', keepalive: true }),
  () => { const r = new Request('http://example.com/', { method: 'POST', body: 'x' }); return r.text().then(() => r.clone()); },
  () => { const r = new Request('http://example.com/', { method: 'POST', body: 'x' }); return r.text().then(() => new Request(r)); },
  () => new Response('', { status: 0 }),
  () => new Response('', { statusText: 'a\nb' }),
  () => new Response('x', { status: 204 }),
  () => Response.redirect('http://example.com/', 200),
  () => Response.redirect('http://a b/'),
  () => Response.json(undefined),
  () => used().then((r) => r.text()),
  () => used().then((r) => r.clone()),
  () => new Response('x').formData(),
  () => new Response('x', { headers: { 'Content-Type': 'multipart/form-data' } }).formData(),
  () => new Response('x', { headers: { 'Content-Type': 'multipart/form-data; boundary=b' } }).formData(),
  () => new Response(new ReadableStream({ start(c) { c.enqueue('text'); c.close(); } })).text(),
  () => new FormData().append('a'),
  () => AbortSignal.any(5),
  () => retrofetch.fetch('http://example.com/', { retrofetch: 5 }),
  // Node has no XMLHttpRequest: README "Node" quotes what fetch() then says.
  () => retrofetch.fetch('http://example.com/')
];

function messagesGiven() {
  return Promise.all(CALLS.map((call) => {
    try {
      return Promise.resolve(call()).then(() => null, (e) => e && e.message);
    } catch (e) {
      return e && e.message;
    }
  })).then((messages) => messages.filter((m) => typeof m === 'string'));
}

const quoted = quotedMessages(fs.readFileSync(path.join(root, 'README.md'), 'utf8'));
messagesGiven().then((given) => {
  let failures = 0;
  quoted.forEach((message) => {
    const ok = given.indexOf(message) >= 0;
    console.log((ok ? '  ok    ' : '  FAIL  ') + 'README quotes `' + message + '`' +
      (ok ? '' : ': no call in test/smoke/readme-messages.js gives it (the code throws another, or add the call)'));
    if (!ok) failures++;
  });
  if (!quoted.length) console.log('  (README.md quotes no error message)');
  if (failures) {
    console.log('check:readme-messages: ' + failures + ' quoted message(s) not thrown; the messages given were:\n    ' + given.join('\n    '));
    process.exit(1);
  }
  console.log('check:readme-messages: ok (' + quoted.length + ' quoted, ' + given.length + ' messages given)');
});
