// `npm run check:readme` (run by .ci/run after `npm test`): the README's quick start from a fresh clone. It reads the
// two commands from the first code block under "## Quick start", checks that the second is `bash .ci/run` (what CI
// runs, from a fresh clone, so that one is tested by CI itself), then runs the first one exactly, with `sh -c`, in a
// fresh `git clone` of this repository's HEAD in a temp dir (uncommitted changes are not in a clone, as for a
// newcomer), with PORT=0 so the demo takes a free port. It waits for the server's "retrofetch demo at URL" line,
// fetches the page, a side of it, their scripts and the standalone script, then stops the command (its whole process
// group) and removes the clone.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawn } = require('child_process');

const root = path.resolve(__dirname, '../..');
const WAIT_MS = 10 * 60 * 1000; // npm ci + build on a cold cache
let failures = 0;
function check(label, ok, detail) {
  console.log((ok ? '  ok    ' : '  FAIL  ') + label + (ok || !detail ? '' : '\n        ' + detail));
  if (!ok) failures++;
}

function quickStart() {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = /^## Quick start\n([\s\S]*?)(?=^## )/m.exec(readme);
  const block = section && /^```sh\n([\s\S]*?)^```/m.exec(section[1]);
  if (!block) throw new Error('README.md has no ```sh block under "## Quick start"');
  return block[1].split('\n').filter((l) => l.trim()).map((l) => l.replace(/\s+#.*$/, '').trim());
}

function main() {
  const commands = quickStart();
  check('the quick start is two commands', commands.length === 2, JSON.stringify(commands));
  check('the second is `bash .ci/run` (what CI runs from a fresh clone)', commands[1] === 'bash .ci/run', commands[1]);
  const demo = commands[0];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retrofetch-readme-'));
  const clone = path.join(dir, 'retrofetch');
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', root, clone], { stdio: 'inherit' });
  console.log('check:readme: running `' + demo + '` in a fresh clone (' + clone + ')');
  const started = Date.now();
  const child = spawn('sh', ['-c', demo], { cwd: clone, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: Object.assign({}, process.env, { PORT: '0' }) });
  let output = '';
  let serving = false;
  let settled = false;
  let exited = false;

  const cleanUp = () => {
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(failures ? 'check:readme: ' + failures + ' failed' : 'check:readme: ok');
    process.exit(failures ? 1 : 0);
  };
  const finish = (error) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    if (error) check('`' + demo + '` serves the demo', false, error + '\n--- output (last 3000 chars) ---\n' + output.slice(-3000));
    if (exited) { cleanUp(); return; }
    child.once('exit', cleanUp);
    process.kill(-child.pid, 'SIGTERM'); // the command's own process group: sh, npm and the server
  };
  const timer = setTimeout(() => finish('no "retrofetch demo at" line after ' + WAIT_MS / 1000 + ' s'), WAIT_MS);
  child.stdout.on('data', (chunk) => {
    output += chunk;
    const m = /retrofetch demo at (http:\/\/\S+\/)/.exec(output);
    if (!m || serving) return;
    serving = true;
    fetchAll(m[1]).then(() => finish(), finish);
  });
  child.stderr.on('data', (chunk) => { output += chunk; });
  child.on('exit', (code, signal) => {
    exited = true;
    finish('the command exited (' + (signal || code) + ') before serving');
  });

  async function fetchAll(url) {
    console.log('check:readme: served at ' + url + ' after ' + Math.round((Date.now() - started) / 1000) + ' s');
    const get = async (p) => { const r = await globalThis.fetch(url + p); return { status: r.status, type: r.headers.get('content-type'), text: await r.text() }; };
    const page = await get('');
    check('the demo page is served', page.status === 200 && /native fetch and retrofetch side by side/.test(page.text), page.status + ' ' + page.text.slice(0, 200));
    const side = await get('side.html?impl=retrofetch');
    check('a side of it is served', side.status === 200 && /retrofetch\.polyfill\.js/.test(side.text), side.status + ' ' + side.text.slice(0, 200));
    const scripts = await Promise.all(['page.js', 'demo.js'].map(get));
    check('the page\'s own scripts are served (page.js, demo.js)', scripts.every((r) => r.status === 200 && /javascript/.test(r.type) &&
      r.text.length > 1000), scripts.map((r) => r.status + ' ' + r.type + ' ' + r.text.length + ' chars').join(', '));
    const script = await get('retrofetch.polyfill.js');
    check('the standalone script is served (built in the clone)', script.status === 200 && /javascript/.test(script.type) &&
      /^\/\*! retrofetch /.test(script.text) && script.text.length > 50000, script.status + ' ' + script.type + ' ' + script.text.length + ' chars');
    const api = await get('api/echo?from=readme');
    check('the test server answers on the same origin', api.status === 200 && JSON.parse(api.text).url === '/api/echo?from=readme', api.text.slice(0, 200));
  }
}

main();
