// Where an engine's own class is wrong per spec, the fuzz keeps retrofetch's behaviour and counts the case as a
// documented native difference. Each entry names what the native does and the spec step it misses, probes whether
// this engine's native does it (`probe`: a feature probe, never a browser name), says when it can apply to a case
// (`applies`) and how to take the quirk out of one (`without`): a divergence is documented only if, with the quirks
// that apply taken out, both implementations agree again (anything else is a divergence to fix).
import { Case } from './cases';
import { multipartType } from './values';
import { Impl } from '../support/harness';
import { throws } from '../support/assert';

export interface NativeDifference {
  id: string;
  what: string;
  probe(natives: Impl): boolean | Promise<boolean>;
  applies(c: Case): boolean;
  without(c: Case): Case;
}

/** Whether the native Request reads `name` from its init. */
function reads(natives: Impl, name: string): boolean {
  var read = false;
  var init = {};
  Object.defineProperty(init, name, { get: function () { read = true; return undefined; } });
  new natives.Request('/x', init);
  return read;
}

function copy(c: Case): Case {
  return JSON.parse(JSON.stringify(c));
}

function initHas(c: Case, name: string): boolean {
  return c.init !== null && c.init !== undefined && Object.prototype.hasOwnProperty.call(c.init, name);
}

// A case's copy, changed.
function altered(change: (d: any) => void): (c: Case) => Case {
  return function (c) {
    var d = copy(c);
    change(d);
    return d;
  };
}

function withoutMember(name: string): (c: Case) => Case {
  return altered(function (d) { delete d.init[name]; });
}

