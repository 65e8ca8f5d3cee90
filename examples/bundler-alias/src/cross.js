// Written for cross-fetch: its default export and its Headers.
import fetch, { Headers } from 'cross-fetch';

export function viaCrossFetch(url) {
  return fetch(url, { method: 'POST', headers: new Headers({ 'X-Via': 'cross-fetch' }), body: 'cross-fetch' });
}

export var crossFetch = fetch;
