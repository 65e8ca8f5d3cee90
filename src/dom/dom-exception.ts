// DOMException: https://webidl.spec.whatwg.org/#idl-DOMException
// The engine's own where it can be constructed (`new DOMException(message, name)`); otherwise (PhantomJS and old
// WebKit, where it is an uncallable host object; IE, where it is missing or uncallable; Duktape) a class of ours that
// behaves the same for script: `name`, `message`, the legacy `code`, the constants, `instanceof Error`, and
// `Error.prototype.toString` giving "AbortError: message".
import { defineValue, globalObject as g } from '../env/global';
import { supportsDOMExceptionConstructor } from '../env/support';
import { createSlot } from '../webidl/slots';
import { toDOMString } from '../webidl/conversions';
import { constructing, defineAttributes, defineConstants } from '../webidl/interface';

// https://webidl.spec.whatwg.org/#dfn-error-names-table: the legacy codes 1–25 in order, each as its constant's words
// (INDEX_SIZE_ERR) and, where it starts with a capital, its name's (IndexSizeError): DOMSTRING_SIZE_ERR,
// NO_DATA_ALLOWED_ERR and VALIDATION_ERR have no name.
var CODES = 'Index_Size domstring_Size Hierarchy_Request Wrong_Document Invalid_Character no_Data_Allowed ' +
  'No_Modification_Allowed Not_Found Not_Supported InUse_Attribute Invalid_State Syntax Invalid_Modification Namespace ' +
  'Invalid_Access validation Type_Mismatch Security Network Abort URL_Mismatch Quota_Exceeded Timeout Invalid_Node_Type ' +
  'Data_Clone';
var NAMES = CODES.replace(/_/g, '').split(' ');

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
    if (stack !== undefined) defineValue(this, 'stack', stack);
  } as any;

// https://webidl.spec.whatwg.org/#es-DOMException-specialness: the prototype's [[Prototype]] is %Error.prototype%.
defineValue(PolyfillDOMException.prototype = Object.create(Error.prototype), 'constructor', PolyfillDOMException);

defineAttributes(PolyfillDOMException.prototype, slot, 'DOMException', {
  name: 0,
  message: 0,
  // (A name is a capitalized word ending in Error: the lower-case entries, and any other name, give 0.)
  code: function (state) {
    return NAMES.indexOf(/^[A-Z].*Error$/.test(state.name) ? state.name.slice(0, -5) : '') + 1;
  }
});

defineConstants(PolyfillDOMException, CODES.toUpperCase().replace(/\S+/g, '$&_ERR'), 1);


/** The DOMException retrofetch creates: the engine's where constructible, else ours. */
export var DOMException: { new (message?: string, name?: string): DOMExceptionLike } =
  supportsDOMExceptionConstructor ? g.DOMException : PolyfillDOMException;

export function createDOMException(message: string, name: string): DOMExceptionLike {
  return new DOMException(message, name);
}
