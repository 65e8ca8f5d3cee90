// The FormData retrofetch hands out (the ponyfill's export, and what Body.formData() returns): the engine's own
// where it works, since that is the one XHR, sendBeacon and a native fetch accept and it knows things script cannot
// (form-associated custom elements, hard-wrapped textareas); retrofetch's where the engine has none or a broken
// one (PhantomJS, IE 10–11: append() only). src/polyfill.ts installs it where the global is missing or broken; an
// engine FormData that reaches fetch() anyway (made before the polyfill loaded, or in a frame) is sent as it is
// (src/form-data/multipart.ts).
import { globalObject as g } from '../env/global';
import { supportsFormData } from '../env/support';
import { FormData as FormDataShim } from './form-data';

export var FormData: typeof FormDataShim = supportsFormData ? g.FormData : FormDataShim;
