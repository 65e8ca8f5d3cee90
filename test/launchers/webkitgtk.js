// Karma launcher `WebKitGTK`: Debian's MiniBrowser (libwebkit2gtk-4.1) under its own Xvfb.
// MiniBrowser has no headless mode, so each launch starts a private Xvfb on a free display (test/launchers/xvfb.js),
// runs MiniBrowser on it, and stops the Xvfb when MiniBrowser is gone (killed by Karma, or crashed).
//   --private                    ephemeral profile: no cookies, cache or storage carried between runs
//   --cookies-policy=always      like the other engines' defaults (the cross origin is same-site anyway)
//   --enable-page-cache=false    no back/forward cache
// Binary: $WEBKITGTK_BIN, else the Debian path below. Xvfb: $XVFB_BIN, else `Xvfb` on PATH.
'use strict';
const { startXvfb } = require('./xvfb');

const DEFAULT_BIN = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

function WebKitGTKLauncher(baseBrowserDecorator, args, logger) {
  baseBrowserDecorator(this);
  const log = logger.create('launcher.webkitgtk');
  const self = this;
  let xvfb = null;
  let killed = false;

  this.name = 'WebKitGTK';
  this.ENV_CMD = 'WEBKITGTK_BIN';
  this.DEFAULT_CMD = { linux: DEFAULT_BIN };

  function stopXvfb() {
    if (xvfb) { xvfb.stop(); xvfb = null; }
  }

  this._start = function (url) {
    killed = false;
    startXvfb(process.env.XVFB_BIN, 15000).then((x) => {
      if (killed) { x.stop(); return; } // killed (capture timeout, run over) while Xvfb was starting
      xvfb = x;
      log.debug('Xvfb ' + x.display + ' (pid ' + x.pid + ')');
      // `env` sets the variables and then execs MiniBrowser, so Karma's kill signal reaches MiniBrowser itself.
      self._execCommand('/usr/bin/env', [
        'DISPLAY=' + x.display,
        'WEBKIT_DISABLE_COMPOSITING_MODE=1',
        'GTK_A11Y=none', 'NO_AT_BRIDGE=1',
        self._getCommand(),
        '--private', '--cookies-policy=always', '--enable-page-cache=false'
      ].concat(args.flags || [], [url]));
    }, (err) => {
      log.error('Cannot start Xvfb for WebKitGTK: ' + err.message);
      self._retryLimit = -1;
      self._clearTempDirAndReportDone('cannot start Xvfb');
    });
  };

  // 'done' is emitted once the browser process is gone, whatever the reason.
  this.on('done', stopXvfb);
  this.on('kill', (done) => { killed = true; if (!self._process) stopXvfb(); done(); });
}

WebKitGTKLauncher.prototype = { name: 'WebKitGTK', DEFAULT_CMD: { linux: DEFAULT_BIN }, ENV_CMD: 'WEBKITGTK_BIN' };
WebKitGTKLauncher.$inject = ['baseBrowserDecorator', 'args', 'logger'];

module.exports = { 'launcher:WebKitGTK': ['type', WebKitGTKLauncher], DEFAULT_BIN };
