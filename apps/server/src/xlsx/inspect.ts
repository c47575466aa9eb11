// Checks an uploaded workbook before any xlsx parser touches it (DESIGN.md §4a: size,
// uncompressed size and entry count before parsing). Reads the zip's central directory itself,
// then inflates every XML part with a hard cap and a CRC check, finding on the way what
// exceljs's stream reader would silently get wrong (merged cells, ISO date cells, inline rich
// text, prefixed XML). Throws XlsxFileError (400 INVALID_FILE) when the file is no usable xlsx.
import { MAX_IMPORT_BYTES, XlsxFileError } from './import-errors';

export { MAX_IMPORT_BYTES };
import { inflateEntry, readCentralDirectory, type ZipEntry } from './zip';
import { AppError } from '../errors';

export type XlsxLimits = {
  /** The upload itself (the route answers 413 first; this is the backstop). */
  maxFileBytes: number;
  maxEntries: number;
  /** Sum of the declared uncompressed sizes of all entries. */
  maxUncompressedBytes: number;
  /** An entry inflating to more than `ratioAppliesAbove` bytes may not exceed this ratio. */
  maxRatio: number;
  ratioAppliesAbove: number;
};

export const defaultXlsxLimits: XlsxLimits = {
  maxFileBytes: MAX_IMPORT_BYTES,
  maxEntries: 2_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioAppliesAbove: 10 * 1024 * 1024,
};

export type XlsxSheet = {
  /** As shown on the tab. */
  name: string;
  /** The part inside the zip, e.g. xl/worksheets/sheet1.xml. */
  path: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  kind: 'worksheet' | 'chartsheet' | 'other';
  /** Merged ranges such as "A1:C1" (the first MAX_LISTED); mergedCount counts them all. */
  mergedRanges: string[];
  mergedCount: number;
  /** Why this sheet cannot be read faithfully (Chinese, for the user); empty when it can. */
  unreadable: string[];
};

export type XlsxInspection = {
  /** In tab order. */
  sheets: XlsxSheet[];
  entryCount: number;
  /** Bytes of XML inflated (and so checked) during the inspection. */
  xmlBytes: number;
  /** For readRows: the checked entries of this very buffer. */
  readonly parts: XlsxParts;
};

export type XlsxParts = {
  buf: Buffer;
  entries: ReadonlyMap<string, ZipEntry>;
  workbook: ZipEntry;
  workbookRels: ZipEntry;
  styles?: ZipEntry;
  sharedStrings?: ZipEntry;
};

const MAX_LISTED = 200;
/** workbook.xml and its relationships are read whole; they are small in any real workbook. */
const MAX_METADATA_BYTES = 16 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Refuses anything that is not a plausible, safe xlsx; describes the sheets of one that is. */
export async function inspectXlsx(buf: Buffer, limits: Partial<XlsxLimits> = {}): Promise<XlsxInspection> {
  const lim = { ...defaultXlsxLimits, ...limits };
  if (buf.length > lim.maxFileBytes) throw new AppError('PAYLOAD_TOO_LARGE', `文件大小 ${mb(buf.length)}，超过上限 ${mb(lim.maxFileBytes)}`);
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw notXlsx(sniff(buf));

  const list = readCentralDirectory(buf, lim.maxEntries);
  const entries = new Map(list.map((e) => [e.name, e]));
  const workbook = entries.get('xl/workbook.xml');
  if (!entries.has('[Content_Types].xml') || !workbook) throw notXlsx(sniffZip(entries));

  let declared = 0;
  for (const e of list) {
    declared += e.uncompressedSize;
    if (e.uncompressedSize > lim.ratioAppliesAbove && e.uncompressedSize / Math.max(1, e.compressedSize) > lim.maxRatio) {
      throw new XlsxFileError('ZIP_BOMB', `文件中的条目 ${e.name.slice(0, 80)} 压缩比异常（约 ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1，解压后 ${mb(e.uncompressedSize)}），疑似压缩炸弹，已拒绝`);
    }
  }
  if (declared > lim.maxUncompressedBytes) {
    throw new XlsxFileError('TOO_LARGE', `文件解压后共 ${mb(declared)}，超过上限 ${mb(lim.maxUncompressedBytes)}；请拆分后分批导入`);
  }

  // The workbook and its relationships: which sheets exist, in which parts.
  let xmlBytes = 0;
  const workbookXml = await readText(buf, workbook);
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
  if (!relsEntry) throw corruptPart('xl/_rels/workbook.xml.rels');
  const rels = parseRelationships(await readText(buf, relsEntry));
  xmlBytes += workbook.uncompressedSize + relsEntry.uncompressedSize;
  const partOf = (type: string) => {
    const rel = [...rels.values()].find((r) => r.type.endsWith(`/${type}`));
    return rel ? entries.get(rel.target) : undefined;
  };

  const sheets: XlsxSheet[] = [];
  for (const attrs of elements(workbookXml, 'sheet')) {
    const relId = Object.entries(attrs).find(([k]) => /^[\w.-]+:id$/.test(k))?.[1];
    const rel = relId ? rels.get(relId) : undefined;
    if (!rel || !entries.has(rel.target)) throw corruptPart(`工作表“${(attrs.name ?? '').slice(0, 40)}”`);
    const type = rel.type.slice(rel.type.lastIndexOf('/') + 1);
    sheets.push({
      name: attrs.name ?? '',
      path: rel.target,
      state: attrs.state === 'hidden' || attrs.state === 'veryHidden' ? attrs.state : 'visible',
      kind: type === 'worksheet' ? 'worksheet' : type === 'chartsheet' ? 'chartsheet' : 'other',
      mergedRanges: [],
      mergedCount: 0,
      unreadable: [],
    });
  }
  if (!sheets.length) throw new XlsxFileError('CORRUPT', '工作簿中没有任何工作表');

  // Every other XML part is inflated too (capped, CRC-checked); worksheets are scanned on the way.
  const byPath = new Map(sheets.filter((s) => s.kind === 'worksheet').map((s) => [s.path, s]));
  for (const e of list) {
    if (e === workbook || e === relsEntry || !/\.(xml|rels)$/i.test(e.name)) continue;
    const sheet = byPath.get(e.name);
    const scan = sheet ? new SheetScan() : undefined;
    xmlBytes += await inflateEntry(buf, e, scan && ((chunk) => scan.push(chunk)));
    if (sheet && scan) scan.finish(sheet);
  }

  return {
    sheets,
    entryCount: list.length,
    xmlBytes,
    parts: { buf, entries, workbook, workbookRels: relsEntry, styles: partOf('styles'), sharedStrings: partOf('sharedStrings') },
  };
}

