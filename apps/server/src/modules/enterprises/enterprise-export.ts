import type { EnterpriseFilter } from '@zhiyuan/core';
import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import type { FieldCipher } from '../../crypto/field-cipher';
import type { AuditService } from '../audit/audit.service';
import type { ParksService } from '../parks/parks.service';
import type { UserDirectory } from '../identity/user-directory';
import type { EnterprisesService } from './enterprises.service';
import * as repo from './enterprises.repository';
import { sheetValuesOf, writeEnterpriseWorkbook, writeTemplate, type Lookups } from './enterprise-workbook';

export type ExportDeps = { db: Db; audit: AuditService; parks: ParksService; users: UserDirectory; enterprises: EnterprisesService; cipher: FieldCipher };

/** Any search result as a workbook in the import template's layout, and the template itself. */
export function createEnterpriseExport({ db, audit, parks, users, enterprises, cipher }: ExportDeps) {
  async function lookups(): Promise<Lookups> {
    const [parkList, officers] = await Promise.all([parks.directory(), users.officers()]);
    const parkName = new Map(parkList.map((p) => [p.id, p.name]));
    const username = new Map(officers.map((o) => [o.id, o.username]));
    return { parkName: (id) => parkName.get(id) ?? '', officerUsername: (id) => username.get(id) ?? null, cipher };
  }

  return {
    async export(ctx: RequestContext, filter: EnterpriseFilter) {
      const [scope, l, f] = await Promise.all([enterprises.scopeOf(ctx), lookups(), enterprises.listFilter(filter)]);
      await audit.record(db, ctx, { action: 'enterprise.export', targetType: 'enterprise', summary: { filter } });
      async function* rows() {
        for await (const batch of repo.scanEnterprises(db, scope, f, enterprises.today())) {
          const movedIn = await repo.movedInDates(db, batch.map((r) => r.id));
          yield batch.map((r) => sheetValuesOf(r, l, movedIn.get(r.id)));
        }
      }
      return writeEnterpriseWorkbook(rows());
    },

    async template() {
      const [park] = await parks.directory().then((ps) => ps.filter((p) => p.parentId !== null));
      return writeTemplate({
        uscc: '91110108MA01XXXXXX（示例，请删除此行）',
        name: '北京示例科技有限公司',
        registeredCapital: 1000,
        establishedOn: '2020-05-18',
        park: park?.name ?? '',
        industryCode: '6513',
        aboveScale: false,
        listingStage: 'none',
        headcount: 120,
        floorArea: 2500,
        floorTenure: 'rented',
        tags: ['新入驻'],
        contactName: '张三',
        contactPhone: '13900000000',
        movedInOn: '2021-03-01',
      });
    },
  };
}
export type EnterpriseExport = ReturnType<typeof createEnterpriseExport>;
