// The statistics indicator catalog (DESIGN.md §6): core's defaults, on every start.
import { defaultIndicators } from '@zhiyuan/core';
import type { Executor } from '../db/pool';
import { indicators } from '../modules/statistics/statistics.tables';

/**
 * Inserts the default indicators that are not there yet (by code), in the catalog's order;
 * statisticians' edits of existing ones are kept. Returns how many were added.
 */
export async function seedIndicators(tx: Executor): Promise<number> {
  const rows = defaultIndicators.map((d, i) => ({
    code: d.code,
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    unit: d.unit,
    kind: d.kind,
    formula: d.formula,
    precision: d.precision,
    allowNegative: d.allowNegative,
    sortOrder: i * 10,
  }));
  const inserted = await tx.insert(indicators).values(rows).onConflictDoNothing({ target: indicators.code }).returning({ code: indicators.code });
  return inserted.length;
}
