/** Service packages (服务包, issue 6 §7): named bundles of service items assigned to enterprises, each item with its progress. */

export const packageItemStatuses = ['todo', 'in_progress', 'done'] as const;
export type PackageItemStatus = (typeof packageItemStatuses)[number];
export const packageItemStatusNames: Record<PackageItemStatus, string> = { todo: '未开始', in_progress: '进行中', done: '已完成' };

export interface PackageCompletion {
  total: number;
  done: number;
  inProgress: number;
  /** done ÷ total; null for a package without items. */
  share: number | null;
}

/** How far an enterprise's package is: only finished items count toward the share. */
export function packageCompletion(items: readonly { status: PackageItemStatus }[]): PackageCompletion {
  const done = items.filter((i) => i.status === 'done').length;
  const inProgress = items.filter((i) => i.status === 'in_progress').length;
  return { total: items.length, done, inProgress, share: items.length > 0 ? done / items.length : null };
}
