// `npm run audit:verify`: recomputes the audit hash chain and names the first broken link.
// Uses DATABASE_URL, else the embedded cluster — the running one, or started for the check.
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../config';
import { embeddedUrl, startEmbeddedPostgres, type EmbeddedCluster } from '../db/embedded';
import { createDatabase } from '../db/pool';
import { createAuditService } from '../modules/audit/audit.service';

const config = loadConfig();
let cluster: EmbeddedCluster | undefined;
let url = config.databaseUrl ?? embeddedUrl(config.pgPort, 'zhiyuan');
const probe = new pg.Client({ connectionString: url });
const reachable = await probe.connect().then(
  () => probe.end().then(() => true),
  () => false,
);
if (!reachable && !config.databaseUrl) {
  cluster = await startEmbeddedPostgres(path.join(config.dataDir, 'pg'), config.pgPort);
  url = cluster.url('zhiyuan');
}
const database = createDatabase(url, 1);
try {
  const r = await createAuditService(database.db).verify();
  console.log(r.ok ? `审计日志哈希链完整：已校验 ${r.checked} 条` : `审计日志哈希链断裂：第一条不连续的记录序号为 ${r.firstBrokenId}（此前 ${r.checked} 条完整）`);
  process.exitCode = r.ok ? 0 : 2;
} finally {
  await database.close();
  await cluster?.stop();
}
