// BullMQ side of bench/queue.ts: a throwaway redis-server on a free port, nothing saved to disk.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stats, type Row } from './queue-report';
import { ensureRedisServer } from '../scripts/lib/redis.mjs';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A throwaway redis-server (installed on first use where we may), or why there is none. */
export async function startRedis(): Promise<{ port: number; stop(): void } | string> {
  const found = ensureRedisServer();
  if ('missing' in found) return `BullMQ skipped: ${found.missing}`;
  if (spawnSync(found.path, ['--version']).status !== 0) return `BullMQ skipped: ${found.path} does not run`;
  const port = await freePort();
  const child = spawn(found.path, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/ready to accept connections/i.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
  });
  child.stdout!.resume();
  return { port, stop: () => void child.kill('SIGTERM') };
}

type RedisCtor = new (o: object) => { quit(): Promise<unknown>; disconnect(): void };
/* eslint-disable @typescript-eslint/no-explicit-any */
interface BenchDeps {
  Queue: new (name: string, o: object) => any;
  Worker: new (name: string, fn: () => Promise<unknown>, o: object) => any;
  Redis: RedisCtor;
}

/**
 * BullMQ and ioredis are bench-only: the registry mirror our machines use lacks some of BullMQ's
 * optional natives, so they cannot sit in the lock file. They are looked up in the project, then
 * under $VK_BENCH_DEPS, then in a cache folder where they are installed on first use.
 */
function loadDeps(): BenchDeps | string {
  const cache = process.env.VK_BENCH_DEPS ?? join(tmpdir(), 'vidkeep-bench-deps');
  const bases = [import.meta.url, join(cache, 'noop.js')];
  const tryLoad = (): BenchDeps | null => {
    for (const base of bases) {
      try {
        const req = createRequire(base);
        const bull = req('bullmq') as { Queue: BenchDeps['Queue']; Worker: BenchDeps['Worker'] };
        const io = req('ioredis') as { default?: RedisCtor } & RedisCtor;
        return { Queue: bull.Queue, Worker: bull.Worker, Redis: io.default ?? io };
      } catch {
        // try the next place
      }
    }
    return null;
  };
  const found = tryLoad();
  if (found) return found;
  mkdirSync(cache, { recursive: true });
  const r = spawnSync('npm', ['install', '--prefix', cache, '--no-save', '--no-audit', '--no-fund', 'bullmq', 'ioredis'], { stdio: 'ignore', shell: process.platform === 'win32' });
  return (r.status === 0 && tryLoad()) || `BullMQ skipped: could not install bullmq + ioredis into ${cache}`;
}

export async function bullmqBench(port: number, n: number): Promise<Row | string> {
  const deps = loadDeps();
  if (typeof deps === 'string') return deps;
  const { Redis } = deps;
  const clients: Array<InstanceType<RedisCtor>> = [];
  // BullMQ duplicates a client it is given for its blocking connections.
  const client = () => {
    const c = new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: null });
    clients.push(c);
    return c;
  };
  try {
    return await run(n, client, deps);
  } finally {
    for (const c of clients) c.disconnect();
  }
}

async function run(n: number, client: () => unknown, { Queue, Worker }: BenchDeps): Promise<Row> {
  const connection = client() as any;
  const row: Row = { system: 'BullMQ' };
  let seq = 0;
  const fresh = () => new Queue(`bench${++seq}`, { connection });
  const opts = { removeOnComplete: true, removeOnFail: true };
  {
    const q = fresh();
    await q.waitUntilReady();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await q.add('noop', { i }, opts);
    row.enqueuePerSec = n / ((performance.now() - t0) / 1000);
    await q.obliterate({ force: true });
    await q.close();
  }
  {
    const q = fresh();
    await q.waitUntilReady();
    const jobs = Array.from({ length: n }, (_, i) => ({ name: 'noop', data: { i }, opts }));
    const t0 = performance.now();
    for (let i = 0; i < n; i += 5000) await q.addBulk(jobs.slice(i, i + 5000));
    row.bulkEnqueuePerSec = n / ((performance.now() - t0) / 1000);
    await q.obliterate({ force: true });
    await q.close();
  }
  for (const c of [1, 10] as const) {
    const q = fresh();
    for (let i = 0; i < n; i += 5000) await q.addBulk(Array.from({ length: Math.min(5000, n - i) }, (_, j) => ({ name: 'noop', data: { i: i + j }, opts })));
    let done = 0;
    let resolve!: () => void;
    const finished = new Promise<void>((r) => (resolve = r));
    const t0 = performance.now();
    const w = new Worker(q.name, async () => {}, { connection, concurrency: c });
    w.on('completed', () => void (++done === n && resolve()));
    await finished;
    row[`processedPerSecC${c}`] = n / ((performance.now() - t0) / 1000);
    await w.close();
    await q.obliterate({ force: true });
    await q.close();
  }
  {
    const q = fresh();
    let t0 = 0;
    const lat: number[] = [];
    let next: () => void = () => {};
    const w = new Worker(q.name, async () => void lat.push(performance.now() - t0), { connection });
    w.on('completed', () => next());
    await w.waitUntilReady();
    for (let i = 0; i < 200; i++) {
      const finished = new Promise<void>((r) => (next = r));
      t0 = performance.now();
      await q.add('lat', { i }, opts);
      await finished;
    }
    Object.assign(row, stats(lat));
    await w.close();
    await q.obliterate({ force: true });
    await q.close();
  }
  return row;
}
