// File objects for FormData entries: https://w3c.github.io/FileAPI/#file-constructor
// Where File cannot be constructed (PhantomJS, IE, old Edge), a Blob carrying `name` and `lastModified` stands in.
import { globalObject as g, isHostInstance } from '../env/global';
import { createSlot } from '../webidl/slots';

// Brands the stand-ins, so FormData treats them as the File they replace (a plain Blob becomes a File "blob").
var standIn = createSlot<true>('File');

/** Whether `value` is a File, or retrofetch's stand-in for one. */
export function isFile(value: unknown): value is File {
  return isHostInstance(value, 'File') || standIn.has(value);
}

/** A new File named `name` over `parts`; its type is `type` lowercased (or '' if not printable ASCII), as File does. */
export function createFile(parts: BlobPart[], name: string, type: string, lastModified?: number): File {
  try {
    // (An undefined dictionary member is a missing one: the File's lastModified is then now.)
    return new g.File(parts, name, { type: type, lastModified: lastModified });
  } catch (e) {
    // LEGACY(old WebKit, IE, Edge): no File constructor, so a Blob with the same bytes, carrying the name.
    var file: any = new g.Blob(parts, { type: type });
    Object.defineProperties(file, {
      name: { value: name, enumerable: true },
      lastModified: { value: lastModified !== undefined ? lastModified : +new Date(), enumerable: true }
    });
    standIn.set(file, true);
    return file;
  }
}
