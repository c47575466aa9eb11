import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, as, createTestApp, login, type Session, type TestApp } from './harness';
import { uscc } from './fixtures';

const now = new Date('2026-11-20T02:00:00Z');
let t: TestApp;
let admin: Session;
let stat: Session; // zone-wide statistician
let haidianAdmin: Session; // park admin of 海淀园 only
let parks: { id: string; code: string; name: string; parentId: string | null }[];
const park = (code: string) => parks.find((p) => p.code === code)!.id;


const body = (serial: number, extra: Record<string, unknown> = {}) => ({ uscc: uscc(serial), name: `测试企业${serial}有限公司`, parkId: park('ZGC-HD'), industryCode: '6513', ...extra });

beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
  admin = await login(t.app, 'admin', ADMIN_PASSWORD);
  parks = (await t.app.inject(as(admin, 'GET', '/api/parks'))).json().items;
  stat = await login(t.app, 'demo_statistician', DEMO_PASSWORD);
  haidianAdmin = await login(t.app, 'demo_park_admin', DEMO_PASSWORD);
});
afterAll(() => t.close());

describe('create and read', () => {
  it('creates an enterprise with every field; reads it back; the moved-in date starts its status history', async () => {
    const res = await t.app.inject(
      as(stat, 'POST', '/api/enterprises', {
        ...body(1),
        formerNames: ['测试旧名有限公司'],
        legalRepresentative: '张三',
        registeredCapital: 1234.5678,
        establishedOn: '2015-03-01',
        registeredAddress: '北京市海淀区中关村大街 1 号',
        operatingAddress: '北京市海淀区中关村大街 2 号',
        emergingIndustry: '1',
        aboveScale: true,
        listingStage: 'listed',
        listingBoard: 'star',
        ticker: '688001',
        headcount: 350,
        landArea: 0,
        floorArea: 5600.5,
        floorTenure: 'rented',
        location: [116.31, 39.98],
        contacts: [{ name: '李四', title: '行政经理', phone: '13900001111', email: 'li@example.com' }],
        tags: ['重点企业'],
        movedInOn: '2016-01-10',
      }),
    );
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({ uscc: uscc(1), industrySection: 'I', registeredCapital: 1234.5678, status: 'active', statusSince: '2016-01-10', location: [116.31, 39.98], similar: [] });
    expect(e.contacts[0]).toMatchObject({ name: '李四', phone: '13900001111', primary: true });
    const got = (await t.app.inject(as(stat, 'GET', `/api/enterprises/${e.id}`))).json();
    expect(got.listingBoard).toBe('star');
    const events = (await t.app.inject(as(stat, 'GET', `/api/enterprises/${e.id}/status-events`))).json().items;
    expect(events).toEqual([expect.objectContaining({ kind: 'moved_in', on: '2016-01-10' })]);
    // The phone number is encrypted at rest.
    const raw = await t.database.pool.query('SELECT contacts::text AS c FROM enterprises WHERE id = $1', [e.id]);
    expect(raw.rows[0].c).not.toContain('13900001111');
  });

  it('a wrong check digit is 400 with a details entry on ["uscc"] naming the expected character', async () => {
    const good = uscc(2);
    const bad = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const res = await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(2), uscc: bad }));
    expect(res.statusCode).toBe(400);
    const detail = res.json().error.details.find((d: { path: string[] }) => d.path[0] === 'uscc');
    expect(detail.path).toEqual(['uscc']);
    expect(detail.message).toContain(`第18位校验码应为 ${good.at(-1)}`);
  });

  it('the same USCC is 409 DUPLICATE_USCC; a near-identical name in the same park is flagged', async () => {
    const first = await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(3), name: '北京星河示例科技有限公司' }));
    expect(first.statusCode).toBe(201);
    const dup = await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(3), name: '另一家公司' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'DUPLICATE_USCC', details: [{ path: ['uscc'] }] });
    const near = await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(4), name: '星河示例科技（北京）股份有限公司' }));
    expect(near.statusCode).toBe(201);
    expect(near.json().similar).toEqual([expect.objectContaining({ id: first.json().id, name: '北京星河示例科技有限公司' })]);
    const other = await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(5), name: '星河示例科技有限公司', parkId: park('ZGC-CP') }));
    expect(other.json().similar).toEqual([]);
    const live = (await t.app.inject(as(stat, 'GET', `/api/enterprises/similar?name=${encodeURIComponent('北京市星河示例科技有限公司')}&parkId=${park('ZGC-HD')}`))).json();
    expect(live.items).toHaveLength(2);
  });

  it('reversed dates are 400: moved in before established, a qualification ending before it starts', async () => {
    const res = await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(6), establishedOn: '2020-01-01', movedInOn: '2019-12-31' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toEqual(['movedInOn']);
    const e = (await t.app.inject(as(stat, 'POST', '/api/enterprises', body(7)))).json();
    const q = await t.app.inject(as(stat, 'POST', `/api/enterprises/${e.id}/qualifications`, { kind: 'hnte', validFrom: '2025-01-01', validTo: '2024-12-31' }));
    expect(q.statusCode).toBe(400);
    expect(q.json().error.details[0].path).toEqual(['validTo']);
  });

  it('an unknown industry code, a listed company without a board, a future founding date are 400 on their fields', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ industryCode: '99' }, 'industryCode'],
      [{ listingStage: 'listed' }, 'listingBoard'],
      [{ establishedOn: '2027-01-01' }, 'establishedOn'],
    ];
    for (const [extra, field] of cases) {
      const res = await t.app.inject(as(stat, 'POST', '/api/enterprises', body(8, extra)));
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.details.map((d: { path: string[] }) => d.path[0])).toContain(field);
    }
  });
});

