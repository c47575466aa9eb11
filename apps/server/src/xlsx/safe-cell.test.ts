import { describe, expect, it } from 'vitest';
import { safeCell } from './safe-cell';

describe('safeCell', () => {
  it('turns text that a spreadsheet would evaluate into plain text', () => {
    for (const v of ['=1+2', '+1', '-1', '@SUM(A1)', '\t=x', '\r=x']) expect(safeCell(v)).toBe(`'${v}`);
  });
  it('leaves other values alone', () => {
    expect(safeCell('海淀园')).toBe('海淀园');
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBe('');
  });
});
