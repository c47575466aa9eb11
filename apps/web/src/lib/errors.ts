import type { FormInstance } from 'antd';
import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

type PathMap = Record<string, string>;

/**
 * Puts the server's field errors (details with a path) on the form's fields.
 * `pathMap` renames server paths to form field names (e.g. password → newPassword).
 * Returns true when at least one field got an error.
 */
export function applyFieldErrors(form: FormInstance | undefined, err: unknown, pathMap: PathMap = {}): boolean {
  if (!form || !(err instanceof ApiError)) return false;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const fe of err.fieldErrors) {
    if (fe.path.length === 0) continue;
    const first = String(fe.path[0]);
    const name = pathMap[first] ? [pathMap[first]] : [first];
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(fe.message);
    byField.set(key, entry);
  }
  const fields = [...byField.values()];
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}

/** A handler that shows an error's message (the server's Chinese text for ApiErrors). */
export function useShowError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (err: unknown, form?: FormInstance, pathMap?: PathMap) => {
      applyFieldErrors(form, err, pathMap);
      const text = err instanceof ApiError ? err.message : err instanceof Error ? err.message : t('common.unknownError');
      void message.error(text);
    },
    [message, t],
  );
}
