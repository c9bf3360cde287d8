// Formatting for bench/queue.ts.
export type Row = { system: string } & Record<string, number | string>;

export function stats(samples: number[]): { latencyMedianMs: number; latencyP99Ms: number; latencySamples: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * p) - 1))] ?? NaN;
  return { latencyMedianMs: at(0.5), latencyP99Ms: at(0.99), latencySamples: s.length };
}

export function median(xs: number[]): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One row per system: each figure the median of that figure over the rounds. */
export function medianRow(rows: Row[]): Row {
  const out: Row = { system: rows[0]!.system };
  for (const k of Object.keys(rows[0]!)) if (k !== 'system') out[k] = median(rows.map((r) => Number(r[k])));
  return out;
}

const COLS: Array<[string, string]> = [
  ['enqueuePerSec', 'enqueue/s'],
  ['bulkEnqueuePerSec', 'bulk enqueue/s'],
  ['processedPerSecC1', 'processed/s c=1'],
  ['processedPerSecC10', 'processed/s c=10'],
  ['latencyMedianMs', 'latency p50 ms'],
  ['latencyP99Ms', 'latency p99 ms'],
];

const fmt = (v: unknown) => (typeof v !== 'number' || Number.isNaN(v) ? '-' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toFixed(3));

export function printTable(rows: Row[], summary: Record<string, unknown>, toStderr: boolean): void {
  const out = toStderr ? console.error : console.log;
  const header = ['system', ...COLS.map(([, h]) => h)];
  const body = rows.map((r) => [r.system, ...COLS.map(([k]) => fmt(r[k]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  out(`\nQueue benchmark: ${String(summary.jobs)} no-op jobs, SQLite WAL + synchronous=FULL on temp files${summary.bullmq ? ', BullMQ on a local redis-server (in memory)' : ''}; median of ${String(summary.rounds)} interleaved rounds`);
  out(line(header));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) out(line(b));
  const per = (summary.perRound as Array<{ processRatioVsPlainjob: number; enqueueRatioVsPlainjob: number }>) ?? [];
  out(`\nprocessing vs plainjob: ${fmt(summary.processRatioVsPlainjob)}x (worst of c=1 and c=10; target >= 2); rounds: ${per.map((r) => fmt(r.processRatioVsPlainjob)).join(', ')}`);
  out(`single enqueue vs plainjob: ${fmt(summary.enqueueRatioVsPlainjob)}x (target >= 1; rounds: ${per.map((r) => fmt(r.enqueueRatioVsPlainjob)).join(', ')}); bulk ${fmt(summary.bulkEnqueuePerSec)}/s (target >= 200,000)`);
  for (const n of summary.notes as string[]) out(`note: ${n}`);
  out(`latency enqueue -> handler start: p50 ${fmt(summary.latencyMedianMs)} ms (target < 1), p99 ${fmt(summary.latencyP99Ms)} ms (target < 5)\n`);
}
