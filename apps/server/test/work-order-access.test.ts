import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';
import { multipartFile } from './multipart';

// Who reaches which order, attachments, the list and its export.
const FRIDAY = new Date('2026-11-20T02:00:00Z');
let now = FRIDAY;
let t: TestApp;
let dataDir: string;
let admin: Session, officer: Session, leader: Session, ent: Session, otherEnt: Session, staffA: Session, staffB: Session;
let haidianId: string, depA: string, depB: string;

const get = (s: Session, url: string) => t.app.inject(as(s, 'GET', url));
const act = (s: Session, id: string, body: object) => t.app.inject(as(s, 'POST', `/api/work-orders/${id}/actions`, body));
async function ok(s: Session, id: string, body: object) {
  const r = await act(s, id, body);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}
async function newOrder(s: Session = ent, body: object = {}) {
  const r = await t.app.inject(as(s, 'POST', '/api/work-orders', { type: 'help', title: '融资对接', description: '需要银行授信对接。', ...body }));
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; number: string; attachments: { id: string }[] };
}
function upload(s: Session, fileName: string, content: Buffer) {
  const { payload, contentType } = multipartFile(fileName, content, 'application/pdf');
  return t.app.inject({ method: 'POST', url: '/api/work-order-attachments', payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType } });
}
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\n%%EOF\n`);
async function uploaded(s: Session, text: string) {
  const r = await upload(s, `${text}.pdf`, pdf(text));
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; fileName: string; size: number; mime: string };
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'zy-woa-'));
  t = await createTestApp({ clock: () => now, env: { DATA_DIR: dataDir } });
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  officer = await login(t.app, 'demo_service_officer', DEMO_PASSWORD);
  leader = await login(t.app, 'demo_leader', DEMO_PASSWORD);
  ent = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
  haidianId = ((await get(admin, '/api/parks')).json().items as { id: string; code: string }[]).find((p) => p.code === 'ZGC-HD')!.id;
  const dept = async (name: string) => (await t.app.inject(as(admin, 'POST', '/api/departments', { name, parkId: haidianId }))).json().id as string;
  [depA, depB] = [await dept('访问测试一科'), await dept('访问测试二科')];
  const user = async (username: string, body: object) => {
    const r = await t.app.inject(as(admin, 'POST', '/api/users', { username, displayName: username, password: 'Work-Order-2025!', parkIds: [haidianId], ...body }));
    expect(r.statusCode, r.body).toBe(201);
    return login(t.app, username, 'Work-Order-2025!');
  };
  staffA = await user('woa_staff_a', { roles: ['department_staff'], departmentId: depA });
  staffB = await user('woa_staff_b', { roles: ['department_staff'], departmentId: depB });
  const other = ((await get(officer, `/api/enterprises?parkId=${haidianId}&status=active&pageSize=5`)).json().items as { id: string }[]).find((e) => e.id !== ent.user.enterpriseId)!;
  otherEnt = await user('woa_other_ent', { roles: ['enterprise'], enterpriseId: other.id });
});
afterAll(async () => {
  await t.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('scope', () => {
  it('an enterprise user reaches only its own enterprise’s orders: another’s is 404 everywhere', async () => {
    const o = await newOrder();
    expect((await get(otherEnt, `/api/work-orders/${o.id}`)).statusCode).toBe(404);
    expect((await act(otherEnt, o.id, { action: 'addInfo', content: '冒充补充' })).statusCode).toBe(404);
    expect((await get(otherEnt, '/api/work-orders?pageSize=200')).json().items.some((x: { id: string }) => x.id === o.id)).toBe(false);
    const mine = (await get(ent, '/api/work-orders?pageSize=200')).json();
    expect(mine.items.every((x: { enterpriseId: string }) => x.enterpriseId === ent.user.enterpriseId)).toBe(true);
    expect(mine.items.some((x: { id: string }) => x.id === o.id)).toBe(true);
  });

  it('department staff see the orders their department leads or co-handles, nothing else', async () => {
    const led = await newOrder();
    const shared = await newOrder();
    const unassigned = await newOrder();
    await ok(officer, led.id, { action: 'assign', departmentId: depA });
    await ok(officer, shared.id, { action: 'assign', departmentId: depA, coHandlerDepartmentIds: [depB] });
    const ids = async (s: Session) => new Set(((await get(s, '/api/work-orders?pageSize=200')).json().items as { id: string }[]).map((x) => x.id));
    const a = await ids(staffA);
    const b = await ids(staffB);
    expect([a.has(led.id), a.has(shared.id), a.has(unassigned.id)]).toEqual([true, true, false]);
    expect([b.has(led.id), b.has(shared.id), b.has(unassigned.id)]).toEqual([false, true, false]);
    expect((await get(staffB, `/api/work-orders/${led.id}`)).statusCode).toBe(404);
    expect((await get(staffB, `/api/work-orders/${shared.id}`)).statusCode).toBe(200);
    expect((await act(staffB, led.id, { action: 'reply', content: '越权答复' })).statusCode).toBe(404);
    // A transfer takes the order out of 一科's reach.
    await ok(officer, led.id, { action: 'assign', departmentId: depB });
    expect((await get(staffA, `/api/work-orders/${led.id}`)).statusCode).toBe(404);
    expect((await get(staffB, `/api/work-orders/${led.id}`)).statusCode).toBe(200);
  });
});

describe('attachments', () => {
  it('over 10 MiB → 413; a program renamed .pdf → 400; stored under DATA_DIR by id with its sha256', async () => {
    const big = Buffer.concat([pdf('big'), Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(ent, 'big.pdf', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200)]);
    const bad = await upload(ent, 'invoice.pdf', exe);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_FILE');
    const a = await uploaded(ent, '营业执照');
    expect(a).toMatchObject({ fileName: '营业执照.pdf', mime: 'application/pdf' });
    const row = (await t.database.pool.query('SELECT storage_key, sha256 FROM work_order_attachments WHERE id = $1', [a.id])).rows[0];
    expect(row.storage_key).toBe(`attachments/2026/11/${a.id}`);
    const stored = await fs.readFile(path.join(dataDir, row.storage_key));
    expect(row.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
  });

  it('an upload is linked by its uploader only; the requester never reaches an internal note’s file', async () => {
    const mine = await uploaded(ent, '申请表');
    const o = await newOrder(ent, { attachmentIds: [mine.id] });
    expect(o.attachments.map((x) => x.id)).toEqual([mine.id]);
    await ok(officer, o.id, { action: 'assign', departmentId: depA });
    const replyFile = await uploaded(staffA, '答复函');
    const noteFile = await uploaded(staffA, '内部材料');
    await ok(staffA, o.id, { action: 'reply', content: '见附件', attachmentIds: [replyFile.id] });
    await ok(staffA, o.id, { action: 'note', content: '内部记录', attachmentIds: [noteFile.id] });
    // Someone else's upload cannot be attached, nor an already linked one.
    const foreign = await uploaded(staffA, '别人的文件');
    expect((await act(ent, o.id, { action: 'addInfo', content: '补充', attachmentIds: [foreign.id] })).statusCode).toBe(400);
    expect((await act(ent, o.id, { action: 'addInfo', content: '补充', attachmentIds: [mine.id] })).statusCode).toBe(400);

    const dl = (s: Session, id: string) => get(s, `/api/work-order-attachments/${id}`);
    const r = await dl(ent, replyFile.id);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.rawPayload.equals(pdf('答复函'))).toBe(true);
    expect((await dl(ent, noteFile.id)).statusCode).toBe(404);
    expect((await dl(staffA, noteFile.id)).statusCode).toBe(200);
    expect((await dl(otherEnt, replyFile.id)).statusCode).toBe(404);
    // Not yet linked: only its uploader.
    expect((await dl(staffA, foreign.id)).statusCode).toBe(200);
    expect((await dl(officer, foreign.id)).statusCode).toBe(404);
    const seen = (await get(ent, `/api/work-orders/${o.id}`)).json();
    const files = [...seen.attachments, ...seen.events.flatMap((e: { attachments: unknown[] }) => e.attachments)].map((x: { id: string }) => x.id);
    expect(files.sort()).toEqual([mine.id, replyFile.id].sort());
  });
});

describe('the list and its export', () => {
  it('filters (number, status, mine, overdue), pages and sorts', async () => {
    const o = await newOrder(ent, { title: '按编号查找' });
    const byNumber = (await get(officer, `/api/work-orders?q=${o.number.toLowerCase()}`)).json();
    expect(byNumber.items.map((x: { id: string }) => x.id)).toEqual([o.id]);
    expect((await get(officer, `/api/work-orders?q=${encodeURIComponent('按编号')}`)).json().total).toBe(1);
    await ok(officer, o.id, { action: 'assign', departmentId: depA, assigneeId: staffA.user.id });
    const mine = (await get(staffA, '/api/work-orders?mine=true&pageSize=200')).json().items as { id: string }[];
    expect(mine.map((x) => x.id)).toContain(o.id);
    const assigned = (await get(officer, '/api/work-orders?status=assigned,in_progress&pageSize=200')).json().items as { status: string }[];
    expect(assigned.every((x) => ['assigned', 'in_progress'].includes(x.status))).toBe(true);
    const page2 = (await get(officer, '/api/work-orders?pageSize=2&page=2&sort=number')).json();
    expect(page2).toMatchObject({ page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(2);
    const all = (await get(officer, '/api/work-orders?pageSize=200&sort=number')).json().items as { number: string }[];
    expect(all.map((x) => x.number)).toEqual([...all.map((x) => x.number)].sort());
    expect((await get(officer, '/api/work-orders?overdue=true')).json().total).toBe(0);
    // Three hours on, every order still waiting to be accepted is past its 2-hour response deadline.
    now = new Date(FRIDAY.getTime() + 3 * 3_600_000);
    try {
      const late = await login(t.app, 'demo_service_officer', DEMO_PASSWORD);
      const overdue = (await get(late, '/api/work-orders?overdue=true&pageSize=200')).json().items as { status: string; overdue: boolean; responseState: string }[];
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.every((x) => x.overdue && x.status === 'submitted' && x.responseState === 'overdue')).toBe(true);
    } finally {
      now = FRIDAY;
    }
  });

  it('exports the same filter as xlsx with formulas neutralised', async () => {
    const o = await newOrder(ent, { title: '=HYPERLINK("http://evil","点我")' });
    const r = await get(officer, `/api/work-orders/export?q=${o.number}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('工单编号');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe(o.number);
    expect(sheet.getRow(2).getCell(7).value).toBe(`'=HYPERLINK("http://evil","点我")`);
    // An enterprise user exports its own orders only.
    const own = await get(ent, `/api/work-orders/export?q=${o.number}`);
    expect(own.statusCode).toBe(200);
    expect((await get(otherEnt, `/api/work-orders/export?q=${o.number}`)).statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load((await get(otherEnt, `/api/work-orders/export?q=${o.number}`)).rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets[0]!.rowCount).toBe(1);
  });

  it('leaders see the requester’s phone masked, handlers in full', async () => {
    const o = await newOrder(ent, { requesterPhone: '13700001234' });
    expect((await get(leader, `/api/work-orders/${o.id}`)).json().requesterPhone).toBe('137****1234');
    expect((await get(officer, `/api/work-orders/${o.id}`)).json().requesterPhone).toBe('13700001234');
  });
});
