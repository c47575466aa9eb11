/** One error type for the whole server; the handler maps code → HTTP status. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_FILE: 400,
  WEAK_PASSWORD: 400,
  INVALID_ROLES: 400,
  NOT_SIGNED_IN: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  DUPLICATE_USCC: 409,
  /** A work-order action out of order (core's state machine said no). */
  ILLEGAL_TRANSITION: 409,
  /** A work-order category that orders use: deactivate it instead. */
  CATEGORY_IN_USE: 409,
  /** A visit's problem already became a work order (its one click was taken). */
  PROBLEM_HAS_ORDER: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_REJECTED: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown[],
  ) {
    super(message);
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = '对象') => new AppError('NOT_FOUND', `${what}不存在或不在您的权限范围内`);
export const forbidden = () => new AppError('FORBIDDEN', '您没有执行此操作的权限');
