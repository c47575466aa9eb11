/**
 * The live checks of the portal form: the same core functions the server runs on a submission
 * (checkValues, plausibilityWarnings, derivedValue), so the form refuses and warns as the server will.
 */
import { checkValues, derivedValue, periodParts, plausibilityWarnings } from '@zhiyuan/core';
import type { Indicator, ReportIssue } from '../../api/statistics';

/** What the inputs hold: indicator code → number, null / absent when blank. */
export type RawFigures = Record<string, number | null | undefined>;

export type FormCheck = {
  /** Checked values of the reported indicators (blanks left out). */
  values: Record<string, number>;
  prior: Record<string, number>;
  /** code → messages. */
  errors: Map<string, string[]>;
  priorErrors: Map<string, string[]>;
  warnings: Map<string, string[]>;
  errorCount: number;
  warningCount: number;
  /** Derived indicators computed from `values` / `prior` (null: nothing to derive from). */
  derived: Record<string, number | null>;
  derivedPrior: Record<string, number | null>;
};

const nonBlank = (raw: RawFigures): Record<string, number> =>
  Object.fromEntries(Object.entries(raw).filter((e): e is [string, number] => typeof e[1] === 'number'));

function byIndicator(issues: readonly ReportIssue[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const i of issues) map.set(i.indicator, [...(map.get(i.indicator) ?? []), i.message]);
  return map;
}

/** A derived indicator's value over `values`; null when its formula cannot be evaluated. */
export function derivedOf(code: string, catalog: readonly Indicator[], values: Readonly<Record<string, number | null | undefined>>): number | null {
  try {
    return derivedValue(code, catalog, (c) => values[c]);
  } catch {
    return null;
  }
}

export function checkForm(
  catalog: readonly Indicator[],
  raw: RawFigures,
  priorRaw: RawFigures | null,
  ctx: { period: string; lastMonth: Record<string, number>; usualIncrement: Record<string, number>; lastYearIncrement: Record<string, number> },
): FormCheck {
  const checked = checkValues(catalog, nonBlank(raw));
  const priorChecked = priorRaw ? checkValues(catalog, nonBlank(priorRaw)) : { values: {}, errors: [] };
  const warnings = plausibilityWarnings(catalog, checked.values, { month: periodParts(ctx.period).month, lastMonth: ctx.lastMonth, usualIncrement: ctx.usualIncrement, lastYearIncrement: ctx.lastYearIncrement });
  const derivedCodes = catalog.filter((i) => i.formula != null && i.active).map((i) => i.code);
  return {
    values: checked.values,
    prior: priorChecked.values,
    errors: byIndicator(checked.errors),
    priorErrors: byIndicator(priorChecked.errors),
    warnings: byIndicator(warnings),
    errorCount: checked.errors.length + priorChecked.errors.length,
    warningCount: warnings.length,
    derived: Object.fromEntries(derivedCodes.map((c) => [c, derivedOf(c, catalog, checked.values)])),
    derivedPrior: Object.fromEntries(derivedCodes.map((c) => [c, derivedOf(c, catalog, priorChecked.values)])),
  };
}
