// VidKeep's queue against plainjob (same SQLite file settings) and BullMQ (when redis-server exists).
// `npm run bench -- queue [--json] [--jobs 20000]`
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { better, defineQueue, defineWorker } from 'plainjob';
import { openDatabase } from '../src/core/db/open';
import { migrate } from '../src/core/db/migrate';
import { createQueue } from '../src/core/queue';
import { startRedis, bullmqBench } from './queue-bullmq';
import { printTable, stats, type Row } from './queue-report';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const N = Number(args[args.indexOf('--jobs') + 1]) || 20_000;
const LATENCY_SAMPLES = 1000;
const dir = mkdtempSync(join(tmpdir(), 'vk-bench-'));
let fileSeq = 0;
const file = () => join(dir, `db-${++fileSeq}.sqlite`);
const idle = () => new Promise<void>((r) => setImmediate(r));

function vidkeepDb() {
  const db = openDatabase(file()); // WAL + synchronous=FULL
  migrate(db);
  return db;
}

async function vidkeep(): Promise<Row> {
  const row: Row = { system: 'VidKeep' };
  // single enqueue: one durable transaction per job
  {
    const db = vidkeepDb();
    const q = createQueue({ db, log: () => {} });
    q.register('noop', async () => {});
    const t0 = performance.now();
    for (let i = 0; i < N; i++) q.enqueue('noop', { i });
    row.enqueuePerSec = N / ((performance.now() - t0) / 1000);
    db.close();
  }
  {
    const db = vidkeepDb();
    const q = createQueue({ db, log: () => {} });
    q.register('noop', async () => {});
    const items = Array.from({ length: N }, (_, i) => ({ name: 'noop', payload: { i } }));
    const t0 = performance.now();
    q.enqueueMany(items);
    row.bulkEnqueuePerSec = N / ((performance.now() - t0) / 1000);
    db.close();
  }
  for (const c of [1, 10] as const) {
    const db = vidkeepDb();
    const q = createQueue({ db, maxJobs: c, log: () => {} });
    q.register('noop', async () => {});
    q.enqueueMany(Array.from({ length: N }, (_, i) => ({ name: 'noop', payload: { i } })));
    let done = 0;
    const finished = new Promise<void>((res) => q.on((e) => void (e.type === 'succeeded' && ++done === N && res())));
    const t0 = performance.now();
    await q.start();
    await finished;
    row[`processedPerSecC${c}`] = N / ((performance.now() - t0) / 1000);
    await q.stop();
    db.close();
  }
  {
    const db = vidkeepDb();
    const q = createQueue({ db, log: () => {} });
    let t0 = 0;
    const lat: number[] = [];
    q.register('lat', async () => void lat.push(performance.now() - t0));
    let next: () => void = () => {};
    q.on((e) => void (e.type === 'succeeded' && next()));
    await q.start();
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const finished = new Promise<void>((r) => (next = r));
      t0 = performance.now();
      q.enqueue('lat', { i });
      await finished;
      await idle();
    }
    Object.assign(row, stats(lat));
    await q.stop();
    db.close();
  }
  return row;
}

function plainDb() {
  const raw = new Database(file());
  const connection = better(raw);
  const queue = defineQueue({ connection, logger: { error() {}, warn() {}, info() {}, debug() {} }, maintenanceInterval: 3_600_000 });
  // defineQueue sets synchronous=NORMAL; put it back to VidKeep's durability for a fair race.
  raw.pragma('synchronous = FULL');
  return { raw, queue };
}

const quiet = { error() {}, warn() {}, info() {}, debug() {} };

async function plainjob(): Promise<Row> {
  const row: Row = { system: 'plainjob' };
  {
    const { raw, queue } = plainDb();
    const t0 = performance.now();
    for (let i = 0; i < N; i++) queue.add('noop', { i });
    row.enqueuePerSec = N / ((performance.now() - t0) / 1000);
    queue.close();
    raw.close();
  }
  {
    const { raw, queue } = plainDb();
    const data = Array.from({ length: N }, (_, i) => ({ i }));
    const t0 = performance.now();
    queue.addMany('noop', data);
    row.bulkEnqueuePerSec = N / ((performance.now() - t0) / 1000);
    queue.close();
    raw.close();
  }
  for (const c of [1, 10] as const) {
    const { raw, queue } = plainDb();
    queue.addMany('noop', Array.from({ length: N }, (_, i) => ({ i })));
    let done = 0;
    let resolve!: () => void;
    const finished = new Promise<void>((r) => (resolve = r));
    const workers = Array.from({ length: c }, () => defineWorker('noop', async () => {}, { queue, logger: quiet, onCompleted: () => void (++done === N && resolve()) }));
    const t0 = performance.now();
    for (const w of workers) void w.start();
    await finished;
    row[`processedPerSecC${c}`] = N / ((performance.now() - t0) / 1000);
    await Promise.all(workers.map((w) => w.stop()));
    queue.close();
    raw.close();
  }
  {
    // plainjob polls (1 s by default), so a handful of samples tell the story.
    const { raw, queue } = plainDb();
    let t0 = 0;
    const lat: number[] = [];
    let next: () => void = () => {};
    const w = defineWorker('lat', async () => void lat.push(performance.now() - t0), { queue, logger: quiet, onCompleted: () => next() });
    void w.start();
    for (let i = 0; i < 10; i++) {
      const finished = new Promise<void>((r) => (next = r));
      t0 = performance.now();
      queue.add('lat', { i });
      await finished;
    }
    Object.assign(row, stats(lat));
    await w.stop();
    queue.close();
    raw.close();
  }
  return row;
}

async function main() {
  const rows: Row[] = [await vidkeep(), await plainjob()];
  const notes: string[] = [];
  const redis = await startRedis();
  if (!redis) notes.push('BullMQ skipped: redis-server is not on PATH');
  else {
    try {
      const r = await bullmqBench(redis.port, N);
      if (typeof r === 'string') notes.push(r);
      else rows.push(r);
    } catch (err) {
      notes.push(`BullMQ failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      redis.stop();
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const [vk, pj] = rows as [Row, Row];
  const num = (r: Row, k: string) => Number(r[k] ?? NaN);
  const summary = {
    jobs: N,
    processRatioVsPlainjob: Math.min(num(vk, 'processedPerSecC1') / num(pj, 'processedPerSecC1'), num(vk, 'processedPerSecC10') / num(pj, 'processedPerSecC10')),
    processRatioVsPlainjobC1: num(vk, 'processedPerSecC1') / num(pj, 'processedPerSecC1'),
    processRatioVsPlainjobC10: num(vk, 'processedPerSecC10') / num(pj, 'processedPerSecC10'),
    enqueueRatioVsPlainjob: num(vk, 'enqueuePerSec') / num(pj, 'enqueuePerSec'),
    bulkEnqueuePerSec: num(vk, 'bulkEnqueuePerSec'),
    latencyMedianMs: num(vk, 'latencyMedianMs'),
    latencyP99Ms: num(vk, 'latencyP99Ms'),
    bullmq: rows.length > 2,
    notes,
    raw: rows,
  };
  printTable(rows, summary, asJson);
  if (asJson) console.log(JSON.stringify(summary));
}

await main();