describe('update, rename, status history, change history', () => {
  it('a rename keeps the old name as a former name and both are searchable; the change history shows who changed what', async () => {
    const e = (await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(10), name: '北京旧名示例有限公司' }))).json();
    const res = await t.app.inject(as(stat, 'PATCH', `/api/enterprises/${e.id}`, { name: '北京新名示例有限公司', headcount: 88 }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '北京新名示例有限公司', formerNames: ['北京旧名示例有限公司'], headcount: 88 });
    for (const q of ['旧名示例', '新名示例', uscc(10).slice(4, 12)]) {
      const found = (await t.app.inject(as(stat, 'GET', `/api/enterprises?q=${encodeURIComponent(q)}`))).json();
      expect(found.items.map((x: { id: string }) => x.id), q).toContain(e.id);
    }
    const history = (await t.app.inject(as(stat, 'GET', `/api/enterprises/${e.id}/history`))).json();
    expect(history.items[0]).toMatchObject({ action: 'enterprise.update', actorName: 'demo_statistician' });
    expect(history.items[0].summary).toMatchObject({ before: { name: '北京旧名示例有限公司', headcount: null }, after: { name: '北京新名示例有限公司', headcount: 88 } });
    expect(history.items.at(-1).action).toBe('enterprise.create');
  });

  it('status events follow the rules: relocating → moved out (needs a destination) → no second move-out (409)', async () => {
    const e = (await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(11), movedInOn: '2020-01-01' }))).json();
    const url = `/api/enterprises/${e.id}/status-events`;
    expect((await t.app.inject(as(stat, 'POST', url, { kind: 'relocating', on: '2026-10-01' }))).statusCode).toBe(201);
    const noDest = await t.app.inject(as(stat, 'POST', url, { kind: 'moved_out', on: '2026-11-01' }));
    expect(noDest.statusCode).toBe(400);
    expect(noDest.json().error.details[0].path).toEqual(['destination']);
    const before = await t.app.inject(as(stat, 'POST', url, { kind: 'moved_out', on: '2026-09-01', destination: '天津市滨海新区' }));
    expect(before.statusCode).toBe(400);
    expect((await t.app.inject(as(stat, 'POST', url, { kind: 'moved_out', on: '2026-11-01', destination: '天津市滨海新区' }))).statusCode).toBe(201);
    const again = await t.app.inject(as(stat, 'POST', url, { kind: 'moved_out', on: '2026-11-02', destination: '上海' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已迁出');
    const got = (await t.app.inject(as(stat, 'GET', `/api/enterprises/${e.id}`))).json();
    expect(got).toMatchObject({ status: 'moved_out', statusSince: '2026-11-01' });
    const events = (await t.app.inject(as(stat, 'GET', url))).json().items;
    expect(events.map((x: { kind: string }) => x.kind)).toEqual(['moved_out', 'relocating', 'moved_in']);
    expect(events[0].destination).toBe('天津市滨海新区');
  });
});

