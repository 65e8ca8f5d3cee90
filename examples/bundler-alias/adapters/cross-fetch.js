// cross-fetch's browser ponyfill: fetch as the default export and by name, with Headers, Request and Response.
export { fetch as default, fetch, Headers, Request, Response } from 'retrofetch';
