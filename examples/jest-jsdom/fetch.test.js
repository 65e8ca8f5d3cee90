// retrofetch in Jest's jsdom environment, as an app's tests would use it: the globals that jsdom lacks (fetch,
// Request, Response, the streams, TextEncoder/TextDecoder and their streams) come from `retrofetch/polyfill` in
// setupFiles (jest.config.js); jsdom's own XMLHttpRequest carries the requests, to a server this file starts.
'use strict';
const { start } = require('./server');

let server;

beforeAll(async () => {
  server = await start();
});

afterAll(() => server.close());

test('the environment: jsdom lacks fetch, and retrofetch installed it over jsdom\'s XMLHttpRequest', () => {
  expect(navigator.userAgent).toMatch(/jsdom/);
  for (const name of ['fetch', 'Request', 'Response', 'ReadableStream', 'TextEncoder', 'TextDecoder', 'TextDecoderStream']) {
    expect(typeof globalThis[name]).toBe('function');
  }
  expect(require.resolve('retrofetch/polyfill')).toMatch(/dist[\\/]retrofetch\.polyfill\.js$/);
});

test('JSON: status, headers and json()', async () => {
  const response = await fetch(server.url + '/json');
  expect(response.status).toBe(200);
  expect(response.ok).toBe(true);
  expect(response.headers.get('Content-Type')).toBe('application/json');
  expect(await response.json()).toEqual({ greeting: 'h\u00e9llo', n: 42 });
});

test('streaming: response.body gives the first part before the server sends the next', async () => {
  const response = await fetch(server.url + '/stream');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  // The first part arrives while the server holds the others back: the body streams.
  while (text.indexOf('\n') < 0) {
    const { value, done } = await reader.read();
    expect(done).toBe(false);
    text += decoder.decode(value, { stream: true });
  }
  expect(text).toBe('first\n');
  server.release();
  server.release();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  text += decoder.decode();
  expect(text).toBe('first\nsecond \u2713 third\n');
});

test('streaming: body.pipeThrough(new TextDecoderStream()) keeps a character split across parts whole', async () => {
  const response = await fetch(server.url + '/stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const first = await reader.read();
  expect(first.value).toBe('first\n');
  server.release();
  server.release();
  const chunks = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  expect(chunks.join('')).toBe('second \u2713 third\n');
  // No chunk holds half a character.
  for (const chunk of chunks) expect(chunk).not.toMatch(/\uFFFD/);
});

test('abort: the fetch rejects with an AbortError, the body stops, and the server sees the connection close', async () => {
  const id = 'abort-' + Date.now();
  const controller = new AbortController();
  const response = await fetch(server.url + '/hang?id=' + id, { signal: controller.signal });
  const reader = response.body.getReader();
  const first = await reader.read();
  expect(new TextDecoder().decode(first.value)).toBe('started\n');
  controller.abort();
  await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' });
  await server.closed(id);
  // Before the response: fetch() itself rejects.
  await expect(fetch(server.url + '/json', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
});

test('FormData: text and a file as multipart/form-data, exact bytes', async () => {
  const form = new FormData();
  form.append('name', 'h\u00e9llo \u2713');
  form.append('file', new Blob([new Uint8Array([0, 1, 254, 255])], { type: 'application/octet-stream' }), 'bytes.bin');
  const echo = await (await fetch(server.url + '/echo', { method: 'POST', body: form })).json();
  const boundary = /^multipart\/form-data; ?boundary=(.+)$/.exec(echo.contentType)[1];
  const body = Buffer.from(echo.body, 'latin1');
  const expected = Buffer.concat([
    Buffer.from('--' + boundary + '\r\nContent-Disposition: form-data; name="name"\r\n\r\nh\u00e9llo \u2713\r\n'),
    Buffer.from('--' + boundary + '\r\nContent-Disposition: form-data; name="file"; filename="bytes.bin"\r\n' +
      'Content-Type: application/octet-stream\r\n\r\n'),
    Buffer.from([0, 1, 254, 255]),
    Buffer.from('\r\n--' + boundary + '--\r\n')
  ]);
  expect(body.equals(expected)).toBe(true);
});

test('TextEncoder and TextDecoder: UTF-8 both ways, and bytes fetched exactly', async () => {
  const bytes = new TextEncoder().encode('h\u00e9llo \u2713');
  expect(Array.from(bytes)).toEqual([0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0x6f, 0x20, 0xe2, 0x9c, 0x93]);
  expect(new TextDecoder().decode(bytes)).toBe('h\u00e9llo \u2713');
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff]))).toThrow(TypeError);
  const buffer = await (await fetch(server.url + '/bytes')).arrayBuffer();
  expect(Array.from(new Uint8Array(buffer))).toEqual(Array.from({ length: 256 }, (_, i) => i));
  const echo = await (await fetch(server.url + '/echo', { method: 'POST', body: bytes })).json();
  expect(Buffer.from(echo.body, 'latin1').toString('utf8')).toBe('h\u00e9llo \u2713');
});
