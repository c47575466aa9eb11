import { z } from 'zod';

export const usccParts = z.object({
  code: z.string(),
  registrationAuthority: z.string(),
  registrationAuthorityName: z.string().nullable(),
  entityType: z.string(),
  entityTypeName: z.string().nullable(),
  divisionCode: z.string(),
  provinceCode: z.string(),
  provinceName: z.string().nullable(),
  organizationCode: z.string(),
  organizationCodeCheckValid: z.boolean().describe('GB 11714 check of positions 9–17: information only'),
  checkDigit: z.string(),
  expectedCheckDigit: z.string().nullable(),
});

export const usccResponse = z.object({
  valid: z.boolean(),
  errors: z.array(z.object({ code: z.string(), position: z.number().optional(), message: z.string(), expected: z.string().optional() })),
  parts: usccParts.nullable(),
});
export const industryList = z.object({
  sections: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })).readonly(),
  divisions: z.array(z.object({ code: z.string(), nameZh: z.string(), section: z.string() })).readonly(),
});
