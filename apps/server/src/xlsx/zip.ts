// A minimal, defensive reader of a zip's central directory, and a capped inflate. Used by
// inspect.ts before any xlsx parser sees the bytes, and by read-rows.ts to hand exceljs a
// rebuilt stream of exactly the entries that were inspected.
import { crc32, createInflateRaw } from 'node:zlib';
import { XlsxFileError } from './import-errors';

export type ZipEntry = {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local file header. */
  localOffset: number;
  /** Offset of the compressed data (after the local header, name and extra field). */
  dataOffset: number;
};

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const corrupt = (detail: string) => new XlsxFileError('CORRUPT', `文件已损坏或不完整（${detail}），请在 Excel 中重新保存后再上传`);

/** Finds and checks the end-of-central-directory record, then every central directory file header. */
export function readCentralDirectory(buf: Buffer, maxEntries: number): ZipEntry[] {
  if (buf.length < 22) throw corrupt('缺少 ZIP 目录');
  // The EOCD is the last 22 bytes plus a comment of up to 65,535 bytes; the one whose comment
  // ends exactly at the end of the file wins, so a signature inside a comment cannot fool us.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD && i + 22 + buf.readUInt16LE(i + 20) === buf.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('找不到 ZIP 目录，文件可能被截断');
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) throw zip64();
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const onDisk = buf.readUInt16LE(eocd + 8);
  const total = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw zip64();
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total) throw corrupt('分卷压缩包');
  if (total > maxEntries) throw tooManyEntries(total, maxEntries);
  if (cdOffset + cdSize > eocd) throw corrupt('ZIP 目录越界');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  for (let n = 0; n < total; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw corrupt('ZIP 目录记录无效');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > eocd) throw corrupt('ZIP 目录记录越界');
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p = end;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) throw zip64();
    // Bit 0: encrypted; bit 6: strong encryption; method 99: AES (WinZip).
    if (flags & 0x41 || method === 99) throw new XlsxFileError('ENCRYPTED', '文件内容已加密，请去除密码后再导入');
    if (names.has(name)) throw corrupt(`重复的条目 ${name.slice(0, 80)}`);
    names.add(name);
    if (localOffset + 30 > cdOffset || buf.readUInt32LE(localOffset) !== LOCAL) throw corrupt(`条目 ${name.slice(0, 80)} 的位置无效`);
    const dataOffset = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > cdOffset) throw corrupt(`条目 ${name.slice(0, 80)} 的数据不完整`);
    entries.push({ name, flags, method, crc, compressedSize, uncompressedSize, localOffset, dataOffset });
  }
  return entries;
}

const zip64 = () => new XlsxFileError('UNSUPPORTED', '文件使用了 ZIP64 格式（通常是超大文件），不支持导入；请减少数据量后另存为 .xlsx');
export const tooManyEntries = (n: number, max: number) => new XlsxFileError('TOO_MANY_ENTRIES', `文件包含 ${n} 个内部条目，超过上限 ${max}，不像是普通的 Excel 工作簿`);

/**
 * Inflates one entry chunk by chunk and never produces more than its declared uncompressed size
 * (which the caller has already checked against the limits): a zip whose headers lie about
 * the size is stopped at the first byte too many. The CRC-32 is checked at the end.
 */
export async function inflateEntry(buf: Buffer, entry: ZipEntry, onChunk?: (chunk: Buffer) => void): Promise<number> {
  const data = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const cap = entry.uncompressedSize;
  let crc = 0;
  let size = 0;
  const take = (chunk: Buffer) => {
    size += chunk.length;
    if (size > cap) throw new XlsxFileError('ZIP_BOMB', `条目 ${entry.name.slice(0, 80)} 解压后的大小超过其声明的大小，文件可能是恶意构造的压缩包`);
    crc = crc32(chunk, crc);
    onChunk?.(chunk);
  };
  if (entry.method === 0) {
    take(data);
  } else if (entry.method === 8) {
    const inflater = createInflateRaw({ chunkSize: 128 * 1024 });
    inflater.end(data);
    try {
      for await (const chunk of inflater) take(chunk as Buffer);
    } catch (err) {
      inflater.destroy();
      if (err instanceof XlsxFileError) throw err;
      throw corrupt(`条目 ${entry.name.slice(0, 80)} 无法解压`);
    }
  } else {
    throw new XlsxFileError('UNSUPPORTED', `文件使用了不支持的压缩方式（${entry.method}），请在 Excel 中另存为 .xlsx 后再导入`);
  }
  if (size !== cap) throw corrupt(`条目 ${entry.name.slice(0, 80)} 的大小与声明不符`);
  if ((crc >>> 0) !== entry.crc) throw corrupt(`条目 ${entry.name.slice(0, 80)} 校验失败`);
  return size;
}

/**
 * A fresh local file header for an entry, taking every field from the central directory (the
 * local header's own sizes may be zero when a data descriptor follows), under a chosen name.
 */
export function localHeader(entry: ZipEntry, name: string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x800, 6); // UTF-8 name, sizes known (no data descriptor)
  h.writeUInt16LE(entry.method, 8);
  h.writeUInt32LE(entry.crc >>> 0, 14);
  h.writeUInt32LE(entry.compressedSize, 18);
  h.writeUInt32LE(entry.uncompressedSize, 22);
  h.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([h, nameBytes]);
}

/** An empty end-of-central-directory record: tells a streaming unzipper that the entries are over. */
export const endOfEntries = (): Buffer => {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(EOCD, 0);
  return b;
};
