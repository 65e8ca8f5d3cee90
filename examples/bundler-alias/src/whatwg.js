// Written for whatwg-fetch: import it for its side effect (it installs the globals where missing), then use the
// global fetch. The alias makes the import retrofetch's module, which installs nothing; ProvidePlugin gives the
// `fetch` below retrofetch's.
/* global fetch */
import 'whatwg-fetch';

export function viaWhatwgFetch(url) {
  return fetch(url, { method: 'POST', headers: { 'X-Via': 'whatwg-fetch' }, body: 'whatwg-fetch' });
}

export var whatwgFetch = fetch;
