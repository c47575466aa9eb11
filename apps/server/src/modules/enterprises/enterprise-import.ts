// Bulk import of the registry: parse and check the whole file, show what would change, then
// write it all in one transaction. Rows are matched by USCC; the same file twice changes nothing.
import { columnLetter, enterpriseColumns, sheetText, type RawCell } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import type { FieldCipher } from '../../crypto/field-cipher';
import { AppError, notFound } from '../../errors';
import { readRows } from '../../xlsx/read-rows';
import { ImportProblems } from '../../xlsx/import-errors';
import type { AuditService, AuditInput } from '../audit/audit.service';
import type { ParksService } from '../parks/parks.service';
import type { UserDirectory } from '../identity/user-directory';
import { parkInScope, type EnterpriseScope } from './enterprise-scope';
import type { EnterprisesService } from './enterprises.service';
import * as repo from './enterprises.repository';
import * as imports from './enterprise-imports.repository';
import { columnLabel, columnsFromSheet, sheetValuesOf, type SheetValues } from './enterprise-workbook';

/** A preview can be committed for this long. */
const PREVIEW_TTL_MS = 24 * 3_600_000;

type FieldChange = { field: string; label: string; before: unknown; after: unknown };
/** One row of a staged import. `version` is the row's updated_at the preview was computed from. */
export type ImportItem = {
  row: number;
  uscc: string;
  name: string;
  action: 'create' | 'update' | 'unchanged';
  fields: FieldChange[];
  values?: Partial<repo.NewEnterprise>;
  version?: string;
  movedInOn?: string | null;
};

/** Problems of the registry sheet, beside those the reader finds (formulas, error values…). */
class Problems extends ImportProblems {
  /** The sheet read: the template's name until the reader says otherwise. */
  sheet = '企业名录';
  at(row: number, column: string, message: string) {
    this.add({ sheet: this.sheet, row, column, message });
  }
}

type ParsedRow = { row: number; values: SheetValues };
/** The file's column letter of each column key it has (files may order or leave out columns). */
type Letters = Map<string, string>;

/** Reads the first sheet: headers by name (any order, a subset allowed), each cell through its column's parser. */
async function parseSheet(buf: Buffer, problems: Problems): Promise<{ rows: ParsedRow[]; letters: Letters }> {
  const byHeader = new Map(enterpriseColumns.map((c) => [c.header, c]));
  let columns: ((typeof enterpriseColumns)[number] | undefined)[] = [];
  const rows: ParsedRow[] = [];
  for await (const { sheet, row, cells, blank } of readRows(buf, { sheet: 0, problems })) {
    problems.sheet = sheet;
    if (row === 1) {
      columns = readHeader(cells, byHeader, problems);
      problems.throwIfAny(); // wrong headers: reading on would only repeat the problem per row
      continue;
    }
    if (blank) continue;
    const values: SheetValues = {};
    columns.forEach((col, i) => {
      if (!col) return;
      const parsed = col.parse(cells[i] ?? null);
      if ('error' in parsed) problems.at(row, columnLetter(i + 1), `「${col.header}」${parsed.error}`);
      else values[col.key] = parsed.value;
    });
    rows.push({ row, values });
  }
  if (columns.length === 0 && problems.isEmpty) problems.at(1, 'A', '工作表为空：第一行应为表头，请使用导入模板');
  const letters: Letters = new Map(columns.flatMap((col, i) => (col ? [[col.key, columnLetter(i + 1)] as const] : [])));
  return { rows, letters };
}

function readHeader(cells: RawCell[], byHeader: Map<string, (typeof enterpriseColumns)[number]>, problems: Problems) {
  const seen = new Set<string>();
  const columns = cells.map((cell, i) => {
    const text = cell == null ? '' : String(cell).trim().replace(/[*＊]$/, '');
    if (!text) return undefined;
    const col = byHeader.get(text);
    if (!col) problems.at(1, columnLetter(i + 1), `未知的列“${text.slice(0, 30)}”，请使用导入模板的表头`);
    else if (seen.has(col.key)) problems.at(1, columnLetter(i + 1), `列“${text}”重复`);
    else seen.add(col.key);
    return col;
  });
  if (!seen.has('uscc')) problems.at(1, 'A', '缺少“统一社会信用代码”列，请使用导入模板');
  return columns;
}

const same = (key: string, a: unknown, b: unknown) => sheetText(key, a) === sheetText(key, b);

export type ImportDeps = { db: Db; audit: AuditService; parks: ParksService; users: UserDirectory; enterprises: EnterprisesService; cipher: FieldCipher; clock: () => Date };

