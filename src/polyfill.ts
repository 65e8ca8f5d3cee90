// The ONLY module that writes globals (STYLE habit 5). It installs what the host lacks and never replaces a
// working native, so loading it twice, or in a browser with fetch, changes nothing.
import { globalObject } from './env/global';
import * as ponyfill from './index';

var names = ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'ReadableStream'] as const;

export function installMissing(): string[] {
  var installed: string[] = [];
  for (var i = 0; i < names.length; i++) {
    var name = names[i];
    if (typeof globalObject[name] === 'function') continue;
    // Like a WebIDL interface object: writable, configurable, not enumerable.
    Object.defineProperty(globalObject, name, {
      value: (ponyfill as any)[name], writable: true, configurable: true, enumerable: false
    });
    installed.push(name);
  }
  return installed;
}

installMissing();
