import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePorts } from '../apps/server/test/free-ports';

/**
 * Starts the whole app once for the e2e run: `node scripts/start.mjs` (which builds the web app
 * when its build is stale), a fresh embedded PostgreSQL in a temporary DATA_DIR, free ports, known
 * passwords. Tests read the base URL and passwords with `inject(...)`.
 *
 * Set E2E_BASE_URL to test an app that is already running instead (then E2E_ADMIN_PASSWORD and
 * E2E_DEMO_PASSWORD give its passwords). Set E2E_SERVER_LOG=1 to see the app's output live.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Not 'Admin-…': the password policy (DESIGN.md §4a) refuses a password containing the username,
// and the app refuses to start with such an ADMIN_PASSWORD.
export const ADMIN_PASSWORD = 'Zhiyuan-E2e-2025!';
export const DEMO_PASSWORD = 'Demo-E2e-2025!';

const START_TIMEOUT_MS = Number(process.env.E2E_START_TIMEOUT_MS ?? 180_000);
const STOP_TIMEOUT_MS = 20_000;
const OUTPUT_LIMIT = 256 * 1024;

declare module 'vitest' {
  export interface ProvidedContext {
    /** e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
    adminPassword: string;
    demoPassword: string;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** The child's stdout+stderr, the last OUTPUT_LIMIT characters. */
function captureOutput(child: ChildProcess, live: boolean): () => string {
  let out = '';
  const add = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (live) process.stderr.write(text);
    out = (out + text).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => out;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM to the app (it stops PostgreSQL itself); SIGKILL to its whole process group after 20 s. */
async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const done = await Promise.race([exited(child).then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
  if (done) return;
  console.error(`[e2e] the app did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM; killing its process group`);
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
  await exited(child);
}

function printOutput(title: string, output: string) {
  console.error(`\n[e2e] ${title}\n----- app output -----\n${output.trimEnd() || '(none)'}\n----- end of app output -----\n`);
}

export default async function setup(project: TestProject) {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    const baseUrl = external.replace(/\/+$/, '');
    if (!(await healthy(baseUrl))) throw new Error(`[e2e] E2E_BASE_URL=${baseUrl}: GET /api/health did not answer 200`);
    project.provide('baseUrl', baseUrl);
    project.provide('adminPassword', process.env.E2E_ADMIN_PASSWORD ?? ADMIN_PASSWORD);
    project.provide('demoPassword', process.env.E2E_DEMO_PASSWORD ?? DEMO_PASSWORD);
    return;
  }

  const dataDir = path.join(root, '.tmp', `e2e-${process.pid}`);
  await fs.rm(dataDir, { recursive: true, force: true });
  await fs.mkdir(dataDir, { recursive: true });
  const [port, pgPort] = (await freePorts(2)) as [number, number];
  const baseUrl = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PG_PORT: String(pgPort),
    DATA_DIR: dataDir,
    ADMIN_PASSWORD,
    DEMO_PASSWORD,
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    // The specs sign in more often than one person would (every role, several files); 30 sign-ins
    // per IP per 15 minutes is the production default. Test-only: the limit itself has API tests.
    LOGIN_RATE_PER_IP: '200',
  };
  // Always the embedded cluster in the temp dir, never a database from the caller's shell.
  delete env.DATABASE_URL;
  delete env.HOST;
  // Vitest sets NODE_ENV=test (and VITEST*); the app and its web build must run as `npm start` does.
  for (const k of Object.keys(env)) if (k === 'NODE_ENV' || k.startsWith('VITEST')) delete env[k];

  const started = Date.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a last-resort SIGKILL also reaches PostgreSQL and the web build.
    detached: true,
  });
  const output = captureOutput(child, process.env.E2E_SERVER_LOG === '1');
  let ready = false;
  let tearingDown = false;
  child.once('exit', (code, signal) => {
    // Before it is ready the start-up loop reports; after, a crash mid-run is worth seeing at once.
    if (ready && !tearingDown) printOutput(`the app exited unexpectedly (code ${code}, signal ${signal})`, output());
  });
  // If vitest itself dies without running teardown, do not leave the app (and PostgreSQL) behind.
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', onExit);

  const cleanUp = async () => {
    tearingDown = true;
    await stopApp(child);
    process.removeListener('exit', onExit);
    await fs.rm(dataDir, { recursive: true, force: true });
  };

  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the app exited before it was ready (code ${child.exitCode}, signal ${child.signalCode})`);
      if (await healthy(baseUrl)) break;
      if (Date.now() - started > START_TIMEOUT_MS) throw new Error(`GET ${baseUrl}/api/health did not answer 200 within ${START_TIMEOUT_MS / 1000} s`);
      await sleep(500);
    }
  } catch (e) {
    tearingDown = true;
    printOutput(`start-up failed: ${(e as Error).message}`, output());
    await cleanUp();
    throw e;
  }
  ready = true;
  console.log(`[e2e] app ready at ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s (DATA_DIR ${path.relative(root, dataDir)}, PG_PORT ${pgPort})`);

  project.provide('baseUrl', baseUrl);
  project.provide('adminPassword', ADMIN_PASSWORD);
  project.provide('demoPassword', DEMO_PASSWORD);

  return async () => {
    const crashed = child.exitCode !== null || child.signalCode !== null;
    const stopping = Date.now();
    await cleanUp();
    console.log(`[e2e] app stopped and ${path.relative(root, dataDir)} removed in ${((Date.now() - stopping) / 1000).toFixed(1)} s`);
    if (crashed) console.error('[e2e] note: the app had already exited before teardown (see its output above)');
  };
}
