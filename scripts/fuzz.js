// `npm run fuzz`: the differential fuzz (test/fuzz) of retrofetch's Headers, Request and Response against the engine's
// own, 10,000 cases per class in Chromium and Firefox, with a fresh seed (printed; rerun a run or one case with
// RETROFETCH_FUZZ_SEED). Runs after `npm run build`. Environment, all optional:
//   RETROFETCH_FUZZ_CASES (10000)  RETROFETCH_FUZZ_SEED (random)  RETROFETCH_ENGINES (chromium,firefox)
//   RETROFETCH_GREP (fuzz; e.g. 'fuzz Request')
'use strict';
const path = require('path');
const { spawn } = require('child_process');

const env = Object.assign({}, process.env);
env.RETROFETCH_FUZZ_CASES = env.RETROFETCH_FUZZ_CASES || '10000';
env.RETROFETCH_FUZZ_SEED = env.RETROFETCH_FUZZ_SEED || String(Math.floor(Math.random() * 1e9));
env.RETROFETCH_ENGINES = env.RETROFETCH_ENGINES || 'chromium,firefox';
env.RETROFETCH_GREP = env.RETROFETCH_GREP || 'fuzz';
console.log('fuzz: ' + env.RETROFETCH_FUZZ_CASES + ' cases per class, seed ' + env.RETROFETCH_FUZZ_SEED + ', engines ' +
  env.RETROFETCH_ENGINES + ' (rerun with RETROFETCH_FUZZ_SEED=' + env.RETROFETCH_FUZZ_SEED + ')');
const karma = path.join(path.dirname(require.resolve('karma/package.json')), 'bin', 'karma');
const child = spawn(process.execPath, [karma, 'start', path.join(__dirname, '..', 'karma.conf.js'), '--single-run'],
  { env, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : code));
