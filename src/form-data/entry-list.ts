// Constructing the entry list of a <form>, for `new FormData(form, submitter)`:
// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#constructing-the-form-data-set
import { globalObject as g } from '../env/global';
import { createEntry, EntryList } from './entry';
import { createFile } from './file';

var member = 'FormData constructor';

// https://html.spec.whatwg.org/multipage/forms.html#concept-form-constructing-entry-list, per form: the forms whose
// entry list is being constructed right now (a stack: a formdata listener may construct another form's).
var constructing: HTMLFormElement[] = [];

function tagName(element: Element): string {
  return String(element.nodeName).toUpperCase();
}

function inputType(element: Element): string | null {
  return tagName(element) === 'INPUT' ? String((element as HTMLInputElement).type).toLowerCase() : null;
}

// https://html.spec.whatwg.org/multipage/forms.html#concept-submit-button
export function isSubmitButton(element: Element): boolean {
  var type = inputType(element);
  if (type !== null) return type === 'submit' || type === 'image';
  return tagName(element) === 'BUTTON' && String((element as HTMLButtonElement).type).toLowerCase() === 'submit';
}

// https://html.spec.whatwg.org/multipage/forms.html#concept-button
function isButton(element: Element): boolean {
  var type = inputType(element);
  if (type !== null) return type === 'submit' || type === 'image' || type === 'reset' || type === 'button';
  return tagName(element) === 'BUTTON';
}

// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-owner
export function formOwner(element: Element): HTMLFormElement | null {
  return (element as HTMLInputElement).form || null;
}

// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#concept-fe-disabled: the element's own
// disabled attribute, or a disabled fieldset ancestor unless the element is inside that fieldset's first legend.
function isDisabled(element: Element): boolean {
  if (element.hasAttribute('disabled')) return true;
  var child: Node = element;
  for (var node = element.parentNode; node !== null && node.nodeType === 1; child = node, node = node.parentNode) {
    if (tagName(node as Element) !== 'FIELDSET' || !(node as Element).hasAttribute('disabled')) continue;
    if (child !== firstLegend(node as Element)) return true;
  }
  return false;
}

function firstLegend(fieldset: Element): Node | null {
  for (var child = fieldset.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === 1 && tagName(child as Element) === 'LEGEND') return child;
  }
  return null;
}

function hasAncestor(element: Element, name: string): boolean {
  for (var node = element.parentNode; node !== null && node.nodeType === 1; node = node.parentNode) {
    if (tagName(node as Element) === name) return true;
  }
  return false;
}

// https://html.spec.whatwg.org/multipage/form-elements.html#concept-option-disabled
function isOptionDisabled(option: HTMLOptionElement): boolean {
  if (option.hasAttribute('disabled')) return true;
  var parent = option.parentNode;
  return parent !== null && parent.nodeType === 1 && tagName(parent as Element) === 'OPTGROUP' && (parent as Element).hasAttribute('disabled');
}

// The listed elements whose form owner is form, in tree order (image buttons excepted, as the `elements` collection
// leaves them out). HTMLFormElement has [LegacyOverrideBuiltIns]: a control named "elements" hides the attribute, so
// the prototype's getter is used where the engine has one.
function listedElements(form: HTMLFormElement): ArrayLike<Element> {
  var proto = g.HTMLFormElement && g.HTMLFormElement.prototype;
  var descriptor = proto ? Object.getOwnPropertyDescriptor(proto, 'elements') : undefined;
  var elements: any = descriptor && descriptor.get ? descriptor.get.call(form) : form.elements;
  if (elements && elements.nodeType === undefined && typeof elements.namedItem === 'function') return elements;
  // LEGACY(old WebKit): DOM attributes are not prototype accessors, so the control named "elements" is all there is;
  // walk the form's tree (the document, for a form in one) for the controls that the form owns.
  var root: Node = form;
  while (root.parentNode !== null) root = root.parentNode;
  var all = (root as Element).getElementsByTagName('*');
  var owned: Element[] = [];
  for (var i = 0; i < all.length; i++) if ((all[i] as HTMLInputElement).form === form) owned.push(all[i]);
  return owned;
}

// https://html.spec.whatwg.org/multipage/dom.html#the-directionality, as far as script can see it: the used CSS
// direction (which follows dir, including dir=auto), else "ltr".
function directionality(element: Element): string {
  try {
    return g.getComputedStyle(element, null).direction === 'rtl' ? 'rtl' : 'ltr';
  } catch (e) {
    return 'ltr';
  }
}

// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#auto-directionality-form-associated-elements
var AUTO_DIRECTIONALITY = /^(hidden|text|search|tel|url|email|password|submit|reset|button)$/;

/**
 * Constructs the entry list for form and submitter; null if form is already constructing one. `wrap` makes the
 * FormData over the list that the formdata event carries.
 */
