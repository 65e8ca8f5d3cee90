// The one piece the examples' webpack configs share: a plugin that emits a page's static files (its index.html, the
// test hook, copies of retrofetch's scripts, ...) beside its bundle, as a site would serve them.
//   new PageFiles({ 'index.html': path.join(__dirname, 'index.html'), ... })   (output name: source file)
'use strict';
const fs = require('fs');
const path = require('path');

/** The test hook every example page loads first (examples/test-hooks.js). */
PageFiles.TEST_HOOKS = path.join(__dirname, 'test-hooks.js');

function PageFiles(files) {
  this.files = files;
}

PageFiles.prototype.apply = function (compiler) {
  const { Compilation, sources } = compiler.webpack;
  const files = this.files;
  compiler.hooks.thisCompilation.tap('PageFiles', (compilation) => {
    compilation.hooks.processAssets.tap({ name: 'PageFiles', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
      Object.keys(files).forEach((name) => {
        compilation.fileDependencies.add(files[name]);
        // As they are: `minimized` keeps the minimizers off them (the scripts are minified already, with their notices).
        compilation.emitAsset(name, new sources.RawSource(fs.readFileSync(files[name])), { minimized: true });
      });
    });
  });
};

module.exports = PageFiles;
