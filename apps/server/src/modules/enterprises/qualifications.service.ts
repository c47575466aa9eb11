import { addDays, addYears, daysBetween, type Qualification, type QualificationKind } from '@zhiyuan/core';
import type { z } from 'zod';
import type { createQualificationKindRequest, createQualificationRequest, updateQualificationKindRequest, updateQualificationRequest } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import { uniqueAs } from '../../db/pg-errors';
import { AppError, notFound } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import { touched } from '../audit/summary';
import { streamWorkbook } from '../../xlsx/write-workbook';
import type { EnterprisesService } from './enterprises.service';
import type { ParksService } from '../parks/parks.service';
import * as repo from './qualifications.repository';

const toKind = (k: repo.KindRow): QualificationKind => ({ code: k.code, name: k.name, validityYears: k.validityYears, active: k.active, sort: k.sort });

/** validFrom + N years − 1 day: a certificate issued 2024-11-05 for 3 years runs to 2027-11-04. */
const defaultValidTo = (validFrom: string, years: number) => addDays(addYears(validFrom, years), -1);

type ExpiringInput = { days: number; parkId?: string; kind?: string };

export function createQualificationsService(db: Db, audit: AuditService, enterprises: EnterprisesService, parks: ParksService) {
  async function kindNames() {
    return new Map((await repo.listKinds(db)).map((k) => [k.code, k.name]));
  }
  const toQualification = (q: repo.QualificationRow, names: Map<string, string>): Qualification => ({
    id: q.id,
    enterpriseId: q.enterpriseId,
    kind: q.kind,
    kindName: names.get(q.kind) ?? q.kind,
    certificateNo: q.certificateNo,
    issuer: q.issuer,
    validFrom: q.validFrom,
    validTo: q.validTo,
    reviews: q.reviews.map((r) => ({ date: r.date, outcome: r.outcome, note: r.note ?? null })),
    note: q.note,
    createdAt: q.createdAt.toISOString(),
  });

  async function activeKind(code: string) {
    const kind = await repo.findKind(db, code);
    if (!kind || !kind.active) throw new AppError('VALIDATION_FAILED', `资质类型“${code}”不存在或已停用`, [{ path: ['kind'], message: '资质类型不存在或已停用' }]);
    return kind;
  }

  async function expiringFilter(input: ExpiringInput) {
    const from = enterprises.today();
    return { from, to: addDays(from, input.days), kind: input.kind, ...(input.parkId ? { parkIds: await parks.subtree(input.parkId) } : {}) };
  }

  return {
    async kinds() {
      return { items: (await repo.listKinds(db)).map(toKind) };
    },

    async createKind(ctx: RequestContext, input: z.infer<typeof createQualificationKindRequest>) {
      return uniqueAs(
        () =>
          db.transaction(async (tx) => {
            const kind = await repo.insertKind(tx, { ...input, validityYears: input.validityYears ?? null });
            await audit.record(tx, ctx, { action: 'qualificationKind.create', targetType: 'qualification_kind', targetId: kind.code, summary: { after: toKind(kind) } });
            return toKind(kind);
          }),
        () => new AppError('DUPLICATE', '资质类型编码或名称已存在', [{ path: ['code'], message: '编码或名称已存在' }]),
      );
    },

    async updateKind(ctx: RequestContext, code: string, input: z.infer<typeof updateQualificationKindRequest>) {
      const before = await repo.findKind(db, code);
      if (!before) throw notFound('资质类型');
      return uniqueAs(
        () =>
          db.transaction(async (tx) => {
            const kind = await repo.updateKind(tx, code, input);
            await audit.record(tx, ctx, { action: 'qualificationKind.update', targetType: 'qualification_kind', targetId: code, summary: { before: touched(toKind(before), input), after: touched(toKind(kind), input) } });
            return toKind(kind);
          }),
        () => new AppError('DUPLICATE', '资质类型名称已存在', [{ path: ['name'], message: '名称已存在' }]),
      );
    },

    async list(ctx: RequestContext, enterpriseId: string) {
      await enterprises.visible(ctx, enterpriseId);
      const names = await kindNames();
      return { items: (await repo.listQualifications(db, enterpriseId)).map((q) => toQualification(q, names)) };
    },

    async create(ctx: RequestContext, enterpriseId: string, input: z.infer<typeof createQualificationRequest>) {
      await enterprises.visible(ctx, enterpriseId);
      const kind = await activeKind(input.kind);
      const validTo = input.validTo !== undefined ? input.validTo : kind.validityYears ? defaultValidTo(input.validFrom, kind.validityYears) : null;
      const names = await kindNames();
      return db.transaction(async (tx) => {
        const q = await repo.insertQualification(tx, { ...input, enterpriseId, validTo, certificateNo: input.certificateNo ?? null, issuer: input.issuer ?? null, note: input.note ?? null, reviews: input.reviews ?? [] });
        const view = toQualification(q, names);
        await audit.record(tx, ctx, { action: 'enterprise.qualification.create', targetType: 'enterprise', targetId: enterpriseId, summary: { qualificationId: q.id, after: { kind: view.kindName, certificateNo: q.certificateNo, validFrom: q.validFrom, validTo: q.validTo } } });
        return view;
      });
    },

    async update(ctx: RequestContext, enterpriseId: string, id: string, input: z.infer<typeof updateQualificationRequest>) {
      await enterprises.visible(ctx, enterpriseId);
      const before = await repo.findQualification(db, enterpriseId, id);
      if (!before) throw notFound('资质');
      if (input.kind && input.kind !== before.kind) await activeKind(input.kind);
      const validFrom = input.validFrom ?? before.validFrom;
      const validTo = input.validTo !== undefined ? input.validTo : before.validTo;
      if (validTo && validTo < validFrom) throw new AppError('VALIDATION_FAILED', '有效期止不能早于有效期起', [{ path: ['validTo'], message: '有效期止不能早于有效期起' }]);
      const names = await kindNames();
      return db.transaction(async (tx) => {
        const q = await repo.updateQualification(tx, id, input);
        await audit.record(tx, ctx, { action: 'enterprise.qualification.update', targetType: 'enterprise', targetId: enterpriseId, summary: { qualificationId: id, before: touched(toQualification(before, names), input), after: touched(toQualification(q, names), input) } });
        return toQualification(q, names);
      });
    },

    async remove(ctx: RequestContext, enterpriseId: string, id: string) {
      await enterprises.visible(ctx, enterpriseId);
      const before = await repo.findQualification(db, enterpriseId, id);
      if (!before) throw notFound('资质');
      const names = await kindNames();
      await db.transaction(async (tx) => {
        await repo.deleteQualification(tx, id);
        const view = toQualification(before, names);
        await audit.record(tx, ctx, { action: 'enterprise.qualification.delete', targetType: 'enterprise', targetId: enterpriseId, summary: { qualificationId: id, before: { kind: view.kindName, certificateNo: view.certificateNo, validFrom: view.validFrom, validTo: view.validTo } } });
      });
    },

    async expiring(ctx: RequestContext, input: ExpiringInput, page: number, pageSize: number) {
      const f = await expiringFilter(input);
      const [r, names] = await Promise.all([repo.listExpiring(db, await enterprises.scopeOf(ctx), f, page, pageSize), kindNames()]);
      return {
        items: r.items.map((x) => ({ ...toQualification(x.q, names), enterpriseName: x.enterpriseName, uscc: x.uscc, parkId: x.parkId, daysLeft: daysBetween(f.from, x.q.validTo!) })),
        total: r.total,
        page,
        pageSize,
      };
    },

    async exportExpiring(ctx: RequestContext, input: ExpiringInput) {
      const f = await expiringFilter(input);
      const [rows, names, parkList] = await Promise.all([repo.allExpiring(db, await enterprises.scopeOf(ctx), f), kindNames(), parks.directory()]);
      const parkNames = new Map(parkList.map((p) => [p.id, p.name]));
      await audit.record(db, ctx, { action: 'qualification.expiring.export', targetType: 'qualification', summary: { filter: input, rows: rows.length } });
      const columns = [
        { header: '企业名称', key: 'enterpriseName', width: 32 },
        { header: '统一社会信用代码', key: 'uscc', width: 22 },
        { header: '所属园区', key: 'park', width: 14 },
        { header: '资质', key: 'kind', width: 22 },
        { header: '证书编号', key: 'certificateNo', width: 20 },
        { header: '有效期起', key: 'validFrom', width: 12 },
        { header: '有效期止', key: 'validTo', width: 12 },
        { header: '剩余天数', key: 'daysLeft', width: 10 },
      ];
      const data = rows.map((x) => ({
        enterpriseName: x.enterpriseName,
        uscc: x.uscc,
        park: parkNames.get(x.parkId) ?? '',
        kind: names.get(x.q.kind) ?? x.q.kind,
        certificateNo: x.q.certificateNo,
        validFrom: x.q.validFrom,
        validTo: x.q.validTo,
        daysLeft: daysBetween(f.from, x.q.validTo!),
      }));
      return streamWorkbook([{ name: '资质到期提醒', columns, rows: [data] }]);
    },
  };
}
export type QualificationsService = ReturnType<typeof createQualificationsService>;
