// Constructing the entry list of a <form>, for `new FormData(form, submitter)`:
// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#constructing-the-form-data-set
import { globalObject as g } from '../env/global';
import { works } from '../env/support';
import { createEntry, EntryList } from './entry';
import { createFile } from './file';

// https://html.spec.whatwg.org/multipage/forms.html#concept-form-constructing-entry-list, per form: the forms whose
// entry list is being constructed right now (a stack: a formdata listener may construct another form's).
var constructing: HTMLFormElement[] = [];

function tagName(node: Node): string {
  return String(node.nodeName).toUpperCase();
}

// What a control is, as one string: `INPUT <type>` and `BUTTON <type>` (the type lowercased), else the tag name.
function kindOf(element: Element): string {
  var tag = tagName(element);
  return /^(INPUT|BUTTON)$/.test(tag) ? tag + ' ' + String((element as HTMLInputElement).type).toLowerCase() : tag;
}

// https://html.spec.whatwg.org/multipage/forms.html#concept-submit-button
export function isSubmitButton(element: Element): boolean {
  return /^(INPUT (submit|image)|BUTTON submit)$/.test(kindOf(element));
}

// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#concept-fe-disabled: the element's own
// disabled attribute, or a disabled fieldset ancestor unless the element is inside that fieldset's first legend.
// With a datalist ancestor (barred from constraint validation) the field is skipped too (5.1).
// (The walk starts at the element itself, a control: neither a datalist nor a fieldset.)
function isSkipped(element: Element): boolean {
  for (var child: Node = element, node: Node | null = element; node && node.nodeType === 1; child = node, node = node.parentNode) {
    var tag = tagName(node);
    if (tag === 'DATALIST' || ((node as Element).hasAttribute('disabled') && (node === element || (tag === 'FIELDSET' && child !== firstLegend(node))))) return true;
  }
  return false;
}

function firstLegend(fieldset: Node): Node | null {
  var child = fieldset.firstChild;
  while (child && !(child.nodeType === 1 && tagName(child) === 'LEGEND')) child = child.nextSibling;
  return child;
}

// https://html.spec.whatwg.org/multipage/form-elements.html#concept-option-disabled
function isOptionDisabled(option: HTMLOptionElement): boolean {
  var parent = option.parentNode as Element;
  return option.hasAttribute('disabled') || (parent && tagName(parent) === 'OPTGROUP' && parent.hasAttribute('disabled'));
}

// The listed elements whose form owner is form, in tree order (image buttons excepted, as the `elements` collection
// leaves them out). HTMLFormElement has [LegacyOverrideBuiltIns]: a control named "elements" hides the attribute, so
// the prototype's getter is used where the engine has one.
function listedElements(form: HTMLFormElement): ArrayLike<Element> {
  var elements: any = form.elements;
  try {
    elements = Object.getOwnPropertyDescriptor(g.HTMLFormElement.prototype, 'elements')!.get!.call(form);
  } catch (e) {
    // no such getter (see below)
  }
  if (elements && elements.nodeType === undefined && typeof elements.namedItem === 'function') return elements;
  // LEGACY(old WebKit): DOM attributes are not prototype accessors, so the control named "elements" is all there is;
  // walk the form's tree (the document, for a form in one) for the controls that the form owns.
  var root: Node = form;
  while (root.parentNode) root = root.parentNode;
  var all = (root as Element).getElementsByTagName('*');
  var owned: Element[] = [];
  for (var i = 0; i < all.length; i++) if ((all[i] as HTMLInputElement).form === form) owned.push(all[i]);
  return owned;
}

/**
 * Constructs the entry list for form and submitter; null if form is already constructing one. `wrap` makes the
 * FormData over the list that the formdata event carries.
 */
