// A legacy-browser app: one import installs whatever the browser lacks of fetch, Headers, Request, Response,
// AbortController, FormData, the streams family and TextDecoderStream (and a Promise), never replacing a working
// native; the rest of the app uses the plain globals. webpack and TypeScript build it to ES5.
import 'retrofetch/polyfill';

const log = document.getElementById('log')!;

function show(line: string): void {
  log.appendChild(document.createTextNode(line + '\n'));
}

/** A fresh id for the test server's routes that keep state (lock-step streams, hanging requests). */
function newId(name: string): string {
  return 'legacy-app-' + name + '-' + new Date().getTime().toString(36) + Math.random().toString(36).slice(2);
}

/** A JSON POST with a header of the app's own; the server answers with what it saw. */
async function saveSettings() {
  const response = await fetch('/api/echo?from=legacy-app', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-App': 'legacy-app' },
    body: JSON.stringify({ theme: 'dark', lang: 'fr' })
  });
  const seen = await response.json();
  show('settings saved: the server got ' + seen.bodyLength + ' bytes');
  return { status: response.status, method: seen.method, app: seen.headers['x-app'], body: atob(seen.body) };
}

/**
 * A live feed of server-sent events, decoded with TextDecoderStream as they arrive. The server (the test server's
 * lock-step route) sends each event only once the page asks for it, and the page asks for the next one only after
 * it has shown the last: so the server's log shows that each event reached the page before the next was sent.
 */
async function liveFeed() {
  const id = newId('feed');
  const ask = (k: number) => fetch('/api/lockstep-ack?id=' + id + '&k=' + k).then((r) => r.json());
  // The first event is asked for before the feed opens: fetch() resolves once the body starts (an XHR tells no
  // sooner).
  await ask(0);
  const response = await fetch('/api/lockstep?as=events&chunks=3&id=' + id);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: string[] = [];
  let text = '';
  for (let k = 0; k < 3; k++) {
    if (k > 0) await ask(k);
    while (text.indexOf('\n\n') < 0) {
      const step = await reader.read();
      if (step.done) throw new Error('the feed ended after ' + events.length + ' events');
      text += step.value;
    }
    const end = text.indexOf('\n\n');
    events.push(text.slice(0, end));
    show('event: ' + text.slice(0, end).replace('\n', ' / '));
    text = text.slice(end + 2);
  }
  const last = await reader.read();
  return { id: id, events: events, ended: last.done && text === '' };
}

/** A download the user cancels: the body has started arriving, then AbortController stops it. */
async function cancelDownload() {
  const id = newId('hang');
  const controller = new AbortController();
  const response = await fetch('/api/hang?headers=1&body=first%20part&id=' + id, { signal: controller.signal });
  controller.abort();
  try {
    await response.text();
    return { id: id, error: null };
  } catch (e: any) {
    show('download cancelled: ' + e.name);
    return { id: id, error: e.name as string };
  }
}

/** A form with a file, as multipart/form-data; the server answers with the parts it parsed. */
async function sendForm() {
  const form = new FormData();
  form.append('name', 'Ada');
  form.append('greeting', 'h\u00e9llo \u2713');
  form.append('file', new Blob(['file contents\n'], { type: 'text/plain' }), 'notes.txt');
  const response = await fetch('/api/multipart', { method: 'POST', body: form });
  const seen = await response.json();
  show('form sent: the server parsed ' + seen.parts.length + ' parts');
  return seen.parts.map((p: any) => ({ name: p.name, filename: p.filename, type: p.contentType, base64: p.base64 }));
}

async function main() {
  return {
    settings: await saveSettings(),
    feed: await liveFeed(),
    cancel: await cancelDownload(),
    form: await sendForm()
  };
}

// The results also go to the page that framed this one (the tests: test/integration/examples.test.ts).
main().then((result: any) => result, (e: any) => ({ error: String((e && e.stack) || e) })).then((result) => {
  result.example = 'legacy-app';
  show(result.error ? 'failed: ' + result.error : 'done');
  if (window.parent !== window) window.parent.postMessage(JSON.stringify(result), '*');
});
