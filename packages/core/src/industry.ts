// GB/T 4754-2017 国民经济行业分类: 20 sections (门类 A–T) and 97 divisions (大类 01–97).
// Groups (中类, 3 digits) and classes (小类, 4 digits) are resolved to their division.

export interface IndustrySection {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface IndustryDivision {
  code: string;
  nameZh: string;
  section: string;
}

export interface IndustryMatch {
  section: IndustrySection;
  /** null when a section letter was looked up */
  division: IndustryDivision | null;
  /** the code as given, normalized (trimmed, upper-case, section letter prefix removed) */
  code: string;
}

export const industrySections: readonly IndustrySection[] = [
  { code: 'A', nameZh: '农、林、牧、渔业', nameEn: 'Agriculture, Forestry, Animal Husbandry and Fishery' },
  { code: 'B', nameZh: '采矿业', nameEn: 'Mining' },
  { code: 'C', nameZh: '制造业', nameEn: 'Manufacturing' },
  { code: 'D', nameZh: '电力、热力、燃气及水生产和供应业', nameEn: 'Production and Supply of Electricity, Heat, Gas and Water' },
  { code: 'E', nameZh: '建筑业', nameEn: 'Construction' },
  { code: 'F', nameZh: '批发和零售业', nameEn: 'Wholesale and Retail Trade' },
  { code: 'G', nameZh: '交通运输、仓储和邮政业', nameEn: 'Transport, Storage and Postal Services' },
  { code: 'H', nameZh: '住宿和餐饮业', nameEn: 'Accommodation and Catering' },
  { code: 'I', nameZh: '信息传输、软件和信息技术服务业', nameEn: 'Information Transmission, Software and Information Technology Services' },
  { code: 'J', nameZh: '金融业', nameEn: 'Finance' },
  { code: 'K', nameZh: '房地产业', nameEn: 'Real Estate' },
  { code: 'L', nameZh: '租赁和商务服务业', nameEn: 'Leasing and Business Services' },
  { code: 'M', nameZh: '科学研究和技术服务业', nameEn: 'Scientific Research and Technical Services' },
  { code: 'N', nameZh: '水利、环境和公共设施管理业', nameEn: 'Management of Water Conservancy, Environment and Public Facilities' },
  { code: 'O', nameZh: '居民服务、修理和其他服务业', nameEn: 'Resident Services, Repair and Other Services' },
  { code: 'P', nameZh: '教育', nameEn: 'Education' },
  { code: 'Q', nameZh: '卫生和社会工作', nameEn: 'Health and Social Work' },
  { code: 'R', nameZh: '文化、体育和娱乐业', nameEn: 'Culture, Sports and Entertainment' },
  { code: 'S', nameZh: '公共管理、社会保障和社会组织', nameEn: 'Public Administration, Social Security and Social Organizations' },
  { code: 'T', nameZh: '国际组织', nameEn: 'International Organizations' },
];

// [section, first division, names of its divisions in order]
const LAYOUT: ReadonlyArray<readonly [string, number, readonly string[]]> = [
  ['A', 1, ['农业', '林业', '畜牧业', '渔业', '农、林、牧、渔专业及辅助性活动']],
  [
    'B',
    6,
    ['煤炭开采和洗选业', '石油和天然气开采业', '黑色金属矿采选业', '有色金属矿采选业', '非金属矿采选业', '开采专业及辅助性活动', '其他采矿业'],
  ],
  [
    'C',
    13,
    [
      '农副食品加工业',
      '食品制造业',
      '酒、饮料和精制茶制造业',
      '烟草制品业',
      '纺织业',
      '纺织服装、服饰业',
      '皮革、毛皮、羽毛及其制品和制鞋业',
      '木材加工和木、竹、藤、棕、草制品业',
      '家具制造业',
      '造纸和纸制品业',
      '印刷和记录媒介复制业',
      '文教、工美、体育和娱乐用品制造业',
      '石油、煤炭及其他燃料加工业',
      '化学原料和化学制品制造业',
      '医药制造业',
      '化学纤维制造业',
      '橡胶和塑料制品业',
      '非金属矿物制品业',
      '黑色金属冶炼和压延加工业',
      '有色金属冶炼和压延加工业',
      '金属制品业',
      '通用设备制造业',
      '专用设备制造业',
      '汽车制造业',
      '铁路、船舶、航空航天和其他运输设备制造业',
      '电气机械和器材制造业',
      '计算机、通信和其他电子设备制造业',
      '仪器仪表制造业',
      '其他制造业',
      '废弃资源综合利用业',
      '金属制品、机械和设备修理业',
    ],
  ],
  ['D', 44, ['电力、热力生产和供应业', '燃气生产和供应业', '水的生产和供应业']],
  ['E', 47, ['房屋建筑业', '土木工程建筑业', '建筑安装业', '建筑装饰、装修和其他建筑业']],
  ['F', 51, ['批发业', '零售业']],
  [
    'G',
    53,
    ['铁路运输业', '道路运输业', '水上运输业', '航空运输业', '管道运输业', '多式联运和运输代理业', '装卸搬运和仓储业', '邮政业'],
  ],
  ['H', 61, ['住宿业', '餐饮业']],
  ['I', 63, ['电信、广播电视和卫星传输服务', '互联网和相关服务', '软件和信息技术服务业']],
  ['J', 66, ['货币金融服务', '资本市场服务', '保险业', '其他金融业']],
  ['K', 70, ['房地产业']],
  ['L', 71, ['租赁业', '商务服务业']],
  ['M', 73, ['研究和试验发展', '专业技术服务业', '科技推广和应用服务业']],
  ['N', 76, ['水利管理业', '生态保护和环境治理业', '公共设施管理业', '土地管理业']],
  ['O', 80, ['居民服务业', '机动车、电子产品和日用产品修理业', '其他服务业']],
  ['P', 83, ['教育']],
  ['Q', 84, ['卫生', '社会工作']],
  ['R', 86, ['新闻和出版业', '广播、电视、电影和录音制作业', '文化艺术业', '体育', '娱乐业']],
  [
    'S',
    91,
    ['中国共产党机关', '国家机构', '人民政协、民主党派', '社会保障', '群众团体、社会团体和其他成员组织', '基层群众自治组织及其他组织'],
  ],
  ['T', 97, ['国际组织']],
];

export const industryDivisions: readonly IndustryDivision[] = LAYOUT.flatMap(([section, first, names]) =>
  names.map((nameZh, i) => ({ code: String(first + i).padStart(2, '0'), nameZh, section })),
);

const sectionByCode = new Map(industrySections.map((s) => [s.code, s]));
const divisionByCode = new Map(industryDivisions.map((d) => [d.code, d]));

/** Section letter of a division code ('39' → 'C'); longer codes use their first two digits. */
export function sectionOfDivision(code: string): string | null {
  const digits = String(code ?? '').trim();
  if (!/^\d{2}/.test(digits)) return null;
  return divisionByCode.get(digits.slice(0, 2))?.section ?? null;
}

/**
 * Resolve 'C', '39', '391', '3911' (or 'C3911') to its section and division.
 * Returns null for unknown or malformed codes. Only the division is checked for longer codes:
 * groups and classes are not catalogued here.
 */
export function findIndustry(code: string): IndustryMatch | null {
  let s = String(code ?? '')
    .trim()
    .toUpperCase();
  if (/^[A-T]$/.test(s)) {
    const section = sectionByCode.get(s);
    return section ? { section, division: null, code: s } : null;
  }
  const prefixed = /^([A-T])(\d{2,4})$/.exec(s);
  if (prefixed) s = prefixed[2]!;
  if (!/^\d{2,4}$/.test(s)) return null;
  const division = divisionByCode.get(s.slice(0, 2));
  if (!division) return null;
  if (prefixed && prefixed[1] !== division.section) return null;
  const section = sectionByCode.get(division.section)!;
  return { section, division, code: s };
}
