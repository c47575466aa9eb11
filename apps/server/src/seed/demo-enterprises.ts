// Synthetic enterprises for the demo zone and the benchmarks. Pure and deterministic: the same
// options give the same records. Every name carries 示例, every USCC has a valid check digit and
// an organisation code that no real enterprise holds (a scrambled serial number, see usccFor).
import {
  addDays,
  addYears,
  applyStatusEvent,
  daysBetween,
  defaultQualificationKinds,
  enterpriseNameKey,
  organizationCodeCheckDigit,
  sectionOfDivision,
  usccCheckDigit,
  USCC_CHARSET,
  type EnterpriseStatus,
  type ListingBoard,
  type StatusEventKind,
} from '@zhiyuan/core';
import type { enterprises, qualifications, statusEvents } from '../modules/enterprises/enterprises.tables';
import { demoSubParks } from './zhongguancun';

export type DemoPark = { id: string; code: string; district: string; center: [number, number]; areaKm2?: number };
/** A contact before encryption: the seed encrypts `phone` into phoneEnc. */
export type DemoContact = { name: string; title: string | null; phone: string | null; email: string | null; primary: boolean };
export type DemoQualification = Required<Omit<typeof qualifications.$inferInsert, 'id' | 'enterpriseId' | 'createdAt' | 'updatedAt'>>;
export type DemoStatusEvent = Required<Omit<typeof statusEvents.$inferInsert, 'id' | 'enterpriseId' | 'createdAt' | 'actorId'>>;
export type DemoEnterprise = Required<Omit<typeof enterprises.$inferInsert, 'id' | 'searchGrams' | 'contacts' | 'createdAt' | 'updatedAt'>> & {
  contacts: DemoContact[];
  qualifications: DemoQualification[];
  /** Status history, oldest first; the last one gives status and statusSince. */
  events: DemoStatusEvent[];
};

export type DemoOptions = {
  count: number;
  seed: number;
  parks: DemoPark[];
  /** YYYY-MM-DD: dates (establishment, moves, validity) are laid out relative to it. */
  today: string;
  /**
   * Serial number of the first record (default 0). USCCs are unique across calls whose serial
   * ranges do not overlap. When given, every name carries its serial too (names unique across calls).
   */
  serialBase?: number;
};

/** A small fast seeded PRNG (mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** GB/T 2260 codes of Beijing's districts. */
export const beijingDivisionCodes: Readonly<Record<string, string>> = {
  东城区: '110101',
  西城区: '110102',
  朝阳区: '110105',
  丰台区: '110106',
  石景山区: '110107',
  海淀区: '110108',
  门头沟区: '110109',
  房山区: '110111',
  通州区: '110112',
  顺义区: '110113',
  昌平区: '110114',
  大兴区: '110115',
  怀柔区: '110116',
  平谷区: '110117',
  密云区: '110118',
  延庆区: '110119',
};
export const divisionOfDistrict = (district: string) => beijingDivisionCodes[district] ?? beijingDivisionCodes[`${district}区`] ?? '110000';
const urbanDistricts = new Set(['东城区', '西城区', '海淀区', '朝阳区']);

/** Destinations of enterprises that moved out. */
export const demoDestinations = ['天津市滨海新区', '河北省雄安新区', '上海市浦东新区', '江苏省苏州工业园区', '广东省深圳市南山区', '浙江省杭州市余杭区', '河北省廊坊市', '北京经济技术开发区'];
export const demoTags = ['重点企业', '总部企业', '外资企业', '新入驻', '科创板储备', '孵化企业'] as const;

