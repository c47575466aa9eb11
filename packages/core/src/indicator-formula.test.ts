import { describe, expect, it } from 'vitest';
import { FormulaError, derivedValue, formulaProblem, parseFormula } from './indicator-formula';

const values = (v: Record<string, number>) => (code: string) => (Object.hasOwn(v, code) ? v[code] : undefined);
const evaluate = (text: string, v: Record<string, number>) => parseFormula(text).evaluate(values(v));

/** The FormulaError `text` throws. */
function errorOf(text: string): FormulaError {
  try {
    parseFormula(text);
  } catch (e) {
    if (e instanceof FormulaError) return e;
    throw e;
  }
  throw new Error(`“${text}” parsed`);
}

describe('parseFormula', () => {
  it('lists each referenced code once, in order', () => {
    expect(parseFormula('tax + vat_refund').refs).toEqual(['tax', 'vat_refund']);
    expect(parseFormula('(a + b2) * a / 100').refs).toEqual(['a', 'b2']);
    expect(parseFormula('1 + 2').refs).toEqual([]);
  });

  it('multiplies and divides before adding and subtracting, left to right', () => {
    expect(evaluate('1 + 2 * 3', {})).toBe(7);
    expect(evaluate('10 - 4 - 3', {})).toBe(3); // (10 − 4) − 3, not 10 − (4 − 3)
    expect(evaluate('24 / 4 / 2', {})).toBe(3); // (24 / 4) / 2
    expect(evaluate('a + b * c', { a: 1, b: 2, c: 3 })).toBe(7);
  });

  it('honours parentheses and unary minus', () => {
    expect(evaluate('(1 + 2) * 3', {})).toBe(9);
    expect(evaluate('-a + 5', { a: 2 })).toBe(3);
    expect(evaluate('-(a + 5)', { a: 2 })).toBe(-7);
    expect(evaluate('2 * -a', { a: 3 })).toBe(-6);
    expect(evaluate('--a', { a: 3 })).toBe(3);
    expect(evaluate('rd_expense / revenue * 100', { rd_expense: 50, revenue: 1000 })).toBeCloseTo(5, 12);
    expect(evaluate('  1.5*(a-0.5)  ', { a: 2.5 })).toBeCloseTo(3, 12);
  });

  it('gives null for division by zero, and the null spreads', () => {
    expect(evaluate('a / b', { a: 1, b: 0 })).toBeNull();
    expect(evaluate('a / (b - b)', { a: 1, b: 4 })).toBeNull();
    expect(evaluate('a / b + 1', { a: 1, b: 0 })).toBeNull();
    expect(evaluate('-(a / b)', { a: 1, b: 0 })).toBeNull();
  });

  it('counts a missing operand as 0 in + − * and refuses to divide by one', () => {
    expect(evaluate('tax + vat_refund', { tax: 120 })).toBe(120);
    expect(evaluate('tax - vat_refund', { vat_refund: 20 })).toBe(-20);
    expect(evaluate('a * b', { a: 5 })).toBe(0);
    expect(evaluate('a / b', { a: 5 })).toBeNull();
    expect(evaluate('a / b', { b: 5 })).toBe(0);
    expect(evaluate('-a + b', { b: 1 })).toBe(1);
  });

  it('is null when every referenced code is missing', () => {
    expect(evaluate('tax + vat_refund', {})).toBeNull();
    expect(parseFormula('a + 1').evaluate(() => null)).toBeNull();
    expect(parseFormula('a + 1').evaluate(() => Number.NaN)).toBeNull();
    expect(evaluate('2 * 3', {})).toBe(6); // no references: nothing can be missing
  });

  it('reports the problem and the character it is at', () => {
    expect(errorOf('tax +')).toMatchObject({ message: '第 6 个字符处缺少运算数', at: 5 });
    expect(errorOf('(tax')).toMatchObject({ message: '第 5 个字符处缺少右括号', at: 4 });
    expect(errorOf('tax $ 1')).toMatchObject({ message: '第 5 个字符“$”无法识别', at: 4 });
    expect(errorOf('1..2')).toMatchObject({ message: '第 1 个字符处的数字“1..2”格式不正确', at: 0 });
    expect(errorOf('')).toMatchObject({ message: '公式不能为空', at: 0 });
    expect(errorOf('   ')).toMatchObject({ message: '公式不能为空' });
    expect(errorOf('tax)')).toMatchObject({ message: '第 4 个字符处的右括号没有对应的左括号', at: 3 });
    expect(errorOf('tax vat')).toMatchObject({ message: '第 5 个字符处缺少运算符', at: 4 });
    expect(errorOf('* tax')).toMatchObject({ message: '第 1 个字符处缺少运算数', at: 0 });
    expect(errorOf('()')).toMatchObject({ message: '第 2 个字符处缺少运算数', at: 1 });
    expect(errorOf('Tax')).toMatchObject({ message: '第 1 个字符“T”无法识别' });
    expect(errorOf(`a${' + a'.repeat(50)}`)).toMatchObject({ message: '公式不能超过 200 个字符', at: 200 });
  });

  it('is a FormulaError, an Error', () => {
    const e = errorOf('(');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('FormulaError');
  });

  it('never runs code', () => {
    expect(errorOf('process.exit()')).toMatchObject({ message: '第 8 个字符“.”无法识别', at: 7 });
    expect(errorOf('__proto__')).toMatchObject({ message: '第 1 个字符“_”无法识别' });
    expect(errorOf('a; b')).toMatchObject({ at: 1 });
    expect(errorOf('`${1}`')).toMatchObject({ at: 0 });
    // Names of Object.prototype members are codes like any other; without a value they are missing.
    expect(parseFormula('constructor + tostring').refs).toEqual(['constructor', 'tostring']);
    expect(evaluate('constructor + 1', {})).toBeNull();
  });
});

