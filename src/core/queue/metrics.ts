import type { Db } from '../db/open';
import { JOB_STATES, type JobState, type QueueMetrics } from '../../shared/types';

/** Recent successes the run-time figures are computed from. */
const RECENT = 1000;

export function createMetrics(db: Db) {
  const counts = db.prepare<[], { state: JobState; n: number }>('SELECT state, count(*) AS n FROM jobs GROUP BY state');
  const depth = db.prepare<[], { queue: string; n: number }>("SELECT queue, count(*) AS n FROM jobs WHERE state = 'queued' GROUP BY queue");
  const live = db.prepare<[], { name: string; state: 'active' | 'queued'; n: number }>(
    "SELECT name, state, count(*) AS n FROM jobs WHERE state IN ('active', 'queued') GROUP BY name, state",
  );
  const runs = db.prepare<[number], { ms: number }>(`SELECT finished_at - started_at AS ms FROM jobs
    WHERE state = 'succeeded' AND started_at IS NOT NULL ORDER BY finished_at DESC LIMIT ?`);
  const throughput = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM jobs WHERE state IN ('succeeded', 'failed') AND finished_at >= ?");
  const failures = db.prepare<[], { code: string | null; n: number }>("SELECT json_extract(error, '$.code') AS code, count(*) AS n FROM jobs WHERE state = 'failed' GROUP BY 1");

  return (now: number, paused: { all: boolean; queues: Set<string> }): QueueMetrics => {
    const c = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
    for (const r of counts.all()) c[r.state] = r.n;
    const ms = runs.all(RECENT).map((r) => r.ms).sort((a, b) => a - b);
    const avg = ms.length === 0 ? null : ms.reduce((a, b) => a + b, 0) / ms.length;
    const p95 = ms.length === 0 ? null : (ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.95) - 1)] ?? null);
    const liveByName: Record<string, { active: number; queued: number }> = {};
    for (const r of live.all()) (liveByName[r.name] ??= { active: 0, queued: 0 })[r.state] = r.n;
    return {
      counts: c,
      liveByName,
      depthByQueue: Object.fromEntries(depth.all().map((r) => [r.queue, r.n])),
      avgRunMs: avg,
      p95RunMs: p95,
      throughputPerHour: throughput.get(now - 3_600_000)?.n ?? 0,
      failuresByCode: Object.fromEntries(failures.all().map((r) => [r.code ?? 'internal', r.n])),
      paused: paused.all,
      pausedQueues: [...paused.queues].sort(),
    };
  };
}
