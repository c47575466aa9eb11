// A statistician's xlsx import of a whole month, and its template generated from the catalog.
// Headers carry the indicator's code and unit, e.g. "营业收入（万元）[revenue]": columns may come in
// any order, and a header whose code or unit the catalog no longer has is an outdated template.
import { columnLetter, type Indicator, type RawCell, type WriteResult } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import { ImportProblems } from '../../xlsx/import-errors';
import { readRows } from '../../xlsx/read-rows';
import { streamWorkbook } from '../../xlsx/write-workbook';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import type { IndicatorsService } from './indicators.service';
import type { ReportInput, ReportWriter } from './report-writer';
import * as repo from './reports.repository';
import { parkFilterOf, staffScope } from './statistics-scope';

export const SHEET = '月报';
const USCC_HEADER = '统一社会信用代码';
const NAME_HEADER = '企业名称';

const reported = (catalog: readonly Indicator[]) => catalog.filter((i) => i.active && i.formula == null);
const headerOf = (i: Indicator, prior: boolean) => `${prior ? '上年同期' : ''}${i.nameZh}（${i.unit}）[${prior ? 'prior.' : ''}${i.code}]`;

/** What each column holds: the USCC, the name (ignored), or a field "values.<code>" / "prior.<code>". */
type Column = 'uscc' | 'name' | `values.${string}` | `prior.${string}` | undefined;

function readHeader(cells: RawCell[], catalog: readonly Indicator[], at: (column: string, message: string) => void): Column[] {
  const seen = new Set<string>();
  const columns = cells.map((cell, i): Column => {
    const text = cell == null ? '' : String(cell).trim();
    const letter = columnLetter(i + 1);
    if (!text) return undefined;
    let field: Column;
    if (text === USCC_HEADER) field = 'uscc';
    else if (text === NAME_HEADER) field = 'name';
    else {
      const m = /（([^（）]*)）\s*\[(prior\.)?([a-z][a-z0-9_]*)\]$/.exec(text);
      const ind = m && catalog.find((c) => c.code === m[3]);
      if (!m) return void at(letter, `无法识别的列“${text.slice(0, 30)}”：请下载最新的导入模板`);
      if (!ind || !ind.active) return void at(letter, `模板已过期：指标编码 ${m[3]} 不在指标目录中，请下载最新的导入模板`);
      if (ind.formula) return void at(letter, `模板已过期：“${ind.nameZh}”由公式计算，不能导入`);
      if (ind.unit !== m[1]) return void at(letter, `模板已过期：“${ind.nameZh}”的单位现为“${ind.unit}”（模板为“${m[1]}”），请下载最新的导入模板`);
      field = m[2] ? `prior.${ind.code}` : `values.${ind.code}`;
    }
    if (seen.has(field)) at(letter, `列“${text.slice(0, 30)}”重复`);
    seen.add(field);
    return field;
  });
  if (!seen.has('uscc')) at('A', `缺少“${USCC_HEADER}”列，请使用导入模板`);
  return columns;
}

export type StatisticsImportDeps = { db: Db; enterprises: EnterprisesService; indicators: IndicatorsService; writer: ReportWriter };

export function createStatisticsImport({ db, enterprises, indicators, writer }: StatisticsImportDeps) {
  return {
    /** Parses the first sheet and writes it through the one write path (all or nothing); `dryRun` only checks. */
    async import(ctx: RequestContext, period: string, buf: Buffer, opts: { dryRun: boolean; revisionReason?: string }): Promise<WriteResult> {
      const catalog = await indicators.catalog();
      const problems = new ImportProblems();
      let sheet = SHEET;
      const at = (row: number, column: string, message: string) => problems.add({ sheet, row, column, message });
      let columns: Column[] = [];
      const inputs: ReportInput[] = [];
      for await (const r of readRows(buf, { sheet: 0, problems })) {
        sheet = r.sheet;
        if (r.row === 1) {
          columns = readHeader(r.cells, catalog, (column, message) => at(1, column, message));
          problems.throwIfAny(); // a wrong header would repeat itself on every row
          continue;
        }
        if (r.blank) continue;
        const input: ReportInput & { prior: Record<string, unknown> } = { row: r.row, values: {}, prior: {} };
        columns.forEach((field, i) => {
          const cell = r.cells[i];
          if (!field || field === 'name' || cell == null || cell === '') return;
          if (field === 'uscc') input.uscc = String(cell);
          else if (field.startsWith('values.')) input.values[field.slice(7)] = cell;
          else input.prior[field.slice(6)] = cell;
        });
        // A listed enterprise with no figure yet (the template lists whom to collect from) is skipped.
        if (Object.keys(input.values).length === 0 && Object.keys(input.prior).length === 0) continue;
        inputs.push(input);
      }
      if (columns.length === 0) at(1, 'A', '工作表为空：第一行应为表头，请使用导入模板');
      if (problems.isEmpty && inputs.length === 0) at(2, 'A', '文件中没有填报任何数值');
      if (inputs.length === 0) problems.throwIfAny();
      const letters = new Map<string, string>(columns.flatMap((f, i) => (f ? [[f, columnLetter(i + 1)] as const] : [])));
      const firstFigure = columns.findIndex((f) => f?.startsWith('values.'));
      const columnOf = (field: string) => letters.get(field) ?? (field === 'values' && firstFigure >= 0 ? columnLetter(firstFigure + 1) : '');
      const { reportIds: _ids, ...result } = await writer.write(ctx, period, inputs, { source: 'import', dryRun: opts.dryRun, revisionReason: opts.revisionReason, sheet, columnOf, problems });
      return result;
    },

    /** The catalog's reported indicators as columns; with a period, the enterprises in scope that should report it. */
    async template(ctx: RequestContext, period?: string) {
      const catalog = reported(await indicators.catalog());
      const parkIds = parkFilterOf(await staffScope(enterprises, ctx));
      const columns = [
        { header: USCC_HEADER, key: 'uscc', width: 22 },
        { header: NAME_HEADER, key: 'name', width: 30 },
        ...catalog.map((i) => ({ header: headerOf(i, false), key: `values.${i.code}`, width: 18 })),
        ...catalog.map((i) => ({ header: headerOf(i, true), key: `prior.${i.code}`, width: 22 })),
      ];
      async function* rows() {
        if (!period) return;
        for await (const batch of repo.expectedEnterprises(db, parkIds)) yield batch.map((e) => ({ uscc: e.uscc, name: e.name }));
      }
      return streamWorkbook([{ name: SHEET, columns, rows: rows() }]);
    },
  };
}
export type StatisticsImport = ReturnType<typeof createStatisticsImport>;
