// Quick VidKeep-only probe for profiling: `node --import tsx bench/queue-probe.ts [part]`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/core/db/open';
import { migrate } from '../src/core/db/migrate';
import { createQueue } from '../src/core/queue';

const part = process.argv[2] ?? 'all';
const N = Number(process.argv[3]) || 20_000;
const dir = mkdtempSync(join(tmpdir(), 'vk-probe-'));
let seq = 0;
const db0 = () => {
  const db = openDatabase(join(dir, `p-${++seq}.sqlite`));
  migrate(db);
  return db;
};
const out: Record<string, number> = {};
if (part === 'all' || part === 'enq') {
  const db = db0();
  const q = createQueue({ db, log: () => {} });
  q.register('noop', async () => {});
  const t0 = performance.now();
  for (let i = 0; i < N; i++) q.enqueue('noop', { i });
  out.enqueue = N / ((performance.now() - t0) / 1000);
  db.close();
}
if (part === 'all' || part === 'bulk') {
  const db = db0();
  const q = createQueue({ db, log: () => {} });
  q.register('noop', async () => {});
  const items = Array.from({ length: N }, (_, i) => ({ name: 'noop', payload: { i } }));
  const t0 = performance.now();
  q.enqueueMany(items);
  out.bulk = N / ((performance.now() - t0) / 1000);
  db.close();
}
for (const c of [1, 10]) {
  if (part !== 'all' && part !== `c${c}`) continue;
  const db = db0();
  const q = createQueue({ db, maxJobs: c, log: () => {} });
  q.register('noop', async () => {});
  q.enqueueMany(Array.from({ length: N }, (_, i) => ({ name: 'noop', payload: { i } })));
  let done = 0;
  const finished = new Promise<void>((res) => q.on((e) => void (e.type === 'succeeded' && ++done === N && res())));
  const t0 = performance.now();
  await q.start();
  await finished;
  out[`c${c}`] = N / ((performance.now() - t0) / 1000);
  await q.stop();
  db.close();
}
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(out));