describe('search', () => {
  it('filters by park (with sub-parks), industry, status, tag, above-scale, qualification; paginates and sorts on the server', async () => {
    const a = (await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(20), name: '检索甲示例有限公司', industryCode: '3911', aboveScale: true, tags: ['检索标签'] }))).json();
    const b = (await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(21), name: '检索乙示例有限公司', parkId: park('ZGC-CP'), tags: ['检索标签'] }))).json();
    await t.app.inject(as(stat, 'POST', `/api/enterprises/${b.id}/qualifications`, { kind: 'hnte', validFrom: '2025-01-01' }));
    const q = (s: string) => t.app.inject(as(stat, 'GET', `/api/enterprises?${s}`)).then((r) => r.json());
    expect((await q('tag=检索标签')).total).toBe(2);
    expect((await q(`tag=检索标签&parkId=${park('ZGC-HD')}`)).items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await q('tag=检索标签&industry=C')).items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await q('tag=检索标签&industry=39')).items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await q('tag=检索标签&aboveScale=true')).items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    const withHnte = await q('tag=检索标签&qualification=hnte');
    expect(withHnte.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect(withHnte.items[0].qualificationKinds).toEqual(['hnte']);
    expect((await q('tag=检索标签&status=moved_out,deregistered')).total).toBe(0);
    const sorted = await q('tag=检索标签&sort=-name&pageSize=1&page=2');
    expect(sorted).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(sorted.items[0].id).toBe(b.id); // code-point order: 甲 (U+7532) before 乙 (U+4E59) when descending
    expect((await q('q=检')).total).toBeGreaterThanOrEqual(2); // one character: no bigram, still a partial match
    const tags = (await t.app.inject(as(stat, 'GET', '/api/enterprises/tags'))).json().items;
    expect(tags).toContainEqual({ tag: '检索标签', count: 2 });
    const haidianTags = (await t.app.inject(as(haidianAdmin, 'GET', '/api/enterprises/tags'))).json().items;
    expect(haidianTags).toContainEqual({ tag: '检索标签', count: 1 }); // the 昌平园 one is out of its scope
  });

  it('a bad filter is 400 naming the parameter', async () => {
    const res = await t.app.inject(as(stat, 'GET', '/api/enterprises?status=gone'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path[0]).toBe('status');
  });
});

describe('scope', () => {
  it('a sub-park user never sees another park’s enterprises in lists, details, similar names or exports', async () => {
    const cp = (await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(30), name: '昌平范围示例有限公司', parkId: park('ZGC-CP') }))).json();
    const list = (await t.app.inject(as(haidianAdmin, 'GET', '/api/enterprises?pageSize=200'))).json();
    expect(list.items.every((x: { parkId: string }) => x.parkId === park('ZGC-HD'))).toBe(true);
    expect((await t.app.inject(as(haidianAdmin, 'GET', `/api/enterprises?q=${encodeURIComponent('昌平范围')}`))).json().total).toBe(0);
    expect((await t.app.inject(as(haidianAdmin, 'GET', `/api/enterprises/${cp.id}`))).statusCode).toBe(404);
    expect((await t.app.inject(as(haidianAdmin, 'PATCH', `/api/enterprises/${cp.id}`, { headcount: 1 }))).statusCode).toBe(404);
    expect((await t.app.inject(as(haidianAdmin, 'GET', `/api/enterprises/${cp.id}/history`))).statusCode).toBe(404);
    expect((await t.app.inject(as(haidianAdmin, 'POST', '/api/enterprises', { ...body(31), parkId: park('ZGC-CP') }))).statusCode).toBe(404);
    const mine = (await t.app.inject(as(haidianAdmin, 'POST', '/api/enterprises', body(32)))).json();
    const move = await t.app.inject(as(haidianAdmin, 'PATCH', `/api/enterprises/${mine.id}`, { parkId: park('ZGC-CP') }));
    expect(move.statusCode).toBe(404);
    expect(move.json().error.details[0].path).toEqual(['parkId']);
  });
});

