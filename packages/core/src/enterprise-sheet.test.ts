import { describe, expect, it } from 'vitest';
import { columnLetter, enterpriseColumns, sheetText, type Parsed, type RawCell } from './enterprise-sheet';
import { emergingIndustries, listingBoards, listingStages, tenures } from './enterprise';

const column = (key: string) => {
  const c = enterpriseColumns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c;
};
const parse = (key: string, cell: RawCell): Parsed<unknown> => column(key).parse(cell);
const ok = (key: string, cell: RawCell) => {
  const r = parse(key, cell);
  if ('error' in r) throw new Error(`${key} ${String(cell)}: ${r.error}`);
  return r.value;
};
const err = (key: string, cell: RawCell) => {
  const r = parse(key, cell);
  if (!('error' in r)) throw new Error(`${key} ${String(cell)} parsed to ${JSON.stringify(r.value)}`);
  return r.error;
};

const textKeys = ['name', 'legalRepresentative', 'registeredAddress', 'operatingAddress', 'park', 'ticker', 'contactName', 'contactPhone', 'serviceOfficer'];
const numberKeys = ['registeredCapital', 'headcount', 'landArea', 'floorArea', 'longitude', 'latitude'];
const choiceKeys = ['emergingIndustry', 'listingStage', 'listingBoard', 'landTenure', 'floorTenure'];
const listKeys = ['formerNames', 'tags'];

describe('enterpriseColumns', () => {
  it('has unique keys and headers, and a parser for each', () => {
    expect(new Set(enterpriseColumns.map((c) => c.key)).size).toBe(enterpriseColumns.length);
    expect(new Set(enterpriseColumns.map((c) => c.header)).size).toBe(enterpriseColumns.length);
    const covered = new Set(['uscc', 'establishedOn', 'movedInOn', 'aboveScale', 'industryCode', ...textKeys, ...numberKeys, ...choiceKeys, ...listKeys]);
    expect(enterpriseColumns.map((c) => c.key).filter((k) => !covered.has(k))).toEqual([]);
    expect(enterpriseColumns.filter((c) => c.requiredOnCreate).map((c) => c.key)).toEqual(['uscc', 'name', 'park', 'industryCode']);
  });

  it('reads an empty or blank cell as no value, except the USCC', () => {
    for (const c of enterpriseColumns) {
      for (const cell of [null, '', '   ']) {
        const r = c.parse(cell);
        if (c.key === 'uscc') expect(r).toEqual({ error: '统一社会信用代码不能为空' });
        else expect(r, `${c.key} ${JSON.stringify(cell)}`).toEqual({ value: null });
      }
    }
  });
});

describe('text columns', () => {
  it('trims, accepts numbers as text, enforces the length', () => {
    expect(ok('name', '  北京示例科技有限公司（示例） ')).toBe('北京示例科技有限公司（示例）');
    expect(ok('contactPhone', 13900001234)).toBe('13900001234');
    expect(err('contactPhone', '1390000')).toBe('应为 11 位手机号或带区号的固定电话');
    expect(ok('ticker', 688001)).toBe('688001');
    expect(ok('name', 'a'.repeat(100))).toBe('a'.repeat(100));
    expect(err('name', 'a'.repeat(101))).toBe('不能超过 100 个字符');
    expect(err('legalRepresentative', '张'.repeat(33))).toBe('不能超过 32 个字符');
    expect(err('registeredAddress', 'x'.repeat(201))).toBe('不能超过 200 个字符');
  });

  it('refuses dates and booleans', () => {
    expect(err('name', new Date('2020-01-01T00:00:00Z'))).toBe('应为文本');
    expect(err('park', true)).toBe('应为文本');
  });
});

describe('uscc column', () => {
  it('accepts a valid code, trimmed and upper-cased', () => {
    expect(ok('uscc', ' 91110108551385082q ')).toBe('91110108551385082Q');
  });

  it('names the expected check digit', () => {
    expect(err('uscc', '91110108551385082A')).toBe('第18位校验码应为 Q，实际为 A');
  });

  it('reports length and invalid characters', () => {
    expect(err('uscc', '9111010855138508')).toBe('统一社会信用代码应为 18 位，实际为 16 位');
    expect(err('uscc', '91110108551385O82Q')).toContain('第15位字符“O”无效');
  });
});