describe('formulaProblem', () => {
  const catalog = [
    { code: 'tax', formula: null },
    { code: 'vat_refund', formula: null },
    { code: 'old', formula: null, active: false },
    { code: 'tax_incl_refund', formula: 'tax + vat_refund' },
    { code: 'a', formula: 'b + 1' },
    { code: 'b', formula: 'tax * 2' },
  ];

  it('accepts a formula over known, active codes', () => {
    expect(formulaProblem('tax_incl_refund', 'tax + vat_refund', catalog)).toBeNull();
    expect(formulaProblem('c', 'a + tax_incl_refund', catalog)).toBeNull(); // derived over derived
  });

  it('passes on the parse error', () => {
    expect(formulaProblem('x', 'tax +', catalog)).toBe('第 6 个字符处缺少运算数');
  });

  it('refuses unknown, inactive and absent references', () => {
    expect(formulaProblem('x', 'tax + vat', catalog)).toBe('未知的指标“vat”');
    expect(formulaProblem('x', 'constructor', catalog)).toBe('未知的指标“constructor”');
    expect(formulaProblem('x', 'tax + old', catalog)).toBe('指标“old”已停用，不能用于公式');
    expect(formulaProblem('x', '1 + 2', catalog)).toBe('公式至少要引用一个指标');
  });

  it('refuses a reference to itself', () => {
    expect(formulaProblem('tax_incl_refund', 'tax_incl_refund + tax', catalog)).toBe('公式不能引用指标自身“tax_incl_refund”');
  });

  it('refuses a cycle through other derived indicators', () => {
    // b = tax * 2 would become b = a, while a = b + 1
    expect(formulaProblem('b', 'a', catalog)).toBe('公式循环引用：b → a → b');
    // y = tax would become y = z, while z = x and x = y
    const chain = [{ code: 'tax', formula: null }, { code: 'x', formula: 'y' }, { code: 'y', formula: 'tax' }, { code: 'z', formula: 'x + 1' }];
    expect(formulaProblem('y', 'tax + z', chain)).toBe('公式循环引用：y → z → x → y');
    expect(formulaProblem('y', 'tax * 2', chain)).toBeNull();
  });
});

describe('derivedValue', () => {
  const catalog = [
    { code: 'tax', formula: null },
    { code: 'vat_refund', formula: null },
    { code: 'tax_incl_refund', formula: 'tax + vat_refund' },
    { code: 'double_total', formula: 'tax_incl_refund * 2' },
    { code: 'ratio', formula: 'vat_refund / tax_incl_refund' },
  ];

  it('evaluates a formula over reported values', () => {
    expect(derivedValue('tax_incl_refund', catalog, values({ tax: 100, vat_refund: 25 }))).toBe(125);
    expect(derivedValue('tax_incl_refund', catalog, values({ tax: 100 }))).toBe(100);
    expect(derivedValue('tax_incl_refund', catalog, values({}))).toBeNull();
  });

  it('evaluates derived operands in turn', () => {
    expect(derivedValue('double_total', catalog, values({ tax: 100, vat_refund: 25 }))).toBe(250); // (100 + 25) × 2
    expect(derivedValue('ratio', catalog, values({ tax: 100, vat_refund: 25 }))).toBeCloseTo(0.2, 12); // 25 / 125
    expect(derivedValue('double_total', catalog, values({}))).toBeNull();
  });

  it('returns a reported indicator’s own value', () => {
    expect(derivedValue('tax', catalog, values({ tax: 7 }))).toBe(7);
    expect(derivedValue('tax', catalog, values({}))).toBeNull();
  });

  it('throws on a cycle in the catalog rather than recursing forever', () => {
    const broken = [
      { code: 'a', formula: 'b + 1' },
      { code: 'b', formula: 'a + 1' },
    ];
    expect(() => derivedValue('a', broken, values({}))).toThrow('公式循环引用：a → b → a');
  });
});
