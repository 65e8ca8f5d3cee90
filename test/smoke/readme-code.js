// `npm run check:readme-code` (in `npm test`): every code block in README.md is code the test suite runs, so a block
// cannot drift from the code. For each fenced block:
// - the first ```sh block under "## Quick start": left to `npm run check:readme`, which runs it;
// - ```text: not code (output, a URL, a layout): not checked;
// - ```sh: commands to type: every `npm run NAME` must be a script of package.json, every RETROFETCH_* variable one
//   that the lab reads, every test/... or examples/... path must exist;
// - any other language (js, ts, html, ...): its text, whitespace-normalised (every run of spaces and line breaks is
//   one space), must appear in one of the files the suite runs (RUN below). A line that is only `// …` (or `<!-- … -->`)
//   elides: the parts around it must appear in that order in the same file. A block without a language fails (mark
//   it `text` if it is not code).
// A README block that no file holds fails, naming the block's first line: change the code and the README together.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');
const pkg = JSON.parse(read('package.json'));

/** Every file under `dir` (relative to the root), skipping node_modules. */
function walk(dir) {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir + '/' + entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...walk(rel));
    } else {
      out.push(rel);
    }
  }
  return out;
}

/** The files the suite runs (or compiles), each with the reason. */
function filesTheSuiteRuns() {
  const run = [];
  // The examples that `npm run build:examples` builds and test/integration/examples.test.ts runs in every engine, and
  // the Jest project that `npm run check:jest` runs: every file in their folders but their notes.
  const configs = (pkg.scripts['build:examples'] + ' ' + pkg.scripts['check:jest']).match(/examples\/[\w-]+\/[\w.]+\.config\.js/g);
  for (const config of configs) {
    for (const file of walk(path.posix.dirname(config))) if (!/\.md$/.test(file)) run.push(file);
  }
  // The Karma suites: test/index.ts loads every *.test.ts under test/.
  if (!/require\.context\('\.\/', true, \/\\\.test\\\.ts\$\/\)/.test(read('test/index.ts'))) {
    throw new Error('test/index.ts no longer loads every *.test.ts: update filesTheSuiteRuns()');
  }
  for (const file of walk('test')) if (/\.test\.ts$/.test(file)) run.push(file);
  // The type tests: the files test/types/run.js compiles, as each consumer's tsconfig.json names them.
  for (const consumer of fs.readdirSync(path.join(root, 'test/types/consumers'))) {
    const config = JSON.parse(read('test/types/consumers/' + consumer + '/tsconfig.json').replace(/^\s*\/\/.*$/gm, ''));
    for (const file of config.files) {
      const source = 'test/types/' + file.replace(/\.[mc]?ts$/, '.ts');
      if (file !== 'standalone.d.ts' && run.indexOf(source) < 0) run.push(source);
    }
  }
  return run;
}

