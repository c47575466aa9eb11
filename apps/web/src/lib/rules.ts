import type { Rule } from 'antd/es/form';

type Schema = { safeParse: (v: unknown) => { success: boolean } };

/**
 * A form rule backed by a schema of packages/core (the server validates with the same one);
 * the message is the UI's own, in the current language. Empty values pass (use `required`).
 */
export function schemaRule(schema: Schema, message: string): Rule {
  return {
    validator: (_r, value: unknown) =>
      value === undefined || value === null || value === '' || schema.safeParse(value).success ? Promise.resolve() : Promise.reject(new Error(message)),
  };
}

/** '' and whitespace-only become undefined, the rest is trimmed. */
export function blankToUndefined(v: string | null | undefined): string | undefined {
  const s = v?.trim();
  return s ? s : undefined;
}
