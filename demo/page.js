// The script of the demo page (demo/index.html): it shows beside each row the code of its panel, cut out of demo.js
// at run time (the lines between `// #region NAME` and `// #endregion`), so the code shown is the code that runs; it
// sizes the two frames of a row to the taller one's content (the frames call retrofetchDemo.fit() when they change),
// so the rows line up and nothing in a frame is cut off; and it says in the column headings what each side runs. ES5.
(function () {
  var KEYWORDS = /^(var|function|return|new|if|else|true|false|null|typeof|this)$/;
  var PLATFORM = /^(fetch|EventSource|AbortController|AbortSignal|TextDecoder|Uint8Array)$/;

  function $(id) { return document.getElementById(id); }

  function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }

  /** The regions of demo.js: { NAME: { code, first, last } }, with line numbers from 1 and the indent removed. */
  function regions(source) {
    var lines = source.split(/\r?\n/);
    var found = {};
    var open = null;
    for (var i = 0; i < lines.length; i++) {
      var start = /^\s*\/\/ #region (\S+)/.exec(lines[i]);
      if (start) {
        open = { name: start[1], first: i + 2, lines: [] };
      } else if (open && /^\s*\/\/ #endregion/.test(lines[i])) {
        found[open.name] = { code: dedent(open.lines), first: open.first, last: i };
        open = null;
      } else if (open) {
        open.lines.push(lines[i]);
      }
    }
    return found;
  }

  function dedent(lines) {
    var indent = null;
    for (var i = 0; i < lines.length; i++) {
      if (!/\S/.test(lines[i])) continue;
      var width = /^ */.exec(lines[i])[0].length;
      if (indent === null || width < indent) indent = width;
    }
    var out = [];
    for (var j = 0; j < lines.length; j++) out.push(lines[j].slice(indent || 0));
    return out.join('\n');
  }

  /** A little syntax colouring: comments, strings, numbers, keywords, and the platform's names. */
  function highlight(code) {
    var token = /(\/\/[^\n]*)|('(?:[^'\\\n]|\\.)*')|(\b\d+\b)|([A-Za-z_$][\w$]*)/g;
    var html = '';
    var last = 0;
    var m;
    while ((m = token.exec(code))) {
      html += escapeHtml(code.slice(last, m.index));
      last = token.lastIndex;
      var kind = m[1] ? 'comment' : m[2] ? 'string' : m[3] ? 'number'
        : KEYWORDS.test(m[4]) ? 'keyword' : PLATFORM.test(m[4]) ? 'platform' : m[4] === 'retrofetch' ? 'ours' : '';
      html += kind ? '<span class="' + kind + '">' + escapeHtml(m[0]) + '</span>' : escapeHtml(m[0]);
    }
    return html + escapeHtml(code.slice(last));
  }

  function showCode(source) {
    var found = regions(source);
    var blocks = document.getElementsByTagName('pre');
    for (var i = 0; i < blocks.length; i++) {
      var name = blocks[i].getAttribute('data-region');
      if (!name) continue;
      var region = found[name];
      if (!region) {
        blocks[i].textContent = 'demo.js has no region "' + name + '"';
        continue;
      }
      blocks[i].innerHTML = highlight(region.code);
      var where = $('where-' + name);
      if (where) where.textContent = 'demo.js, lines ' + region.first + '\u2013' + region.last;
    }
    fit();
  }

  var request = new XMLHttpRequest();
  request.open('GET', 'demo.js', true);
  request.onreadystatechange = function () {
    if (request.readyState !== 4) return;
    if (request.status === 200) showCode(request.responseText);
  };
  request.send(null);

  /** The height of a frame's content (its panel), or 0 before it has loaded. */
  function contentHeight(frame) {
    try {
      var body = frame.contentWindow.document.body;
      return body ? body.offsetHeight : 0;
    } catch (e) {
      return 0;
    }
  }

  /** Gives both frames of each row the height of the taller one's content. */
  function fit() {
    var rows = document.getElementsByTagName('section');
    for (var i = 0; i < rows.length; i++) {
      var frames = rows[i].getElementsByTagName('iframe');
      var height = 0;
      for (var j = 0; j < frames.length; j++) height = Math.max(height, contentHeight(frames[j]));
      if (!height) continue;
      for (var k = 0; k < frames.length; k++) frames[k].style.height = height + 'px';
    }
    heading('native');
    heading('retrofetch');
  }

  /** Fills the column heading of a side from its first frame that has said what it runs. */
  function heading(side) {
    var target = $(side + '-who');
    if (!target || target.getAttribute('data-filled')) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].getAttribute('data-side') !== side) continue;
      var told = null;
      try { told = frames[i].contentWindow.retrofetchDemoSide; } catch (e) { /* not loaded */ }
      if (!told) continue;
      target.textContent = told.who;
      target.setAttribute('data-filled', 'true');
      return;
    }
  }

  window.retrofetchDemo = { fit: fit };
  if (window.addEventListener) window.addEventListener('resize', fit, false);
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) frames[i].onload = fit;
})();