export function createEnterpriseImport({ db, audit, parks, users, enterprises, cipher, clock }: ImportDeps) {
  /** Checks every row against the registry and the caller's scope; returns the staged items or throws 422. */
  async function plan(scope: EnterpriseScope, { rows, letters }: { rows: ParsedRow[]; letters: Letters }, problems: Problems): Promise<ImportItem[]> {
    const [parkList, officers] = await Promise.all([parks.directory(), users.officersByUsername()]);
    const parkByCode = new Map(parkList.map((p) => [p.code.toLowerCase(), p]));
    const parksByName = new Map<string, typeof parkList>();
    for (const p of parkList) parksByName.set(p.name, [...(parksByName.get(p.name) ?? []), p]);
    const parkName = new Map(parkList.map((p) => [p.id, p.name]));
    const officerName = new Map([...officers.values()].map((o) => [o.id, o.username]));
    const lookups = { parkName: (id: string) => parkName.get(id) ?? '', officerUsername: (id: string) => officerName.get(id) ?? null, cipher };

    const firstRow = new Map<string, number>();
    const existing = new Map<string, repo.EnterpriseRow & { version: string }>();
    const usccs = rows.map((r) => r.values.uscc as string | undefined).filter((u): u is string => !!u);
    for (let i = 0; i < usccs.length; i += 5000) for (const e of await repo.findByUsccsWithVersion(db, usccs.slice(i, i + 5000))) existing.set(e.uscc, e);

    // A required column the file leaves out has no letter: the message names it.
    const letter = (key: string) => letters.get(key) ?? '';
    const today = enterprises.today();
    const items: ImportItem[] = [];
    for (const { row, values } of rows) {
      const uscc = values.uscc as string | undefined;
      if (!uscc) continue; // its parse problem is already recorded
      const dup = firstRow.get(uscc);
      if (dup) {
        problems.at(row, letter('uscc'), `统一社会信用代码与第 ${dup} 行重复`);
        continue;
      }
      firstRow.set(uscc, row);
      const current = existing.get(uscc);
      if (current && !parkInScope(scope, current.parkId)) {
        problems.at(row, letter('uscc'), '该统一社会信用代码已由您权限范围以外的园区登记');
        continue;
      }
      const ids: { parkId?: string; officerId?: string } = {};
      if (values.park != null) {
        const text = values.park as string;
        const byName = parksByName.get(text) ?? [];
        const park = parkByCode.get(text.toLowerCase()) ?? (byName.length === 1 ? byName[0] : undefined);
        if (!park) problems.at(row, letter('park'), byName.length > 1 ? `园区名称“${text}”不唯一，请填写园区编码` : `园区“${text}”不存在`);
        else if (!parkInScope(scope, park.id)) problems.at(row, letter('park'), `园区“${text}”不在您的权限范围内`);
        else ids.parkId = park.id;
      }
      if (values.serviceOfficer != null) {
        const officer = officers.get((values.serviceOfficer as string).toLowerCase());
        if (!officer) problems.at(row, letter('serviceOfficer'), `“${values.serviceOfficer as string}”不是在用的服务管家用户名`);
        else ids.officerId = officer.id;
      }
      if (values.listingStage === 'listed' && values.listingBoard == null && !current?.listingBoard) problems.at(row, letter('listingBoard'), '已上市企业请填写上市板块');
      if (typeof values.establishedOn === 'string' && values.establishedOn > today) problems.at(row, letter('establishedOn'), '「成立日期」不能晚于今天');

      if (!current) {
        for (const col of enterpriseColumns.filter((c) => c.requiredOnCreate && values[c.key] == null))
          problems.at(row, letter(col.key), `新建企业时「${col.header}」必填`);
        const movedInOn = (values.movedInOn as string | null | undefined) ?? null;
        if (movedInOn && movedInOn > today) problems.at(row, letter('movedInOn'), '「入驻日期」不能晚于今天');
        if (movedInOn && typeof values.establishedOn === 'string' && movedInOn < values.establishedOn) problems.at(row, letter('movedInOn'), '「入驻日期」不能早于成立日期');
        const fields = (['name', 'park', 'industryCode'] as const).map((k) => ({ field: k, label: columnLabel.get(k)!, before: null, after: k === 'park' ? (ids.parkId ? lookups.parkName(ids.parkId) : null) : sheetText(k, values[k]) }));
        items.push({ row, uscc, name: (values.name as string) ?? '', action: 'create', fields, values: { uscc, status: 'active', statusSince: movedInOn, ...columnsFromSheet(values, ids, undefined, cipher) }, movedInOn });
        continue;
      }
      const before = sheetValuesOf(current, lookups);
      const fields: FieldChange[] = [];
      for (const col of enterpriseColumns) {
        const after = values[col.key];
        if (after == null || col.key === 'uscc' || col.key === 'movedInOn') continue;
        const changed = col.key === 'park' ? ids.parkId !== current.parkId : col.key === 'serviceOfficer' ? ids.officerId !== current.serviceOfficerId : !same(col.key, after, before[col.key]);
        if (changed) fields.push({ field: col.key, label: columnLabel.get(col.key)!, before: sheetText(col.key, before[col.key]), after: col.key === 'park' ? lookups.parkName(ids.parkId!) : sheetText(col.key, after) });
      }
      if (fields.length === 0) {
        items.push({ row, uscc, name: current.name, action: 'unchanged', fields: [] });
        continue;
      }
      const { version, id: _id, searchGrams: _g, createdAt: _c, updatedAt: _u, ...base } = current;
      const renamed = typeof values.name === 'string' && values.name !== current.name && values.formerNames == null && !current.formerNames.includes(current.name);
      items.push({ row, uscc, name: (values.name as string) ?? current.name, action: 'update', fields, version, values: { ...base, ...columnsFromSheet(values, ids, current, cipher), ...(renamed ? { formerNames: [...current.formerNames, current.name] } : {}) } });
    }
    return items;
  }

  const previewOf = (r: imports.ImportRow) => ({ id: r.id, fileName: r.fileName, rows: r.rows, created: r.created, updated: r.updated, unchanged: r.unchanged, status: r.status, createdAt: r.createdAt.toISOString() });

  async function ownImport(ctx: RequestContext, id: string) {
    const r = await imports.findImport(db, id, ctx.actor.id);
    if (!r) throw notFound('导入批次');
    return r;
  }

  return {
    /** Parses and checks the whole file; stores the planned changes for the commit, or throws 422 with every problem. */
    async preview(ctx: RequestContext, fileName: string, buf: Buffer) {
      const scope = await enterprises.scopeOf(ctx);
      const problems = new Problems();
      const sheet = await parseSheet(buf, problems);
      problems.throwIfAny();
      if (sheet.rows.length === 0) throw new AppError('IMPORT_REJECTED', '文件中没有数据行', [{ sheet: problems.sheet, row: 2, column: 'A', message: '没有数据行' }]);
      const items = await plan(scope, sheet, problems);
      problems.throwIfAny();
      const count = (a: ImportItem['action']) => items.filter((i) => i.action === a).length;
      await imports.deleteStalePreviews(db, new Date(clock().getTime() - PREVIEW_TTL_MS));
      const staged = await imports.insertImport(db, { userId: ctx.actor.id, fileName: fileName.slice(0, 200), rows: items.length, created: count('create'), updated: count('update'), unchanged: count('unchanged'), items });
      return previewOf(staged);
    },

    async get(ctx: RequestContext, id: string) {
      const r = await ownImport(ctx, id);
      return previewOf(r.status === 'previewed' && clock().getTime() - r.createdAt.getTime() > PREVIEW_TTL_MS ? { ...r, status: 'expired' } : r);
    },

    async changes(ctx: RequestContext, id: string, action: ImportItem['action'] | undefined, page: number, pageSize: number) {
      await ownImport(ctx, id);
      return imports.pageOfItems(db, id, action, page, pageSize);
    },

    /** Writes the previewed changes in one transaction; 409 when a row changed since the preview. */
    async commit(ctx: RequestContext, id: string) {
      const staged = await ownImport(ctx, id);
      if (staged.status !== 'previewed') throw new AppError('CONFLICT', '该批次已导入，请勿重复提交');
      if (clock().getTime() - staged.createdAt.getTime() > PREVIEW_TTL_MS) throw new AppError('CONFLICT', '预览已过期，请重新上传文件');
      return db.transaction(async (tx) => {
        const locked = await imports.lockImport(tx, id);
        if (locked?.status !== 'previewed') throw new AppError('CONFLICT', '该批次已导入，请勿重复提交');
        const items = locked.items as ImportItem[];
        const writes = items.filter((i) => i.action !== 'unchanged');
        const current = await repo.lockVersions(tx, writes.map((i) => i.uscc));
        const stale = writes.find((i) => (i.action === 'create' ? current.has(i.uscc) : current.get(i.uscc) !== i.version));
        if (stale) throw new AppError('CONFLICT', `第 ${stale.row} 行的企业（${stale.uscc}）在预览之后已被修改或登记，请重新上传文件预览`);
        const written = new Map((await repo.upsertEnterprises(tx, writes.map((i) => i.values as repo.NewEnterprise))).map((r) => [r.uscc, r.id]));
        const created = writes.filter((i) => i.action === 'create');
        await repo.insertStatusEvents(
          tx,
          created.filter((i) => i.movedInOn).map((i) => ({ enterpriseId: written.get(i.uscc)!, kind: 'moved_in' as const, on: i.movedInOn!, note: '批量导入', actorId: ctx.actor.id, actorName: ctx.actor.name })),
        );
        const entries: AuditInput[] = writes.map((i) => ({
          action: i.action === 'create' ? 'enterprise.import.create' : 'enterprise.import.update',
          targetType: 'enterprise',
          targetId: written.get(i.uscc)!,
          summary: i.action === 'create' ? { importId: id, after: { uscc: i.uscc, name: i.name } } : { importId: id, before: Object.fromEntries(i.fields.map((f) => [f.field, f.before])), after: Object.fromEntries(i.fields.map((f) => [f.field, f.after])) },
        }));
        entries.push({ action: 'enterprise.import', targetType: 'enterprise_import', targetId: id, summary: { fileName: locked.fileName, created: locked.created, updated: locked.updated, unchanged: locked.unchanged } });
        await audit.recordMany(tx, ctx, entries);
        await imports.markCommitted(tx, id, clock());
        return { created: locked.created, updated: locked.updated, unchanged: locked.unchanged };
      });
    },
  };
}
export type EnterpriseImport = ReturnType<typeof createEnterpriseImport>;