describe('number columns', () => {
  it('accepts numbers and numeric text (thousands separators allowed)', () => {
    expect(ok('registeredCapital', 1234.5678)).toBe(1234.5678);
    expect(ok('registeredCapital', '1,234.5')).toBe(1234.5);
    expect(ok('registeredCapital', ' 100 ')).toBe(100);
    expect(ok('registeredCapital', 0)).toBe(0);
    expect(ok('registeredCapital', 0.1 + 0.2)).toBe(0.3);
    expect(ok('headcount', '250')).toBe(250);
    expect(ok('landArea', 12000.25)).toBe(12000.25);
    expect(ok('longitude', '-73.985428')).toBe(-73.985428);
    expect(ok('latitude', 39.98)).toBe(39.98);
  });

  it('refuses text in a number column, quoting it', () => {
    expect(err('registeredCapital', '一百万')).toBe('应为数字，实际为“一百万”');
    expect(err('headcount', '12人')).toBe('应为数字，实际为“12人”');
    expect(err('floorArea', '1e5')).toBe('应为数字，实际为“1e5”');
    expect(err('registeredCapital', 'x'.repeat(30))).toBe(`应为数字，实际为“${'x'.repeat(20)}”`);
  });

  it('refuses dates and booleans', () => {
    expect(err('registeredCapital', new Date('2020-01-01T00:00:00Z'))).toBe('应为数字');
    expect(err('headcount', false)).toBe('应为数字');
  });

  it('refuses more decimals than the column keeps', () => {
    expect(ok('registeredCapital', 1.2345)).toBe(1.2345);
    expect(err('registeredCapital', 1.23456)).toBe('最多保留 4 位小数');
    expect(err('registeredCapital', '100.00001')).toBe('最多保留 4 位小数');
    expect(err('landArea', 10.123)).toBe('最多保留 2 位小数');
    expect(err('longitude', '116.1234567')).toBe('最多保留 6 位小数');
  });

  it('refuses fractions in integer columns and out-of-range values', () => {
    expect(err('headcount', 12.5)).toBe('应为整数');
    expect(err('headcount', -1)).toBe('应在 0 到 10000000 之间');
    expect(err('registeredCapital', '-5')).toBe('应在 0 到 1000000000000 之间');
    expect(err('longitude', 181)).toBe('应在 -180 到 180 之间');
    expect(err('latitude', -90.5)).toBe('应在 -90 到 90 之间');
    expect(err('floorArea', 1e9)).toBe('应在 0 到 100000000 之间');
  });
});

describe('date column', () => {
  it('accepts YYYY-MM-DD, slashes, dots and unpadded parts', () => {
    expect(ok('establishedOn', '2020-02-29')).toBe('2020-02-29');
    expect(ok('establishedOn', '2020/2/3')).toBe('2020-02-03');
    expect(ok('establishedOn', '2020.12.31')).toBe('2020-12-31');
    expect(ok('establishedOn', ' 2020-1-1 ')).toBe('2020-01-01');
  });

  it('accepts spreadsheet Date cells (UTC midnight of the day)', () => {
    expect(ok('establishedOn', new Date(Date.UTC(2019, 6, 15)))).toBe('2019-07-15');
    expect(ok('establishedOn', new Date('2000-01-01T00:00:00Z'))).toBe('2000-01-01');
    expect(err('establishedOn', new Date('nope'))).toBe('日期无效');
  });

  it('refuses dates that do not exist', () => {
    expect(err('establishedOn', '2025-02-30')).toBe('日期 2025-02-30 不存在');
    expect(err('establishedOn', '2023-02-29')).toBe('日期 2023-02-29 不存在');
    expect(err('establishedOn', '2025-13-01')).toBe('日期 2025-13-01 不存在');
    expect(err('establishedOn', '2025-4-31')).toBe('日期 2025-04-31 不存在');
  });

  it('refuses other formats', () => {
    expect(err('establishedOn', '2025年1月1日')).toBe('日期格式应为 YYYY-MM-DD，实际为“2025年1月1日”');
    expect(err('establishedOn', 45000)).toBe('日期格式应为 YYYY-MM-DD，实际为“45000”');
    expect(err('establishedOn', '01-02-2025')).toContain('日期格式应为 YYYY-MM-DD');
  });
});

