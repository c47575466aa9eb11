import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { shanghaiDate, workOrderAttachmentLimits, workOrderAttachmentTypes, type AttachmentUpload } from '@zhiyuan/core';
import type { RequestContext } from '../../context';
import { AppError, notFound } from '../../errors';
import { actingUserId, type WorkOrderDeps } from './work-order-deps';
import * as timeline from './work-order-timeline.repository';
import type { WorkOrdersService } from './work-orders.service';

type AllowedType = (typeof workOrderAttachmentTypes)[number];
const byExt = (ext: AllowedType['ext']) => workOrderAttachmentTypes.find((t) => t.ext === ext)!;
const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/**
 * The type from the content alone (magic bytes), never from the name or the browser's word.
 * Zip containers are told apart by their part names (stored uncompressed in the entry headers),
 * OLE2 compound files by their main stream's name (UTF-16 in the directory).
 */
export function detectAttachmentType(buf: Buffer): AllowedType | null {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return byExt('pdf'); // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return byExt('png');
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return byExt('jpg');
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    if (buf.includes('word/document.xml')) return byExt('docx');
    if (buf.includes('xl/workbook.xml')) return byExt('xlsx');
    if (buf.includes('OFD.xml')) return byExt('ofd');
    return null;
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (buf.includes(utf16('WordDocument'))) return byExt('doc');
    if (buf.includes(utf16('Workbook')) || buf.includes(utf16('Book'))) return byExt('xls');
  }
  return null;
}

/** A file name fit to show and to send back: no directories, no control characters. */
const cleanName = (name: string) => (path.basename(name.replace(/\\/g, '/')).replace(/[\p{Cc}\p{Cf}"]/gu, '').trim() || '附件').slice(0, 200);

const STALE_MS = 24 * 3_600_000;

/** Uploads (checked, stored under DATA_DIR with their sha256) and downloads within the order's visibility. */
export function createWorkOrderAttachments(deps: WorkOrderDeps, orders: WorkOrdersService) {
  const { db, audit, clock, dataDir } = deps;
  const fileOf = (storageKey: string) => path.join(dataDir, storageKey);

  /** Unlinked uploads older than a day go with their files, a few at a time, on later uploads. */
  async function purgeStale(now: Date) {
    const keys = await db.transaction((tx) => timeline.deleteUnlinkedBefore(tx, new Date(now.getTime() - STALE_MS), 20));
    await Promise.all(keys.map((k) => fs.rm(fileOf(k), { force: true })));
  }

  return {
    async upload(ctx: RequestContext, fileName: string, buf: Buffer): Promise<AttachmentUpload> {
      const userId = actingUserId(ctx);
      if (buf.length > workOrderAttachmentLimits.maxBytes) throw tooLarge();
      if (buf.length === 0) throw new AppError('INVALID_FILE', '文件为空', [{ path: ['file'], message: '文件为空' }]);
      const type = detectAttachmentType(buf);
      if (!type) throw new AppError('INVALID_FILE', `不支持的文件类型：仅接受 ${workOrderAttachmentTypes.map((t) => t.ext).join('、')}（按文件内容识别）`, [{ path: ['file'], message: '文件类型不允许' }]);
      const now = clock();
      const id = randomUUID();
      const storageKey = `attachments/${shanghaiDate(now).slice(0, 7).replace('-', '/')}/${id}`;
      await fs.mkdir(path.dirname(fileOf(storageKey)), { recursive: true });
      await fs.writeFile(fileOf(storageKey), buf, { flag: 'wx', mode: 0o640 });
      const name = cleanName(fileName);
      try {
        await db.transaction(async (tx) => {
          await timeline.insertAttachment(tx, { id, storageKey, sha256: createHash('sha256').update(buf).digest('hex'), mime: type.mime, size: buf.length, fileName: name, uploadedBy: userId, uploadedAt: now });
          await audit.record(tx, ctx, { action: 'workOrder.attachment.upload', targetType: 'work_order_attachment', targetId: id, summary: { fileName: name, size: buf.length, mime: type.mime } });
        });
      } catch (e) {
        await fs.rm(fileOf(storageKey), { force: true });
        throw e;
      }
      await purgeStale(now).catch(() => undefined);
      return { id, fileName: name, size: buf.length, mime: type.mime };
    },

    /** Within the order's reach and its timeline entry's visibility; an unlinked upload only for its uploader. */
    async download(ctx: RequestContext, id: string): Promise<{ stream: Readable; mime: string; fileName: string; size: number }> {
      const a = await timeline.findAttachment(db, id);
      if (!a) throw notFound('附件');
      if (!a.orderId) {
        if (a.uploadedBy !== ctx.actor.id) throw notFound('附件');
      } else {
        const { scope } = await orders.visible(ctx, a.orderId);
        if (scope.kind === 'requester' && a.eventId && !(await timeline.eventsOf(db, a.orderId, true)).some((e) => e.id === a.eventId)) throw notFound('附件');
      }
      const file = fileOf(a.storageKey);
      if (!(await fs.stat(file).catch(() => null))) throw notFound('附件文件');
      return { stream: createReadStream(file), mime: a.mime, fileName: a.fileName, size: a.size };
    },
  };
}
export type WorkOrderAttachments = ReturnType<typeof createWorkOrderAttachments>;

export const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `附件不能超过 ${workOrderAttachmentLimits.maxBytes / 1024 / 1024} MB`);
