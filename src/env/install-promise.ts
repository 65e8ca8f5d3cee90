// Installs an A+ Promise (promise-polyfill, ~1.5 KB) where the host has none that works. Only the standalone
// script imports this; the module entries list Promise as a prerequisite instead.
import PromisePolyfill from 'promise-polyfill';
import { globalObject } from './global';
import { fails } from './support';

var broken = fails(function () {
  var P = globalObject.Promise;
  var resolved = P.resolve(1);
  return typeof P === 'function' && typeof resolved.then === 'function' && typeof P.all === 'function';
});

if (broken) {
  Object.defineProperty(globalObject, 'Promise', {
    value: PromisePolyfill, writable: true, configurable: true, enumerable: false
  });
}
