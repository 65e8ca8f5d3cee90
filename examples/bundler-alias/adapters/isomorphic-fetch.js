// `require('isomorphic-fetch')` gives the fetch function itself (its browser build is `module.exports = fetch`, after
// installing whatwg-fetch's globals). Here it is retrofetch's fetch, from the ES modules (./retrofetch.js: a
// require('retrofetch') here would give the CommonJS build, a second copy of retrofetch), and nothing is installed.
module.exports = require('./retrofetch').fetch;
