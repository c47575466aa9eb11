/**
 * Derived indicators (DESIGN.md §6, e.g. tax_incl_refund = "tax + vat_refund"). Statisticians type
 * these formulas, so they are parsed by hand into a tree and evaluated over it — never eval/Function.
 *
 *   expr   := term (('+' | '-') term)*
 *   term   := factor (('*' | '/') factor)*
 *   factor := number | code | '(' expr ')' | '-' factor
 *   code   := [a-z][a-z0-9_]*
 *
 * Evaluation: a missing operand (a code without a value) counts as 0, so "tax + vat_refund" with only
 * tax reported is tax — as a rollup's sums treat a figure nobody reported. Division by zero (and so
 * by a missing value) is null, and a null part makes the whole result null. When every referenced
 * code is missing the result is null: there is nothing to derive from, which is not the same as 0.
 */

const maxLength = 200;

/** A formula the parser refuses. `at` is the 0-based offset of the problem; the message counts from 1. */
export class FormulaError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}

export type ParsedFormula = {
  /** Referenced codes, each once, in order of first appearance. */
  refs: string[];
  evaluate(get: (code: string) => number | null | undefined): number | null;
};

type Token = { at: number } & ({ kind: 'num'; value: number } | { kind: 'code'; code: string } | { kind: 'op'; op: string } | { kind: 'end' });
type Node = { kind: 'num'; value: number } | { kind: 'code'; code: string } | { kind: 'neg'; arg: Node } | { kind: 'bin'; op: string; left: Node; right: Node };

const charAt = (text: string, i: number) => String.fromCodePoint(text.codePointAt(i) ?? 0);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lexeme = /(\s+)|(\d[\d.]*)|([a-z][a-z0-9_]*)|([-+*/()])/y;
  let i = 0;
  while (i < text.length) {
    lexeme.lastIndex = i;
    const m = lexeme.exec(text);
    if (!m) throw new FormulaError(`第 ${i + 1} 个字符“${charAt(text, i)}”无法识别`, i);
    if (m[2] != null) {
      if (!/^\d+(\.\d+)?$/.test(m[2])) throw new FormulaError(`第 ${i + 1} 个字符处的数字“${m[2]}”格式不正确`, i);
      tokens.push({ at: i, kind: 'num', value: Number(m[2]) });
    } else if (m[3] != null) tokens.push({ at: i, kind: 'code', code: m[3] });
    else if (m[4] != null) tokens.push({ at: i, kind: 'op', op: m[4] });
    i = lexeme.lastIndex;
  }
  tokens.push({ at: text.length, kind: 'end' });
  return tokens;
}

function parseTree(text: string): Node {
  if (!text.trim()) throw new FormulaError('公式不能为空', 0);
  if (text.length > maxLength) throw new FormulaError(`公式不能超过 ${maxLength} 个字符`, maxLength);
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos]!;
  const isOp = (t: Token, ops: string) => t.kind === 'op' && ops.includes(t.op);
  const opOf = (t: Token) => (t.kind === 'op' ? t.op : '');

  const expr = (): Node => {
    let left = term();
    while (isOp(peek(), '+-')) left = { kind: 'bin', op: opOf(tokens[pos++]!), left, right: term() };
    return left;
  };
  const term = (): Node => {
    let left = factor();
    while (isOp(peek(), '*/')) left = { kind: 'bin', op: opOf(tokens[pos++]!), left, right: factor() };
    return left;
  };
  const factor = (): Node => {
    const t = tokens[pos++]!;
    if (t.kind === 'num') return { kind: 'num', value: t.value };
    if (t.kind === 'code') return { kind: 'code', code: t.code };
    if (isOp(t, '-')) return { kind: 'neg', arg: factor() };
    if (isOp(t, '(')) {
      const inner = expr();
      const close = tokens[pos++]!;
      if (!isOp(close, ')')) throw new FormulaError(`第 ${close.at + 1} 个字符处缺少右括号`, close.at);
      return inner;
    }
    throw new FormulaError(`第 ${t.at + 1} 个字符处缺少运算数`, t.at);
  };

  const tree = expr();
  const rest = peek();
  if (rest.kind === 'end') return tree;
  if (isOp(rest, ')')) throw new FormulaError(`第 ${rest.at + 1} 个字符处的右括号没有对应的左括号`, rest.at);
  throw new FormulaError(`第 ${rest.at + 1} 个字符处缺少运算符`, rest.at);
}

function collectRefs(node: Node, into: Set<string>): Set<string> {
  if (node.kind === 'code') into.add(node.code);
  else if (node.kind === 'neg') collectRefs(node.arg, into);
  else if (node.kind === 'bin') collectRefs(node.right, collectRefs(node.left, into));
  return into;
}

