// VidKeep's queue against plainjob (same SQLite file settings) and BullMQ (redis-server installed on first use).
// `npm run bench -- queue [--json] [--jobs 20000] [--rounds 3]`: the systems take turns, round after
// round, in the same run; the summary is the median over rounds (per-round figures are in the JSON).
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
import { median, medianRow, printTable, stats, type Row } from './queue-report';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const argNum = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : NaN);
const N = argNum('--jobs') || 20_000;
// At least 3: one slow round (another program, a checkpoint) must not decide the result.
const ROUNDS = Math.max(3, argNum('--rounds') || 3);
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

type Round = { rows: Row[]; processRatioVsPlainjob: number; processRatioVsPlainjobC1: number; processRatioVsPlainjobC10: number; enqueueRatioVsPlainjob: number };

const num = (r: Row | undefined, k: string) => Number(r?.[k] ?? NaN);

function ratios(vk: Row, pj: Row) {
  const c1 = num(vk, 'processedPerSecC1') / num(pj, 'processedPerSecC1');
  const c10 = num(vk, 'processedPerSecC10') / num(pj, 'processedPerSecC10');
  return { processRatioVsPlainjob: Math.min(c1, c10), processRatioVsPlainjobC1: c1, processRatioVsPlainjobC10: c10, enqueueRatioVsPlainjob: num(vk, 'enqueuePerSec') / num(pj, 'enqueuePerSec') };
}

async function main() {
  const notes: string[] = [];
  const redis = await startRedis();
  if (typeof redis === 'string') notes.push(redis);
  const bullmq = async (): Promise<Row | null> => {
    if (typeof redis === 'string') return null;
    try {
      const r = await bullmqBench(redis.port, N);
      if (typeof r === 'string') notes.push(r);
      return typeof r === 'string' ? null : r;
    } catch (err) {
      notes.push(`BullMQ failed: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  };
  const rounds: Round[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      // Turns alternate so a machine getting slower (or faster) during the run favours no one.
      const order = i % 2 === 0 ? [vidkeep, plainjob, bullmq] : [bullmq, plainjob, vidkeep];
      const got: Row[] = [];
      for (const f of order) {
        const r = await f();
        if (r) got.push(r);
      }
      const vk = got.find((r) => r.system === 'VidKeep')!;
      const pj = got.find((r) => r.system === 'plainjob')!;
      rounds.push({ rows: got, ...ratios(vk, pj) });
      if (!asJson) console.error(`round ${i + 1}/${ROUNDS}: processing ${ratios(vk, pj).processRatioVsPlainjob.toFixed(2)}x, single enqueue ${ratios(vk, pj).enqueueRatioVsPlainjob.toFixed(2)}x plainjob`);
    }
  } finally {
    if (typeof redis !== 'string') redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const systems = ['VidKeep', 'plainjob', 'BullMQ'].filter((name) => rounds.every((r) => r.rows.some((x) => x.system === name)));
  const rows = systems.map((name) => medianRow(rounds.map((r) => r.rows.find((x) => x.system === name)!)));
  const vk = rows[0]!;
  const of = (k: keyof Omit<Round, 'rows'>) => median(rounds.map((r) => r[k]));
  const summary = {
    jobs: N,
    rounds: ROUNDS,
    // Medians of the per-round ratios (each round's systems ran back to back).
    processRatioVsPlainjob: of('processRatioVsPlainjob'),
    processRatioVsPlainjobC1: of('processRatioVsPlainjobC1'),
    processRatioVsPlainjobC10: of('processRatioVsPlainjobC10'),
    enqueueRatioVsPlainjob: of('enqueueRatioVsPlainjob'),
    bulkEnqueuePerSec: num(vk, 'bulkEnqueuePerSec'),
    latencyMedianMs: num(vk, 'latencyMedianMs'),
    latencyP99Ms: num(vk, 'latencyP99Ms'),
    bullmq: systems.includes('BullMQ'),
    notes: [...new Set(notes)],
    perRound: rounds.map((r) => ({
      processRatioVsPlainjob: r.processRatioVsPlainjob,
      processRatioVsPlainjobC1: r.processRatioVsPlainjobC1,
      processRatioVsPlainjobC10: r.processRatioVsPlainjobC10,
      enqueueRatioVsPlainjob: r.enqueueRatioVsPlainjob,
      raw: r.rows,
    })),
    raw: rows,
  };
  printTable(rows, summary, asJson);
  if (asJson) console.log(JSON.stringify(summary));
}

await main();
