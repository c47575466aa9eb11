import type { RequestContext } from '../../context';
import { AppError, forbidden } from '../../errors';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import type { ParkScope } from '../parks/scope';

/** Park ids to filter on: null when the caller sees the whole zone. */
export const parkFilterOf = (scope: ParkScope): string[] | null => (scope.all ? null : [...scope.ids]);

/** Park staff's scope; enterprise users have none here (their own figures come through their enterprise). */
export async function staffScope(enterprises: EnterprisesService, ctx: RequestContext): Promise<ParkScope> {
  const scope = await enterprises.scopeOf(ctx);
  if (scope.kind !== 'parks') throw forbidden();
  return scope.parks;
}

/** Catalog changes, closing periods and full refreshes concern the whole zone: zone-wide staff only. */
export async function requireZoneWide(enterprises: EnterprisesService, ctx: RequestContext): Promise<void> {
  if (!(await staffScope(enterprises, ctx)).all) throw new AppError('FORBIDDEN', '此操作影响全区，仅限全区范围的统计人员');
}
