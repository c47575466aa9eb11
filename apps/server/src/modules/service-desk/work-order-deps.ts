import type { Db } from '../../db/pool';
import type { RequestContext } from '../../context';
import type { FieldCipher } from '../../crypto/field-cipher';
import { AppError } from '../../errors';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { EnterprisesService } from '../enterprises/enterprises.service';
import type { UserDirectory } from '../identity/user-directory';
import type { NotificationsService } from '../notifications/notifications.service';
import type { ParksService } from '../parks/parks.service';
import type { ServiceDeskSettings } from './service-desk-settings';

/** What the work-order service and its helpers (actions, attachments, notifications) are built with. */
export type WorkOrderDeps = {
  db: Db;
  audit: AuditService;
  parks: ParksService;
  enterprises: EnterprisesService;
  users: UserDirectory;
  calendar: CalendarService;
  notifications: NotificationsService;
  settings: ServiceDeskSettings;
  cipher: FieldCipher;
  clock: () => Date;
  /** Where attachments are stored: `<dataDir>/attachments/yyyy/mm/<uuid>`. */
  dataDir: string;
  log?: { warn: (obj: object, msg: string) => void };
};

/** Writes name a person (created_by, decided_by … reference users): integration tokens only read. */
export function actingUserId(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'user' || !ctx.actor.id) throw new AppError('FORBIDDEN', '此操作需由用户账号登录后执行');
  return ctx.actor.id;
}

export const unknownAttachments = () => new AppError('VALIDATION_FAILED', '附件不存在、已被使用或不是您上传的', [{ path: ['attachmentIds'], message: '附件无效' }]);