export var NATIVE_DIFFERENCES: NativeDifference[] = [
  {
    id: 'RequestInit.window not read',
    what: 'the native RequestInit has no window member, so a non-null window is not a TypeError ' +
      '(https://fetch.spec.whatwg.org/#dom-request step 10) and its getter is never called',
    probe: function (natives) { return !reads(natives, 'window'); },
    applies: function (c) { return c.kind === 'Request' && initHas(c, 'window'); },
    without: withoutMember('window')
  },
  {
    id: 'RequestInit.duplex not read',
    what: 'the native RequestInit has no duplex member: its getter is never called, and an invalid value is not a ' +
      'TypeError (https://fetch.spec.whatwg.org/#requestinit, enum RequestDuplex)',
    probe: function (natives) { return !reads(natives, 'duplex'); },
    applies: function (c) { return c.kind === 'Request' && initHas(c, 'duplex'); },
    without: function (c) {
      // Without duplex, a stream body is refused: take both out (streams are fuzzed where duplex is read).
      var d = withoutMember('duplex')(c);
      if (initHas(d, 'body') && d.init.body.k === 'stream') d.init.body = { k: 'str', v: 'was a stream' };
      return d;
    }
  },
  {
    id: 'stream request body without duplex taken',
    what: 'the native takes a ReadableStream request body without duplex "half", which ' +
      'https://fetch.spec.whatwg.org/#dom-request step 39.1 refuses with a TypeError',
    probe: function (natives) {
      return !throws(function () { new natives.Request('/x', { method: 'POST', body: new natives.ReadableStream() }); });
    },
    applies: function (c) { return c.kind === 'Request' && initHas(c, 'body') && c.init.body.k === 'stream' && !initHas(c, 'duplex'); },
    without: altered(function (d) {
      d.init.body = { k: 'str', v: 'was a stream' };
    })
  },
  {
    id: 'RequestInit.signal takes any value',
    what: 'the native takes any value as the signal (and ignores one that is not an AbortSignal); WebIDL converts ' +
      'AbortSignal? and throws a TypeError for anything else (https://webidl.spec.whatwg.org/#es-interface)',
    probe: function (natives) { return !throws(function () { new natives.Request('/x', { signal: {} as any }); }); },
    applies: function (c) {
      var k = initHas(c, 'signal') ? c.init.signal.k : '';
      return c.kind === 'Request' && (k === 'lookalikeSignal' || k === 'proxySignal' || k === 'obj' || k === 'num');
    },
    without: withoutMember('signal')
  },
  {
    id: 'no-CORS values over 0x7F not safelisted',
    what: 'with guard "request-no-cors", an Accept or Content-Type value with a byte over 0x7F is dropped; the ' +
      'CORS-unsafe request-header bytes are only controls and a few ASCII ones, so it is CORS-safelisted ' +
      '(https://fetch.spec.whatwg.org/#cors-safelisted-request-header)',
    probe: function (natives) {
      return new natives.Request('/x', { mode: 'no-cors', headers: { Accept: '\u00e9' } }).headers.get('Accept') === null;
    },
    applies: function (c) { return isNoCors(c) && copyWithout(c, nonAsciiSafelisted) !== null; },
    without: function (c) { return copyWithout(c, nonAsciiSafelisted)!; }
  },
  {
    id: 'no-CORS Content-Type combined value not parsed as one MIME type',
    what: 'with guard "request-no-cors", appending a Content-Type to one already there is refused though the combined ' +
      'value is no-CORS-safelisted: the append checks `text/plain;charset=UTF-8, 1` as a whole ' +
      '(https://fetch.spec.whatwg.org/#concept-headers-append step 3), and the MIME type parser reads that as ' +
      'text/plain with the charset "UTF-8, 1" (https://mimesniff.spec.whatwg.org/#parse-a-mime-type), a ' +
      'CORS-safelisted Content-Type (Chromium appends it)',
    probe: function (natives) {
      var request = new natives.Request('/x', { method: 'POST', mode: 'no-cors', body: 'x' });
      request.headers.append('Content-Type', '1');
      return request.headers.get('Content-Type') === 'text/plain;charset=UTF-8';
    },
    applies: function (c) { return isNoCors(c) && contentTypeAppends(c) > 0; },
    without: altered(function (d) {
      d.ops = d.ops.filter(function (op: any) { return !(op.m === 'append' && isContentType(op.args[0])); });
    })
  },
  {
    id: 'no-CORS body Content-Type kept',
    what: 'a no-cors Request keeps the Content-Type its body gives (a Blob\'s type) even where it is not a ' +
      'CORS-safelisted value; the constructor appends it to the request\'s Headers, whose "request-no-cors" guard ' +
      'drops it (https://fetch.spec.whatwg.org/#dom-request step 36, https://fetch.spec.whatwg.org/#concept-headers-append)',
    probe: function (natives) {
      var body = new Blob(['x'], { type: 'bogus' });
      return new natives.Request('/x', { method: 'POST', mode: 'no-cors', body: body }).headers.get('Content-Type') !== null;
    },
    applies: function (c) {
      if (c.kind !== 'Request' || !initHas(c, 'body') || c.init.body.k !== 'blob' || !c.init.body.type) return false;
      var mode = initHas(c, 'mode') ? c.init.mode : null;
      return mode ? (mode.k === 'str' || mode.k === 'toString') && mode.v === 'no-cors' : c.input.k === 'request' && c.input.mode === 'no-cors';
    },
    without: altered(function (d) { d.init.body.type = ''; })
  },
  {
    id: 'no ReadableStream request bodies',
    what: 'the native RequestInit.body has no ReadableStream: a stream is converted to the string ' +
      '"[object ReadableStream]" (https://fetch.spec.whatwg.org/#bodyinit-unions), and duplex is not read',
    probe: function (natives) {
      var body = new natives.ReadableStream();
      return new natives.Request('/x', { method: 'POST', body: body, duplex: 'half' } as any).headers.get('Content-Type') !== null;
    },
    applies: function (c) { return c.kind === 'Request' && initHas(c, 'body') && c.init.body.k === 'stream'; },
    without: altered(function (d) {
      d.init.body = { k: 'str', v: '[object ReadableStream]' };
      delete d.init.duplex;
    })
  },
  {
    id: 'stream request body makes mode cors',
    what: 'a Request with a ReadableStream body and mode "same-origin" gets mode "cors"; ' +
      'https://fetch.spec.whatwg.org/#dom-request step 39.2 takes same-origin or cors and keeps the mode',
    probe: function (natives) {
      var init: any = { method: 'POST', body: new natives.ReadableStream(), duplex: 'half', mode: 'same-origin' };
      return new natives.Request('http://example.com/', init).mode !== 'same-origin';
    },
    applies: function (c) { return c.kind === 'Request' && initHas(c, 'body') && c.init.body.k === 'stream'; },
    without: altered(function (d) {
      d.init.body = { k: 'str', v: 'was a stream' };
    })
  },
  {
    id: 'formData() takes Content-Type as one MIME type',
    what: 'formData() parses the whole Content-Type header value as one MIME type, where there are several values ' +
      '(a header appended twice); https://fetch.spec.whatwg.org/#concept-header-extract-mime-type splits them and ' +
      'takes the last valid one',
    probe: function (natives) {
      var headers: any = [['Content-Type', 'multipart/form-data; boundary=B'], ['Content-Type', 'bogus']];
      var body = '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\nv\r\n--B--\r\n';
      return new natives.Response(body, { headers: headers }).formData().then(function () { return false; }, function () { return true; });
    },
    applies: function (c) { return c.read === 'formData' && contentTypeAppends(c) > 0; },
    without: altered(function (d) {
      d.ops = d.ops.filter(function (op: any) { return !(op.m === 'append' && isContentType(op.args[0])); });
    })
  },
  {
    id: 'statusText with control characters',
    what: 'the native takes a statusText with control characters other than CR and LF (NUL, DEL, ...), which the ' +
      'reason-phrase production does not allow (https://fetch.spec.whatwg.org/#dom-response step 2 of initialize ' +
      'a response): a TypeError',
    probe: function (natives) { return !throws(function () { new natives.Response(null, { statusText: '\u007f' }); }); },
    applies: function (c) {
      var text = c.kind === 'Response' && c.how !== 'error' && initHas(c, 'statusText') ? c.init.statusText : null;
      return text !== null && text.k === 'str' && /[\u0000-\u0008\u000b-\u001f\u007f]/.test(text.v) && !/[\r\n]/.test(text.v);
    },
    without: altered(function (d) {
      d.init.statusText = { k: 'str', v: '' };
    })
  },
  {
    id: 'errored stream read rejects with AbortError',
    what: 'reading a body whose stream errors rejects with a new AbortError DOMException, not with the stream\'s ' +
      'error (https://fetch.spec.whatwg.org/#fully-read-body: processBodyError is given the error)',
    probe: function (natives) {
      var stream = new natives.ReadableStream({ start: function (controller: any) { controller.error(new TypeError('x')); } });
      return new natives.Response(stream).text().then(function () { return false; }, function (e) { return !(e instanceof TypeError); });
    },
    applies: function (c) {
      var body = bodyOf(c);
      return body !== null && body.k === 'stream' && body.fail === true && c.read;
    },
    without: altered(function (d) {
      bodyOf(d).fail = false;
    })
  },
  {
    id: 'multipart that RFC 7578 allows refused',
    what: 'formData() refuses (or drops parts of) multipart/form-data that RFC 7578 and RFC 2046 allow, which ' +
      'https://fetch.spec.whatwg.org/#dom-body-formdata defers to: a disposition type or parameter name not in lower ' +
      'case (RFC 2183: case-insensitive), whitespace around "=" (RFC 822 linear whitespace), a preamble, transport ' +
      'padding after a delimiter, a boundary with a space or a non-token boundary, a quoted-pair (\\") in a quoted ' +
      'value (RFC 822), an empty or non-ASCII (UTF-8) name or filename (RFC 7578 4.2, 5.1), an empty Content-Type, no ' +
      'CRLF after the close delimiter (RFC 2046: the epilogue is optional); or it rejects without reading the body ' +
      '(bodyUsed stays false) where it cannot use the ' +
      'boundary or there is none (https://fetch.spec.whatwg.org/#concept-body-consume-body reads it first)',
    probe: function (natives) {
      var forms: Array<[string, string]> = [
        ['--B\r\nContent-Disposition: Form-Data; NAME = "x"\r\n\r\nv\r\n--B--', 'B'],
        ['preamble\r\n--B--', 'B'],
        ['--B\r\nContent-Disposition: form-data; name="x"; filename="a\\"b"\r\n\r\nv\r\n--B--', 'B'],
        ['--x y \r\nContent-Disposition: form-data; name="x"\r\n\r\nv\r\n--x y--', '"x y"']
      ];
      return Promise.all(forms.map(function (form) {
        var response = new natives.Response(form[0], { headers: { 'Content-Type': 'multipart/form-data; boundary=' + form[1] } });
        return response.formData().then(function (f: any) { return f.get('x') === null && form[0].indexOf('x"') >= 0; }, function () { return true; });
      })).then(function (refused) { return refused.indexOf(true) >= 0; });
    },
    applies: function (c) { return c.kind === 'Response' && c.body.k === 'multipart'; },
    without: altered(function (d) {
      var m = d.body;
      if (!/^[0-9A-Za-z.-]+$/.test(m.boundary)) m.boundary = 'B';
      if (m.typeOverride !== null && /multipart/i.test(m.typeOverride)) m.typeOverride = null;
      m.preamble = false;
      if (m.close && m.epilogue === '') m.epilogue = '\r\n';
      m.parts.forEach(function (part: any) {
        if (/^form-data$/i.test(part.type)) part.type = 'form-data';
        if (part.afterBoundary !== '\n') part.afterBoundary = '\r\n';
        if (part.contentType === '') part.contentType = null;
        part.params.forEach(function (p: any) {
          p.name = p.name.toLowerCase();
          p.spaced = false;
          p.value = p.value.replace(/\\./g, '').replace(/[^\u0020-\u007e]/g, '') || 'x';
        });
      });
      d.init.headers.pairs = [['Content-Type', multipartType(m)]];
    })
  },
  {
    id: 'unquoted non-token multipart value taken',
    what: 'formData() takes a Content-Disposition parameter value that is neither a token nor a quoted string ' +
      '(name=a b), which RFC 7578 (RFC 2045 5.1 value := token / quoted-string) does not allow: a TypeError ' +
      '(https://fetch.spec.whatwg.org/#dom-body-formdata step 2.2)',
    probe: function (natives) {
      var body = '--B\r\nContent-Disposition: form-data; name=a b\r\n\r\nv\r\n--B--\r\n';
      return new natives.Response(body, { headers: { 'Content-Type': 'multipart/form-data; boundary=B' } }).formData()
        .then(function () { return true; }, function () { return false; });
    },
    applies: function (c) {
      return c.kind === 'Response' && c.body.k === 'multipart' && c.body.parts.some(function (part: any) {
        return part.params.some(function (p: any) { return !p.quoted && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(p.value); });
      });
    },
    without: altered(function (d) {
      d.body.parts.forEach(function (part: any) {
        part.params.forEach(function (p: any) { if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(p.value)) p.quoted = true; });
      });
    })
  },
  {
    id: 'multipart header line without a colon skipped',
    what: 'formData() skips a line in a part\'s header that is not a header field (no colon), where the body does not ' +
      'parse as RFC 7578 / RFC 5322 header fields (a TypeError: https://fetch.spec.whatwg.org/#dom-body-formdata step 2.2)',
    probe: function (natives) {
      var body = '--B\r\nContent-Disposition: form-data; name="a"\r\njunk\r\n\r\nv\r\n--B--\r\n';
      return new natives.Response(body, { headers: { 'Content-Type': 'multipart/form-data; boundary=B' } }).formData()
        .then(function () { return true; }, function () { return false; });
    },
    applies: function (c) { return c.kind === 'Response' && c.body.k === 'multipart' && c.body.parts.some(function (p: any) { return p.junk; }); },
    without: altered(function (d) {
      d.body.parts.forEach(function (part: any) { part.junk = false; });
    })
  },
  {
    id: 'FormData does not round-trip',
    what: 'formData() of a FormData body does not give back its entries: it refuses control characters in a name, ' +
      'drops non-ASCII ones, trims spaces off a quoted name, or cuts a quoted name at a semicolon, which the HTML multipart/form-data encoding writes as they are ' +
      '(https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart-form-data) and RFC 7578 reads so',
    probe: function (natives) {
      var form = new natives.FormData();
      form.append('a\u0001 ', 'v');
      return new natives.Response(form).formData().then(function (back: any) { return back.get('a\u0001 ') !== 'v'; }, function () { return true; });
    },
    applies: function (c) {
      var body = bodyOf(c);
      return body !== null && body.k === 'formData' && c.read === 'formData';
    },
    without: altered(function (d) {
      bodyOf(d).entries = bodyOf(d).entries.map(function (entry: string[]) {
        return entry.map(function (s) { return s.replace(/[^\u0020-\u007e]|;/g, '').replace(/^ +| +$/g, ''); });
      });
    })
  },
  {
    id: 'multipart names lose their NULs',
    what: 'formData() drops the NUL characters of a part\'s name (not of its value), which the HTML multipart/form-data ' +
      'encoding writes as they are (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart-form-data) ' +
      'and RFC 7578 reads so (Firefox keeps them)',
    probe: function (natives) {
      var body = '--B\r\nContent-Disposition: form-data; name="a\u0000b"\r\n\r\nv\r\n--B--\r\n';
      return new natives.Response(body, { headers: { 'Content-Type': 'multipart/form-data; boundary=B' } }).formData()
        .then(function (form: any) { return form.get('ab') === 'v'; }, function () { return false; });
    },
    applies: function (c) {
      var body = bodyOf(c);
      if (body === null || c.read !== 'formData') return false;
      if (body.k === 'formData') return body.entries.some(function (entry: string[]) { return entry[0].indexOf('\u0000') >= 0; });
      return body.k === 'multipart' && body.parts.some(function (part: any) {
        return part.params.some(function (p: any) { return p.value.indexOf('\u0000') >= 0; });
      });
    },
    without: altered(function (d) {
      var body = bodyOf(d);
      if (body.k === 'formData') {
        body.entries.forEach(function (entry: string[]) { entry[0] = entry[0].replace(/\u0000/g, ''); });
      } else {
        body.parts.forEach(function (part: any) {
          part.params.forEach(function (p: any) { p.value = p.value.replace(/\u0000/g, ''); });
        });
      }
    })
  },
  {
    id: 'malformed multipart parts dropped',
    what: 'formData() leaves out a part it cannot read (not form-data, no name, a header line without a colon), ' +
      'or takes the parts of a body without its close delimiter, and resolves, where the multipart/form-data body ' +
      'does not parse per RFC 7578 and RFC 2046 (a TypeError: ' +
      'https://fetch.spec.whatwg.org/#dom-body-formdata step 2.2)',
    probe: function (natives) {
      var body = '--B\r\nContent-Disposition: attachment; name="a"\r\n\r\nv\r\n--B--\r\n';
      return new natives.Response(body, { headers: { 'Content-Type': 'multipart/form-data; boundary=B' } }).formData()
        .then(function () { return true; }, function () { return false; });
    },
    applies: function (c) { return c.kind === 'Response' && c.body.k === 'multipart'; },
    without: altered(function (d) {
      d.body.parts = d.body.parts.filter(function (part: any) {
        var named = part.params.some(function (p: any) { return /^name$/i.test(p.name); });
        return /^form-data$/i.test(part.type) && named && !part.junk;
      });
      if (!d.body.close) d.body.epilogue = '\r\n';
      d.body.close = true;
    })
  },
  {
    id: 'json() rejects with a DOMException',
    what: 'json() of a body that is not JSON rejects with a DOMException named SyntaxError, not the SyntaxError that ' +
      'parsing JSON throws (https://infra.spec.whatwg.org/#parse-json-bytes-to-a-javascript-value)',
    probe: function (natives) {
      return new natives.Response('{').json().then(function () { return false; }, function (e) { return !(e instanceof SyntaxError); });
    },
    applies: function (c) { return c.read === 'json'; },
    without: altered(function (d) {
      d.read = 'text';
    })
  },
  {
    id: 'Response.redirect() refuses credentials',
    what: 'Response.redirect() throws a TypeError for a URL with credentials, which ' +
      'https://fetch.spec.whatwg.org/#dom-response-redirect does not check (and so before the RangeError of a bad status)',
    probe: function (natives) { return throws(function () { natives.Response.redirect('http://u:p@example.com/'); }); },
    applies: function (c) { return c.kind === 'Response' && c.how === 'redirect' && /\/\/[^\/]*@/.test(c.url.v); },
    without: altered(function (d) {
      d.url.v = d.url.v.replace(/\/\/[^\/]*@/, '//');
    })
  },
  {
    id: 'UTF-8 BOM kept',
    what: 'text() and json() keep a leading byte order mark, which UTF-8 decode removes ' +
      '(https://encoding.spec.whatwg.org/#utf-8-decode, used by https://fetch.spec.whatwg.org/#dom-body-text)',
    probe: function (natives) {
      return new natives.Response('\ufeffx').text().then(function (text) { return text !== 'x'; });
    },
    applies: function (c) {
      var body = bodyOf(c);
      return body !== null && body.k === 'str' && body.v.charAt(0) === '\ufeff';
    },
    without: altered(function (d) {
      bodyOf(d).v = bodyOf(d).v.slice(1);
    })
  },
  {
    id: 'body converted late',
    what: 'the native converts a body that is not a Blob, BufferSource, FormData, URLSearchParams or stream to a ' +
      'string (and throws for a Symbol) only when it extracts it, after reading init and after the GET/HEAD check, ' +
      'not when WebIDL converts the arguments and dictionary members (https://webidl.spec.whatwg.org/#es-union): the ' +
      'order of conversions (the log of getters and toString/valueOf calls) differs',
    probe: function (natives) {
      var converted = false;
      throws(function () { new natives.Request('/x', { body: { toString: function () { converted = true; return ''; } } as any }); });
      return !converted;
    },
    applies: function (c) {
      var body = bodyOf(c);
      return body !== null && CONVERTED[body.k] === true;
    },
    without: altered(function (d) {
      d.quiet = true;
    })
  }
];

