/**
 * The one fetch client of the web app: same-origin cookies, the CSRF header on writes,
 * the server's error shape `{error:{code,message,details}}` turned into ApiError, and
 * a 401 sends the user to /login (the auth context registers that handler).
 */
import type { ErrorBody } from '@zhiyuan/core';
import i18n from '../i18n';

export type FieldError = { path: (string | number)[]; message: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Details that name a field (validation errors, weak passwords, bad USCC…). */
  get fieldErrors(): FieldError[] {
    return this.details.flatMap((d) => {
      if (!d || typeof d !== 'object') return [];
      const { path, message } = d as { path?: unknown; message?: unknown };
      if (!Array.isArray(path) || typeof message !== 'string') return [];
      return [{ path: path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number'), message }];
    });
  }
}

type Handlers = { onUnauthorized?: (err: ApiError) => void; onPasswordChangeRequired?: () => void };

let csrfToken = '';
let handlers: Handlers = {};

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function setAuthHandlers(h: Handlers): void {
  handlers = h;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** `?a=1&b=x`, skipping empty values; '' when nothing is left. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not redirect to /login on 401 (sign-in itself, the start-up /me probe). */
  noAuthRedirect?: boolean;
};

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  const multipart = opts.body instanceof FormData;
  if (opts.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(`/api${path}${toQueryString(opts.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : multipart ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', i18n.t('common.networkError'));
  }

  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (res.ok) return data as T;

  const body = (data as Partial<ErrorBody> | undefined)?.error;
  const err = body
    ? new ApiError(res.status, body.code, body.message, body.details ?? [])
    : new ApiError(res.status, `HTTP_${res.status}`, i18n.t('common.serverError', { status: res.status }));
  if (res.status === 401 && !opts.noAuthRedirect) handlers.onUnauthorized?.(err);
  if (res.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED') handlers.onPasswordChangeRequired?.();
  throw err;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  del: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
  /** multipart/form-data POST (the browser sets the boundary); the file goes in `field`. */
  upload: <T>(path: string, file: Blob, field = 'file', fileName?: string) => {
    const form = new FormData();
    form.append(field, file, fileName ?? (file instanceof File ? file.name : 'upload'));
    return request<T>(path, { method: 'POST', body: form });
  },
};

/** Same-origin URL for a download link (GET, cookie session: no CSRF header needed). */
export const apiUrl = (path: string, query?: Query) => `/api${path}${toQueryString(query)}`;
