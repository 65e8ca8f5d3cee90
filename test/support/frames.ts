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
