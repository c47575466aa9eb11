import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePorts } from './free-ports';

// The server's own entry point, as `npm start` runs it after the web build.
const main = path.resolve(import.meta.dirname, '../src/main.ts');
const tmp = path.resolve('.tmp', `startup-${process.pid}`);
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

function run(env: Record<string, string>, until: RegExp, timeoutMs = 90_000): Promise<{ code: number | null; out: string; stop: () => Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    // The process's life is under test here; the demo statistics seed has its own test (statistics-demo).
    const child = spawn(process.execPath, ['--import', 'tsx', main], { env: { ...process.env, LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'Start-Root-2025!', DEMO_PASSWORD: 'Start-Demo-2025!', SEED_DEMO_STATISTICS: 'false', ...env } });
    let out = '';
    const stop = () => new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : (child.once('exit', (c) => r(c)), child.kill('SIGTERM'))));
    const timer = setTimeout(() => reject(new Error(`timed out; output:\n${out}`)), timeoutMs);
    const check = () => {
      if (until.test(out)) {
        clearTimeout(timer);
        resolve({ code: child.exitCode, out, stop });
      }
    };
    child.stdout.on('data', (d) => ((out += d), check()));
    child.stderr.on('data', (d) => ((out += d), check()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, stop });
    });
  });
}

const ports = async () => {
  const [port, pgPort] = await freePorts(2);
  return { PORT: String(port), PG_PORT: String(pgPort) };
};

describe('start-up', () => {
  it('an unwritable DATA_DIR is one clear line and exit code 1', async () => {
    // Below a regular file: no user, root included, can create a directory there.
    await fs.mkdir(tmp, { recursive: true });
    await fs.writeFile(path.join(tmp, 'a-file'), '');
    const r = await run({ DATA_DIR: path.join(tmp, 'a-file', 'data'), ...(await ports()) }, /$^/);
    expect(r.code).toBe(1);
    expect(r.out.trim()).toMatch(/^启动失败：数据目录 .* 不可写；请设置 DATA_DIR 为可写目录$/);
  });

  it('starts, answers, stops PostgreSQL on SIGTERM, reuses the data, and names a taken port in one line', async () => {
    const dataDir = path.join(tmp, 'data');
    const [port, pg] = await freePorts(2);
    const pgPort = String(pg);
    const first = await run({ DATA_DIR: dataDir, PORT: String(port), PG_PORT: pgPort }, /已就绪/);
    expect(first.out).toContain(`http://localhost:${port}`);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    expect(await first.stop()).toBe(0);
    await expect(fs.access(path.join(dataDir, 'pg', 'postmaster.pid'))).rejects.toThrow(); // PostgreSQL shut down cleanly

    const blocker = net.createServer().listen(port, '0.0.0.0');
    await new Promise((r) => blocker.once('listening', r));
    try {
      const second = await run({ DATA_DIR: dataDir, PORT: String(port), PG_PORT: pgPort }, /$^/);
      expect(second.code).toBe(1);
      expect(second.out.trim()).toBe(`启动失败：端口 ${port} 已被占用；请关闭占用它的程序或设置 PORT 换一个端口`);
    } finally {
      blocker.close();
    }

    // The data survived: the admin seeded by the first start still signs in, no second seed happened.
    const third = await run({ DATA_DIR: dataDir, PORT: String(port), PG_PORT: pgPort, ADMIN_PASSWORD: 'Other-Root-2025!' }, /已就绪/);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Start-Root-2025!' }) });
    expect(login.status).toBe(200);
    expect(await third.stop()).toBe(0);
  }, 180_000);
});
