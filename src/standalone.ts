// The standalone script (dist/retrofetch.polyfill.js) for `if (!window.fetch) load(...)`: it must work alone in an
// ES5 engine, so where Promise is missing (or not a working Promise) it installs promise-polyfill first, then every
// missing piece of the ponyfill, the streams family included.
import './env/install-promise';
import * as ponyfill from './index';
import { installMissing } from './polyfill';

installMissing(ponyfill as any);
