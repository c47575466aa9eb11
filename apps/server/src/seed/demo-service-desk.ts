// The demo service desk (DESIGN §9, synthetic): a year of visits by the demo service officer (some
// enterprises overdue per their class's frequency, a few never visited), problems found on them
// (some turned into work orders), a few hundred work orders over the past year (demo-work-orders.ts),
// three service packages assigned with progress, and notifications for the demo users. Pure and
// deterministic for a given `now` and seed; seed-service-desk.ts writes it.
import {
  addDays,
  defaultVisitFrequency,
  isDeadlineNear,
  isOpenStatus,
  isWorkingDay,
  notificationDedupeKey,
  shanghaiDate,
  visitClassOf,
  type PackageItemStatus,
} from '@zhiyuan/core';
import type { notifications } from '../modules/notifications/notifications.tables';
import type { servicePackageAssignments, servicePackageItemProgress, servicePackageItems, servicePackages, visitProblems, visits } from '../modules/service-desk/visits.tables';
import { deadlineNearNotice, overdueNotice, plainText, transitionNotice } from '../modules/service-desk/notification-texts';
import { shanghaiMinute } from '../modules/service-desk/work-order-export';
import { mulberry32 } from './demo-enterprises';
import { visitPeople, visitProblemTexts, visitTopics, surnames } from './demo-work-order-texts';
import { generateDemoOrders, type DemoOrders, type DemoOrdersInput, type DeskEnterprise, type VisitOrderSeed } from './demo-work-orders';

export type { DeskDepartment, DeskEnterprise, DeskUser, DeskUsers } from './demo-work-orders';

const DAY = 86_400_000;
/** Work orders over the past year (problems from visits included). */
export const DEMO_WORK_ORDERS = 360;

/** What the orders are made of (the generator's own randomness and visit problems come from here), and how many. */
export type DemoServiceDeskInput = Omit<DemoOrdersInput, 'rnd' | 'uuid' | 'count' | 'fromVisits'> & { orders?: number; seed?: number };

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'] & { id: string };
export type DemoServiceDesk = DemoOrders & {
  visits: Row<typeof visits>[];
  problems: Row<typeof visitProblems>[];
  packages: Row<typeof servicePackages>[];
  items: Row<typeof servicePackageItems>[];
  assignments: Row<typeof servicePackageAssignments>[];
  progress: (typeof servicePackageItemProgress.$inferInsert)[];
  notifications: (typeof notifications.$inferInsert)[];
};