export function constructEntryList(form: HTMLFormElement, submitter: HTMLElement | null, wrap: (list: EntryList) => FormData): EntryList | null {
  // 1. If form's constructing entry list is true, then return null.
  if (constructing.indexOf(form) >= 0) return null;
  // 2. Set form's constructing entry list to true.
  constructing.push(form);
  try {
    // 3. Let controls be a list of all the submittable elements whose form owner is form, in tree order.
    var controls = listedElements(form);
    // 4. Let entry list be a new empty entry list.
    var list: EntryList = [];
    var add = function (name: string, value: string | File): void {
      list.push(createEntry(name, value, undefined, 'FormData constructor'));
    };
    // An image button is not in `elements`; as the submitter it takes its place in tree order.
    var image = submitter && kindOf(submitter) === 'INPUT image' ? submitter : null;
    // 5. For each element field in controls, in tree order:
    for (var i = 0; i <= controls.length; i++) {
      var field = controls[i];
      // 5.2. An image button submitter: name.x and name.y (or x and y) with the selected coordinate, (0, 0) here
      // since no click chose one.
      if (image && (!field || image.compareDocumentPosition(field) & 4 /* DOCUMENT_POSITION_FOLLOWING */)) {
        var prefix = image.getAttribute('name');
        prefix = prefix ? prefix + '.' : '';
        add(prefix + 'x', '0');
        add(prefix + 'y', '0');
        image = null;
      }
      if (field) appendField(field, submitter, add);
    }
    // 6. (Form-associated custom elements: their entry construction algorithm needs the engine's internals; where
    // an engine has them it has a working FormData too, and retrofetch's is not used.)
    // 7–8. Fire an event named formdata at form using FormDataEvent, with formData a new FormData object
    // associated with entry list and bubbles true. Engines without FormDataEvent get a plain Event with a formData
    // property (a native FormDataEvent would refuse a FormData of ours); exceptions in listeners are reported by
    // dispatchEvent, not thrown here.
    // https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#the-formdataevent-interface
    var doc = form.ownerDocument;
    if (doc && typeof doc.createEvent === 'function' && typeof form.dispatchEvent === 'function') {
      var event = doc.createEvent('Event');
      event.initEvent('formdata', true, false);
      Object.defineProperty(event, 'formData', { value: wrap(list), enumerable: true, configurable: true });
      form.dispatchEvent(event);
    }
    // 10. Return a clone of entry list.
    return list.slice();
  } finally {
    // 9. Set form's constructing entry list to false.
    constructing.splice(constructing.lastIndexOf(form), 1);
  }
}

function appendField(field: Element, submitter: HTMLElement | null, add: (name: string, value: string | File) => void): void {
  var kind = kindOf(field);
  var input = field as HTMLInputElement;
  // Submittable elements: button, input, select, textarea (fieldset, output and object are listed but not
  // submittable; object has no value to submit without a plugin).
  // 5.1. Skip a field with a datalist ancestor, a disabled one, a button that is not submitter, and an unchecked
  // checkbox or radio button. 5.2. An image button (here: the submitter) was appended in its place by the caller.
  // 5.4–5.5. Skip a field without a name or with an empty one; otherwise let name be its name attribute.
  var name = field.getAttribute('name');
  if (!/^(INPUT|BUTTON) |^(SELECT|TEXTAREA)$/.test(kind) || isSkipped(field) || !name || kind === 'INPUT image' ||
    (/^(INPUT (submit|reset|button)$|BUTTON)/.test(kind) && field !== submitter) ||
    (/^INPUT (checkbox|radio)$/.test(kind) && !input.checked)) return;
  if (kind === 'SELECT') {
    // 5.6. For each option in the list of options whose selectedness is true and that is not disabled.
    var options = (field as HTMLSelectElement).options;
    for (var i = 0; i < options.length; i++) if (options[i].selected && !isOptionDisabled(options[i])) add(name, options[i].value);
  } else if (/^INPUT (checkbox|radio)$/.test(kind)) {
    // 5.7. The value attribute if specified, otherwise "on".
    var value = field.getAttribute('value');
    add(name, value !== null ? value : 'on');
  } else if (kind === 'INPUT file') {
    // 5.8. Each selected file; with none, a File with an empty name, type application/octet-stream and no bytes.
    var files = input.files;
    if (!files || !files.length) add(name, createFile([], '', 'application/octet-stream'));
    for (i = 0; files && i < files.length; i++) add(name, files[i]);
  } else {
    // 5.9. A hidden _charset_ field: the encoding's name (FormData always encodes UTF-8). 5.10. Else the value of the
    // field element. LEGACY(DOM): script sees no layout, so a textarea with wrap=hard is not hard-wrapped.
    add(name, kind === 'INPUT hidden' && name.toLowerCase() === '_charset_' ? 'UTF-8' : input.value);
  }
  // 5.11. An auto-directionality form-associated element with a non-empty dirname: dirname and "ltr" or "rtl".
  // https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#auto-directionality-form-associated-elements
  // https://html.spec.whatwg.org/multipage/dom.html#the-directionality, as far as script can see it: the used CSS
  // direction (which follows dir, including dir=auto), else "ltr".
  var dirname = field.getAttribute('dirname');
  if (dirname && /^(TEXTAREA|INPUT (hidden|text|search|tel|url|email|password|submit|reset|button))$/.test(kind)) {
    // (No computed style, in a form outside the document in old engines: "ltr".)
    add(dirname, works(function () { return g.getComputedStyle(field, null).direction === 'rtl'; }) ? 'rtl' : 'ltr');
  }
}
