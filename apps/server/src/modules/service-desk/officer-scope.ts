import type { RequestContext } from '../../context';
import { AppError } from '../../errors';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import type { ParkScope } from '../parks/scope';

/**
 * The parks whose visits and service packages the caller reaches in the staff views: an
 * enterprise's park decides. Enterprise users reach none here; they read their own enterprise's
 * in the portal's view (portalEnterprise).
 */
export async function officerScope(enterprises: EnterprisesService, ctx: RequestContext): Promise<ParkScope> {
  const scope = await enterprises.scopeOf(ctx);
  return scope.kind === 'parks' ? scope.parks : { all: false, ids: new Set() };
}

/** Every park: the portal's views are narrowed by the enterprise, not by parks. */
export const everyPark: ParkScope = { all: true, ids: new Set() };

/**
 * The enterprise whose visits and packages the caller reads in the portal (我的服务): an enterprise
 * user's own (null: the account is linked to none, so it reads nothing). Staff use the staff views.
 */
export async function portalEnterprise(enterprises: EnterprisesService, ctx: RequestContext): Promise<string | null> {
  const scope = await enterprises.scopeOf(ctx);
  if (scope.kind !== 'own') throw new AppError('FORBIDDEN', '“我的服务”供企业用户查看本企业的走访和服务包；工作人员请在走访记录、服务包页面查看');
  return scope.enterpriseId;
}

/** Visits and assignments name a person (created_by, updated_by): integration tokens cannot write them. */
export function actingUser(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'user' || !ctx.actor.id) throw new AppError('FORBIDDEN', '此操作需由工作人员账号登录后执行');
  return ctx.actor.id;
}