/** The fenced blocks of a Markdown text: { line, lang, text, heading } (text without the fence's indentation). */
function fencedBlocks(markdown) {
  const lines = markdown.split('\n');
  const blocks = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const h2 = /^## (.*)$/.exec(lines[i]);
    if (h2) heading = h2[1].trim();
    const open = /^( *)(`{3,})([\w-]*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const indent = open[1];
    const body = [];
    let j = i + 1;
    while (j < lines.length && lines[j].replace(/\s+$/, '') !== indent + open[2]) {
      body.push(lines[j].slice(0, indent.length).trim() === '' ? lines[j].slice(indent.length) : lines[j]);
      j++;
    }
    if (j === lines.length) throw new Error('README.md line ' + (i + 1) + ': a code block that never closes');
    blocks.push({ line: i + 1, lang: open[3], text: body.join('\n'), heading });
    i = j;
  }
  return blocks;
}

const normalise = (text) => text.replace(/\s+/g, ' ').trim();
const ELISION = /^\s*(\/\/\s*(…|\.\.\.)|<!--\s*(…|\.\.\.)\s*-->)\s*$/;

/** The block's parts (split at elision lines), normalised. */
function parts(text) {
  const out = [[]];
  for (const line of text.split('\n')) {
    if (ELISION.test(line)) out.push([]);
    else out[out.length - 1].push(line);
  }
  return out.map((lines) => normalise(lines.join('\n'))).filter(Boolean);
}

/** Whether `haystack` holds every part, in order. */
function holdsInOrder(haystack, needles) {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    from = at + needle.length;
  }
  return true;
}

/** What is wrong with a ```sh block (commands to type), or ''. */
function shellProblems(text, everything) {
  const problems = [];
  for (const m of text.matchAll(/npm run ([\w:-]+)/g)) {
    if (!pkg.scripts[m[1]]) problems.push('`npm run ' + m[1] + '`: package.json has no such script');
  }
  for (const m of text.matchAll(/\bRETROFETCH_[A-Z_]+/g)) {
    if (!everything.some((content) => content.indexOf(m[0]) >= 0)) problems.push(m[0] + ': nothing in the lab reads it');
  }
  for (const m of text.matchAll(/\b(?:test|examples|scripts)\/[\w./-]+\.\w+/g)) {
    if (!fs.existsSync(path.join(root, m[0]))) problems.push(m[0] + ': no such file');
  }
  return problems.join('; ');
}

function main() {
  const run = filesTheSuiteRuns();
  const contents = run.map((file) => ({ file, text: normalise(read(file)) }));
  // Where the lab's variables are read: its scripts, launchers and configs.
  const labFiles = walk('test').concat(walk('scripts'), walk('bench'), ['karma.conf.js', 'karma.grid.conf.js'])
    .filter((file) => /\.(js|ts|py)$/.test(file)).map(read);
  let failures = 0;
  let checked = 0;
  let quickStartSeen = false;
  const report = (ok, block, detail) => {
    const first = block.text.split('\n').find((l) => l.trim()) || '';
    console.log((ok ? '  ok    ' : '  FAIL  ') + 'README.md:' + block.line + ' ```' + block.lang + ' ' +
      JSON.stringify(first.trim().slice(0, 60)) + ': ' + detail);
    if (!ok) failures++;
  };
  for (const block of fencedBlocks(read('README.md'))) {
    if (block.lang === 'sh' && block.heading === 'Quick start' && !quickStartSeen) {
      quickStartSeen = true;
      report(true, block, 'the quick start (npm run check:readme runs it)');
    } else if (block.lang === 'text') {
      report(true, block, 'not code (text)');
    } else if (block.lang === 'sh') {
      const problems = shellProblems(block.text, labFiles);
      report(!problems, block, problems || 'commands: the scripts, variables and files it names exist');
    } else if (!block.lang) {
      report(false, block, 'a block without a language: give its language, or ```text if it is not code');
    } else {
      checked++;
      const needles = parts(block.text);
      const found = contents.find((c) => holdsInOrder(c.text, needles));
      report(!!found, block, found ? 'in ' + found.file + (needles.length > 1 ? ' (' + needles.length + ' parts, in order)' : '')
        : 'no file the suite runs holds it (whitespace-normalised' + (needles.length > 1 ? ', its ' + needles.length + ' parts in order' : '') +
          '): the README or the code changed; make them the same (files searched: the examples built and run, ' +
          'test/**/*.test.ts, the type tests)');
    }
  }
  if (!quickStartSeen) {
    console.log('  FAIL  README.md has no ```sh block under "## Quick start"');
    failures++;
  }
  if (!checked) {
    console.log('  FAIL  README.md has no code block to check: is the parser still right?');
    failures++;
  }
  console.log(failures ? 'check:readme-code: ' + failures + ' failed' : 'check:readme-code: ok (' + checked + ' code blocks, each in a file the suite runs)');
  process.exit(failures ? 1 : 0);
}

main();
