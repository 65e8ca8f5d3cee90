// DOMException: https://webidl.spec.whatwg.org/#idl-DOMException
// The engine's own where it can be constructed (`new DOMException(message, name)`); otherwise (PhantomJS and old
// WebKit, where it is an uncallable host object; IE, where it is missing or uncallable; Duktape) a class of ours that
// behaves the same for script: `name`, `message`, the legacy `code`, the constants, `instanceof Error`, and
// `Error.prototype.toString` giving "AbortError: message".
import { globalObject as g } from '../env/global';
import { supportsDOMExceptionConstructor } from '../env/support';
import { createSlot } from '../webidl/slots';
import { toDOMString } from '../webidl/conversions';
import { constructing, defineAttributes, defineConstants, defineToStringTag } from '../webidl/interface';

// https://webidl.spec.whatwg.org/#dfn-error-names-table: the names that have a legacy code, each at index code - 1
// ('' where a code has no name).
var NAMES = ('IndexSizeError  HierarchyRequestError WrongDocumentError InvalidCharacterError  NoModificationAllowedError ' +
  'NotFoundError NotSupportedError InUseAttributeError InvalidStateError SyntaxError InvalidModificationError ' +
  'NamespaceError InvalidAccessError  TypeMismatchError SecurityError NetworkError AbortError URLMismatchError ' +
  'QuotaExceededError TimeoutError InvalidNodeTypeError DataCloneError').split(' ');

var slot = createSlot<{ name: string; message: string }>('DOMException');

interface DOMExceptionLike extends Error {
  readonly code: number;
}

/** retrofetch's DOMException, for engines whose own cannot be constructed. Installed by src/polyfill.ts there. */
export var PolyfillDOMException: { new (message?: string, name?: string): DOMExceptionLike; prototype: DOMExceptionLike } =
  function DOMException(this: any, message?: unknown, name?: unknown) {
    // https://webidl.spec.whatwg.org/#dom-domexception-domexception
    var member = 'DOMException constructor';
    constructing(this, PolyfillDOMException, slot, member);
    // 1–2. Set this's name to name and this's message to message (both DOMString, defaulting to "Error" and "").
    message = message === undefined ? '' : toDOMString(message, member);
    slot.set(this, { message: message as string, name: name === undefined ? 'Error' : toDOMString(name, member) });
    // Not in the IDL, but every engine gives its exceptions a stack; where Error has one, so does this.
    var stack = new Error(message as string).stack;
    if (stack !== undefined) Object.defineProperty(this, 'stack', { value: stack, writable: true, configurable: true });
  } as any;

// https://webidl.spec.whatwg.org/#es-DOMException-specialness: the prototype's [[Prototype]] is %Error.prototype%.
PolyfillDOMException.prototype = Object.create(Error.prototype, {
  constructor: { value: PolyfillDOMException, writable: true, configurable: true }
});

defineAttributes(PolyfillDOMException.prototype, slot, 'DOMException', {
  name: 'name',
  message: 'message',
  code: function (state) {
    return state.name ? NAMES.indexOf(state.name) + 1 : 0;
  }
});

defineConstants(PolyfillDOMException, 'INDEX_SIZE_ERR DOMSTRING_SIZE_ERR HIERARCHY_REQUEST_ERR WRONG_DOCUMENT_ERR ' +
  'INVALID_CHARACTER_ERR NO_DATA_ALLOWED_ERR NO_MODIFICATION_ALLOWED_ERR NOT_FOUND_ERR NOT_SUPPORTED_ERR ' +
  'INUSE_ATTRIBUTE_ERR INVALID_STATE_ERR SYNTAX_ERR INVALID_MODIFICATION_ERR NAMESPACE_ERR INVALID_ACCESS_ERR ' +
  'VALIDATION_ERR TYPE_MISMATCH_ERR SECURITY_ERR NETWORK_ERR ABORT_ERR URL_MISMATCH_ERR QUOTA_EXCEEDED_ERR ' +
  'TIMEOUT_ERR INVALID_NODE_TYPE_ERR DATA_CLONE_ERR', 1);

defineToStringTag(PolyfillDOMException.prototype, 'DOMException');

/** The DOMException retrofetch creates: the engine's where constructible, else ours. */
export var DOMException: { new (message?: string, name?: string): DOMExceptionLike } =
  supportsDOMExceptionConstructor ? g.DOMException : PolyfillDOMException;

export function createDOMException(message: string, name: string): DOMExceptionLike {
  return new DOMException(message, name);
}
