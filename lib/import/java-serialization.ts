import { DamagedFileError, ImportLimitError, UnsupportedFormatError } from './errors';
import { IMPORT_LIMITS } from './limits';

/*
 * A strict reader for one shape of Java object serialization: a java.util.HashMap
 * whose keys and values are all strings (FreeOTP 2.x backups). It walks the stream
 * grammar (Java Object Serialization Specification, chapter 6) and accepts nothing
 * else: no class is looked up, loaded or instantiated, and every length is checked
 * against what remains and against IMPORT_LIMITS before it is used.
 */

const MAGIC = [0xac, 0xed, 0x00, 0x05];
const TC = { NULL: 0x70, REFERENCE: 0x71, CLASSDESC: 0x72, OBJECT: 0x73, STRING: 0x74, BLOCKDATA: 0x77, ENDBLOCKDATA: 0x78, LONGSTRING: 0x7c } as const;
const BASE_HANDLE = 0x7e0000;
const SC_WRITE_METHOD = 0x01;
const SC_SERIALIZABLE = 0x02;
/** Byte sizes of the primitive field type codes. */
const PRIMITIVE_BYTES: Record<string, number> = { B: 1, C: 2, D: 8, F: 4, I: 4, J: 8, S: 2, Z: 1 };
const MAP_CLASS = 'java.util.HashMap';

export function looksLikeJavaSerialization(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && MAGIC.every((byte, i) => bytes[i] === byte);
}

const damaged = (message: string): DamagedFileError => new DamagedFileError(`The Java-serialized backup is damaged: ${message}`);

