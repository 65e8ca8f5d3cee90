// The real clients, not their patterns (those are in real-apps.test.ts): ky, axios's fetch adapter, ofetch,
// graphql-request and @microsoft/fetch-event-source from npm, compiled to ES5 as a legacy app's build compiles its
// node_modules (test/clients/entry.ts → dist/test/clients.js). Each runs in a fresh frame set up as an app of the
// engine's generation would be: core-js first, then retrofetch's standalone script, then the app's bundle.
//   - polyfill pass: the frame's natives deleted (test/setup/remove-natives.js), then the full script; in the as-is
//     profile (QtWebKit 5.212, jsdom) nothing is deleted: the engine's partial natives meet the script as they are;
//     in the no-abort profile the frame has the engine's fetch without AbortController, then the core script;
//   - native pass: the engine's own fetch, no retrofetch (the oracle for the scenarios themselves).
import { expect } from 'chai';
import { suite, servers, profile } from '../support/harness';
import { frameWith } from '../support/frames';
import { hangOpened, hangClosed, rawJson, uid } from '../support/abort';
import { base64ToBytes, rejection } from '../support/assert';

var CORE_JS = '/base/node_modules/core-js-bundle/minified.js';
var CLIENTS = '/base/dist/test/clients.js';

function framePlan(pass: string): string[] {
  if (pass === 'native') return [CORE_JS, CLIENTS];
  if (profile === 'as-is') return [CORE_JS, '/base/dist/retrofetch.polyfill.js', CLIENTS];
  if (profile === 'no-abort') {
    return [CORE_JS, 'code:delete window.AbortController; delete window.AbortSignal;', '/base/dist/retrofetch.core.js', CLIENTS];
  }
  return [CORE_JS, '/base/test/setup/remove-natives.js', '/base/dist/retrofetch.polyfill.js', CLIENTS];
}

/** The request body the echo route saw (base64), as a string of its bytes. */
function echoedBody(echo: any): string {
  return String.fromCharCode.apply(null, base64ToBytes(echo.body));
}

