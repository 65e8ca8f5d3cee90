// Removes dist/ so a build never ships a stale file.
require('fs').rmSync(require('path').resolve(__dirname, '..', 'dist'), { recursive: true, force: true });
