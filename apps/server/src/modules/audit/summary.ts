/** The fields a patch touched, taken from `obj`: before/after summaries stay small. */
export function touched<T extends object>(obj: T, patch: object): Partial<T> {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, (obj as Record<string, unknown>)[k]])) as Partial<T>;
}
