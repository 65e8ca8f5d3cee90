// Written for retrofetch's ponyfill itself: fetch and Headers imported by name. Nothing is installed as a global.
import { fetch, Headers } from 'retrofetch';

export function viaPonyfill(url) {
  return fetch(url, { method: 'POST', headers: new Headers({ 'X-Via': 'ponyfill' }), body: 'ponyfill' });
}

export var ponyfillFetch = fetch;
