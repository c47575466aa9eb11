import { describe, expect, it } from 'vitest';
import {
  createCalendar,
  defaultVisitFrequency,
  isDispositionStatus,
  isOpenStatus,
  overdueState,
  parseWorkOrderNumber,
  shanghaiDate,
  visitClassOf,
  visitDue,
  workOrderRates,
  workOrderTransition,
  type WorkOrderStatus,
} from '@zhiyuan/core';
import { chineseDaysSeed } from '@zhiyuan/core/calendar-seed';
import { generateDemoServiceDesk, type DemoServiceDeskInput, type DeskEnterprise } from './demo-service-desk';

const now = new Date('2026-11-23T10:30:00+08:00');
const today = shanghaiDate(now);
const cal = createCalendar(chineseDaysSeed([2025, 2026]), [2025, 2026]);
const id = (prefix: number, i: number) => `${prefix}0000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const zoneId = id(1, 0);
const parks = [id(1, 1), id(1, 2), id(1, 3)];
const user = (i: number, name: string) => ({ id: id(2, i), name });
const users = { officer: user(1, '服务管家（示例）'), departmentStaff: user(2, '承办部门（示例）'), parkAdmin: user(3, '园区管理员（示例）'), leader: user(4, '领导（示例）'), enterpriseUser: { ...user(5, '企业用户（示例）'), enterpriseId: id(3, 7) } };
const enterprises: DeskEnterprise[] = Array.from({ length: 400 }, (_, i) => ({
  id: id(3, i),
  name: `北京示例企业${i}有限公司（示例）`,
  parkId: parks[i % 3]!,
  serviceOfficerId: i % 4 === 0 ? users.officer.id : null,
  tags: i % 12 === 0 ? ['重点企业'] : [],
  aboveScale: i % 5 === 0,
}));
const departments = [
  ...['企业服务处', '科技金融处', '规划建设处', '人才工作处'].map((name, i) => ({ id: id(4, i), parkId: zoneId, name })),
  ...parks.flatMap((parkId, p) => ['企业服务处', '科技金融处'].map((name, i) => ({ id: id(4, 10 + p * 2 + i), parkId, name }))),
];
const input: DemoServiceDeskInput = { now, cal, enterprises, departments, zoneId, staffDepartmentId: departments[0]!.id, adminParkId: parks[0]!, users, categories: new Map([['政策咨询', id(5, 1)]]) };
const desk = generateDemoServiceDesk(input);
const eventsOf = (orderId: string) => desk.events.filter((e) => e.orderId === orderId).sort((a, b) => a.at!.getTime() - b.at!.getTime());

describe('demo service desk generator', () => {
  it('is deterministic for a given now and seed', () => {
    expect(generateDemoServiceDesk(input)).toEqual(desk);
    expect(generateDemoServiceDesk({ ...input, seed: 7 }).orders.map((o) => o.title)).not.toEqual(desk.orders.map((o) => o.title));
  });

  it('numbers a few hundred orders of the past year in creation order, counters continuing', () => {
    expect(desk.orders).toHaveLength(360);
    const created = desk.orders.map((o) => o.createdAt.getTime());
    expect(Math.min(...created)).toBeGreaterThan(now.getTime() - 366 * 86_400_000);
    expect(Math.max(...created)).toBeLessThanOrEqual(now.getTime());
    const numbers = desk.orders.map((o) => parseWorkOrderNumber(o.number)!);
    for (const c of desk.counters) expect(numbers.filter((n) => n.year === c.year).map((n) => n.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: c.last }, (_, i) => i + 1));
  });

  it('plays every timeline through the state machine: statuses, instants and dispositions agree', () => {
    for (const o of desk.orders) {
      const events = eventsOf(o.id);
      expect(events[0]).toMatchObject({ action: 'create', toStatus: 'submitted' });
      let status: WorkOrderStatus = 'submitted';
      for (const e of events.slice(1)) {
        if (e.fromStatus) {
          expect(e.fromStatus, `${o.number} ${e.action}`).toBe(status);
          status = e.toStatus!;
        }
      }
      expect(status).toBe(o.status);
      if (isDispositionStatus(o.status!)) expect(o.dispositionReason && o.dispositionNextStep && o.decidedBy && o.disposedAt).toBeTruthy();
      if (o.status === 'merged') expect(desk.orders.find((x) => x.id === o.mergedIntoId)!.createdAt.getTime()).toBeLessThan(o.createdAt.getTime());
      if (o.status === 'closed') expect(o.closedAt).toBeTruthy();
      if (o.rating != null) expect(o.status === 'closed' || o.reopenCount! > 0).toBe(true);
      if (o.responseOverdueAt || o.resolveOverdueAt) expect(o.supervised).toBe(true);
    }
    const replied = desk.orders.filter((o) => o.repliedAt);
    expect(replied.every((o) => !workOrderTransition({ status: 'replied', rated: false, channel: o.channel! }, { action: 'reply' }, 'staff').ok)).toBe(true);
  });

  it('answers mostly in time (~8 % late), closes most, rates mostly 4–5 with some complaints low, disposes a few', () => {
    const past = desk.orders.filter((o) => o.createdAt.getTime() < now.getTime() - 40 * 86_400_000);
    const late = past.filter((o) => overdueState({ ...o, status: o.status!, respondedAt: o.respondedAt ?? null, repliedAt: o.repliedAt ?? null, disposedAt: o.disposedAt ?? null }, now).resolution === 'late');
    expect(late.length / past.length).toBeGreaterThan(0.03);
    expect(late.length / past.length).toBeLessThan(0.15);
    expect(past.filter((o) => o.status === 'closed').length / past.length).toBeGreaterThan(0.75);
    const rates = workOrderRates(desk.orders.map((o) => ({ ...o, status: o.status!, respondedAt: o.respondedAt ?? null, closedAt: o.closedAt ?? null, solved: o.solved ?? null, rating: o.rating ?? null, ratedAt: o.ratedAt ?? null })), { from: new Date(now.getTime() - 365 * 86_400_000), to: now, now });
    expect(rates.satisfactionRate).toBeGreaterThan(0.8);
    expect(rates.responseRate).toBeGreaterThan(0.85);
    expect(desk.orders.some((o) => o.type === 'complaint' && o.rating != null && o.rating <= 2)).toBe(true);
    for (const s of ['merged', 'referred', 'declined'] as const) expect(desk.orders.some((o) => o.status === s), s).toBe(true);
    expect(desk.supervisions.filter((s) => s.kind === 'manual').length).toBeGreaterThan(0);
  });

  it('leaves some orders open now, some of them overdue and marked as the sweep would', () => {
    const open = desk.orders.filter((o) => isOpenStatus(o.status!));
    expect(open.length).toBeGreaterThan(10);
    const overdue = open.filter((o) => o.resolveDueAt.getTime() < now.getTime());
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(overdue.every((o) => o.resolveOverdueAt && desk.supervisions.some((s) => s.orderId === o.id && s.trigger === 'resolve_overdue' && s.status === 'open'))).toBe(true);
    expect(desk.orders.filter((o) => o.status === 'submitted' && o.responseDueAt.getTime() < now.getTime()).every((o) => o.responseOverdueAt)).toBe(true);
  });

  it("visits the officer's enterprises at their class's frequency: some overdue, some never, plans ahead", () => {
    const mine = enterprises.filter((e) => e.serviceOfficerId === users.officer.id);
    const last = new Map<string, string>();
    for (const v of desk.visits.filter((x) => x.status === 'done')) if (!last.has(v.enterpriseId) || last.get(v.enterpriseId)! < v.visitedOn!) last.set(v.enterpriseId, v.visitedOn!);
    const states = mine.map((e) => visitDue(last.get(e.id) ?? null, visitClassOf(e), today, defaultVisitFrequency).state);
    expect(states.filter((s) => s === 'overdue').length).toBeGreaterThan(mine.length * 0.1);
    expect(states.filter((s) => s === 'never').length).toBeGreaterThan(0);
    expect(states.filter((s) => s === 'ok').length).toBeGreaterThan(mine.length * 0.4);
    expect(desk.visits.filter((v) => v.status === 'planned' && v.plannedOn! >= today).length).toBeGreaterThan(5);
    expect(desk.visits.filter((v) => v.status === 'cancelled').every((v) => v.cancelReason)).toBe(true);
  });

  it('turns some problems found into visit-channel orders of the same enterprise', () => {
    const linked = desk.problems.filter((p) => p.workOrderId);
    expect(linked.length).toBeGreaterThan(5);
    for (const p of linked) {
      const o = desk.orders.find((x) => x.id === p.workOrderId)!;
      const v = desk.visits.find((x) => x.id === p.visitId)!;
      expect(o).toMatchObject({ channel: 'visit', enterpriseId: v.enterpriseId, description: p.text });
    }
    expect(desk.orders.filter((o) => o.channel === 'visit')).toHaveLength(linked.length);
  });

  it('assigns three packages with progress, and notifies the demo users', () => {
    expect(desk.packages.map((p) => p.name)).toEqual(['专精特新成长服务包', '人才安居服务包', '上市培育服务包']);
    expect(desk.assignments.length).toBeGreaterThan(20);
    expect(new Set(desk.progress.map((p) => p.status))).toEqual(new Set(['done', 'in_progress']));
    const to = (u: { id: string }) => desk.notifications.filter((n) => n.userId === u.id);
    expect(to(users.officer).length).toBeGreaterThan(0);
    expect(to(users.departmentStaff).length).toBeGreaterThan(0);
    for (const u of [users.officer, users.departmentStaff]) expect(to(u).filter((n) => !n.readAt).length).toBeGreaterThan(0);
    const keys = desk.notifications.filter((n) => n.dedupeKey).map((n) => `${n.userId} ${n.dedupeKey}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