async function readText(buf: Buffer, entry: ZipEntry): Promise<string> {
  if (entry.uncompressedSize > MAX_METADATA_BYTES) throw new XlsxFileError('CORRUPT', `${entry.name} 异常地大（${mb(entry.uncompressedSize)}）`);
  const chunks: Buffer[] = [];
  await inflateEntry(buf, entry, (c) => chunks.push(c));
  return Buffer.concat(chunks).toString('utf8');
}

const corruptPart = (what: string) => new XlsxFileError('CORRUPT', `文件已损坏：找不到${what}的内容，请在 Excel 中重新保存后再上传`);

// ---------------------------------------------------------------------------------------------
// What a file that is not an xlsx looks like.

type Kind = 'empty' | 'xls' | 'encrypted' | 'pdf' | 'html' | 'xml' | 'csv' | 'image' | 'archive' | 'unknown';
const kindText: Record<Exclude<Kind, 'encrypted'>, string> = {
  empty: '文件是空的',
  xls: '它看起来是旧版 Excel 97-2003 (.xls) 文件',
  pdf: '它看起来是 PDF 文件',
  html: '它看起来是网页 (HTML) 文件',
  xml: '它看起来是 XML 文件（如 Excel 2003 XML 表格）',
  csv: '它看起来是文本或 CSV 文件',
  image: '它看起来是图片',
  archive: '它看起来是其他格式的压缩包',
  unknown: '无法识别它的格式',
};

function notXlsx(kind: Kind | string): XlsxFileError {
  if (kind === 'encrypted') return new XlsxFileError('ENCRYPTED', '文件设置了打开密码（加密的 Excel 工作簿），无法读取；请在 Excel 中取消密码并另存为 .xlsx 后再导入');
  const what = kindText[kind as Exclude<Kind, 'encrypted'>] ?? kind;
  return new XlsxFileError('NOT_XLSX', `上传的文件不是 Excel 工作簿 (.xlsx)：${what}。请在 Excel 或 WPS 中另存为“Excel 工作簿 (*.xlsx)”后再上传`);
}

function sniff(buf: Buffer): Kind {
  if (buf.length === 0) return 'empty';
  const head = buf.subarray(0, 8);
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    // An OLE compound file: an old .xls, or an xlsx encrypted with a password (its stream is EncryptedPackage).
    return buf.indexOf(Buffer.from('EncryptedPackage', 'utf16le')) >= 0 ? 'encrypted' : 'xls';
  }
  const ascii = buf.subarray(0, 1024).toString('latin1');
  if (ascii.startsWith('%PDF')) return 'pdf';
  if (ascii.startsWith('PK')) return 'archive'; // an empty or spanned zip
  if (/^\x89PNG|^\xff\xd8\xff|^GIF8/.test(ascii)) return 'image';
  if (ascii.startsWith('\x1f\x8b') || ascii.startsWith('Rar!') || ascii.startsWith('7z\xbc\xaf')) return 'archive';
  const text = ascii.replace(/^\xef\xbb\xbf|^\xff\xfe|^\xfe\xff/, '').trimStart().toLowerCase();
  if (/^<!doctype html|^<html|<table/.test(text)) return 'html';
  if (text.startsWith('<?xml')) return 'xml';
  const sample = buf.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (b < 0x20 && b !== 9 && b !== 10 && b !== 13) control++;
  return control === 0 || (control < sample.length / 100 && !sample.includes(0)) ? 'csv' : 'unknown';
}

