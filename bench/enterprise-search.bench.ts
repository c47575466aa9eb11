// Name / USCC search (issue 4) at 200,000 enterprises: GET /api/enterprises?q=…&pageSize=20 through
// the real app on 127.0.0.1, signed in as a zone-wide statistician, autocannon for BENCH_SECONDS
// with a rotating set of realistic terms (brand names of 2–4 characters, rare and common, a generic
// word such as 科技, USCC fragments, whole USCCs). The baseline, same terms, same concurrency, same
// duration: the bare bigram lookup `SELECT id, name … WHERE search_grams @> … LIMIT 20` over pg.
// The load (autocannon, or the pg loop) runs in a child process, so the server's event loop and
// the client's are not the same; PostgreSQL shares the machine's cores with both.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { aes256GcmCipher } from '../apps/server/src/crypto/field-cipher';
import { createDatabase } from '../apps/server/src/db/pool';
import { bootstrap } from '../apps/server/src/seed/bootstrap';
import { loadEnterprises } from '../scripts/gen-enterprises';
import { withBenchDatabase } from './bench-db';
import { CONNECTIONS, DURATION, loadLine, runLoad } from './load';
import { mulberry32 } from '../apps/server/src/seed/demo-enterprises';

const COUNT = Number(process.env.BENCH_ENTERPRISES ?? 200_000);
const DEMO_PASSWORD = 'Bench-Demo-2025!';

/**
 * Terms taken from the loaded names and codes: brand names (字号) of 2 characters (most searches)
 * and brand + the start of the trade of 3–4 characters, both taken from names, with the region,
 * the demo marker and the legal form removed; two generic trade words (科技 matches about a third
 * of the registry, 信息 a tenth); USCC fragments and whole USCCs (one in lower case). About one
 * search in eight is a generic word.
 */
async function pickTerms(pool: pg.Pool): Promise<string[]> {
  const rnd = mulberry32(4);
  const { rows } = await pool.query<{ name: string; uscc: string }>(`SELECT name, uscc FROM enterprises ORDER BY md5(uscc) LIMIT 400`);
  const core = (name: string) =>
    name
      .replace(/（.*?）|\(.*?\)/g, '')
      .replace(/^北京(市)?/, '')
      .replace(/^示例/, '')
      .replace(/(股份有限公司|有限责任公司|有限公司|集团)$/, '');
  const terms = new Set<string>();
  for (const r of rows) if (terms.size < 8) terms.add(core(r.name).slice(0, 2));
  for (const r of rows.slice(100)) if (terms.size < 12) terms.add(core(r.name).slice(0, 3 + Math.floor(rnd() * 2)));
  terms.add('科技');
  terms.add('信息');
  terms.add(rows[200]!.uscc.slice(8, 14)); // organisation part
  terms.add(rows[201]!.uscc.slice(2, 12)); // division + start of the organisation part
  terms.add(rows[202]!.uscc);
  terms.add(rows[203]!.uscc.toLowerCase());
  return [...terms];
}

async function main() {
  await withBenchDatabase(async (url) => {
    const config = loadConfig({ ADMIN_PASSWORD: 'Bench-Root-2025!', DEMO_PASSWORD, SEED_DEMO: 'true', LOG_LEVEL: 'silent' });
    const database = createDatabase(url);
    const app = await buildApp({ config, database, cipher: aes256GcmCipher(randomBytes(32)), logger: false });
    await bootstrap(database.db, app.services, config);
    const owner = new pg.Pool({ connectionString: url, max: 2 });
    owner.on('error', () => undefined); // an idle connection closed when the cluster stops
    try {
      const loaded = await loadEnterprises(owner, { count: COUNT, seed: 1 });
      await owner.query('VACUUM ANALYZE enterprises');
      const { rows: [size] } = await owner.query<{ n: number; heap: string }>(`SELECT count(*)::int AS n, pg_size_pretty(pg_table_size('enterprises')) AS heap FROM enterprises`);
      console.log(`loaded ${loaded.enterprises.toLocaleString('en')} enterprises in ${loaded.seconds.toFixed(1)} s; ${size!.n.toLocaleString('en')} in the registry (with the demo seed), table ${size!.heap}`);

      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo_statistician', password: DEMO_PASSWORD }) });
      if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

      const terms = await pickTerms(owner);
      const paths = terms.map((t) => `/api/enterprises?q=${encodeURIComponent(t)}&pageSize=20`);
      // Each term alone, one request at a time after a warm-up: where the time goes.
      console.log('term: matches, median / max of 5 sequential requests');
      for (const [i, path] of paths.entries()) {
        const times: number[] = [];
        let total = 0;
        for (let k = 0; k < 6; k++) {
          const t = performance.now();
          const res = await fetch(`${base}${path}`, { headers: { cookie } });
          const body = (await res.json()) as { total: number };
          if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
          if (k > 0) times.push(performance.now() - t);
          total = body.total;
        }
        times.sort((a, b) => a - b);
        console.log(`  ${terms[i]}: ${total.toLocaleString('en')}, ${times[2]!.toFixed(1)} / ${times[4]!.toFixed(1)} ms`);
      }

      const lookup = `SELECT id, name FROM enterprises WHERE search_grams @> enterprise_search_grams($1, '{}'::text[], '') LIMIT 20`;
      const bare = await runLoad({ mode: 'sql', url, queries: terms.map((t) => ({ text: lookup, values: [t] })) });
      const http = await runLoad({ mode: 'http', url: base, cookie, paths });
      console.log(`${terms.length} terms in rotation, ${CONNECTIONS} connections × ${DURATION} s each`);
      console.log(`baseline, bare bigram lookup over pg (LIMIT 20, no order, no count): ${loadLine(bare)}`);
      console.log(`GET /api/enterprises?q=…&pageSize=20: ${loadLine(http)}`);
      console.log(`enterprise-search-p95-ms: ${http.p95.toFixed(1)}`);
      console.log(`enterprise-search-p95-vs-bare-sql: ${(http.p95 / bare.p95).toFixed(2)}`);
      console.log(`enterprise-search-rps-vs-bare-sql: ${(http.rps / bare.rps).toFixed(2)}`);
    } finally {
      await owner.end();
      await app.close();
      await database.close();
    }
  });
}

await main();