/** Whether a case's Headers have the guard "request-no-cors": a no-cors Request's (by init or by its input), or such. */
function isNoCors(c: Case): boolean {
  if (c.kind === 'Headers') return c.source === 'no-cors';
  if (c.kind !== 'Request') return false;
  var mode = initHas(c, 'mode') ? c.init.mode : null;
  return mode ? (mode.k === 'str' || mode.k === 'toString') && mode.v === 'no-cors' : c.input.k === 'request' && c.input.mode === 'no-cors';
}

function nonAsciiSafelisted(name: string, value: string): boolean {
  return /^(accept|content-type)$/i.test(name) && /[\u0080-\u00ff]/.test(value);
}

// A copy of c without the header pairs (in init, in init.headers, in the methods called) that `drop` picks, or null if
// there are none.
function copyWithout(c: Case, drop: (name: string, value: string) => boolean): Case | null {
  var d = copy(c);
  var dropped = false;
  function filter(desc: any): void {
    if (!desc || !desc.pairs) return;
    desc.pairs = desc.pairs.filter(function (p: any[]) {
      var out = typeof p[0] === 'string' && typeof p[1] === 'string' && drop(p[0], p[1]);
      dropped = dropped || out;
      return !out;
    });
  }
  filter(d.kind === 'Headers' ? d.init : d.init && d.init.headers);
  // A Request's input request, made with its own header pairs.
  if (d.kind === 'Request' && d.input.k === 'request') {
    var input = { pairs: d.input.headers };
    filter(input);
    d.input.headers = input.pairs;
  }
  d.ops = d.ops.filter(function (op: any) {
    var out = op.args.length === 2 && op.args[0].k === 'str' && op.args[1].k === 'str' && drop(op.args[0].v, op.args[1].v);
    dropped = dropped || out;
    return !out;
  });
  return dropped ? d : null;
}

function isContentType(arg: any): boolean {
  return arg !== undefined && arg.k === 'str' && /^content-type$/i.test(arg.v);
}

function contentTypeAppends(c: Case): number {
  return c.ops.filter(function (op: any) { return op.m === 'append' && isContentType(op.args[0]); }).length;
}

// Bodies that WebIDL converts (to a string, or a TypeError for a Symbol).
var CONVERTED: { [k: string]: boolean } = { toString: true, symbol: true, num: true, obj: true, bool: true, fn: true };

function bodyOf(c: Case): any {
  if (c.kind === 'Request') return initHas(c, 'body') ? c.init.body : null;
  return c.kind === 'Response' && c.how === 'new' ? c.body : null;
}
