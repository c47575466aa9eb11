// Builders of real and hostile workbooks for the xlsx tests and the benchmark: exceljs's own
// streaming writer for ordinary files, and a tiny zip writer for what exceljs would never write
// (hand-made sheet XML, lying headers, bombs).
import { PassThrough } from 'node:stream';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/** Writes a workbook with exceljs's streaming writer (the way our exports are written). */
export async function writeWorkbook(fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void | Promise<void>, options: { useSharedStrings?: boolean } = {}): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: options.useSharedStrings ?? true });
  await fill(wb);
  await wb.commit();
  return Buffer.concat(chunks);
}

export type RawEntry = {
  name: string;
  data: Buffer | string;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** Already-compressed bytes to write as they are (with `uncompressedSize`). */
  raw?: Buffer;
  flags?: number;
  /** Override the declared uncompressed size (a lying header). */
  uncompressedSize?: number;
  crc?: number;
};

/** A zip with exactly these entries, in this order, with a central directory and EOCD. */
export function zipOf(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : e.data;
    const method = e.raw ? 8 : (e.method ?? 8);
    const body = e.raw ?? (method === 8 ? deflateRawSync(data) : data);
    const name = Buffer.from(e.name);
    const crc = e.crc ?? crc32(data);
    const size = e.uncompressedSize ?? data.length;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.flags ?? 0x800, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt32LE(crc >>> 0, 14);
    h.writeUInt32LE(body.length, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.flags ?? 0x800, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc >>> 0, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    locals.push(h, name, body);
    central.push(c, name);
    offset += h.length + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/**
 * A hand-made xlsx: one or more sheets given as their <sheetData> (or whole worksheet XML),
 * optional shared strings and styles. Parts are written in Excel's order (sheets first).
 */
export function minimalXlsx(opts: {
  sheets: { name: string; xml: string; path?: string; target?: string; state?: string }[];
  sharedStrings?: string[];
  /** <cellXfs> children, e.g. '<xf numFmtId="0"/><xf numFmtId="31" applyNumberFormat="1"/>'. */
  cellXfs?: string;
  numFmts?: string;
  date1904?: boolean;
  extra?: RawEntry[];
}): Buffer {
  const sheets = opts.sheets.map((s, i) => ({ ...s, path: s.path ?? `xl/worksheets/sheet${i + 1}.xml` }));
  const worksheet = (xml: string) => (xml.startsWith('<?xml') || xml.includes('worksheet') ? xml : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${RNS}">${xml}</worksheet>`);
  const entries: RawEntry[] = [
    { name: '[Content_Types].xml', data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>` },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${RNS}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    ...sheets.map((s) => ({ name: s.path, data: worksheet(s.xml) })),
  ];
  if (opts.sharedStrings) {
    const si = opts.sharedStrings.map((t) => (t.startsWith('<') ? `<si>${t}</si>` : `<si><t xml:space="preserve">${t}</t></si>`)).join('');
    entries.push({ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}" count="${opts.sharedStrings.length}" uniqueCount="${opts.sharedStrings.length}">${si}</sst>` });
  }
  entries.push({
    name: 'xl/styles.xml',
    data: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}">${opts.numFmts ? `<numFmts>${opts.numFmts}</numFmts>` : ''}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs>${opts.cellXfs ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'}</cellXfs></styleSheet>`,
  });
  const rels = sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="${s.target ?? s.path.replace(/^xl\//, '')}"/>`).join('');
  const ssRel = opts.sharedStrings ? `<Relationship Id="rIdS" Type="${RNS}/sharedStrings" Target="sharedStrings.xml"/>` : '';
  entries.push({ name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${rels}${ssRel}<Relationship Id="rIdY" Type="${RNS}/styles" Target="styles.xml"/></Relationships>` });
  const sheetList = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  entries.push({ name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${RNS}">${opts.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheetList}</sheets></workbook>` });
  entries.push(...(opts.extra ?? []));
  return zipOf(entries);
}

/**
 * A raw deflate stream that inflates to `megabytes` MiB of zeros, built from one compressed
 * MiB repeated (each sync-flushed block stands alone), so a 300 MB bomb costs ~1 ms and ~300 KB.
 */
export function zerosDeflated(megabytes: number): Buffer {
  const unit = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => unit), Buffer.from([0x03, 0x00])]);
}