describe('qualifications', () => {
  it('adds with the kind’s default validity, lists those expiring within 90 days, edits and deletes', async () => {
    const e = (await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(40), name: '资质到期示例有限公司' }))).json();
    const url = `/api/enterprises/${e.id}/qualifications`;
    const q1 = await t.app.inject(as(stat, 'POST', url, { kind: 'hnte', certificateNo: 'GR202311000001', issuer: '北京市科学技术委员会', validFrom: '2023-12-20' }));
    expect(q1.statusCode).toBe(201);
    expect(q1.json()).toMatchObject({ kindName: '国家高新技术企业', validTo: '2026-12-19' });
    await t.app.inject(as(stat, 'POST', url, { kind: 'gazelle', validFrom: '2026-06-01', validTo: '2027-05-31' }));
    const expiring = (await t.app.inject(as(stat, 'GET', '/api/qualifications/expiring?kind=hnte&pageSize=200'))).json();
    const mine = expiring.items.filter((x: { enterpriseId: string }) => x.enterpriseId === e.id);
    expect(mine).toEqual([expect.objectContaining({ kind: 'hnte', daysLeft: 29, enterpriseName: '资质到期示例有限公司' })]);
    const patched = await t.app.inject(as(stat, 'PATCH', `${url}/${q1.json().id}`, { validTo: '2027-12-19', reviews: [{ date: '2026-10-10', outcome: 'passed' }] }));
    expect(patched.json()).toMatchObject({ validTo: '2027-12-19', reviews: [{ outcome: 'passed' }] });
    expect((await t.app.inject(as(stat, 'PATCH', `${url}/${q1.json().id}`, { validTo: '2020-01-01' }))).statusCode).toBe(400);
    expect((await t.app.inject(as(stat, 'DELETE', `${url}/${q1.json().id}`))).statusCode).toBe(200);
    expect((await t.app.inject(as(stat, 'GET', url))).json().items.map((x: { kind: string }) => x.kind)).toEqual(['gazelle']);
    expect((await t.app.inject(as(stat, 'POST', url, { kind: 'no_such_kind', validFrom: '2025-01-01' }))).json().error.details[0].path).toEqual(['kind']);
  });

  it('park admins edit the kind list; others may only read it', async () => {
    const created = await t.app.inject(as(haidianAdmin, 'POST', '/api/qualification-kinds', { code: 'zgc_frontier', name: '中关村前沿科技企业', validityYears: 2, sort: 200 }));
    expect(created.statusCode).toBe(201);
    expect((await t.app.inject(as(stat, 'POST', '/api/qualification-kinds', { code: 'x_kind', name: '某类型' }))).statusCode).toBe(403);
    const kinds = (await t.app.inject(as(stat, 'GET', '/api/qualification-kinds'))).json().items;
    expect(kinds.map((k: { code: string }) => k.code)).toEqual(expect.arrayContaining(['hnte', 'little_giant', 'zgc_frontier']));
    expect((await t.app.inject(as(haidianAdmin, 'PATCH', '/api/qualification-kinds/zgc_frontier', { active: false }))).json().active).toBe(false);
  });
});

describe('saved filters', () => {
  it('are per user: saved, listed, deleted; another user cannot delete them', async () => {
    const created = await t.app.inject(as(stat, 'POST', '/api/saved-filters', { module: 'enterprises', name: '海淀规上', query: { parkId: park('ZGC-HD'), aboveScale: 'true' } }));
    expect(created.statusCode).toBe(201);
    expect((await t.app.inject(as(stat, 'POST', '/api/saved-filters', { module: 'enterprises', name: '海淀规上', query: {} }))).statusCode).toBe(409);
    expect((await t.app.inject(as(haidianAdmin, 'GET', '/api/saved-filters?module=enterprises'))).json().items).toEqual([]);
    expect((await t.app.inject(as(haidianAdmin, 'DELETE', `/api/saved-filters/${created.json().id}`))).statusCode).toBe(404);
    expect((await t.app.inject(as(stat, 'GET', '/api/saved-filters?module=enterprises'))).json().items[0].query).toEqual({ parkId: park('ZGC-HD'), aboveScale: 'true' });
    expect((await t.app.inject(as(stat, 'DELETE', `/api/saved-filters/${created.json().id}`))).statusCode).toBe(200);
  });
});

