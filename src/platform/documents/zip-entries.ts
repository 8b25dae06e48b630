/**
 * The entries of a zip file (the container of .xlsx and .docx), read with Node's own zlib. The marking scan reads every
 * part of an upload; jszip's JavaScript inflate made that the slowest step of an import, native inflate is not.
 * Enough of the format for Office files: stored and deflated entries, no zip64 (uploads are capped far below 4 GB).
 */
import zlib from "node:zlib";

export interface ZipEntry {
  name: string;
  /** The entry's bytes; throws on a corrupt entry or one inflating past `maxBytes`. */
  read(maxBytes: number): Buffer;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** The entries listed in the central directory, or null when the bytes are not a readable zip. */
export function zipEntries(zip: Buffer): ZipEntry[] | null {
  // The end record is 22 bytes plus a comment of up to 65535.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + skip;
    entries.push({
      name,
      read(maxBytes: number): Buffer {
        if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error("corrupt zip entry");
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + size);
        if (method === 0) return data;
        if (method === 8) return zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
        throw new Error(`unsupported zip compression method ${method}`);
      },
    });
  }
  return entries;
}
