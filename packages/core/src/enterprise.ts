// Pure rules of the enterprise registry, shared by the server and the web forms.

export const enterpriseStatuses = ['active', 'relocating', 'moved_out', 'deregistered'] as const;
export type EnterpriseStatus = (typeof enterpriseStatuses)[number];
export const enterpriseStatusNames: Record<EnterpriseStatus, string> = {
  active: '在园',
  relocating: '拟迁出',
  moved_out: '已迁出',
  deregistered: '已注销',
};

/** Dated events of the status history (入驻 / 迁出意向 / 留住 / 迁出 / 注销). */
export const statusEventKinds = ['moved_in', 'relocating', 'retained', 'moved_out', 'deregistered'] as const;
export type StatusEventKind = (typeof statusEventKinds)[number];
export const statusEventNames: Record<StatusEventKind, string> = {
  moved_in: '入驻',
  relocating: '拟迁出',
  retained: '留住（取消迁出）',
  moved_out: '迁出',
  deregistered: '注销',
};

const transitions: Record<StatusEventKind, { from: readonly (EnterpriseStatus | null)[]; to: EnterpriseStatus }> = {
  moved_in: { from: [null, 'moved_out'], to: 'active' },
  relocating: { from: ['active'], to: 'relocating' },
  retained: { from: ['relocating'], to: 'active' },
  moved_out: { from: ['active', 'relocating'], to: 'moved_out' },
  deregistered: { from: ['active', 'relocating', 'moved_out'], to: 'deregistered' },
};

/** The status after an event, or a Chinese reason why the event cannot follow the current status. */
export function applyStatusEvent(current: EnterpriseStatus | null, kind: StatusEventKind): { status: EnterpriseStatus } | { error: string } {
  const t = transitions[kind];
  if (t.from.includes(current)) return { status: t.to };
  const now = current ? enterpriseStatusNames[current] : '未入驻';
  return { error: `企业当前状态为“${now}”，不能登记“${statusEventNames[kind]}”` };
}

// 战略性新兴产业分类（2018）: nine categories.
export const emergingIndustries = [
  { code: '1', name: '新一代信息技术产业' },
  { code: '2', name: '高端装备制造产业' },
  { code: '3', name: '新材料产业' },
  { code: '4', name: '生物产业' },
  { code: '5', name: '新能源汽车产业' },
  { code: '6', name: '新能源产业' },
  { code: '7', name: '节能环保产业' },
  { code: '8', name: '数字创意产业' },
  { code: '9', name: '相关服务业' },
] as const;
export const emergingIndustryCodes = emergingIndustries.map((e) => e.code) as unknown as readonly [string, ...string[]];

export const listingStages = ['none', 'tutoring', 'filing', 'listed'] as const;
export type ListingStage = (typeof listingStages)[number];
export const listingStageNames: Record<ListingStage, string> = { none: '未上市', tutoring: '辅导', filing: '申报', listed: '上市' };

export const listingBoards = ['sse_main', 'szse_main', 'star', 'chinext', 'bse', 'neeq', 'hkex', 'overseas'] as const;
export type ListingBoard = (typeof listingBoards)[number];
export const listingBoardNames: Record<ListingBoard, string> = {
  sse_main: '上交所主板',
  szse_main: '深交所主板',
  star: '科创板',
  chinext: '创业板',
  bse: '北交所',
  neeq: '新三板',
  hkex: '港交所',
  overseas: '境外其他',
};

export const tenures = ['owned', 'rented'] as const;
export type Tenure = (typeof tenures)[number];
export const tenureNames: Record<Tenure, string> = { owned: '自有', rented: '租赁' };

export const reviewOutcomes = ['passed', 'failed', 'pending'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];
export const reviewOutcomeNames: Record<ReviewOutcome, string> = { passed: '通过', failed: '未通过', pending: '待评审' };

/** Qualification kinds seeded on a fresh install; admins add more. Validity in years (null: no expiry). */
export const defaultQualificationKinds = [
  { code: 'hnte', name: '国家高新技术企业', validityYears: 3 },
  { code: 'zgc_hnte', name: '中关村高新技术企业', validityYears: 2 },
  { code: 'srdi_sme', name: '专精特新中小企业', validityYears: 3 },
  { code: 'little_giant', name: '专精特新“小巨人”企业', validityYears: 3 },
  { code: 'innovative_sme', name: '创新型中小企业', validityYears: 3 },
  { code: 'gazelle', name: '瞪羚企业', validityYears: 1 },
  { code: 'unicorn', name: '独角兽企业', validityYears: 1 },
  { code: 'tech_sme', name: '科技型中小企业', validityYears: 1 },
  { code: 'atse', name: '技术先进型服务企业', validityYears: 3 },
  { code: 'tech_center', name: '企业技术中心', validityYears: null },
] as const;

/** A contact's phone: a mobile number or a landline with its area code. */
export const contactPhonePattern = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
export const contactPhoneMessage = '应为 11 位手机号或带区号的固定电话';

/** Key fields an enterprise user can only ask to change; park staff approve. */
export const keyEnterpriseFields = ['name', 'uscc', 'parkId', 'industryCode'] as const;
export type KeyEnterpriseField = (typeof keyEnterpriseFields)[number];
export const keyEnterpriseFieldNames: Record<KeyEnterpriseField, string> = { name: '企业名称', uscc: '统一社会信用代码', parkId: '所属园区', industryCode: '行业' };

const legalForms = ['股份有限公司', '有限责任公司', '有限公司', '合伙企业', '集团', '公司'];
const regionPrefixes = ['北京市', '北京'];

/**
 * A comparison key for "near-identical" names: full-width folded, case-folded, spaces and
 * punctuation removed, the Beijing prefix and the legal form dropped.
 * 北京示例科技有限公司 and 示例科技（北京）股份有限公司 share the key 示例科技.
 */
export function enterpriseNameKey(name: string): string {
  let s = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
  for (const p of regionPrefixes) if (s.startsWith(p)) s = s.slice(p.length);
  s = s.replace(/北京市?/g, '');
  for (const f of legalForms) if (s.endsWith(f)) s = s.slice(0, -f.length);
  return s;
}
