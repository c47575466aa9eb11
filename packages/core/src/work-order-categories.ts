/** The editable category tree of work orders (政策咨询, 人才服务 …): seed names and tree helpers. */

/** Seeded once on an empty table by the server; editable afterwards. */
export const defaultWorkOrderCategories = ['政策咨询', '人才服务', '融资', '用地用房', '审批', '知识产权', '其他'] as const;

/** How deep the tree may grow (a category and two levels below it). */
export const maxCategoryDepth = 3;

export type CategoryNode<T extends { id: string; parentId: string | null }> = T & { children: CategoryNode<T>[] };

/** Flat rows → forest, keeping the input order among siblings; a row whose parent is missing becomes a root. */
export function buildCategoryTree<T extends { id: string; parentId: string | null }>(rows: readonly T[]): CategoryNode<T>[] {
  const nodes = new Map<string, CategoryNode<T>>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: CategoryNode<T>[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId == null ? undefined : nodes.get(r.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Names from the root down, e.g. ['人才服务', '人才公寓']; empty for an unknown id. */
export function categoryPath(rows: readonly { id: string; parentId: string | null; name: string }[], id: string): string[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path: string[] = [];
  for (let r = byId.get(id); r && path.length <= rows.length; r = r.parentId == null ? undefined : byId.get(r.parentId)) path.unshift(r.name);
  return path;
}

/**
 * Why `id` may not move under `newParentId`, or null when it may: not under itself or one of
 * its descendants, and not deeper than maxCategoryDepth.
 */
export function categoryMoveProblem(rows: readonly { id: string; parentId: string | null }[], id: string, newParentId: string | null): string | null {
  if (newParentId == null) return subtreeHeight(rows, id) > maxCategoryDepth ? `分类最多 ${maxCategoryDepth} 级` : null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (!byId.has(newParentId)) return '上级分类不存在';
  let depth = 0;
  for (let p: string | null = newParentId; p != null; p = byId.get(p)?.parentId ?? null) {
    if (p === id) return '不能移动到自身或其下级分类之下';
    if (++depth > rows.length) break;
  }
  return depth + subtreeHeight(rows, id) > maxCategoryDepth ? `分类最多 ${maxCategoryDepth} 级` : null;
}

/** Levels from `id` down to its deepest descendant, itself included (1 for a leaf). */
function subtreeHeight(rows: readonly { id: string; parentId: string | null }[], id: string, seen = new Set<string>()): number {
  if (seen.has(id)) return 0;
  seen.add(id);
  let h = 0;
  for (const r of rows) if (r.parentId === id) h = Math.max(h, subtreeHeight(rows, r.id, seen));
  return 1 + h;
}
