// The standalone script (dist/retrofetch.polyfill.js) for `if (!window.fetch) load(...)`: it must work alone in an
// ES5 engine, so where Promise is missing (or not a working Promise) it installs promise-polyfill first.
import './env/install-promise';
import './polyfill';
