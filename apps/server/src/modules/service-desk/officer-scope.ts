import type { RequestContext } from '../../context';
import { AppError } from '../../errors';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import type { ParkScope } from '../parks/scope';

/**
 * The parks whose visits and service packages the caller reaches: an enterprise's park decides.
 * Enterprise users reach none here (ADR 0009: they do not see visits or packages).
 */
export async function officerScope(enterprises: EnterprisesService, ctx: RequestContext): Promise<ParkScope> {
  const scope = await enterprises.scopeOf(ctx);
  return scope.kind === 'parks' ? scope.parks : { all: false, ids: new Set() };
}

/** Visits and assignments name a person (created_by, updated_by): integration tokens cannot write them. */
export function actingUser(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'user' || !ctx.actor.id) throw new AppError('FORBIDDEN', '此操作需由工作人员账号登录后执行');
  return ctx.actor.id;
}