// GB/T 4754-2017 classes of a Zhongguancun-like zone: [class code, weight, emerging industry, words used in names].
type IndustryEntry = readonly [code: string, weight: number, emerging: string | null, words: readonly string[]];
const industries: readonly IndustryEntry[] = [
  // I 信息传输、软件和信息技术服务业: the largest share.
  ['6513', 10, '1', ['软件', '科技', '信息技术']],
  ['6511', 2, '1', ['软件', '科技']],
  ['6512', 2, '1', ['软件', '技术']],
  ['6520', 3, '1', ['微电子', '芯片科技', '集成电路设计']],
  ['6531', 5, '1', ['信息技术', '系统集成', '科技']],
  ['6532', 2, '1', ['物联网科技', '智联科技']],
  ['6540', 1.5, '1', ['信息技术', '运维科技']],
  ['6550', 2, '1', ['数据科技', '云计算科技']],
  ['6560', 2.5, '1', ['信息咨询', '科技']],
  ['6571', 0.8, '1', ['遥感科技', '空间信息技术']],
  ['6572', 1.2, '8', ['动漫', '互动娱乐', '游戏科技']],
  ['6579', 0.8, '8', ['数字科技', '数字内容']],
  ['6599', 1.5, '1', ['信息技术', '科技']],
  ['6429', 1.5, '1', ['网络科技', '信息服务']],
  ['6431', 0.8, '1', ['网络科技', '云科技']],
  ['6432', 0.8, '1', ['网络科技', '互联网科技']],
  ['6440', 1, '1', ['网络安全', '信息安全技术']],
  ['6450', 1.2, '1', ['数据技术', '大数据科技']],
  ['6319', 0.6, '1', ['通信技术', '通信科技']],
  // M 科学研究和技术服务业.
  ['7320', 3.5, '9', ['科技', '技术研究', '工程技术']],
  ['7310', 1, '9', ['科技', '科学技术']],
  ['7340', 2, '4', ['医药科技', '生物技术', '医学科技']],
  ['7452', 1.5, '9', ['检测技术', '检测认证']],
  ['7484', 1, null, ['工程设计', '建筑设计']],
  ['7491', 0.8, '9', ['工业设计', '设计']],
  ['7441', 0.5, '9', ['测绘科技', '遥感技术']],
  ['7512', 1, '4', ['生物科技', '生物技术']],
  ['7513', 1, '3', ['新材料科技', '材料技术']],
  ['7514', 0.8, '7', ['节能科技', '能源技术']],
  ['7515', 0.8, '6', ['新能源科技', '光伏科技']],
  ['7516', 0.8, '7', ['环保科技', '环境技术']],
  ['7519', 1.2, '9', ['科技发展', '技术服务']],
  ['7520', 0.6, '9', ['知识产权代理', '知识产权服务']],
  ['7530', 0.6, '9', ['科技咨询', '技术转移']],
  ['7540', 0.6, '9', ['科技孵化器', '创业服务']],
  // C 制造业 (more in the outer districts, see industryWeight).
  ['2661', 0.6, '3', ['化学科技', '新材料']],
  ['2669', 0.4, '3', ['新材料', '化工科技']],
  ['2720', 0.8, '4', ['制药', '医药']],
  ['2761', 1, '4', ['生物制药', '生物医药']],
  ['2762', 0.5, '4', ['生物技术', '疫苗科技']],
  ['3491', 0.8, '2', ['机器人', '智能装备']],
  ['3493', 0.3, '2', ['增材制造', '三维打印科技']],
  ['3581', 1.2, '4', ['医疗器械', '医疗科技']],
  ['3562', 0.6, '1', ['半导体设备', '微电子装备']],
  ['3841', 0.5, '5', ['电池科技', '新能源']],
  ['3825', 0.4, '6', ['光伏科技', '新能源']],
  ['3824', 0.4, '1', ['电力电子', '电气']],
  ['3911', 0.5, '1', ['计算机', '电子']],
  ['3914', 0.5, '1', ['工控科技', '自动化']],
  ['3921', 0.8, '1', ['通信设备', '通信技术']],
  ['3963', 0.4, '2', ['无人机', '航空科技']],
  ['3973', 0.5, '1', ['集成电路', '半导体']],
  ['3976', 0.5, '1', ['光电科技', '光电子']],
  ['3983', 0.6, '1', ['传感技术', '传感科技']],
  ['4011', 0.8, '2', ['自动化', '测控技术']],
  ['4014', 0.6, '2', ['仪器', '分析仪器']],
  ['4021', 0.4, '7', ['环境监测', '仪器仪表']],
  ['4028', 0.4, '2', ['电子测量', '测试技术']],
  ['4040', 0.3, '2', ['光学仪器', '光学科技']],
  // F 批发业.
  ['5176', 4, null, ['商贸', '科贸']],
  ['5177', 1.5, null, ['通讯器材', '商贸']],
  ['5179', 2, null, ['电子科贸', '机电设备']],
  ['5154', 1, null, ['医疗器械', '医疗设备']],
  // L 租赁和商务服务业.
  ['7211', 1, null, ['控股', '企业管理']],
  ['7212', 2, null, ['投资管理', '资产管理']],
  ['7221', 0.6, null, ['科技园管理', '园区运营']],
  ['7224', 0.8, null, ['供应链管理']],
  ['7243', 2, null, ['咨询', '管理咨询']],
  ['7251', 1.2, '8', ['广告', '数字营销']],
  ['7269', 1, null, ['人力资源', '人才服务']],
  ['7281', 0.5, null, ['会展服务', '展览']],
  // J 金融业 (small).
  ['6940', 1.2, '9', ['金融信息服务', '金融科技']],
  ['6930', 0.5, null, ['支付科技', '支付服务']],
  ['6760', 1, null, ['创业投资', '股权投资']],
  ['6712', 0.3, null, ['私募基金管理', '基金管理']],
  // R 文化、体育和娱乐业 (small).
  ['8626', 1, '8', ['数字出版', '数字传媒']],
  ['8730', 1.2, '8', ['影视', '文化传媒']],
  ['8770', 0.3, '8', ['音乐', '声音科技']],
  ['8810', 0.5, null, ['文化艺术', '文化传媒']],
];