export function constructEntryList(form: HTMLFormElement, submitter: HTMLElement | null, wrap: (list: EntryList) => FormData): EntryList | null {
  // 1. If form's constructing entry list is true, then return null.
  for (var c = 0; c < constructing.length; c++) if (constructing[c] === form) return null;
  // 2. Set form's constructing entry list to true.
  constructing.push(form);
  try {
    // 3. Let controls be a list of all the submittable elements whose form owner is form, in tree order.
    var controls = listedElements(form);
    // 4. Let entry list be a new empty entry list.
    var list: EntryList = [];
    // An image button is not in `elements`; as the submitter it takes its place in tree order.
    var image = submitter !== null && inputType(submitter) === 'image' ? submitter : null;
    // 5. For each element field in controls, in tree order:
    for (var i = 0; i < controls.length; i++) {
      var field = controls[i];
      if (image !== null && (image.compareDocumentPosition(field) & 4 /* DOCUMENT_POSITION_FOLLOWING */)) {
        appendImageCoordinates(list, image);
        image = null;
      }
      appendField(list, field, submitter);
    }
    if (image !== null) appendImageCoordinates(list, image);
    // 6. (Form-associated custom elements: their entry construction algorithm needs the engine's internals; where
    // an engine has them it has a working FormData too, and retrofetch's is not used.)
    // 7–8. Fire an event named formdata at form using FormDataEvent, with formData a new FormData object
    // associated with entry list and bubbles true.
    fireFormData(form, wrap(list));
    // 10. Return a clone of entry list.
    return list.slice();
  } finally {
    // 9. Set form's constructing entry list to false.
    for (var k = constructing.length - 1; k >= 0; k--) if (constructing[k] === form) constructing.splice(k, 1);
  }
}

// 5.2. An image button submitter: name.x and name.y (or x and y) with the selected coordinate, (0, 0) here since
// no click chose one.
function appendImageCoordinates(list: EntryList, image: Element): void {
  var name = image.getAttribute('name');
  var prefix = name ? name + '.' : '';
  list.push(createEntry(prefix + 'x', '0', undefined, member));
  list.push(createEntry(prefix + 'y', '0', undefined, member));
}

function appendField(list: EntryList, field: Element, submitter: HTMLElement | null): void {
  var type = inputType(field);
  var tag = tagName(field);
  // Submittable elements: button, input, select, textarea (fieldset, output and object are listed but not
  // submittable; object has no value to submit without a plugin).
  if (type === null && tag !== 'BUTTON' && tag !== 'SELECT' && tag !== 'TEXTAREA') return;
  // 5.1. Skip a field with a datalist ancestor, a disabled one, a button that is not submitter, and an unchecked
  // checkbox or radio button.
  if (hasAncestor(field, 'DATALIST') || isDisabled(field) || (isButton(field) && field !== submitter)) return;
  if ((type === 'checkbox' || type === 'radio') && !(field as HTMLInputElement).checked) return;
  // 5.2. An image button (here: the submitter) was appended in its place by the caller.
  if (type === 'image') return;
  // 5.4–5.5. Skip a field without a name or with an empty one; otherwise let name be its name attribute.
  var name = field.getAttribute('name');
  if (!name) return;
  var i: number;
  if (tag === 'SELECT') {
    // 5.6. For each option in the list of options whose selectedness is true and that is not disabled.
    var options = (field as HTMLSelectElement).options;
    for (i = 0; i < options.length; i++) {
      if (options[i].selected && !isOptionDisabled(options[i])) list.push(createEntry(name, options[i].value, undefined, member));
    }
  } else if (type === 'checkbox' || type === 'radio') {
    // 5.7. The value attribute if specified, otherwise "on".
    var value = field.getAttribute('value');
    list.push(createEntry(name, value !== null ? value : 'on', undefined, member));
  } else if (type === 'file') {
    // 5.8. Each selected file; with none, a File with an empty name, type application/octet-stream and no bytes.
    var files = (field as HTMLInputElement).files;
    if (!files || files.length === 0) {
      list.push([name, createFile([], '', 'application/octet-stream')]);
    } else {
      for (i = 0; i < files.length; i++) list.push(createEntry(name, files[i], undefined, member));
    }
  } else if (type === 'hidden' && name.toLowerCase() === '_charset_') {
    // 5.9. A hidden _charset_ field: the encoding's name (FormData always encodes UTF-8).
    list.push(createEntry(name, 'UTF-8', undefined, member));
  } else {
    // 5.10. The value of the field element. LEGACY(DOM): script sees no layout, so a textarea with wrap=hard is not hard-wrapped.
    list.push(createEntry(name, (field as HTMLInputElement).value, undefined, member));
  }
  // 5.11. An auto-directionality form-associated element with a non-empty dirname: dirname and "ltr" or "rtl".
  var dirname = field.getAttribute('dirname');
  if (dirname && (tag === 'TEXTAREA' || (type !== null && AUTO_DIRECTIONALITY.test(type)))) {
    list.push(createEntry(dirname, directionality(field), undefined, member));
  }
}

// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#the-formdataevent-interface: engines
// without FormDataEvent get a plain Event with a formData property (a native FormDataEvent would refuse a FormData
// of ours). Exceptions in listeners are reported by dispatchEvent, not thrown here.
function fireFormData(form: HTMLFormElement, formData: FormData): void {
  var doc = form.ownerDocument;
  if (!doc || typeof doc.createEvent !== 'function' || typeof form.dispatchEvent !== 'function') return;
  var event = doc.createEvent('Event');
  event.initEvent('formdata', true, false);
  Object.defineProperty(event, 'formData', { value: formData, enumerable: true, configurable: true });
  form.dispatchEvent(event);
}