function evalNode(node: Node, value: (code: string) => number | null): number | null {
  switch (node.kind) {
    case 'num':
      return node.value;
    case 'code':
      return value(node.code) ?? 0;
    case 'neg': {
      const v = evalNode(node.arg, value);
      return v == null ? null : -v;
    }
    case 'bin': {
      const l = evalNode(node.left, value);
      const r = evalNode(node.right, value);
      if (l == null || r == null) return null;
      if (node.op === '+') return l + r;
      if (node.op === '-') return l - r;
      if (node.op === '*') return l * r;
      return r === 0 ? null : l / r;
    }
  }
}

/** Parses a formula (throws FormulaError); see the file comment for the evaluation rules. */
export function parseFormula(text: string): ParsedFormula {
  const tree = parseTree(text);
  const refs = [...collectRefs(tree, new Set())];
  return {
    refs,
    evaluate(get) {
      const known = new Map<string, number>();
      for (const code of refs) {
        const v = get(code);
        if (v != null && Number.isFinite(v)) known.set(code, v);
      }
      if (refs.length > 0 && known.size === 0) return null;
      const result = evalNode(tree, (code) => known.get(code) ?? null);
      // + 0 turns −0 (e.g. "-tax" with tax missing) into 0; overflow is no figure either.
      return result != null && Number.isFinite(result) ? result + 0 : null;
    },
  };
}

// Rollups evaluate the same few formulas for every group and period: parse each text once.
const parsedCache = new Map<string, ParsedFormula>();
function cachedFormula(text: string): ParsedFormula {
  let parsed = parsedCache.get(text);
  if (!parsed) {
    if (parsedCache.size >= 500) parsedCache.clear(); // catalogs hold a few dozen; bound it anyway
    parsed = parseFormula(text);
    parsedCache.set(text, parsed);
  }
  return parsed;
}

type FormulaEntry = { code: string; formula: string | null };

/**
 * Why `formula` cannot be the formula of indicator `code`, or null when it can. The catalog is the
 * current one (`code` itself may be in it with its old formula, which `formula` replaces).
 */
export function formulaProblem(code: string, formula: string, catalog: readonly (FormulaEntry & { active?: boolean })[]): string | null {
  let refs: string[];
  try {
    refs = cachedFormula(formula).refs;
  } catch (e) {
    if (e instanceof FormulaError) return e.message;
    throw e;
  }
  if (refs.length === 0) return '公式至少要引用一个指标';
  const byCode = new Map(catalog.map((c) => [c.code, c]));
  for (const ref of refs) {
    if (ref === code) return `公式不能引用指标自身“${code}”`;
    const entry = byCode.get(ref);
    if (!entry) return `未知的指标“${ref}”`;
    if (entry.active === false) return `指标“${ref}”已停用，不能用于公式`;
  }

  const refsOf = (c: string): string[] => {
    const text = c === code ? formula : byCode.get(c)?.formula;
    if (!text) return [];
    try {
      return cachedFormula(text).refs;
    } catch {
      return []; // a broken stored formula is reported when that indicator is edited
    }
  };
  const path: string[] = [];
  const cleared = new Set<string>();
  const findCycle = (c: string): string[] | null => {
    const i = path.indexOf(c);
    if (i >= 0) return [...path.slice(i), c];
    if (cleared.has(c)) return null;
    path.push(c);
    for (const ref of refsOf(c)) {
      const cycle = findCycle(ref);
      if (cycle) return cycle;
    }
    path.pop();
    cleared.add(c);
    return null;
  };
  const cycle = findCycle(code);
  return cycle ? `公式循环引用：${cycle.join(' → ')}` : null;
}

/**
 * The value of indicator `code`: a reported one is `get(code)`; a derived one evaluates its formula,
 * whose operands may be derived in turn (a derived operand without a value counts as missing).
 * Catalog formulas passed formulaProblem when saved, so a broken one or a cycle throws FormulaError.
 */
export function derivedValue(code: string, catalog: readonly FormulaEntry[], get: (code: string) => number | null | undefined): number | null {
  const byCode = new Map(catalog.map((c) => [c.code, c]));
  const valueOf = (c: string, visiting: readonly string[]): number | null => {
    const formula = byCode.get(c)?.formula;
    if (formula == null) {
      const v = get(c);
      return v != null && Number.isFinite(v) ? v : null;
    }
    if (visiting.includes(c)) throw new FormulaError(`公式循环引用：${[...visiting.slice(visiting.indexOf(c)), c].join(' → ')}`, 0);
    return cachedFormula(formula).evaluate((ref) => valueOf(ref, [...visiting, c]));
  };
  return valueOf(code, []);
}