suite('real clients', function (impl) {
  var frame: any = null;
  var clients: any;
  var win: any;
  var url = function (path: string): string { return servers.sameOrigin + path; };

  before(function () {
    this.timeout(60000);
    return frameWith(framePlan(impl.name)).then(function (f) {
      frame = f;
      win = f.win;
      clients = win.__realClients;
      expect(clients, 'the clients bundle ran in the frame').to.be.an('object');
    });
  });

  after(function () {
    if (frame) frame.remove();
  });

  describe('ky', function () {
    it('GET with searchParams, .json()', function () {
      return clients.ky.get(url('/api/echo'), { searchParams: { q: 'a b', n: 1 } }).json().then(function (echo: any) {
        expect(echo.method).to.equal('GET');
        expect(echo.url).to.equal('/api/echo?q=a+b&n=1');
        expect(echo.headers.accept).to.equal('application/json');
      });
    });

    it('POST with json: the body and its Content-Type', function () {
      return clients.ky.post(url('/api/echo'), { json: { x: 1, s: 'é' } }).json().then(function (echo: any) {
        expect(echo.method).to.equal('POST');
        expect(echo.headers['content-type']).to.equal('application/json');
        expect(echoedBody(echo)).to.equal('{"x":1,"s":"\u00c3\u00a9"}');
      });
    });

    it('an error status rejects with its HTTPError, the body read into it', function () {
      return rejection(clients.ky.get(url('/api/status?code=404&body=nope'), { retry: 0 })).then(function (e) {
        expect(e.name).to.equal('HTTPError');
        expect(e.response.status).to.equal(404);
        expect(e.data).to.equal('nope');
        // (ky consumed the body for `data`.)
        expect(e.response.bodyUsed).to.equal(true);
      });
    });

    it('onDownloadProgress: the body counted as it arrives, through a TransformStream of the page', function () {
      this.timeout(10000);
      var seen: number[] = [];
      // (Four chunks 100 ms apart: ky reports a chunk when the next one comes, and the last at the end.)
      return clients.ky.get(url('/api/stream?chunks=4&size=16&interval=100'), {
        onDownloadProgress: function (progress: any) { seen.push(progress.transferredBytes); }
      }).text().then(function (text: string) {
        expect(text.length).to.equal(64);
        expect(seen.length).to.be.at.least(2);
        expect(seen[seen.length - 1]).to.equal(64);
        for (var i = 1; i < seen.length; i++) expect(seen[i]).to.be.at.least(seen[i - 1]);
      });
    });

    it('timeout: a TimeoutError, and the server sees the connection close', function () {
      this.timeout(20000);
      var id = uid('ky-timeout-' + impl.name);
      return rejection(clients.ky.get(url('/api/hang?id=' + id), { timeout: 400, retry: 0 })).then(function (e) {
        expect(e.name).to.equal('TimeoutError');
        return hangClosed(id);
      }).then(function (state) {
        expect(state.known, 'the server got the request').to.equal(true);
        expect(state.closed, 'the server saw the connection close').to.equal(true);
      });
    });
  });

  describe('axios (its fetch adapter)', function () {
    it('GET with params: status, data and headers', function () {
      return clients.axios.get(url('/api/echo'), { adapter: 'fetch', params: { q: 1 } }).then(function (response: any) {
        expect(response.status).to.equal(200);
        expect(response.data.method).to.equal('GET');
        expect(response.data.url).to.equal('/api/echo?q=1');
        expect(response.headers['content-type']).to.match(/^application\/json/);
      });
    });

    it('POST of an object: sent as JSON', function () {
      return clients.axios.post(url('/api/echo'), { a: 1 }, { adapter: 'fetch' }).then(function (response: any) {
        expect(response.data.method).to.equal('POST');
        expect(response.data.headers['content-type']).to.match(/^application\/json/);
        expect(echoedBody(response.data)).to.equal('{"a":1}');
      });
    });

    it('an error status rejects with the response (status and body)', function () {
      return rejection(clients.axios.get(url('/api/status?code=500&body=boom'), { adapter: 'fetch' })).then(function (e) {
        expect(e.response.status).to.equal(500);
        expect(e.response.data).to.equal('boom');
      });
    });

    it('an AbortSignal cancels: CanceledError, and the server sees the connection close', function () {
      this.timeout(20000);
      var controller = new win.AbortController();
      var id = uid('axios-abort-' + impl.name);
      var pending = rejection(clients.axios.get(url('/api/hang?id=' + id), { adapter: 'fetch', signal: controller.signal }));
      return hangOpened(id).then(function () {
        controller.abort();
        return pending;
      }).then(function (e) {
        expect(clients.axios.isCancel(e), String(e)).to.equal(true);
        return hangClosed(id);
      }).then(function (state) {
        expect(state.closed, 'the server saw the connection close').to.equal(true);
      });
    });

    it('onDownloadProgress: the bytes as they arrive', function () {
      this.timeout(10000);
      var loaded: number[] = [];
      return clients.axios.get(url('/api/stream?chunks=4&size=16&interval=40'), {
        adapter: 'fetch', responseType: 'text', onDownloadProgress: function (e: any) { loaded.push(e.loaded); }
      }).then(function (response: any) {
        expect(response.data.length).to.equal(64);
        expect(loaded.length).to.be.at.least(1);
        expect(loaded[loaded.length - 1]).to.equal(64);
      });
    });
  });

  describe('ofetch', function () {
    it('POST of an object with a query: JSON both ways', function () {
      return clients.ofetch(url('/api/echo'), { method: 'POST', body: { b: 2 }, query: { z: 1 } }).then(function (echo: any) {
        expect(echo.method).to.equal('POST');
        expect(echo.url).to.equal('/api/echo?z=1');
        expect(echo.headers['content-type']).to.match(/^application\/json/);
        expect(echoedBody(echo)).to.equal('{"b":2}');
      });
    });

    it('an error status rejects with a FetchError carrying the parsed body', function () {
      var body = encodeURIComponent('{"error":"missing"}');
      return rejection(clients.ofetch(url('/api/status?code=404&type=application/json&body=' + body), { retry: 0 })).then(function (e) {
        expect(e.name).to.equal('FetchError');
        expect(e.status).to.equal(404);
        expect(e.data).to.deep.equal({ error: 'missing' });
      });
    });
  });

  describe('graphql-request', function () {
    var QUERY = 'query Echo($id: ID!) { echo(id: $id) { id } }';

    it('a query with variables: the data', function () {
      var client = new clients.GraphQLClient(url('/api/graphql'));
      return client.request(QUERY, { id: '7' }).then(function (data: any) {
        expect(data.echo.query).to.equal(QUERY);
        expect(data.echo.variables).to.deep.equal({ id: '7' });
        expect(data.echo.operationName).to.equal('Echo');
        expect(data.echo.contentType).to.match(/^application\/json/);
      });
    });

    it('a GraphQL error rejects with its ClientError', function () {
      var client = new clients.GraphQLClient(url('/api/graphql'));
      return rejection(client.request(QUERY, { id: '7', fail: 'yes' })).then(function (e) {
        expect(e).to.be.an.instanceof(clients.ClientError);
        expect(e.response.errors[0].message).to.equal('failed on purpose: yes');
      });
    });
  });

  describe('@microsoft/fetch-event-source', function () {
    it('events as they arrive, then an abort closes the connection', function () {
      this.timeout(20000);
      var id = uid('fes-' + impl.name);
      var plan = [{ chunks: ['data: one\n\n', 'event: note\ndata: two\nid: 2\n\n', 'data: thr', 'ee\n\n'], interval: 40, end: 'hang' }];
      var controller = new win.AbortController();
      var events: string[] = [];
      var opened = '';
      return new Promise<void>(function (resolve, reject) {
        clients.fetchEventSource(url('/api/sse?id=' + id + '&plan=' + encodeURIComponent(JSON.stringify(plan))), {
          signal: controller.signal,
          openWhenHidden: true,
          onopen: function (response: any) {
            opened = response.headers.get('content-type');
            return Promise.resolve();
          },
          onmessage: function (message: any) {
            // (Its messages carry the id field of their own event only, not the last event ID.)
            events.push((message.event || 'message') + ':' + message.data + ':' + message.id);
            if (events.length === 3) {
              controller.abort();
              resolve();
            }
          },
          onerror: function (err: any) {
            reject(err);
            throw err; // (fetch-event-source retries unless onerror throws)
          }
        });
      }).then(function () {
        expect(opened).to.equal('text/event-stream');
        expect(events).to.deep.equal(['message:one:', 'note:two:2', 'message:three:']);
        return rawJson('/api/sse-log?id=' + id + '&requests=1&closed=1&wait=10000');
      }).then(function (log: any) {
        expect(log.requests.length).to.equal(1);
        expect(log.requests[0].headers.accept).to.equal('text/event-stream');
        expect(log.requests[0].closedBy, 'the server saw the client close the connection').to.equal('client');
      });
    });
  });
});
