// fetch(): https://fetch.spec.whatwg.org/#fetch-method. The algorithms it runs are in ./fetching.ts.
import { Request, innerRequest, InnerRequest } from './request';
import { Response, createResponse } from './response';
import { takeSource } from './body';
import { fetching, abortFetchController, FetchController, RetrofetchInit } from './fetching';
import { PushSource } from '../streams/push-source';
import { signalIsAborted, signalReason, addAbortAlgorithm } from '../dom/abort-signal';
import { exposeCounters } from '../env/debug-counters';
import { typeError } from '../webidl/conversions';

export type { RetrofetchInit };

export function fetch(input: unknown, init?: unknown): Promise<Response> {
  // 1. Let p be a new promise.
  return new Promise<Response>(function (resolve, reject) {
    // 2. Let requestObject be the result of new Request(input, init); a thrown error rejects p.
    // 3. Let request be requestObject's request.
    var request = innerRequest(new Request(input, init), 'fetch');
    // Checked before anything is taken from the request: a TypeError here leaves its body unused.
    var progress = progressCallbacks(request._retrofetch);
    var signal = request.signal;
    // 4. If requestObject's signal is aborted, then abort the fetch() call with p, request, null, and the signal's
    //    abort reason, and return p.
    if (signalIsAborted(signal)) return abortFetchCall(reject, request, signalReason(signal));
    // 5–9. The global object, client and service workers: nothing to do here.
    // 10–12. responseObject, controller, locallyAborted.
    var controller: FetchController | undefined;
    var locallyAborted = false;
    // The transfer is over (fetching()'s processEnd ran).
    var ended = false;
    // The reason a body that outlived the abort steps errors with, once the signal is seen aborted (never undefined:
    // an abort reason is a value, an AbortError where none was given).
    var reason: unknown;
    // 13. Add the following abort steps to requestObject's signal:
    var removeAbortSteps = addAbortAlgorithm(signal, function () {
      // 1. Set locallyAborted to true.
      locallyAborted = true;
      // 2–3. Abort controller with the signal's abort reason (it stops the transfer and errors the body).
      if (controller) abortFetchController(controller, signalReason(signal));
      // 4. Abort the fetch() call with p, request, responseObject, and the signal's abort reason.
      abortFetchCall(reject, request, signalReason(signal));
    });
    // 14. Set controller to the result of calling fetch given request, and processResponse given response being:
    controller = fetching(request, progress, function (response, error) {
      // 1. If locallyAborted is true, then abort these steps.
      if (locallyAborted) return;
      // 2–3. If response is a network error (aborted ones come through the abort steps), reject p with it.
      if (!response) return reject(error);
      // 4. Set responseObject to the result of creating a Response object from response.
      var source = response._body && response._body._source as PushSource;
      if (source) {
        // Once the transfer is over the abort steps are gone (a long-lived signal keeps nothing of a response nobody
        // reads), and a body still holding unread data errors with the reason on its next read instead, as the
        // abort steps' "error response's body" would have done (the stream is readable until drained).
        var read = source._read;
        source._read = function (done, fail) {
          if (reason === undefined && ended && source!._queued() > 0 && signalIsAborted(signal)) {
            source!._cancel(reason = signalReason(signal));
          }
          if (reason !== undefined) fail(reason);
          else read(done, fail);
        };
      }
      // 5. Resolve p with responseObject.
      resolve(createResponse(response));
    }, function () {
      ended = true;
      removeAbortSteps();
    });
    // A stream body's pull that aborted the signal while fetching() read it.
    if (locallyAborted) abortFetchController(controller, signalReason(signal));
  });
}

// The test counters' hook (src/env/debug-counters.ts): only the instrumented test build keeps it.
exposeCounters(fetch);

// https://fetch.spec.whatwg.org/#abort-fetch
function abortFetchCall(reject: (reason: unknown) => void, request: InnerRequest, error: unknown): void {
  // 1. Reject promise with error (nothing happens once it is resolved).
  reject(error);
  // 2. If request's body is non-null and is readable, then cancel request's body with error (once fetching() has
  //    it, its controller cancels it: see abortFetchController).
  var body = request._body;
  if (body && !body._disturbed) {
    body._disturbed = true;
    takeSource(body)._cancel(error);
  }
  // 3–5. If there is a response and its body is readable, then error it with error: the controller does so while
  //      the body arrives, and the body's reads afterwards (see fetch above).
}

// The RetrofetchInit member, checked like a dictionary: each callback is a function or absent.
function progressCallbacks(value: any): RetrofetchInit {
  if (value == null) return {};
  if (typeof value !== 'object') throw typeError('fetch', 'init.retrofetch is not an object');
  for (var name in { onUploadProgress: 0, onDownloadProgress: 0 }) {
    if (value[name] !== undefined && typeof value[name] !== 'function') throw typeError('fetch', 'init.retrofetch.' + name + ' is not a function');
  }
  return value;
}