describe('是/否 column', () => {
  it('reads 是, 否 and booleans', () => {
    expect(ok('aboveScale', '是')).toBe(true);
    expect(ok('aboveScale', ' 否 ')).toBe(false);
    expect(ok('aboveScale', true)).toBe(true);
    expect(ok('aboveScale', false)).toBe(false);
  });

  it('refuses anything else', () => {
    for (const cell of ['Y', 'yes', '1', 1, '对']) expect(err('aboveScale', cell)).toBe('应为“是”或“否”');
  });
});

describe('choice columns', () => {
  it('accept the Chinese name or the code', () => {
    expect(ok('listingStage', '上市')).toBe('listed');
    expect(ok('listingStage', '未上市')).toBe('none');
    expect(ok('listingStage', 'tutoring')).toBe('tutoring');
    expect(ok('listingBoard', '科创板')).toBe('star');
    expect(ok('listingBoard', '港交所')).toBe('hkex');
    expect(ok('landTenure', '自有')).toBe('owned');
    expect(ok('floorTenure', ' 租赁 ')).toBe('rented');
    expect(ok('emergingIndustry', '新一代信息技术产业')).toBe('1');
    expect(ok('emergingIndustry', 9)).toBe('9');
  });

  it('refuse other values, listing the choices', () => {
    expect(err('landTenure', '租用')).toBe('应为 自有、租赁 之一');
    expect(err('listingStage', '已上市')).toBe('应为 未上市、辅导、申报、上市 之一');
    expect(err('emergingIndustry', '10')).toContain('应为 新一代信息技术产业、');
  });

  it('do not take inherited object properties for codes', () => {
    for (const key of choiceKeys) for (const cell of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) expect(err(key, cell)).toMatch(/^应为 /);
  });
});

describe('list columns', () => {
  it('split on ；, ;, 、 and line breaks, trimming and removing duplicates', () => {
    expect(ok('tags', '重点企业；总部企业;新入驻、外资企业\n科创板储备')).toEqual(['重点企业', '总部企业', '新入驻', '外资企业', '科创板储备']);
    expect(ok('formerNames', ' 甲公司 ；；乙公司； 甲公司')).toEqual(['甲公司', '乙公司']);
    expect(ok('tags', '；;、')).toEqual([]);
  });

  it('limit the number and the length of items', () => {
    expect(err('tags', Array.from({ length: 31 }, (_, i) => `t${i}`).join('；'))).toBe('最多 30 项');
    expect(ok('tags', Array.from({ length: 30 }, (_, i) => `t${i}`).join('；'))).toHaveLength(30);
    expect(err('formerNames', Array.from({ length: 21 }, (_, i) => `n${i}`).join('；'))).toBe('最多 20 项');
    expect(err('tags', `短；${'长'.repeat(21)}`)).toBe(`“${'长'.repeat(20)}”超过 20 个字符`);
  });
});

describe('industry column', () => {
  it('accepts 2–4 digit GB/T 4754-2017 codes, as text or number', () => {
    expect(ok('industryCode', '65')).toBe('65');
    expect(ok('industryCode', '6513')).toBe('6513');
    expect(ok('industryCode', 6513)).toBe('6513');
    expect(ok('industryCode', 1)).toBe('01');
    expect(ok('industryCode', '392')).toBe('392');
  });

  it('refuses unknown divisions, letters and other lengths', () => {
    expect(err('industryCode', '00')).toBe('“00”不是 GB/T 4754-2017 的 2–4 位行业代码');
    expect(err('industryCode', '98')).toBe('“98”不是 GB/T 4754-2017 的 2–4 位行业代码');
    expect(err('industryCode', 'I')).toBe('“I”不是 GB/T 4754-2017 的 2–4 位行业代码');
    expect(err('industryCode', '65131')).toBe('“65131”不是 GB/T 4754-2017 的 2–4 位行业代码');
    expect(err('industryCode', '软件')).toBe('“软件”不是 GB/T 4754-2017 的 2–4 位行业代码');
  });
});