/** Version-4-shaped ids from the seeded generator, so a run is reproducible end to end. */
export function uuidFrom(rnd: () => number): () => string {
  return () => {
    const h = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
    h[12] = '4';
    h[16] = ((parseInt(h[16]!, 16) & 3) | 8).toString(16);
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
}

export const demoPackages = [
  { name: '专精特新成长服务包', description: '面向专精特新及高成长企业的一揽子服务（示例）', items: ['专属服务管家', '政策解读', '融资对接', '知识产权辅导'], share: 16 },
  { name: '人才安居服务包', description: '帮助企业引才留才（示例）', items: ['人才公寓', '子女入学咨询', '人才认定辅导'], share: 10 },
  { name: '上市培育服务包', description: '面向拟上市企业的培育服务（示例）', items: ['上市辅导机构对接', '股改咨询', '融资对接', '政策解读'], share: 6 },
];

export function generateDemoServiceDesk(input: DemoServiceDeskInput): DemoServiceDesk {
  const rnd = mulberry32(input.seed ?? 20_251_123);
  const uuid = uuidFrom(rnd);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const between = (a: number, b: number) => a + rnd() * (b - a);
  const chance = (p: number) => rnd() < p;
  const { now, cal, users } = input;
  const today = shanghaiDate(now);
  const yearAgo = addDays(today, -365);
  const officer = users.officer;
  const mine = input.enterprises.filter((e) => e.serviceOfficerId === officer.id);
  /** The working day on or before a date. */
  const workday = (d: string) => {
    let x = d;
    while (!isWorkingDay(cal, x)) x = addDays(x, -1);
    return x;
  };
  const at = (day: string, hour: number) => new Date(`${day}T${String(Math.floor(hour)).padStart(2, '0')}:${String(Math.floor((hour % 1) * 60)).padStart(2, '0')}:00+08:00`);

  // ---------------------------------------------------------------- visits
  const out = { visits: [], problems: [], packages: [], items: [], assignments: [], progress: [], notifications: [] } as Omit<DemoServiceDesk, keyof DemoOrders>;
  const fromVisits: (VisitOrderSeed & { problemId: string })[] = [];
  const dueState = new Map<string, 'never' | 'overdue' | 'due_soon' | 'ok'>();
  for (const e of mine) {
    const interval = defaultVisitFrequency[visitClassOf(e)];
    const roll = rnd();
    const state = roll < 0.06 ? 'never' : roll < 0.26 ? 'overdue' : roll < 0.34 ? 'due_soon' : 'ok';
    dueState.set(e.id, state);
    if (state === 'never') continue;
    const daysSince = state === 'overdue' ? interval + Math.floor(between(1, 60)) : state === 'due_soon' ? interval - Math.floor(between(0, 7)) : Math.floor(between(1, interval - 8));
    // The last visit, then earlier ones about one interval apart, within the past year.
    let day = workday(addDays(today, -daysSince));
    for (let n = 0; n < 8 && day >= yearAgo; n++) {
      const contact = `${pick(surnames)}${pick(['先生', '女士'])}（${pick(visitPeople)}）`;
      const v = {
        id: uuid(),
        enterpriseId: e.id,
        parkId: e.parkId,
        officerId: officer.id,
        status: 'done' as const,
        plannedOn: chance(0.6) ? addDays(day, -Math.floor(between(3, 15))) : null,
        visitedOn: day,
        people: [contact, ...(chance(0.5) ? [`${pick(surnames)}${pick(['先生', '女士'])}（${pick(visitPeople)}）`] : []), officer.name],
        topics: [...new Set([pick(visitTopics), pick(visitTopics), pick(visitTopics)])],
        notes: chance(0.4) ? '企业经营总体平稳，已告知近期惠企政策。' : null,
        createdBy: officer.id,
        createdAt: at(day, between(16, 19)),
        updatedAt: at(day, 19.5),
      };
      out.visits.push(v);
      if (chance(0.12)) {
        for (const [i, text] of [...new Set([pick(visitProblemTexts), ...(chance(0.3) ? [pick(visitProblemTexts)] : [])])].entries()) {
          const p = { id: uuid(), visitId: v.id, text, sortOrder: i, workOrderId: null as string | null, createdAt: v.createdAt };
          out.problems.push(p);
          // Some become work orders in one click, the same evening (about an eighth of all orders).
          if (chance(0.3) && fromVisits.length < (input.orders ?? DEMO_WORK_ORDERS) / 8) fromVisits.push({ enterprise: e, at: new Date(v.createdAt.getTime() + between(5, 60) * 60_000), text, problemId: p.id });
        }
      }
      day = workday(addDays(day, -Math.round(interval * between(0.8, 1.15))));
    }
  }
  // Plans: the most pressing first (never visited, overdue), soon; a few past plans not recorded yet; some cancelled.
  const pressing = mine.filter((e) => dueState.get(e.id) === 'never' || dueState.get(e.id) === 'overdue');
  const plan = (e: DeskEnterprise, plannedOn: string, extra: Partial<(typeof out.visits)[number]> = {}) =>
    out.visits.push({ id: uuid(), enterpriseId: e.id, parkId: e.parkId, officerId: officer.id, status: 'planned', plannedOn, visitedOn: null, people: [], topics: [pick(visitTopics)], notes: null, createdBy: officer.id, createdAt: new Date(now.getTime() - between(1, 10) * DAY), updatedAt: new Date(now.getTime() - between(0, 1) * DAY), ...extra });
  for (const e of pressing.slice(0, 12)) plan(e, addDays(today, Math.floor(between(1, 15))));
  for (const e of pressing.slice(12, 15)) plan(e, addDays(today, -Math.floor(between(1, 6))));
  for (const e of mine.filter((x) => dueState.get(x.id) === 'ok').slice(0, 4)) plan(e, addDays(today, -Math.floor(between(5, 40))), { status: 'cancelled', cancelReason: pick(['企业负责人出差，改期走访', '企业临时有接待任务', '已电话沟通，无需上门']) });

  // ---------------------------------------------------------------- work orders
  const orders = generateDemoOrders({ ...input, rnd, uuid, count: input.orders ?? DEMO_WORK_ORDERS, fromVisits });
  orders.visitOrderIds.forEach((id, i) => {
    out.problems.find((p) => p.id === fromVisits[i]!.problemId)!.workOrderId = id;
  });

  // ---------------------------------------------------------------- service packages
  const ranked = [...mine].sort((a, b) => Number(b.aboveScale) - Number(a.aboveScale) || Number(b.tags.length) - Number(a.tags.length));
  demoPackages.forEach((def, k) => {
    const created = new Date(now.getTime() - (240 - k * 20) * DAY);
    const pkg = { id: uuid(), name: def.name, description: def.description, active: true, createdBy: users.parkAdmin.id, createdAt: created, updatedAt: created };
    out.packages.push(pkg);
    const items = def.items.map((name, i) => ({ id: uuid(), packageId: pkg.id, name, description: null, sortOrder: i, active: true }));
    out.items.push(...items);
    for (const e of ranked.filter((_, i) => i % 3 === k % 3).slice(0, def.share)) {
      const assignedAt = new Date(now.getTime() - between(10, 200) * DAY);
      const a = { id: uuid(), packageId: pkg.id, enterpriseId: e.id, officerId: e.serviceOfficerId, assignedBy: chance(0.5) ? officer.id : users.parkAdmin.id, assignedAt };
      out.assignments.push(a);
      for (const item of items) {
        const roll = rnd();
        if (roll < 0.3) continue; // todo: no row
        const status: PackageItemStatus = roll < 0.75 ? 'done' : 'in_progress';
        const updatedAt = new Date(assignedAt.getTime() + rnd() * (now.getTime() - assignedAt.getTime()));
        out.progress.push({ assignmentId: a.id, itemId: item.id, status, note: status === 'done' ? '已完成对接，企业确认' : '已联系服务机构，跟进中', updatedAt, updatedBy: officer.id });
      }
    }
  });

  // ---------------------------------------------------------------- notifications of the demo users (the last month)
  const recent = now.getTime() - 30 * DAY;
  const note = (userId: string | null | undefined, kind: (typeof out.notifications)[number]['kind'], text: { title: string; body: string }, o: { id: string }, when: Date, dedupeKey: string | null = null) => {
    if (!userId || when.getTime() < recent) return;
    out.notifications.push({ userId, kind, ...text, link: `/work-orders/${o.id}`, createdAt: when, readAt: now.getTime() - when.getTime() > 3 * DAY ? new Date(when.getTime() + between(1, 48) * 3_600_000) : null, dedupeKey });
  };
  const headOf = (departmentId: string | null | undefined) => (departmentId === input.staffDepartmentId ? users.departmentStaff.id : null);
  const officerOf = new Map(input.enterprises.map((e) => [e.id, e.serviceOfficerId]));
  // The words of the live notifications (notification-texts.ts): a reply's notice quotes the reply.
  const replies = new Map(orders.events.filter((e) => e.action === 'reply').map((e) => [e.orderId, e.content ?? null]));
  const deadline = (o: (typeof orders.orders)[number]) => ({ number: o.number, title: o.title, due: shanghaiMinute(o.resolveDueAt.toISOString())! });
  const facts = (o: (typeof orders.orders)[number]) => ({ number: o.number, title: o.title, status: o.status!, dispositionReason: o.dispositionReason ?? null, dispositionNextStep: o.dispositionNextStep ?? null });
  for (const o of orders.orders) {
    const holder = o.assigneeId ?? headOf(o.departmentId) ?? (o.enterpriseId ? officerOf.get(o.enterpriseId) : null);
    if (o.assignedAt && (o.assigneeId === officer.id || headOf(o.departmentId))) note(o.assigneeId ?? headOf(o.departmentId), 'assigned', transitionNotice('assigned', facts(o), null), o, o.assignedAt);
    if (o.resolveOverdueAt) {
      const late = overdueNotice(plainText, deadline(o), 'resolve');
      note(holder, 'overdue', late, o, o.resolveOverdueAt, notificationDedupeKey.resolveOverdue(o.id, o.resolveDueAt));
      if (headOf(o.departmentId) && holder !== headOf(o.departmentId)) note(headOf(o.departmentId), 'overdue', late, o, o.resolveOverdueAt, notificationDedupeKey.resolveOverdue(o.id, o.resolveDueAt));
    }
    if (isOpenStatus(o.status!) && isDeadlineNear(cal, now, o.resolveDueAt)) note(holder, 'deadline_near', deadlineNearNotice(plainText, deadline(o)), o, now, notificationDedupeKey.deadlineNear(o.id, o.resolveDueAt));
    if (o.channel === 'portal' && o.repliedAt) note(o.createdBy, 'replied', transitionNotice('replied', facts(o), replies.get(o.id) ?? null), o, o.repliedAt);
    if (o.channel === 'portal' && o.disposedAt) note(o.createdBy, 'disposed', transitionNotice('disposed', facts(o), null), o, o.disposedAt);
  }
  // Each demo user's three newest stay unread, however old: the bell has something to show.
  const byUser = new Map<string, typeof out.notifications>();
  for (const n of out.notifications) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
  for (const list of byUser.values()) for (const n of list.sort((a, b) => b.createdAt!.getTime() - a.createdAt!.getTime()).slice(0, 3)) n.readAt = null;
  return { ...orders, ...out };
}
