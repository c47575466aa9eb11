// `npm run bench`: every bench/*.bench.ts in turn; each prints `name: ratio` lines (see bench/README.md).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const only = process.argv[2];
for (const file of fs.readdirSync('bench').filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort()) {
  console.log(`\n=== ${file}`);
  const r = spawnSync('npx', ['tsx', `bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
