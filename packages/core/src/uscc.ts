// Unified Social Credit Code (统一社会信用代码), GB 32100-2015.
// Layout: 1 registration authority | 2 entity type | 3–8 administrative division (GB/T 2260)
//         | 9–17 organisation code (GB 11714) | 18 check digit (mod 31).

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ORG_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface UsccError {
  /** UPPER_SNAKE: LENGTH, INVALID_CHAR, CHECK_DIGIT, REGISTRATION_AUTHORITY, ENTITY_TYPE, DIVISION, EMPTY */
  code: string;
  /** 1-based character position, when the problem is at one place */
  position?: number;
  message: string;
  expected?: string;
}

export interface UsccParts {
  /** normalized code (trimmed, upper-case) */
  code: string;
  registrationAuthority: string;
  registrationAuthorityName: string | null;
  entityType: string;
  entityTypeName: string | null;
  divisionCode: string;
  provinceCode: string;
  provinceName: string | null;
  organizationCode: string;
  /** GB 11714 check of positions 9–17; informational only, never makes the USCC invalid */
  organizationCodeCheckValid: boolean;
  checkDigit: string;
  expectedCheckDigit: string | null;
}

export interface UsccResult {
  valid: boolean;
  errors: UsccError[];
  parts: UsccParts | null;
}

interface Authority {
  name: string;
  types: Record<string, string>;
}

/** Position 1 (登记管理部门) and position 2 (机构类别), GB 32100-2015 appendix A. */
export const USCC_AUTHORITIES: Readonly<Record<string, Authority>> = {
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商（市场监管）', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', types: { '1': '其他' } },
};

/** First two digits of a GB/T 2260 division code; '10' is used for national-level (中央) registrations. */
export const DIVISION_PROVINCES: Readonly<Record<string, string>> = {
  '10': '国家级',
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
};

/** Check digit (position 18) for the first 17 characters; throws on bad input. */
export function usccCheckDigit(first17: string): string {
  const s = first17.trim().toUpperCase();
  if (s.length !== 17) throw new RangeError(`计算校验码需要 17 位字符，实际为 ${s.length} 位`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(s.charAt(i));
    if (v < 0) throw new RangeError(`第${i + 1}位字符“${s.charAt(i)}”不是统一社会信用代码允许的字符`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 organisation code check digit for 8 body characters, or null if a character is not 0-9A-Z. */
export function organizationCodeCheckDigit(body8: string): string | null {
  if (body8.length !== 8) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = ORG_CHARSET.indexOf(body8.charAt(i));
    if (v < 0) return null;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function describeChar(ch: string): string {
  if (ch === ' ') return '空格';
  return `“${ch}”`;
}

function excludedHint(ch: string): string {
  return 'IOZSV'.includes(ch) ? '（字母 I、O、Z、S、V 不用于统一社会信用代码）' : '';
}

export function validateUscc(input: string): UsccResult {
  const code = String(input ?? '')
    .trim()
    .toUpperCase();
  const errors: UsccError[] = [];

  if (code.length === 0) {
    return { valid: false, errors: [{ code: 'EMPTY', message: '统一社会信用代码不能为空' }], parts: null };
  }
  const chars = Array.from(code);
  if (chars.length !== 18) {
    errors.push({
      code: 'LENGTH',
      message: `统一社会信用代码应为 18 位，实际为 ${chars.length} 位`,
      expected: '18',
    });
  }

  chars.forEach((ch, i) => {
    if (!USCC_CHARSET.includes(ch)) {
      errors.push({
        code: 'INVALID_CHAR',
        position: i + 1,
        message: `第${i + 1}位字符${describeChar(ch)}无效${excludedHint(ch)}`,
      });
    }
  });
  if (errors.length > 0) return { valid: false, errors, parts: null };

  // From here: exactly 18 characters from the charset.
  const authority = code.charAt(0);
  const entityType = code.charAt(1);
  const divisionCode = code.slice(2, 8);
  const organizationCode = code.slice(8, 17);
  const checkDigit = code.charAt(17);
  const auth = USCC_AUTHORITIES[authority];
  const typeName = auth?.types[entityType] ?? null;

  if (!auth) {
    errors.push({
      code: 'REGISTRATION_AUTHORITY',
      position: 1,
      message: `第1位登记管理部门代码“${authority}”不存在`,
      expected: Object.keys(USCC_AUTHORITIES).join(''),
    });
  } else if (!typeName) {
    errors.push({
      code: 'ENTITY_TYPE',
      position: 2,
      message: `第2位机构类别代码“${entityType}”对登记管理部门“${auth.name}”无效`,
      expected: Object.keys(auth.types).join(''),
    });
  }

  const provinceCode = divisionCode.slice(0, 2);
  const provinceName = DIVISION_PROVINCES[provinceCode] ?? null;
  const nonDigit = Array.from(divisionCode).findIndex((c) => c < '0' || c > '9');
  if (nonDigit >= 0) {
    errors.push({
      code: 'DIVISION',
      position: 3 + nonDigit,
      message: `第3–8位应为 6 位数字行政区划码，第${3 + nonDigit}位为“${divisionCode.charAt(nonDigit)}”`,
    });
  } else if (!provinceName) {
    errors.push({
      code: 'DIVISION',
      position: 3,
      message: `第3–8位行政区划码“${divisionCode}”的省级代码“${provinceCode}”不存在`,
    });
  }

  const expectedCheckDigit = usccCheckDigit(code.slice(0, 17));
  if (expectedCheckDigit !== checkDigit) {
    errors.push({
      code: 'CHECK_DIGIT',
      position: 18,
      message: `第18位校验码应为 ${expectedCheckDigit}，实际为 ${checkDigit}`,
      expected: expectedCheckDigit,
    });
  }

  const orgCheck = organizationCodeCheckDigit(organizationCode.slice(0, 8));
  const parts: UsccParts = {
    code,
    registrationAuthority: authority,
    registrationAuthorityName: auth?.name ?? null,
    entityType,
    entityTypeName: typeName,
    divisionCode,
    provinceCode,
    provinceName,
    organizationCode,
    organizationCodeCheckValid: orgCheck !== null && orgCheck === organizationCode.charAt(8),
    checkDigit,
    expectedCheckDigit,
  };
  return { valid: errors.length === 0, errors, parts };
}

export function isValidUscc(code: string): boolean {
  return validateUscc(code).valid;
}
