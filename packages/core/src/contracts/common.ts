import { z } from 'zod';

// Validation messages reach users (field errors in forms, API details): Chinese first, like every message.
z.config(z.locales.zhCN());

export const uuid = z.uuid();

/** A comma-separated list in a query string (`status=a,b`): blanks dropped, each item validated, at most `max` items. */
export const commaList = <T extends z.ZodType<unknown, string>>(item: T, max: number, maxLength = 400) =>
  z
    .string()
    .max(maxLength)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).max(max));

/** Query parameters every list endpoint accepts. */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.string().max(64).optional().describe('field, or -field for descending'),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const idParams = z.object({ id: uuid });

export const ok = z.object({ ok: z.literal(true) });