// Trade names (字号): two characters, one from each list; a few real brands are left out.
const firstChars = '星云智博汇恒华启泰瑞明嘉鼎安宏睿卓远正信思创锐新凌晟澜青晨天海峰鸿航联元景和越弘';
const secondChars = '辰帆源达图维微拓数芯算语途境衡川宇策盛桥谷原石光驰翼极舟岳澄然象道行朗格';
const realBrands = new Set(['华为', '海光', '联通', '星网', '天宇', '信达', '汇源', '新浪', '华图', '明源', '博达', '远光', '正元', '中芯']);
const tradeNames = [...firstChars].flatMap((a) => [...secondChars].map((b) => a + b)).filter((n) => !realBrands.has(n));
const instituteWords = ['科学技术', '新材料', '人工智能', '生物医学', '智能制造'];

const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const givenNames = ['建国', '志强', '海燕', '明', '晓东', '丽娜', '伟', '静', '磊', '敏', '军', '洋', '艳', '勇', '杰', '娟', '涛', '超', '秀英', '华', '鹏', '婷', '宇', '博文', '思远', '雨桐', '子涵', '浩然', '欣怡', '一鸣'];
const contactTitles = ['总经理', '行政主管', '办公室主任', '财务负责人', '统计员', '董事会秘书', '综合部经理'];
const roads = ['示例路', '示例大街', '示例东路', '示例西路', '示例南路', '示例北路', '创新示例路', '科技示例路'];
const relocatingNotes = ['企业反映办公成本上升，拟迁往外省市', '集团总部整合，拟迁出', '扩产用地不足，正与外地洽谈', null];
const deregisteredNotes = ['经营期满注销', '股东决议解散', '吸收合并后注销', null];

const issuers: Record<string, string> = {
  hnte: '北京市科学技术委员会、北京市财政局、国家税务总局北京市税务局',
  zgc_hnte: '中关村科技园区管理委员会',
  srdi_sme: '北京市经济和信息化局',
  little_giant: '工业和信息化部',
  innovative_sme: '北京市经济和信息化局',
  gazelle: '中关村科技园区管理委员会',
  unicorn: '中关村科技园区管理委员会',
  tech_sme: '北京市科学技术委员会、中关村科技园区管理委员会',
  atse: '北京市科学技术委员会、北京市商务局',
  tech_center: '北京市经济和信息化局',
};
const validityOf = new Map<string, number | null>(defaultQualificationKinds.map((k) => [k.code, k.validityYears]));

const ORG_SPACE = 31 ** 6;
/** Positions 9–17: 'MA' (or 'MJ') + six characters of a scrambled serial + the GB 11714 check character. */
function organisationCode(serial: number, prefix: 'MA' | 'MJ'): string {
  // An affine map modulo 31⁶ with a multiplier prime to 31 is a bijection: distinct serials, distinct codes.
  let x = (serial * 1_000_003 + 7_777_777) % ORG_SPACE;
  let body = '';
  for (let i = 0; i < 6; i++, x = Math.floor(x / 31)) body = USCC_CHARSET.charAt(x % 31) + body;
  const body8 = prefix + body;
  return body8 + organizationCodeCheckDigit(body8)!;
}

