// Cold start (empty DATA_DIR: initdb, migrations, seed) and warm start (existing data) of `npm start`
// to the first healthy answer, with the web build already in place.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { freePorts } from '../apps/server/test/free-ports';

async function timeToReady(dataDir: string): Promise<number> {
  const [port, pgPort] = await freePorts(2);
  const started = performance.now();
  const child = spawn('node', ['scripts/start.mjs'], { env: { ...process.env, PORT: String(port), PG_PORT: String(pgPort), DATA_DIR: dataDir, ADMIN_PASSWORD: 'Bench-Root-2025!', DEMO_PASSWORD: 'Bench-Demo-2025!', LOG_LEVEL: 'warn' }, stdio: 'ignore' });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) return (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const dir = path.resolve('.tmp', `bench-start-${process.pid}`);
await fs.rm(dir, { recursive: true, force: true });
const cold = await timeToReady(dir);
const warm = await timeToReady(dir);
await fs.rm(dir, { recursive: true, force: true });
console.log(`cold start to ready: ${cold.toFixed(1)} s`);
console.log(`warm start to ready: ${warm.toFixed(1)} s`);
console.log(`warm-vs-cold: ${(warm / cold).toFixed(2)}`);
