import { z } from 'zod';

export const usccResponse = z.object({
  valid: z.boolean(),
  errors: z.array(z.object({ code: z.string(), position: z.number().optional(), message: z.string(), expected: z.string().optional() })),
  parts: z.record(z.string(), z.unknown()).nullable(),
});
export const industryList = z.object({
  sections: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
  divisions: z.array(z.object({ code: z.string(), nameZh: z.string(), section: z.string() })),
});
