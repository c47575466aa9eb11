// Demo work orders (synthetic): each order is played through core's state machine from its creation
// to `now` — response within hours, reply within (or, for ~8 %, after) its working-day deadline,
// confirmation and rating, some dispositions, extensions, reopenings and 督办 — so statuses, instants,
// the timeline and supervision records agree exactly as the server would have written them.
import {
  deadlineRuleFor,
  defaultDeadlineRules,
  extendedResolveDue,
  formatWorkOrderNumber,
  isOpenStatus,
  isWorkingDay,
  parseInstant,
  restartedResolveDue,
  shanghaiDate,
  staffActsForRequester,
  workOrderDeadlines,
  workOrderNumberYear,
  workOrderTransition,
  type WorkCalendar,
  type WorkOrderActionName,
  type WorkOrderChannel,
  type WorkOrderPriority,
  type WorkOrderType,
} from '@zhiyuan/core';
import type { supervisions, workOrderCoHandlers, workOrderEvents, workOrderExtensions, workOrders } from '../modules/service-desk/service-desk.tables';
import { declines, orderTemplates, ratingComments, referrals, supervisionReasons, surnames } from './demo-work-order-texts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export type DeskUser = { id: string; name: string };
export type DeskEnterprise = { id: string; name: string; parkId: string; serviceOfficerId: string | null; tags: string[]; aboveScale: boolean };
export type DeskDepartment = { id: string; parkId: string; name: string };
export type DeskUsers = { officer: DeskUser; departmentStaff: DeskUser; parkAdmin: DeskUser; leader: DeskUser; enterpriseUser: (DeskUser & { enterpriseId: string }) | null };

export type OrderRow = typeof workOrders.$inferInsert & { id: string; createdAt: Date };
export type EventRow = typeof workOrderEvents.$inferInsert & { id: string };
export type SupervisionRow = typeof supervisions.$inferInsert & { id: string };
export type ExtensionRow = typeof workOrderExtensions.$inferInsert & { id: string };
export type CoHandlerRow = typeof workOrderCoHandlers.$inferInsert;

/** A problem found on a visit that became an order the same day. */
export type VisitOrderSeed = { enterprise: DeskEnterprise; at: Date; text: string };

export type DemoOrdersInput = {
  now: Date;
  cal: WorkCalendar;
  rnd: () => number;
  uuid: () => string;
  count: number;
  enterprises: readonly DeskEnterprise[];
  departments: readonly DeskDepartment[];
  zoneId: string;
  /** The demo department_staff's department (its head): its orders go to that user. */
  staffDepartmentId: string;
  /** The demo park admin's park: its orders are dispatched there. */
  adminParkId: string;
  users: DeskUsers;
  /** Category name → id (the top-level categories). */
  categories: ReadonlyMap<string, string>;
  fromVisits: readonly VisitOrderSeed[];
};

export type DemoOrders = {
  orders: OrderRow[];
  events: EventRow[];
  supervisions: SupervisionRow[];
  extensions: ExtensionRow[];
  coHandlers: CoHandlerRow[];
  counters: { year: number; last: number }[];
  /** The order made from each of `fromVisits`, in its order. */
  visitOrderIds: string[];
};

