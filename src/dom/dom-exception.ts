// DOMException: https://webidl.spec.whatwg.org/#idl-DOMException
// The engine's own where it can be constructed (`new DOMException(message, name)`); otherwise (PhantomJS and old
// WebKit, where it is an uncallable host object; IE, where it is missing or uncallable; Duktape) a class of ours that
// behaves the same for script: `name`, `message`, the legacy `code`, the constants, `instanceof Error`, and
// `Error.prototype.toString` giving "AbortError: message".
import { globalObject as g } from '../env/global';
import { supportsDOMExceptionConstructor, supportsSymbolToStringTag } from '../env/support';
import { createSlot } from '../webidl/slots';
import { toDOMString } from '../webidl/conversions';

// https://webidl.spec.whatwg.org/#dfn-error-names-table: the names that have a legacy code.
var LEGACY_CODES: { [name: string]: number } = {
  IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
  NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10,
  InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
  InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
  URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25
};

var CONSTANTS = ['INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR', 'WRONG_DOCUMENT_ERR',
  'INVALID_CHARACTER_ERR', 'NO_DATA_ALLOWED_ERR', 'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR', 'NOT_SUPPORTED_ERR',
  'INUSE_ATTRIBUTE_ERR', 'INVALID_STATE_ERR', 'SYNTAX_ERR', 'INVALID_MODIFICATION_ERR', 'NAMESPACE_ERR',
  'INVALID_ACCESS_ERR', 'VALIDATION_ERR', 'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR', 'ABORT_ERR',
  'URL_MISMATCH_ERR', 'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR', 'INVALID_NODE_TYPE_ERR', 'DATA_CLONE_ERR'];

interface DOMExceptionState {
  name: string;
  message: string;
}

var slot = createSlot<DOMExceptionState>('DOMException');

export interface DOMExceptionLike extends Error {
  readonly code: number;
}

/** retrofetch's DOMException, for engines whose own cannot be constructed. Installed by src/polyfill.ts there. */
export var PolyfillDOMException: { new (message?: string, name?: string): DOMExceptionLike; prototype: DOMExceptionLike } =
  function DOMException(this: any, message?: unknown, name?: unknown) {
    // https://webidl.spec.whatwg.org/#dom-domexception-domexception
    if (!(this instanceof PolyfillDOMException) || slot.has(this)) {
      throw new TypeError("DOMException constructor: Please use the 'new' operator");
    }
    // 1–2. Set this's name to name and this's message to message (both DOMString, defaulting to "Error" and "").
    slot.set(this, {
      message: message === undefined ? '' : toDOMString(message, 'DOMException constructor'),
      name: name === undefined ? 'Error' : toDOMString(name, 'DOMException constructor')
    });
    // Not in the IDL, but every engine gives its exceptions a stack; where Error has one, so does this.
    var stack = new Error(String(message === undefined ? '' : message)).stack;
    if (stack !== undefined) Object.defineProperty(this, 'stack', { value: stack, writable: true, configurable: true });
  } as any;

// https://webidl.spec.whatwg.org/#es-DOMException-specialness: the prototype's [[Prototype]] is %Error.prototype%.
PolyfillDOMException.prototype = Object.create(Error.prototype, {
  constructor: { value: PolyfillDOMException, writable: true, configurable: true, enumerable: false }
});

function accessor(name: 'name' | 'message' | 'code'): void {
  Object.defineProperty(PolyfillDOMException.prototype, name, {
    get: function (this: unknown) {
      var state = slot.get(this, 'DOMException.' + name);
      if (name === 'code') return Object.prototype.hasOwnProperty.call(LEGACY_CODES, state.name) ? LEGACY_CODES[state.name] : 0;
      return state[name];
    },
    enumerable: true,
    configurable: true
  });
}
accessor('name');
accessor('message');
accessor('code');

for (var i = 0; i < CONSTANTS.length; i++) {
  var constant = { value: i + 1, writable: false, enumerable: true, configurable: false };
  Object.defineProperty(PolyfillDOMException, CONSTANTS[i], constant);
  Object.defineProperty(PolyfillDOMException.prototype, CONSTANTS[i], constant);
}

if (supportsSymbolToStringTag) {
  Object.defineProperty(PolyfillDOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
}

/** The DOMException retrofetch creates: the engine's where constructible, else ours. */
export var DOMException: { new (message?: string, name?: string): DOMExceptionLike } =
  supportsDOMExceptionConstructor ? g.DOMException : PolyfillDOMException;

export function createDOMException(message: string, name: string): DOMExceptionLike {
  return new DOMException(message, name);
}
