/**
 * Zip writers stamp every entry with the current time, so two runs give different bytes. This sets the
 * DOS date and time of every entry (local headers and central directory) to 1980-01-01 00:00, the
 * earliest a zip can hold, which makes an XLSX file depend on its content only. The CRCs and data do not
 * change: the timestamps are outside them.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** (1980 - 1980) << 9 | month 1 << 5 | day 1 */
const DOS_DATE_1980 = 0x21;

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) return i;
  }
  throw new Error("not a zip file: no end of central directory record");
}

export function pinZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const eocd = findEndOfCentralDirectory(out);
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (out.readUInt32LE(at) !== CENTRAL) throw new Error(`zip central directory entry ${n} is damaged`);
    out.writeUInt16LE(0, at + 12);
    out.writeUInt16LE(DOS_DATE_1980, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL) throw new Error(`zip local header of entry ${n} is damaged`);
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(DOS_DATE_1980, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}