describe('columnLetter', () => {
  it('numbers columns like a spreadsheet', () => {
    expect(columnLetter(1)).toBe('A');
    expect(columnLetter(2)).toBe('B');
    expect(columnLetter(26)).toBe('Z');
    expect(columnLetter(27)).toBe('AA');
    expect(columnLetter(52)).toBe('AZ');
    expect(columnLetter(53)).toBe('BA');
    expect(columnLetter(702)).toBe('ZZ');
    expect(columnLetter(703)).toBe('AAA');
  });
});

describe('sheetText', () => {
  // Values as the API holds them, several per column, each to be written and read back unchanged.
  const samples: Record<string, unknown[]> = {
    uscc: ['91110108551385082Q'],
    name: ['北京示例星辰科技有限公司（示例）', '=1+1 示例'],
    formerNames: [['北京示例星辰信息技术有限公司'], ['甲', '乙']],
    legalRepresentative: ['张示例'],
    registeredCapital: [0, 100, 1234.5678, 999_999_999_999.9999],
    establishedOn: ['2008-08-08', '2020-02-29'],
    movedInOn: ['2024-01-02'],
    registeredAddress: ['北京市海淀区示例路 1 号'],
    operatingAddress: ['北京市海淀区示例路 1 号 3 层'],
    park: ['海淀园'],
    industryCode: ['65', '6513', '0111'],
    emergingIndustry: emergingIndustries.map((e) => e.code),
    aboveScale: [true, false],
    listingStage: [...listingStages],
    listingBoard: [...listingBoards],
    ticker: ['688001', '00700'],
    headcount: [0, 1, 12_345],
    landArea: [0, 12_000.5, 33.25],
    landTenure: [...tenures],
    floorArea: [800, 1234.56],
    floorTenure: [...tenures],
    longitude: [116.298123, -0.5],
    latitude: [39.959, 40.000001],
    tags: [['重点企业'], ['重点企业', '新入驻']],
    contactName: ['李示例'],
    contactPhone: ['13900001234', '010-62000000'],
    serviceOfficer: ['demo_service_officer'],
  };

  it('has samples for every column', () => {
    expect(Object.keys(samples).sort()).toEqual(enterpriseColumns.map((c) => c.key).sort());
  });

  it.each(enterpriseColumns.map((c) => [c.key]))('is the inverse of the %s parser', (key) => {
    for (const value of samples[key]!) {
      const cell = sheetText(key, value);
      expect(cell, `${key} ${JSON.stringify(value)}`).not.toBeNull();
      expect(parse(key, cell), `${key} ${JSON.stringify(value)} → ${JSON.stringify(cell)}`).toEqual({ value });
    }
  });

  it('writes no value as an empty cell', () => {
    for (const c of enterpriseColumns) {
      expect(sheetText(c.key, null)).toBeNull();
      expect(sheetText(c.key, undefined)).toBeNull();
    }
    // An empty list is an empty cell, which reads back as "no value".
    expect(sheetText('tags', [])).toBeNull();
    expect(sheetText('formerNames', [])).toBeNull();
  });

  it('writes Chinese names for coded values', () => {
    expect(sheetText('aboveScale', true)).toBe('是');
    expect(sheetText('listingStage', 'filing')).toBe('申报');
    expect(sheetText('listingBoard', 'bse')).toBe('北交所');
    expect(sheetText('floorTenure', 'rented')).toBe('租赁');
    expect(sheetText('emergingIndustry', '8')).toBe('数字创意产业');
    expect(sheetText('tags', ['a', 'b'])).toBe('a；b');
    expect(sheetText('registeredCapital', 12.5)).toBe(12.5);
  });
});