describe('enterprise portal', () => {
  it('an enterprise user sees and edits only its own contacts and addresses; key fields go through an approved request', async () => {
    const me = await login(t.app, 'demo_enterprise', DEMO_PASSWORD);
    const ownId = me.user.enterpriseId as string;
    const list = (await t.app.inject(as(me, 'GET', '/api/enterprises?pageSize=200'))).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([ownId]);
    const own = (await t.app.inject(as(me, 'GET', `/api/enterprises/${ownId}`))).json();

    const edit = await t.app.inject(as(me, 'PATCH', `/api/enterprises/${ownId}`, { operatingAddress: '北京市海淀区示例路 8 号', contacts: [{ name: '赵六', phone: '13900003333' }] }));
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ operatingAddress: '北京市海淀区示例路 8 号', contacts: [{ name: '赵六', primary: true }] });
    const key = await t.app.inject(as(me, 'PATCH', `/api/enterprises/${ownId}`, { name: '自己改名有限公司', headcount: 1 }));
    expect(key.statusCode).toBe(403);
    expect(key.json().error.details.map((d: { path: string[] }) => d.path[0]).sort()).toEqual(['headcount', 'name']);

    const other = (await t.app.inject(as(stat, 'POST', '/api/enterprises', body(50)))).json();
    for (const [method, url, payload] of [
      ['GET', `/api/enterprises/${other.id}`],
      ['PATCH', `/api/enterprises/${other.id}`, { operatingAddress: 'x' }],
      ['GET', `/api/enterprises/${other.id}/qualifications`],
      ['POST', `/api/enterprises/${other.id}/change-requests`, { changes: { name: '抢注有限公司' }, reason: 'x' }],
    ] as const) {
      expect((await t.app.inject(as(me, method, url, payload))).statusCode, `${method} ${url}`).toBe(404);
    }

    const request = await t.app.inject(as(me, 'POST', `/api/enterprises/${ownId}/change-requests`, { changes: { name: '示例更名科技有限公司', industryCode: '6520' }, reason: '已完成工商变更登记' }));
    expect(request.statusCode, request.body).toBe(201);
    expect(request.json()).toMatchObject({ status: 'pending', before: { name: own.name, industryCode: own.industryCode }, changes: { name: '示例更名科技有限公司', industryCode: '6520' } });
    expect((await t.app.inject(as(me, 'POST', `/api/enterprises/${ownId}/change-requests`, { changes: { name: '再改有限公司' }, reason: 'x' }))).statusCode).toBe(409);
    expect((await t.app.inject(as(me, 'GET', '/api/enterprise-change-requests'))).statusCode).toBe(403);

    const pending = (await t.app.inject(as(haidianAdmin, 'GET', '/api/enterprise-change-requests?status=pending'))).json();
    expect(pending.items.map((r: { id: string }) => r.id)).toContain(request.json().id);
    expect((await t.app.inject(as(haidianAdmin, 'POST', `/api/enterprise-change-requests/${request.json().id}/decision`, { approve: false }))).statusCode).toBe(400);
    const approved = await t.app.inject(as(haidianAdmin, 'POST', `/api/enterprise-change-requests/${request.json().id}/decision`, { approve: true, comment: '核对营业执照无误' }));
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'demo_park_admin' });
    const after = (await t.app.inject(as(me, 'GET', `/api/enterprises/${ownId}`))).json();
    expect(after).toMatchObject({ name: '示例更名科技有限公司', industryCode: '6520', industrySection: 'I' });
    expect(after.formerNames).toContain(own.name);
    expect((await t.app.inject(as(haidianAdmin, 'POST', `/api/enterprise-change-requests/${request.json().id}/decision`, { approve: true }))).statusCode).toBe(409);
  });
});

describe('enterprise accounts', () => {
  it('link to an existing enterprise of the creator’s parks, and hold the enterprise role alone', async () => {
    const e = (await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(60), parkId: park('ZGC-CP') }))).json();
    const user = (extra: Record<string, unknown>) => ({ username: `ent${Math.random().toString(36).slice(2, 8)}`, displayName: '企业联系人', password: 'Enterprise-Pass-2025', roles: ['enterprise'], ...extra });
    const missing = await t.app.inject(as(admin, 'POST', '/api/users', user({ enterpriseId: '00000000-0000-4000-8000-000000000000' })));
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.details[0].path).toEqual(['enterpriseId']);
    const mixed = await t.app.inject(as(admin, 'POST', '/api/users', user({ enterpriseId: e.id, roles: ['enterprise', 'leader'] })));
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.code).toBe('INVALID_ROLES');
    expect((await t.app.inject(as(admin, 'POST', '/api/users', user({ enterpriseId: e.id })))).statusCode).toBe(201);
  });
});

describe('search at the edges', () => {
  it('a whole USCC finds exactly its enterprise; a two-character fragment matches through the index alone; a common fragment caps its count', async () => {
    const e = (await t.app.inject(as(stat, 'POST', '/api/enterprises', { ...body(70), name: '边界检索示例有限公司' }))).json();
    const byCode = (await t.app.inject(as(stat, 'GET', `/api/enterprises?q=${uscc(70).toLowerCase()}`))).json();
    expect(byCode.items.map((x: { id: string }) => x.id)).toEqual([e.id]);
    const two = (await t.app.inject(as(stat, 'GET', `/api/enterprises?q=${encodeURIComponent('边界')}`))).json();
    expect(two).toMatchObject({ total: 1, totalCapped: false });
    // Every demo enterprise is named …（示例）: far more than the cap of 1,000.
    const common = (await t.app.inject(as(stat, 'GET', `/api/enterprises?q=${encodeURIComponent('示例')}&pageSize=5`))).json();
    expect(common).toMatchObject({ total: 1000, totalCapped: true });
    expect(common.items).toHaveLength(5);
    expect(common.items[0].name.length).toBeLessThanOrEqual(common.items[4].name.length); // shorter names first
  });
});