export function generateDemoOrders(input: DemoOrdersInput): DemoOrders {
  const { now, cal, rnd, uuid, users } = input;
  const nowMs = now.getTime();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const between = (a: number, b: number) => a + rnd() * (b - a);
  const chance = (p: number) => rnd() < p;
  const out: DemoOrders = { orders: [], events: [], supervisions: [], extensions: [], coHandlers: [], counters: [], visitOrderIds: [] };
  const officerSet = new Set(input.enterprises.filter((e) => e.serviceOfficerId === users.officer.id).map((e) => e.id));
  const mine = input.enterprises.filter((e) => officerSet.has(e.id));
  const deptsOf = (parkId: string) => input.departments.filter((d) => d.parkId === parkId);
  const zoneDepts = deptsOf(input.zoneId);
  const staffDept = input.departments.find((d) => d.id === input.staffDepartmentId)!;
  const byEnterprise = new Map<string, OrderRow[]>();

  /** The instant, or the next opening (09:00 + jitter) when it falls outside office hours. */
  function office(t: number): number {
    for (let i = 0; i < 20; i++) {
      const day = shanghaiDate(new Date(t));
      const midnight = parseInstant(day);
      if (isWorkingDay(cal, day)) {
        if (t < midnight + 9 * HOUR) return midnight + 9 * HOUR + between(5, 90) * MIN;
        if (t < midnight + 18 * HOUR) return t;
      }
      t = midnight + DAY;
    }
    return t;
  }

  function createdInstant(channel: WorkOrderChannel): number {
    const daysAgo = chance(0.12) ? between(0, 10) : between(10, 365);
    const t = nowMs - daysAgo * DAY;
    // The hotlines answer around the clock; the rest arrives in office hours.
    const at = channel === 'hotline' || channel === 'hotline_12345' ? (chance(0.7) ? office(t) : t) : office(t);
    return Math.min(at, nowMs - 20 * MIN);
  }

  function play(seed: { channel: WorkOrderChannel; enterprise: DeskEnterprise | null; parkId: string; createdAt: number; template: (typeof orderTemplates)[number]; description?: string; title?: string; stuck: boolean; fresh?: boolean }) {
    const { channel, enterprise, template } = seed;
    const type: WorkOrderType = template.type;
    const priority: WorkOrderPriority = chance(0.1) ? 'urgent' : 'normal';
    const rule = deadlineRuleFor(defaultDeadlineRules, type, priority);
    const c = seed.createdAt;
    const due = workOrderDeadlines(cal, new Date(c), rule);
    const portal = channel === 'portal';
    const creator = portal ? users.enterpriseUser! : channel === 'visit' ? users.officer : enterprise?.parkId === input.adminParkId && chance(0.5) ? users.parkAdmin : users.officer;
    const dispatcher = enterprise && officerSet.has(enterprise.id) ? users.officer : seed.parkId === input.adminParkId ? users.parkAdmin : users.officer;
    const o: OrderRow = {
      id: uuid(),
      number: '',
      type,
      channel,
      externalNo: channel === 'hotline_12345' ? `BJ12345-${shanghaiDate(new Date(c)).replace(/-/g, '')}-${String(Math.floor(rnd() * 100000)).padStart(5, '0')}` : null,
      priority,
      status: 'submitted',
      title: seed.title ?? template.title,
      description: seed.description ?? template.description,
      enterpriseId: enterprise?.id ?? null,
      parkId: seed.parkId,
      categoryId: input.categories.get(template.category) ?? null,
      requesterName: portal ? users.enterpriseUser!.name : `${pick(surnames)}${pick(['先生', '女士', '经理', '总'])}`,
      requesterPhoneEnc: null,
      createdBy: creator.id,
      createdAt: new Date(c),
      updatedAt: new Date(c),
      responseDueAt: new Date(due.responseDueAt),
      resolveDueAt: new Date(due.resolveDueAt),
      reopenCount: 0,
      extendedWorkingDays: 0,
      supervised: false,
    };
    const event = (at: number, actor: DeskUser | null, action: EventRow['action'], e: Partial<EventRow> = {}) => {
      out.events.push({ id: uuid(), orderId: o.id, at: new Date(at), actorId: actor?.id ?? null, actorName: actor?.name ?? null, action, visibility: 'public', data: {}, ...e });
      o.updatedAt = new Date(Math.max(o.updatedAt!.getTime(), at));
    };
    event(c, creator, 'create', { toStatus: 'submitted', data: { channel, type, priority } });

    /** What the sweep would have marked before `t`: response and resolution overdue, each with its auto supervision. */
    function sweepUntil(t: number) {
      const rDue = o.responseDueAt.getTime();
      if (o.status === 'submitted' && !o.responseOverdueAt && rDue + MIN <= t) overdue('response', rDue + MIN);
      const sDue = o.resolveDueAt.getTime();
      if (isOpenStatus(o.status!) && !o.resolveOverdueAt && sDue + MIN <= t) overdue('resolve', sDue + MIN);
    }
    function overdue(which: 'response' | 'resolve', at: number) {
      const id = uuid();
      if (which === 'response') o.responseOverdueAt = new Date(at);
      else o.resolveOverdueAt = new Date(at);
      o.supervised = true;
      const reason = which === 'response' ? '超过响应时限' : '超过办理时限';
      const dueAt = which === 'response' ? o.responseDueAt : o.resolveDueAt;
      out.supervisions.push({ id, orderId: o.id, kind: 'auto', trigger: `${which}_overdue`, reason, status: 'open', createdAt: new Date(at) });
      // As the sweep writes it (sweep.repository.ts).
      const wall = new Date(dueAt.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
      event(at, null, `${which}_overdue`, { visibility: 'internal', content: `${reason}（时限 ${wall}），已自动督办`, data: { dueAt: dueAt.toISOString() } });
    }

    let handler: DeskUser | null = null;
    let handlerName = '';
    let lastAt = c;
    /** One action through the machine at `at` (never before the previous one), if it has happened by now. */
    function act(when: number, actor: DeskUser | null, action: WorkOrderActionName, e: { solved?: boolean; content?: string; data?: Record<string, unknown> } = {}): boolean {
      const at = Math.max(when, lastAt + MIN);
      if (at > nowMs) return false;
      lastAt = at;
      sweepUntil(at);
      const side = portal && ['confirm', 'rate', 'addInfo'].includes(action) ? 'requester' : 'staff';
      const r = workOrderTransition({ status: o.status!, rated: o.rating != null, channel, pendingExtension: out.extensions.some((x) => x.orderId === o.id && x.status === 'pending') }, { action, solved: e.solved }, side);
      if (!r.ok) throw new Error(`demo order ${o.id}: ${action} from ${o.status}: ${r.message}`);
      const onBehalf = side === 'staff' && staffActsForRequester(action, channel) ? { onBehalf: true } : {};
      const fx = r.effects;
      if (fx.respond && !o.respondedAt) o.respondedAt = new Date(at);
      if (fx.assign) o.assignedAt = new Date(at);
      if (fx.reply) o.repliedAt = new Date(at);
      if (fx.close) o.closedAt = new Date(at);
      if (fx.solved !== undefined) o.solved = fx.solved;
      const data: Record<string, unknown> = { ...e.data, ...(action === 'confirm' ? { solved: e.solved } : {}) };
      if (fx.reopen) {
        o.reopenCount = (o.reopenCount ?? 0) + 1;
        o.closedAt = null;
        o.resolveDueAt = new Date(restartedResolveDue(cal, new Date(at), rule).dueAt);
        o.resolveOverdueAt = null;
        data.resolveDueAt = o.resolveDueAt.toISOString();
      }
      o.status = r.to;
      event(at, actor ?? null, r.event, { actorName: actor?.name ?? handlerName, fromStatus: r.from, toStatus: r.to, visibility: r.visibility, content: e.content ?? null, data: { ...data, ...onBehalf } });
      return true;
    }

    const requester = portal ? users.enterpriseUser! : dispatcher;
    const finish = () => {
      sweepUntil(nowMs);
      // Supervisions of an answered order: the handler's feedback at the answer, closed by the leader a day or two later.
      for (const s of out.supervisions.filter((x) => x.orderId === o.id)) {
        const answered = o.repliedAt ?? o.disposedAt;
        if (!answered || answered.getTime() < s.createdAt!.getTime()) continue;
        Object.assign(s, { status: 'feedback', feedback: '已答复企业，问题正在落实', feedbackAt: answered, feedbackBy: handler?.id ?? dispatcher.id });
        const closeAt = office(answered.getTime() + between(0.5, 2) * DAY);
        if (closeAt <= nowMs) Object.assign(s, { status: 'closed', closedAt: new Date(closeAt), closedBy: users.leader.id, closeComment: '已办结，结束督办' });
      }
      out.orders.push(o);
      byEnterprise.set(o.enterpriseId ?? '', [...(byEnterprise.get(o.enterpriseId ?? '') ?? []), o]);
    };

    // Merged, referred or declined (~6 %): decided soon after it came in.
    if (!seed.stuck && !seed.fresh && chance(0.06)) {
      const at = c + between(20, 100) * MIN;
      if (chance(0.4)) act(at - 10 * MIN, dispatcher, 'accept');
      const earlier = (byEnterprise.get(o.enterpriseId ?? '') ?? []).filter((x) => x.createdAt.getTime() < c && x.status !== 'merged');
      const kind = earlier.length && chance(0.4) ? 'merge' : chance(0.5) ? 'refer' : 'decline';
      const d: { reason: string; nextStep: string; to?: string } = kind === 'refer' ? pick(referrals) : kind === 'decline' ? pick(declines) : { reason: '与已受理的工单诉求相同', nextStep: '' };
      const target = kind === 'merge' ? earlier.at(-1)! : null;
      // A merge's next step names the target's number, known once every order is numbered (below).
      if (act(at, dispatcher, kind, { content: d.reason, data: { nextStep: d.nextStep, ...(target ? { intoOrderId: target.id } : {}), ...(kind === 'refer' ? { to: d.to } : {}) } })) {
        Object.assign(o, { dispositionReason: d.reason, dispositionNextStep: d.nextStep, dispositionTo: d.to ?? null, decidedBy: dispatcher.id, disposedAt: new Date(lastAt), mergedIntoId: target?.id ?? null });
        if (target) out.events.push({ id: uuid(), orderId: target.id, at: new Date(lastAt), actorId: dispatcher.id, actorName: dispatcher.name, action: 'merged_in', visibility: 'public', data: { orderId: o.id } });
      }
      return finish();
    }

    // Response: within the hours, a few late.
    const respondAt = seed.fresh ? nowMs + DAY : chance(0.03) ? o.responseDueAt.getTime() + between(10, 300) * MIN : c + between(5, rule.responseHours * 50) * MIN;
    const accepted = chance(0.65);
    if (accepted && !act(respondAt, dispatcher, 'accept')) return finish();
    // Routing: the officer's own enterprises partly to the officer; else a department of the park or the zone.
    const toOfficer = enterprise && officerSet.has(enterprise.id) && (seed.stuck || chance(0.3));
    const local = deptsOf(seed.parkId);
    const dept = toOfficer ? null : chance(0.25) ? staffDept : local.length && chance(0.6) ? pick(local) : pick(zoneDepts);
    handler = toOfficer ? users.officer : dept?.id === staffDept.id ? users.departmentStaff : null;
    handlerName = handler?.name ?? dept?.name ?? '';
    const assignAt = accepted ? respondAt + between(5, 120) * MIN : respondAt;
    if (!act(assignAt, dispatcher, 'assign', { data: { departmentId: dept?.id ?? null, departmentName: dept?.name ?? null, assigneeId: handler?.id ?? null, assigneeName: handler?.name ?? null } })) return finish();
    Object.assign(o, { departmentId: dept?.id ?? null, assigneeId: handler?.id ?? null });
    if (dept && chance(0.05)) {
      const co = pick(zoneDepts.filter((d) => d.id !== dept.id));
      out.coHandlers.push({ orderId: o.id, departmentId: co.id, addedAt: new Date(assignAt), addedBy: dispatcher.id });
    }
    const startAt = office(assignAt + between(10, 240) * MIN);
    if (!act(startAt, handler, 'start')) return finish();

    // An extension now and then, decided by the department head (or the park admin).
    if (chance(0.03)) {
      const at = office(startAt + between(1, 20) * HOUR);
      if (!act(at, handler, 'requestExtension', { content: '需协调外部单位，申请延期', data: { workingDays: 3 } })) return finish();
      const ext: ExtensionRow = { id: uuid(), orderId: o.id, workingDays: 3, reason: '需协调外部单位，申请延期', status: 'pending', requestedBy: handler?.id ?? dispatcher.id, requestedAt: new Date(lastAt), previousDueAt: o.resolveDueAt };
      out.extensions.push(ext);
      const decideAt = office(at + between(1, 20) * HOUR);
      const head = dept?.id === staffDept.id ? users.departmentStaff : users.parkAdmin;
      const moved = new Date(extendedResolveDue(cal, o.resolveDueAt, 3).dueAt);
      if (!act(decideAt, head, 'decideExtension', { content: '同意', data: { extensionId: ext.id, approved: true, workingDays: 3, resolveDueAt: moved.toISOString() } })) return finish();
      Object.assign(ext, { status: 'approved', decidedBy: head.id, decidedAt: new Date(lastAt), newDueAt: moved, comment: '同意' });
      Object.assign(o, { resolveDueAt: moved, resolveOverdueAt: null, extendedWorkingDays: 3 });
    }

    // The reply: on time for most, after the deadline for ~8 %, never for the stuck ones (overdue now).
    const window = o.resolveDueAt.getTime() - c;
    const replyAt = seed.stuck ? nowMs + DAY : chance(0.08) ? o.resolveDueAt.getTime() + between(2, 96) * HOUR : Math.min(office(c + between(0.15, 0.9) * window), o.resolveDueAt.getTime() - 10 * MIN);

    // 督办 by the leader for some (complaints more often), while the order is being handled.
    if (chance(type === 'complaint' ? 0.12 : 0.03)) {
      const at = office(lastAt + between(0.1, 0.6) * Math.max(replyAt - lastAt, HOUR));
      if (at < replyAt && at <= nowMs) {
        const id = uuid();
        const reason = pick(supervisionReasons);
        act(at, users.leader, 'supervise', { content: reason });
        o.supervised = true;
        out.supervisions.push({ id, orderId: o.id, kind: 'manual', trigger: 'flag', reason, status: 'open', createdAt: new Date(lastAt), createdBy: users.leader.id });
      }
    }
    if (!act(replyAt, handler, 'reply', { content: template.reply })) return finish();
    let repliedAt = o.repliedAt!.getTime();

    if (chance(0.07)) {
      // Requester unreachable: closed by the desk without confirmation.
      act(office(repliedAt + between(3, 5) * DAY), dispatcher, 'close', { content: '多次联系企业未果，按办结处理' });
      return finish();
    }
    if (chance(0.04)) {
      // Not solved: reopened, answered again.
      if (!act(repliedAt + between(4, 40) * HOUR, requester, 'confirm', { solved: false, content: '问题尚未解决' })) return finish();
      if (!act(office(lastAt + between(1, 3) * DAY), handler, 'reply', { content: `${template.reply}（补充办理）` })) return finish();
      repliedAt = o.repliedAt!.getTime();
    }
    if (!act(repliedAt + between(2, 72) * HOUR, requester, 'confirm', { solved: true })) return finish();
    const confirmAt = lastAt;
    if (chance(0.82)) {
      const low = type === 'complaint' ? [5, 5, 4, 4, 4, 3, 3, 2, 1] : [5, 5, 5, 5, 5, 5, 4, 4, 4, 3];
      const score = pick(low);
      const comment = chance(0.5) ? pick(score >= 4 ? ratingComments.slice(0, 3) : ratingComments.slice(3)) : null;
      const at = confirmAt + between(1, 600) * MIN;
      if (act(at, requester, 'rate', { content: comment ?? undefined, data: { score } })) Object.assign(o, { rating: score, ratingComment: comment, ratedAt: new Date(lastAt) });
    }
    return finish();
  }

  // Problems found on visits first (their enterprises and days are given), then the rest.
  for (const v of input.fromVisits) {
    play({ channel: 'visit', enterprise: v.enterprise, parkId: v.enterprise.parkId, createdAt: Math.min(v.at.getTime(), nowMs - 20 * MIN), template: pick(orderTemplates.filter((t) => t.type === 'help')), description: v.text, title: v.text.replace(/^企业(反映|希望|有|拟|对)?/, '').slice(0, 50), stuck: false });
    out.visitOrderIds.push(out.orders.at(-1)!.id);
  }
  // Visit-channel orders all come from visits' problems; portal orders from the demo enterprise's account.
  const channels: WorkOrderChannel[] = ['hotline', 'hotline', 'hotline', 'hotline_12345', 'hotline_12345', 'staff', 'staff'];
  const others = Math.max(0, input.count - input.fromVisits.length);
  const stuckFrom = others - Math.ceil(input.count * 0.025);
  const seeds = Array.from({ length: others }, (_, i) => {
    const ownEnterprise = users.enterpriseUser ? input.enterprises.find((e) => e.id === users.enterpriseUser!.enterpriseId) : undefined;
    const channel: WorkOrderChannel = ownEnterprise && chance(0.06) ? 'portal' : pick(channels);
    const stuck = i >= stuckFrom;
    const fresh = i < 3;
    const enterprise = channel === 'portal' ? ownEnterprise! : channel === 'hotline' && chance(0.1) ? null : chance(stuck ? 0.6 : 0.35) && mine.length ? pick(mine) : pick(input.enterprises);
    // The last few are stuck since two to four weeks ago (open, past their deadline now); the first few just came in.
    const createdAt = stuck ? office(nowMs - between(16, 30) * DAY) : fresh ? nowMs - between(15, 100) * MIN : createdInstant(channel);
    return { channel, enterprise, parkId: enterprise?.parkId ?? pick(input.departments).parkId, createdAt, template: pick(orderTemplates), stuck, fresh };
  });
  for (const s of seeds.sort((a, b) => a.createdAt - b.createdAt)) play(s);

  // GD numbers in order of creation, per Shanghai year; the counters continue from there.
  const last = new Map<number, number>();
  for (const o of out.orders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    const year = workOrderNumberYear(o.createdAt);
    const seq = (last.get(year) ?? 0) + 1;
    last.set(year, seq);
    o.number = formatWorkOrderNumber(year, seq);
  }
  out.counters = [...last].map(([year, n]) => ({ year, last: n }));
  // Merges name their target's number, as the action service writes them.
  const numberOf = new Map(out.orders.map((o) => [o.id, o.number]));
  for (const o of out.orders.filter((x) => x.mergedIntoId)) o.dispositionNextStep = `请关注工单 ${numberOf.get(o.mergedIntoId!)} 的办理进展`;
  for (const e of out.events) {
    const d = e.data as Record<string, unknown>;
    if (e.action === 'merge') Object.assign(d, { intoOrderNumber: numberOf.get(d.intoOrderId as string), nextStep: `请关注工单 ${numberOf.get(d.intoOrderId as string)} 的办理进展` });
    if (e.action === 'merged_in') Object.assign(e, { content: `工单 ${numberOf.get(d.orderId as string)} 已合并至本工单`, data: { ...d, orderNumber: numberOf.get(d.orderId as string) } });
  }
  return out;
}