function sniffZip(entries: ReadonlyMap<string, ZipEntry>): string {
  if (entries.has('word/document.xml')) return '它看起来是 Word 文档 (.docx)';
  if (entries.has('ppt/presentation.xml')) return '它看起来是 PowerPoint 演示文稿 (.pptx)';
  if (entries.has('mimetype') && entries.has('content.xml')) return '它看起来是 OpenDocument 文件（如 WPS/LibreOffice 的 .ods）';
  if (entries.has('xl/workbook.bin')) return '它看起来是 Excel 二进制工作簿 (.xlsb)';
  if (entries.has('xl/workbook.xml')) return '文件缺少 [Content_Types].xml，不是完整的 Excel 工作簿';
  return '它是一个普通的 ZIP 压缩包';
}

// ---------------------------------------------------------------------------------------------
// Small XML helpers for workbook.xml and its relationships (attributes only, no nesting).

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower]!;
  });
}

/** The attributes of every `<name …>` / `<prefix:name …>` element. */
function* elements(xml: string, name: string): Generator<Record<string, string>> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}\\s([^>]*?)/?>`, 'g');
  for (const m of xml.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1]!.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decodeXml(a[2] ?? a[3] ?? '');
    yield attrs;
  }
}

type Rel = { type: string; target: string };

function parseRelationships(xml: string): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  for (const a of elements(xml, 'Relationship')) {
    if (!a.Id || !a.Target || a.TargetMode === 'External') continue;
    rels.set(a.Id, { type: a.Type ?? '', target: resolvePart('xl', a.Target) });
  }
  return rels;
}

/** A relationship target relative to the workbook's folder (or absolute from the package root). */
function resolvePart(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/');
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

// ---------------------------------------------------------------------------------------------
// Scanning a worksheet's XML as it is inflated, without holding it.

const MERGE = Buffer.from('mergeCell');
const ISO_DATE = [Buffer.from(' t="d"'), Buffer.from(" t='d'")];
const RICH_RUN = Buffer.from('<r>');
const CARRY = 512;

/**
 * Looks for needles chunk by chunk (Buffer.indexOf, no string conversion) and keeps the last
 * CARRY bytes so that a needle or a <mergeCell/> element split between two chunks is still seen.
 */
class SheetScan {
  private carry: Buffer = Buffer.alloc(0);
  private first = true;
  private prefixed = false;
  private isoDates = false;
  private inlineRich = false;
  private merged: string[] = [];
  private mergedCount = 0;

  push(chunk: Buffer): void {
    const carry = this.carry;
    if (this.first) {
      this.first = false;
      // exceljs matches element names without their prefix: <x:c> cells would be silently dropped.
      this.prefixed = /<[\w.-]+:worksheet[\s>]/.test(chunk.subarray(0, 4096).toString('latin1'));
    }
    const seam = carry.length ? Buffer.concat([carry.subarray(-16), chunk.subarray(0, 16)]) : chunk.subarray(0, 0);
    const has = (needle: Buffer) => chunk.indexOf(needle) >= 0 || seam.indexOf(needle) >= 0;
    if (has(MERGE) || carry.indexOf(MERGE) >= 0) this.collectMerges(carry, chunk);
    if (!this.isoDates && ISO_DATE.some(has)) this.isoDates = true;
    if (!this.inlineRich && has(RICH_RUN)) this.inlineRich = true;
    this.carry = chunk.length >= CARRY ? chunk.subarray(-CARRY) : Buffer.concat([carry, chunk]).subarray(-CARRY);
  }

  /** Every <mergeCell ref="…"/> that ends in this chunk (one ending in the carry was counted before). */
  private collectMerges(carry: Buffer, chunk: Buffer): void {
    const text = carry.toString('latin1') + chunk.toString('latin1');
    for (const m of text.matchAll(/<(?:[\w.-]+:)?mergeCell\s[^>]*>/g)) {
      if (m.index! + m[0].length <= carry.length) continue;
      const ref = /\sref\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1];
      if (!ref) continue;
      this.mergedCount++;
      if (this.merged.length < MAX_LISTED) this.merged.push(ref);
    }
  }

  finish(sheet: XlsxSheet): void {
    sheet.mergedRanges = this.merged;
    sheet.mergedCount = this.mergedCount;
    const again = '请用 Excel 或 WPS 打开后另存为“Excel 工作簿 (*.xlsx)”再导入';
    if (this.prefixed) sheet.unreadable.push(`工作表的 XML 使用了命名空间前缀，无法可靠读取；${again}`);
    if (this.isoDates) sheet.unreadable.push(`工作表含有 ISO 格式存储的日期单元格 (t="d")，无法可靠读取；${again}`);
    if (this.inlineRich) sheet.unreadable.push(`工作表含有内联富文本单元格，无法可靠读取；${again}`);
  }
}
