import { crc32, inflateRawSync } from 'node:zlib';

// A minimal, defensive ZIP reader for the one thing the research module needs from an archive:
// one named entry of a Word document (word/document.xml). It reads the central directory, stores
// (method 0) and deflate (method 8) only, checks sizes and CRC-32, and refuses ZIP64, encrypted
// and multi-disk archives. Inflation is capped, so a zip bomb ends in an error, not in memory.

export class ZipError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

function findEndOfCentralDirectory(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - EOCD_MIN - MAX_COMMENT);
  for (let i = buf.length - EOCD_MIN; i >= lowest; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  }
  throw new ZipError('not a ZIP archive (no end of central directory)');
}

/** The entries of the central directory, in their stored order. */
export function readZipEntries(buf: Buffer): ZipEntry[] {
  if (buf.length < EOCD_MIN) throw new ZipError('not a ZIP archive (too short)');
  const eocd = findEndOfCentralDirectory(buf);
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0) throw new ZipError('multi-part ZIP archives are not supported');
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('ZIP64 is not supported');
  if (cdOffset + cdSize > eocd) throw new ZipError('the central directory is out of bounds');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL_SIG)
      throw new ZipError('the central directory is damaged');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen > eocd) throw new ZipError('the central directory is damaged');
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      name: buf.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The bytes of one entry, at most `maxBytes` once inflated. */
export function extractZipEntry(buf: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  if (entry.flags & 0x1) throw new ZipError(`${entry.name} is encrypted`);
  if (entry.size > maxBytes) throw new ZipError(`${entry.name} is too large`);
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL_SIG)
    throw new ZipError(`the local header of ${entry.name} is damaged`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipError(`${entry.name} is truncated`);
  const raw = buf.subarray(start, end);
  let data: Buffer;
  if (entry.method === 0) data = Buffer.from(raw);
  else if (entry.method === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: maxBytes });
    } catch (e) {
      if (e instanceof RangeError) throw new ZipError(`${entry.name} is too large`);
      throw new ZipError(`${entry.name} is damaged (deflate data)`);
    }
  } else throw new ZipError(`${entry.name} uses an unsupported compression method`);
  if (data.length !== entry.size) throw new ZipError(`${entry.name} is damaged (size)`);
  if (crc32(data) !== entry.crc) throw new ZipError(`${entry.name} is damaged (checksum)`);
  return data;
}

/** The named entry's bytes, or null when the archive has no such entry. */
export function readZipFile(buf: Buffer, name: string, maxBytes: number): Buffer | null {
  const entry = readZipEntries(buf).find((e) => e.name === name);
  return entry ? extractZipEntry(buf, entry, maxBytes) : null;
}
