// Fresh same-origin iframes with real globals, for the install tests of the standalone script.

/** A blank frame that runs each step in order: a script URL, or inline code (a string starting with "code:"). */
export function frameWith(steps: string[]): Promise<any> {
  return new Promise(function (resolve, reject) {
    var iframe = document.createElement('iframe');
    iframe.style.display = 'none';
    document.body.appendChild(iframe);
    var win: any = iframe.contentWindow;
    // A body first: in old WebKit, document.write() on the blank frame gives it fresh globals.
    if (!win.document.body) win.document.write('<body></body>');
    var i = 0;
    function next(): void {
      if (i >= steps.length) {
        resolve({ win: win, remove: function () { document.body.removeChild(iframe); } });
        return;
      }
      var step = steps[i++];
      var script = win.document.createElement('script');
      if (step.indexOf('code:') === 0) {
        script.text = step.slice(5);
        win.document.body.appendChild(script);
        next();
        return;
      }
      script.src = step;
      script.onload = next;
      script.onerror = function () { reject(new Error('could not load ' + script.src)); };
      win.document.body.appendChild(script);
    }
    next();
  });
}

/**
 * Steps for frameWith(): the standalone script loaded while the engine's own AbortSignal is there, so retrofetch knows
 * the engine's signals (src/env/support.ts reads the engine's brand check when it loads; in the polyfill pass the
 * natives were removed before, so there they are look-alikes to it). fetch, Headers, Request, Response and
 * AbortSignal.any are removed first, as in an engine of the first AbortController generation: retrofetch installs
 * its fetch, AbortController and AbortSignal, and `window.__NativeAbortController` makes the engine's signals.
 */
export var WITH_NATIVE_SIGNALS = [
  'code:window.__NativeAbortController = window.AbortController; delete window.AbortSignal.any;' +
  '["fetch", "Headers", "Request", "Response"].forEach(function (n) { delete window[n]; });',
  // The instrumented build: these tests read retrofetch's counters.
  '/base/dist/test/retrofetch.instrumented.js'
];

/**
 * Whether a message event came from this frame. jsdom gives a posted message no `source` (null): there the frame is
 * taken to be the one that posted it (the tests wait on one frame at a time).
 */
export function fromFrame(event: MessageEvent, iframe: HTMLIFrameElement): boolean {
  return event.source === iframe.contentWindow || event.source === null;
}
