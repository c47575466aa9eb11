import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import { uniqueAs } from '../../db/pg-errors';
import { AppError, notFound } from '../../errors';
import { deleteSavedFilter, insertSavedFilter, listSavedFilters, type SavedFilterRow as Row } from './saved-filters.repository';

type Module = 'enterprises';
const view = (r: Row) => ({ id: r.id, module: r.module as Module, name: r.name, query: r.query, createdAt: r.createdAt.toISOString() });

/** A user's own named searches; an integration token has none. */
export function createSavedFiltersService(db: Db) {
  function owner(ctx: RequestContext): string {
    if (ctx.actor.kind !== 'user' || !ctx.actor.id) throw new AppError('BAD_REQUEST', '只有登录用户可以保存筛选条件');
    return ctx.actor.id;
  }
  return {
    async list(ctx: RequestContext, module: Module) {
      return { items: (await listSavedFilters(db, owner(ctx), module)).map(view) };
    },
    async create(ctx: RequestContext, input: { module: Module; name: string; query: Record<string, string | boolean> }) {
      const userId = owner(ctx);
      return uniqueAs(
        async () => view(await insertSavedFilter(db, { userId, ...input })),
        () => new AppError('DUPLICATE', `已有名为“${input.name}”的筛选条件`, [{ path: ['name'], message: '名称重复' }]),
      );
    },
    async remove(ctx: RequestContext, id: string) {
      if (!(await deleteSavedFilter(db, owner(ctx), id))) throw notFound('筛选条件');
    },
  };
}
export type SavedFiltersService = ReturnType<typeof createSavedFiltersService>;
