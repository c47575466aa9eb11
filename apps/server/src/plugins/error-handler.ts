import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorStatus, type ErrorCode } from '../errors';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The field path of one validation issue: zod's own path, else the JSON pointer; array indexes as numbers. */
function issuePath(v: { instancePath: string; params: unknown }): (string | number)[] {
  const zodPath = (v.params as { issue?: { path?: PropertyKey[] } }).issue?.path;
  const path = zodPath?.length ? zodPath.map(String) : v.instancePath.split('/').filter(Boolean);
  return path.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function toAppError(err: FastifyError | AppError): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({ path: issuePath(v), in: err.validationContext, message: v.message }));
    return new AppError('VALIDATION_FAILED', `请求参数无效：${details.map((d) => `${d.path.join('.') || err.validationContext}：${d.message}`).join('；')}`, details);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', '请求体过大');
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', '文件过大：不能超过 20 MB');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件');
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('BAD_REQUEST', '一次只能上传一个文件');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('BAD_REQUEST', '请求体为空，应为 JSON');
  }
  // Text PostgreSQL cannot store (NUL bytes, bad encoding) or a malformed value it refused: the input's fault.
  if (['22021', '22P05', '22P02', '22007', '22008'].includes((err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code ?? '')) {
    return new AppError('BAD_REQUEST', '请求中含有无法保存的字符或格式错误的值');
  }
  if (err.statusCode === 429) return new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试');
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return new AppError('BAD_REQUEST', '请求体不是有效的 JSON');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return new AppError('BAD_REQUEST', '请求无效');
  return new AppError('INTERNAL', '服务器内部错误，请稍后再试');
}

/** One JSON error shape (DESIGN.md §4); internals go to the log, never to the client. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler(async (err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) => {
    const e = toAppError(err);
    if (e.code === 'INTERNAL') req.log.error({ err }, 'unhandled error');
    else req.log.info({ code: e.code }, e.message);
    await recordRefusal(req, e);
    if (e.code === 'RATE_LIMITED' && 'headers' in err && err.headers) reply.headers(err.headers as Record<string, string>);
    return reply.status(errorStatus[e.code as ErrorCode]).send({ error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } });
  });
  app.setNotFoundHandler(async (req, reply) => {
    if (!req.url.startsWith('/api/') && req.method === 'GET' && app.hasDecorator('serveIndex')) return app.serveIndex(reply);
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `未找到 ${req.method} ${req.url.split('?')[0]}` } });
  });
}

/** Denials (any method) and failed writes by a known actor are audited, outside the failed transaction. */
async function recordRefusal(req: FastifyRequest, e: AppError): Promise<void> {
  const denied = e.code === 'FORBIDDEN';
  if (!req.actor || (!denied && !WRITE_METHODS.has(req.method)) || req.routeOptions.config?.auditsItself) return;
  try {
    await req.server.services.audit.record(req.server.database.db, req.ctx(), {
      action: req.routeOptions.config?.action ?? `${req.method} ${req.routeOptions.url ?? req.url}`,
      targetId: (req.params as { id?: string } | undefined)?.id ?? null,
      result: denied ? 'denied' : 'failure',
      summary: { code: e.code, message: e.message, method: req.method, route: req.routeOptions.url, ...(e.details ? { details: e.details } : {}) },
    });
  } catch (auditErr) {
    req.log.error({ err: auditErr }, 'could not audit a refused request');
  }
}