class Stream {
  private pos = 0;
  /** Objects that received a handle, in order: strings, or null for the class descriptor and the map. */
  readonly handles: (string | null)[] = [];
  constructor(private readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  take(length: number): Uint8Array {
    if (length > this.remaining) throw damaged('it ends in the middle of a value (cut short).');
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  u8(): number {
    return this.take(1)[0]!;
  }

  uint(length: 2 | 4): number {
    return this.take(length).reduce((value, byte) => value * 256 + byte, 0);
  }

  /** A string in Java's modified UTF-8 (NUL as C0 80, characters beyond the BMP as surrogate pairs). */
  utf(length: number): string {
    if (length > IMPORT_LIMITS.maxJavaStringBytes) throw new ImportLimitError(`A string in the Java-serialized backup is ${length} bytes; at most ${IMPORT_LIMITS.maxJavaStringBytes} are read.`);
    const bytes = this.take(length);
    const units: number[] = [];
    for (let i = 0; i < bytes.length; ) {
      const a = bytes[i]!;
      if (a < 0x80 && a !== 0) {
        units.push(a);
        i += 1;
      } else if ((a & 0xe0) === 0xc0 && i + 1 < bytes.length && (bytes[i + 1]! & 0xc0) === 0x80) {
        units.push(((a & 0x1f) << 6) | (bytes[i + 1]! & 0x3f));
        i += 2;
      } else if ((a & 0xf0) === 0xe0 && i + 2 < bytes.length && (bytes[i + 1]! & 0xc0) === 0x80 && (bytes[i + 2]! & 0xc0) === 0x80) {
        units.push(((a & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f));
        i += 3;
      } else {
        throw damaged('a string is not valid modified UTF-8.');
      }
    }
    let out = '';
    for (let i = 0; i < units.length; i += 0x8000) out += String.fromCharCode(...units.slice(i, i + 0x8000));
    return out;
  }

  /** A string object: TC_STRING, TC_LONGSTRING or a reference to an earlier string. */
  stringObject(): string {
    const tc = this.u8();
    if (tc === TC.STRING || tc === TC.LONGSTRING) {
      const length = tc === TC.STRING ? this.uint(2) : this.longLength();
      const value = this.utf(length);
      this.handles.push(value);
      return value;
    }
    if (tc === TC.REFERENCE) {
      const value = this.handles[this.uint(4) - BASE_HANDLE];
      if (typeof value !== 'string') throw damaged('a reference points to something that is not a string.');
      return value;
    }
    throw new UnsupportedFormatError(`The Java-serialized map holds a value of kind 0x${tc.toString(16)}, not a string; only maps of strings are read.`);
  }

  private longLength(): number {
    const high = this.uint(4);
    const low = this.uint(4);
    if (high !== 0) throw new ImportLimitError('A string in the Java-serialized backup is longer than 4 GiB.');
    return low;
  }
}

/** Reads the class descriptor of java.util.HashMap and returns the bytes its fields take. */
function mapClassDescriptor(stream: Stream): number {
  if (stream.u8() !== TC.CLASSDESC) throw new UnsupportedFormatError('This Java-serialized file does not start with a class description, so it is not a FreeOTP backup.');
  const name = stream.utf(stream.uint(2));
  if (name !== MAP_CLASS) throw new UnsupportedFormatError(`This Java-serialized file holds a ${name.slice(0, 60)}, not a java.util.HashMap, so it is not a FreeOTP backup.`);
  stream.take(8); // serialVersionUID: any; the shape below is what is checked.
  stream.handles.push(null);
  const flags = stream.u8();
  if ((flags & (SC_SERIALIZABLE | SC_WRITE_METHOD)) !== (SC_SERIALIZABLE | SC_WRITE_METHOD)) throw damaged('the HashMap class flags are not those of a HashMap.');
  const fieldCount = stream.uint(2);
  if (fieldCount > 8) throw damaged(`the HashMap class has ${fieldCount} fields.`);
  let fieldBytes = 0;
  for (let i = 0; i < fieldCount; i++) {
    const code = String.fromCharCode(stream.u8());
    const size = PRIMITIVE_BYTES[code];
    if (size === undefined) throw new UnsupportedFormatError('The serialized HashMap class has a field that is an object; only primitive fields are read.');
    stream.utf(stream.uint(2));
    fieldBytes += size;
  }
  if (stream.u8() !== TC.ENDBLOCKDATA) throw new UnsupportedFormatError('The serialized HashMap class carries annotations, which are not read.');
  if (stream.u8() !== TC.NULL) throw new UnsupportedFormatError('The serialized HashMap class has a serializable superclass, which is not read.');
  return fieldBytes;
}

/**
 * The entries of a serialized `HashMap<String, String>`, in stream order. Throws
 * UnsupportedFormatError for any other object graph, DamagedFileError for a broken
 * stream and ImportLimitError past the limits.
 */
export function readSerializedStringMap(bytes: Uint8Array): [string, string][] {
  if (!looksLikeJavaSerialization(bytes)) throw new UnsupportedFormatError('This is not a Java-serialized file.');
  const stream = new Stream(bytes.subarray(MAGIC.length));
  if (stream.u8() !== TC.OBJECT) throw new UnsupportedFormatError('This Java-serialized file does not hold one object, so it is not a FreeOTP backup.');
  const fieldBytes = mapClassDescriptor(stream);
  stream.handles.push(null); // the map itself
  stream.take(fieldBytes); // loadFactor (and threshold on some JVMs): not needed to read the entries
  if (stream.u8() !== TC.BLOCKDATA || stream.u8() !== 8) throw damaged('the HashMap has no capacity and size block.');
  stream.uint(4); // capacity
  const size = stream.uint(4);
  if (size > IMPORT_LIMITS.maxEntries) throw new ImportLimitError(`The serialized map has ${size} entries; at most ${IMPORT_LIMITS.maxEntries} are read.`);
  // Each pair takes at least 6 bytes: a size beyond the file is a lie, refused before the loop.
  if (size * 6 > stream.remaining) throw damaged(`it says it holds ${size} entries but is too short for them (cut short).`);
  const entries: [string, string][] = [];
  for (let i = 0; i < size; i++) entries.push([stream.stringObject(), stream.stringObject()]);
  if (stream.u8() !== TC.ENDBLOCKDATA) throw damaged('the map does not end where its size says.');
  if (stream.remaining !== 0) throw damaged('there are bytes after the map.');
  return entries;
}
