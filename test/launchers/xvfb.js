// Starts a private Xvfb on a free display number (Xvfb picks it and reports it through -displayfd), for a browser
// that has no headless mode. Resolves to { display: ':N', stop() }. Every server started here is also killed when
// Node exits, so an aborted Karma run leaves no Xvfb behind.
'use strict';
const { spawn } = require('child_process');

const running = new Set();
process.on('exit', () => running.forEach((p) => { try { p.kill('SIGKILL'); } catch { /* gone */ } }));

function startXvfb(bin, timeoutMs) {
  return new Promise((resolve, reject) => {
    // fd 3 is where Xvfb writes the display number once it accepts connections.
    const proc = spawn(bin || 'Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    running.add(proc);
    let stderr = '';
    let out = '';
    let settled = false;
    const timer = setTimeout(() => fail(new Error('Xvfb did not report a display within ' + timeoutMs + ' ms')),
      timeoutMs || 10000);
    function fail(err) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stop();
      reject(new Error(err.message + (stderr ? '\n' + stderr.trim() : '')));
    }
    function stop() {
      running.delete(proc);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    }
    proc.stderr.on('data', (d) => { stderr += d; });
    proc.stdio[3].on('data', (d) => {
      out += d;
      const m = /^(\d+)\n/.exec(out);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ display: ':' + m[1], pid: proc.pid, stop });
      }
    });
    proc.on('error', (err) => fail(err));
    proc.on('exit', (code, signal) => {
      running.delete(proc);
      fail(new Error('Xvfb exited early (code ' + code + ', signal ' + signal + ')'));
    });
  });
}

module.exports = { startXvfb };
