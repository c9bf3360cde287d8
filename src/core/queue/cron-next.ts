import cron from 'node-cron';
import { VidKeepError } from '../../shared/errors';

export interface CronFields {
  second: Set<number>;
  minute: Set<number>;
  hour: Set<number>;
  dayOfMonth: Set<number>;
  month: Set<number>;
  dayOfWeek: Set<number>;
}

/** Validates with node-cron and keeps its parsed fields, so fire times can be computed from any clock. */
export function parseCron(expr: string): CronFields {
  const v = typeof expr === 'string' ? cron.validateDetailed(expr) : { valid: false, errors: [] };
  if (!v.valid) {
    const why = v.errors.map((e) => e.message).join('; ');
    throw new VidKeepError('invalid-input', `"${String(expr)}" is not a valid schedule${why ? ` (${why})` : ''}.`, 'Use five or six cron fields, e.g. "0 3 * * *" for every day at 03:00.', { reason: 'badSchedule', cron: String(expr) });
  }
  const f = cron.parse(expr);
  const nums = (xs: Array<number | string>) => new Set(xs.map(Number).filter((n) => Number.isInteger(n)));
  const dow = nums(f.dayOfWeek);
  if (dow.has(7)) dow.add(0);
  return { second: nums(f.second), minute: nums(f.minute), hour: nums(f.hour), dayOfMonth: nums(f.dayOfMonth), month: nums(f.month), dayOfWeek: dow };
}

const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

/** First fire time strictly after `afterMs` (local time, like node-cron), or null within ~5 years. */
export function nextFireAfter(f: CronFields, afterMs: number): number | null {
  const secs = sorted(f.second);
  const mins = sorted(f.minute);
  const hours = sorted(f.hour);
  const start = new Date(Math.floor(afterMs / 1000) * 1000 + 1000);
  const day = new Date(start.getFullYear(), start.getMonth(), start.getDate());
  for (let i = 0; i < 366 * 5; i++, day.setDate(day.getDate() + 1)) {
    if (!f.month.has(day.getMonth() + 1) || !f.dayOfMonth.has(day.getDate()) || !f.dayOfWeek.has(day.getDay())) continue;
    for (const h of hours) {
      for (const m of mins) {
        for (const s of secs) {
          const t = new Date(day.getFullYear(), day.getMonth(), day.getDate(), h, m, s).getTime();
          if (t > afterMs) return t;
        }
      }
    }
  }
  return null;
}

/** Latest fire time in (afterMs, nowMs], found without walking every fire of a long sleep. */
export function latestFireBetween(f: CronFields, afterMs: number, nowMs: number): number | null {
  const first = nextFireAfter(f, afterMs);
  if (first === null || first > nowMs) return null;
  let from = first;
  for (const w of [60_000, 3_600_000, 86_400_000, 40 * 86_400_000, 400 * 86_400_000]) {
    const probe = nextFireAfter(f, Math.max(afterMs, nowMs - w));
    if (probe !== null && probe <= nowMs) {
      from = Math.max(from, probe);
      break;
    }
  }
  for (let t: number | null = from, n = 0; t !== null && n < 100_000; n++) {
    const next = nextFireAfter(f, t);
    if (next === null || next > nowMs) return t;
    t = next;
  }
  return from;
}