/** A USCC for the serial: 91 (工商, 企业) or 52 (民政, 民办非企业单位), the district, the organisation code, the check digit. */
export function usccFor(serial: number, division: string, kind: '91' | '52' = '91'): string {
  const first17 = kind + division + organisationCode(serial, kind === '91' ? 'MA' : 'MJ');
  return first17 + usccCheckDigit(first17);
}

export function generateDemoEnterprises(opts: DemoOptions): DemoEnterprise[] {
  const rnd = mulberry32(opts.seed);
  const uniform = (min: number, max: number) => min + (max - min) * rnd();
  const int = (min: number, max: number) => Math.floor(uniform(min, max + 1));
  const chance = (p: number) => rnd() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const logNormal = (median: number, sigma: number) => median * Math.exp(sigma * normal());
  const weighted = <T>(items: readonly T[], weight: (t: T) => number) => {
    const cumulative: number[] = [];
    let total = 0;
    for (const it of items) cumulative.push((total += weight(it)));
    return () => {
      const r = rnd() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > r) hi = mid;
        else lo = mid + 1;
      }
      return items[lo]!;
    };
  };
  const person = () => surnames.charAt(Math.floor(rnd() * surnames.length)) + pick(givenNames);

  if (opts.parks.length === 0) throw new Error('generateDemoEnterprises needs at least one park');
  const areaOf = (p: DemoPark) => p.areaKm2 ?? demoSubParks.find((d) => d.code === p.code)?.areaKm2 ?? 20;
  const pickPark = weighted(opts.parks, areaOf);
  const industryPickers = new Map<boolean, () => IndustryEntry>();
  // Manufacturing sits mostly in the outer districts; the inner ones are offices.
  for (const urban of [true, false]) industryPickers.set(urban, weighted(industries, ([code, w]) => (sectionOfDivision(code) === 'C' ? w * (urban ? 0.4 : 1.3) : w)));

  const today = opts.today;
  const serialBase = opts.serialBase;
  const usedCores = new Set<string>();
  const usedTickers = new Set<string>();
  const out: DemoEnterprise[] = [];

  for (let i = 0; i < opts.count; i++) {
    const serial = (serialBase ?? 0) + i;
    const park = pickPark();
    const division = divisionOfDistrict(park.district);
    const district = park.district.endsWith('区') ? park.district : `${park.district}区`;
    const urban = urbanDistricts.has(district);
    const [industryCode, , emergingCode, words] = industryPickers.get(urban)!();
    const section = sectionOfDivision(industryCode)!;
    const research = industryCode === '7310' || industryCode === '7320';
    const institute = research && chance(0.15); // 民办非企业单位: a private research institute

    // Size first: above-scale enterprises are bigger, listed ones bigger still.
    const aboveScale = !institute && chance(0.12);
    const listingRoll = institute ? 1 : rnd();
    const listingStage = listingRoll < 0.02 ? 'listed' : listingRoll < 0.03 ? 'filing' : listingRoll < 0.04 ? 'tutoring' : 'none';
    const big = aboveScale || listingStage === 'listed';
    const headcount = Math.max(1, Math.min(50_000, Math.round(logNormal(listingStage === 'listed' ? 600 : aboveScale ? 150 : 18, big ? 0.9 : 1.0))));
    const capital = logNormal(listingStage === 'listed' ? 30_000 : aboveScale ? 3_000 : institute ? 50 : 200, 1.2);
    const registeredCapital = Math.min(10_000_000, Math.max(1, chance(0.85) ? niceRound(capital) : Number(capital.toFixed(4))));

    // Name: 北京示例<字号><行业词><组织形式>（示例）, unique by 字号 + 行业词.
    const word = institute ? pick(instituteWords) : pick(words);
    const form = institute ? '研究院' : listingStage !== 'none' || chance(0.08) ? '股份有限公司' : chance(0.05) ? '有限责任公司' : '有限公司';
    let core = '';
    for (let attempt = 0; attempt < 12 && !core; attempt++) {
      const candidate = pick(tradeNames) + word;
      if (serialBase !== undefined || !usedCores.has(candidate)) core = candidate;
    }
    const marker = serialBase !== undefined || !core ? `（示例${serial}）` : '（示例）';
    if (!core) core = pick(tradeNames) + word;
    usedCores.add(core);
    const name = `北京示例${core}${form}${marker}`;
    const formerNames = chance(0.08) ? [`北京示例${pick(tradeNames)}${pick(words)}有限公司（示例）`] : [];

    // Dates: established up to 30 years ago (most within the last 15), moved in on or after that.
    const ageDays = Math.min(30 * 365, Math.max(30, Math.round(-Math.log(1 - rnd()) * 7 * 365)));
    const establishedOn = addDays(today, -ageDays);
    const movedInOn = chance(0.6) ? addDays(establishedOn, Math.min(ageDays, int(0, 60))) : addDays(establishedOn, int(0, ageDays));
    const events = statusHistory(movedInOn);
    const last = events[events.length - 1]!;
    let status: EnterpriseStatus | null = null;
    for (const e of events) {
      const r = applyStatusEvent(status, e.kind as StatusEventKind);
      if ('error' in r) throw new Error(`demo status history: ${r.error}`);
      status = r.status;
    }

    // Listing.
    let listingBoard: ListingBoard | null = null;
    let ticker: string | null = null;
    if (listingStage === 'listed') {
      listingBoard = pick(['star', 'star', 'star', 'chinext', 'chinext', 'sse_main', 'bse', 'hkex', 'hkex'] as const);
      ticker = uniqueTicker(listingBoard);
    } else if (listingStage !== 'none') listingBoard = chance(0.7) ? 'star' : pick(['chinext', 'bse'] as const);

    // Premises: most rent floor space; few own land (manufacturers in the outer districts).
    const manufacturing = section === 'C';
    const floorArea = round2(Math.max(30, headcount * uniform(12, 35)));
    const landRoll = rnd();
    const landTenure = manufacturing && !urban ? (landRoll < 0.3 ? 'owned' : landRoll < 0.4 ? 'rented' : null) : landRoll < 0.02 ? 'owned' : null;
    const landArea = landTenure ? round2(Math.max(2_000, floorArea * uniform(0.6, 2.5))) : null;
    const floorTenure = landTenure === 'owned' || chance(0.08) ? 'owned' : 'rented';

    // Within ~3 km of the park's centre.
    const [lon0, lat0] = park.center;
    const r = 3_000 * Math.sqrt(rnd());
    const theta = 2 * Math.PI * rnd();
    const lat = round6(lat0 + (r * Math.cos(theta)) / 111_320);
    const lon = round6(lon0 + (r * Math.sin(theta)) / (111_320 * Math.cos((lat0 * Math.PI) / 180)));

    const registeredAddress = `北京市${district}${pick(roads)}${int(1, 199)}号${int(1, 12)}层${int(101, 1299)}室`;
    const operatingAddress = chance(0.7) ? registeredAddress : `北京市${district}${pick(roads)}${int(1, 199)}号院${int(1, 20)}号楼`;

    const contacts: DemoContact[] = [{ name: person(), title: pick(contactTitles), phone: fakeMobile(), email: `contact${serial}@example.com`, primary: true }];
    if (chance(0.5)) contacts.push({ name: person(), title: pick(['财务负责人', '统计员', '行政主管']), phone: chance(0.8) ? fakeMobile() : null, email: chance(0.6) ? `contact${serial}.2@example.com` : null, primary: false });

    const quals = status === 'active' || status === 'relocating' ? qualificationsFor(section, industryCode, headcount, big, establishedOn) : lapsedQualifications(section, establishedOn, last.on);

    const tags: string[] = [];
    if (big ? chance(0.4) : chance(0.03)) tags.push('重点企业');
    if (industryCode === '7211' || (aboveScale && chance(0.05))) tags.push('总部企业');
    if (chance(0.05)) tags.push('外资企业');
    if (daysBetween(movedInOn, today) <= 365 && events.length === 1) tags.push('新入驻');
    if (listingStage === 'tutoring' || listingStage === 'filing' || (quals.some((q) => q.kind === 'hnte') && chance(0.02))) tags.push('科创板储备');
    if (ageDays <= 3 * 365 && headcount < 50 && chance(0.15)) tags.push('孵化企业');

    out.push({
      uscc: usccFor(serial, division, institute ? '52' : '91'),
      name,
      nameKey: enterpriseNameKey(name),
      formerNames,
      legalRepresentative: person(),
      registeredCapital,
      establishedOn,
      registeredAddress,
      operatingAddress,
      parkId: park.id,
      industryCode,
      industrySection: section,
      emergingIndustry: emergingCode && chance(0.8) ? emergingCode : null,
      aboveScale,
      listingStage,
      listingBoard,
      ticker,
      headcount,
      landArea,
      landTenure,
      floorArea,
      floorTenure,
      lon,
      lat,
      contacts,
      serviceOfficerId: null,
      tags,
      status: status!,
      statusSince: last.on,
      qualifications: quals,
      events,
    });
  }
  return out;

  function statusHistory(movedInOn: string): DemoStatusEvent[] {
    const event = (kind: StatusEventKind, on: string, destination: string | null = null, note: string | null = null): DemoStatusEvent => ({ kind, on, destination, note, actorName: null });
    const span = Math.max(0, daysBetween(movedInOn, today));
    const after = (from: string, maxDays: number) => addDays(from, Math.min(Math.max(0, daysBetween(from, today)), int(0, maxDays)));
    const events = [event('moved_in', movedInOn)];
    const roll = rnd();
    if (roll < 0.01) {
      events.push(event('deregistered', addDays(movedInOn, int(0, span)), null, pick(deregisteredNotes)));
    } else if (roll < 0.04) {
      let from = movedInOn;
      if (chance(0.5)) {
        from = addDays(movedInOn, int(0, span));
        events.push(event('relocating', from, null, pick(relocatingNotes)));
      }
      events.push(event('moved_out', after(from, 240), pick(demoDestinations)));
    } else if (roll < 0.06) {
      events.push(event('relocating', addDays(today, -Math.min(span, int(0, 200))), null, pick(relocatingNotes)));
    } else if (roll < 0.07) {
      const from = addDays(movedInOn, int(0, span));
      events.push(event('relocating', from, null, pick(relocatingNotes)));
      events.push(event('retained', after(from, 120), null, '经协调解决用房需求，企业留住'));
    }
    return events;
  }

  /** A ticker not used yet in this call (boards have 1,000–10,000 codes: a few tries, then a repeat is accepted). */
  function uniqueTicker(board: ListingBoard): string {
    for (let attempt = 0; ; attempt++) {
      const t =
        board === 'star'
          ? `688${pad(int(0, 999), 3)}`
          : board === 'chinext'
            ? `30${pick(['0', '1'])}${pad(int(0, 999), 3)}`
            : board === 'sse_main'
              ? `60${pick(['0', '1', '3', '5'])}${pad(int(0, 999), 3)}`
              : board === 'bse'
                ? `${pick(['83', '87', '92'])}${pad(int(0, 9999), 4)}`
                : `0${pad(int(1, 9999), 4)}`; // 港交所: five digits
      if (!usedTickers.has(t) || attempt >= 20) {
        usedTickers.add(t);
        return t;
      }
    }
  }

  function fakeMobile() {
    return `1390000${pad(int(0, 9999), 4)}`;
  }

  function qualification(kind: string, establishedOn: string, expiring: boolean): DemoQualification | null {
    const years = validityOf.get(kind) ?? null;
    const certificate = (from: string) => certificateNo(kind, from);
    if (years === null) {
      const validFrom = addDays(establishedOn, int(0, Math.max(0, daysBetween(establishedOn, today))));
      return { kind, certificateNo: certificate(validFrom), issuer: issuers[kind] ?? null, validFrom, validTo: null, reviews: [], note: null };
    }
    // Valid today: the certificate expires in [0, 90) days (expiring) or later within its term.
    const daysLeft = expiring ? int(0, 89) : int(90, years * 365 - 1);
    let validTo = addDays(today, daysLeft);
    let validFrom = addDays(addYears(validTo, -years), 1);
    if (validFrom < establishedOn) {
      if (expiring) return null;
      validFrom = addDays(establishedOn, int(0, Math.max(0, daysBetween(establishedOn, today))));
      validTo = addDays(addYears(validFrom, years), -1);
    }
    const reviews: DemoQualification['reviews'] = [];
    if (kind === 'hnte' && daysBetween(establishedOn, validFrom) > 3 * 365 && chance(0.6)) reviews.push({ date: addDays(validFrom, -int(30, 120)), outcome: 'passed', note: '重新认定通过' });
    if (daysBetween(today, validTo) < 90 && years > 1 && chance(0.4)) reviews.push({ date: addDays(today, -int(0, 30)), outcome: 'pending', note: '已提交复审申请' });
    return { kind, certificateNo: certificate(validFrom), issuer: issuers[kind] ?? null, validFrom, validTo, reviews, note: null };
  }

  function qualificationsFor(section: string, industryCode: string, headcount: number, big: boolean, establishedOn: string): DemoQualification[] {
    const tech = section === 'I' || section === 'M' || section === 'C';
    const kinds: string[] = [];
    if (chance(tech ? (big ? 0.6 : 0.35) : 0.05)) kinds.push('hnte');
    if (chance(tech ? 0.25 : 0.03)) kinds.push('zgc_hnte');
    if (tech && headcount <= 500 && chance(0.3)) kinds.push('tech_sme');
    if (tech && chance(0.15)) kinds.push('innovative_sme');
    if ((section === 'C' || section === 'M' || industryCode.startsWith('65')) && chance(0.08)) {
      kinds.push('srdi_sme');
      if (chance(0.2)) kinds.push('little_giant');
    }
    if (tech && chance(0.04)) kinds.push('gazelle');
    if (tech && chance(0.002)) kinds.push('unicorn');
    if ((industryCode.startsWith('65') || industryCode.startsWith('64')) && chance(0.03)) kinds.push('atse');
    if (section === 'C' && big && chance(0.15)) kinds.push('tech_center');
    const out: DemoQualification[] = [];
    for (const kind of kinds) {
      const q = qualification(kind, establishedOn, chance(0.1)) ?? qualification(kind, establishedOn, false);
      if (q) out.push(q);
    }
    // A certificate that lapsed after a failed re-review.
    if (tech && !kinds.includes('hnte') && chance(0.04)) {
      const validTo = addDays(today, -int(30, 700));
      const validFrom = addDays(addYears(validTo, -3), 1);
      if (validFrom >= establishedOn) out.push({ kind: 'hnte', certificateNo: certificateNo('hnte', validFrom), issuer: issuers.hnte!, validFrom, validTo, reviews: [{ date: addDays(validTo, -int(10, 90)), outcome: 'failed', note: '复审未通过' }], note: null });
    }
    return out;
  }

  /** Enterprises that left or closed keep only certificates that ended before they did. */
  function lapsedQualifications(section: string, establishedOn: string, endedOn: string): DemoQualification[] {
    if (!(section === 'I' || section === 'M' || section === 'C') || !chance(0.3)) return [];
    const validTo = addDays(endedOn, -int(0, 365));
    const validFrom = addDays(addYears(validTo, -3), 1);
    if (validTo >= today || validFrom < establishedOn) return [];
    return [{ kind: 'hnte', certificateNo: certificateNo('hnte', validFrom), issuer: issuers.hnte!, validFrom, validTo, reviews: [], note: null }];
  }

  function certificateNo(kind: string, validFrom: string): string | null {
    const year = validFrom.slice(0, 4);
    switch (kind) {
      case 'hnte':
        return `GR${year}110${pad(int(0, 99_999), 5)}`;
      case 'zgc_hnte':
        return `ZGC${year}${pad(int(0, 99_999), 5)}`;
      case 'tech_sme':
        return `${year}1101${pad(int(0, 9_999), 4)}A${pad(int(0, 99_999), 5)}`;
      case 'atse':
        return `JS${year}11${pad(int(0, 9_999), 4)}`;
      default:
        return null;
    }
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const round2 = (n: number) => Math.round(n * 100) / 100;
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
/** Registered capital as people register it: 100, 500, 1200 万元 … */
function niceRound(v: number): number {
  const step = v >= 10_000 ? 1_000 : v >= 1_000 ? 100 : v >= 100 ? 10 : 1;
  return Math.max(step, Math.round(v / step) * step);
}
