import { VidKeepError } from '../../shared/errors';
import type { Millis } from '../../shared/types';
import { resolveBackoff, DEFAULT_BACKOFF } from './backoff';
import type { EnqueueOptions } from './types';

export const DEFAULTS = {
  queue: 'default',
  maxTries: 3,
  timeoutMs: 3_600_000,
  keepResultMs: 3_600_000,
  keepFailedMs: 7 * 86_400_000,
} as const;

/** Everything an insert needs, already checked and serialised. */
export interface JobSpec {
  id: string;
  name: string;
  queue: string;
  payload: string;
  priority: number;
  runAt: Millis;
  maxTries: number;
  timeoutMs: number;
  backoff: string | null;
  keepMs: number;
  keepFailedMs: number;
  key: string | null;
  label: string | null;
  dependsOn: string[];
  scheduleId: string | null;
}

const bad = (message: string, hint?: string) => new VidKeepError('invalid-input', message, hint);

function checkPlain(v: unknown, path: string, depth: number): void {
  if (depth > 64) throw bad(`The job data is nested too deeply (at ${path}).`);
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(v)) throw bad(`The job data holds ${v} at ${path}, which cannot be stored.`);
      return;
    case 'undefined':
      if (depth === 0) throw bad('The job has no data; pass null for none.');
      return;
    case 'object': {
      if (v === null) return;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) checkPlain(v[i], `${path}[${i}]`, depth + 1);
        return;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        if (v instanceof Date) return;
        throw bad(`The job data holds a ${(v as object).constructor?.name ?? 'special object'} at ${path}; only plain JSON data can be stored.`);
      }
      for (const k of Object.keys(v)) checkPlain((v as Record<string, unknown>)[k], `${path}.${k}`, depth + 1);
      return;
    }
    default:
      throw bad(`The job data holds a ${typeof v} at ${path}; only plain JSON data can be stored.`);
  }
}

/** JSON text of the payload, or invalid-input for anything JSON would drop or mangle. */
export function serialisePayload(payload: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(payload);
  } catch (err) {
    const why = err instanceof Error && /circular/i.test(err.message) ? 'refers to itself (circular)' : 'cannot be written as JSON (a BigInt?)';
    throw bad(`The job data ${why}.`);
  }
  checkPlain(payload, 'payload', 0);
  return text;
}

function num(name: string, v: unknown, min: number, int = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || (int && !Number.isInteger(v))) {
    throw bad(`${name} must be ${int ? 'a whole number' : 'a finite number'} of at least ${min} (got ${String(v)}).`);
  }
  return v;
}

function str(name: string, v: unknown, max = 500): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw bad(`${name} must be a non-empty text of at most ${max} characters.`);
  return v;
}

let counter = 0;
const prefix = Math.random().toString(36).slice(2, 8);
/**
 * Unique within this process; time-ordered so ids sort by creation within a launch. The counter is
 * fixed-width so new ids land at the end of the id index instead of all over it (bulk inserts).
 */
let stampAt = -1;
let stamp = '';
export function newJobId(now: Millis): string {
  counter = (counter + 1) % 0x100000000;
  if (now !== stampAt) {
    stampAt = now;
    stamp = `j-${now.toString(36)}-${prefix}`;
  }
  const c = counter.toString(36);
  return stamp + (c.length >= 7 ? c : '0000000'.slice(c.length) + c);
}

export function buildSpec(name: string, payload: unknown, o: EnqueueOptions, now: Millis): JobSpec {
  const spec: JobSpec = {
    id: o.jobId === undefined ? newJobId(now) : str('jobId', o.jobId, 200),
    name,
    queue: o.queue === undefined ? DEFAULTS.queue : str('queue', o.queue, 100),
    payload: serialisePayload(payload),
    priority: o.priority === undefined ? 0 : num('priority', o.priority, -1e9, true),
    runAt: now,
    maxTries: o.maxTries === undefined ? DEFAULTS.maxTries : num('maxTries', o.maxTries, 1, true),
    timeoutMs: o.timeoutMs === undefined ? DEFAULTS.timeoutMs : num('timeoutMs', o.timeoutMs, 1),
    backoff: null,
    keepMs: o.keepResultMs === undefined ? DEFAULTS.keepResultMs : num('keepResultMs', o.keepResultMs, 0),
    keepFailedMs: o.keepFailedMs === undefined ? DEFAULTS.keepFailedMs : num('keepFailedMs', o.keepFailedMs, 0),
    key: o.key === undefined ? null : str('key', o.key, 200),
    label: o.label === undefined ? null : String(o.label).slice(0, 500),
    dependsOn: [],
    scheduleId: null,
  };
  if (o.runAt !== undefined) spec.runAt = num('runAt', o.runAt, 0);
  if (o.deferByMs !== undefined) spec.runAt = Math.max(spec.runAt, now + num('deferByMs', o.deferByMs, 0));
  if (o.backoff !== undefined) {
    const b = resolveBackoff(o.backoff);
    if (b.type !== 'fixed' && b.type !== 'exponential') throw bad(`backoff.type must be "fixed" or "exponential" (got ${String(b.type)}).`);
    num('backoff.delayMs', b.delayMs, 0);
    if (b.maxDelayMs !== undefined) num('backoff.maxDelayMs', b.maxDelayMs, 0);
    if (b.jitter !== undefined && num('backoff.jitter', b.jitter, 0) > 1) throw bad('backoff.jitter must be between 0 and 1.');
    if (b !== DEFAULT_BACKOFF) spec.backoff = JSON.stringify(b);
  }
  if (o.dependsOn !== undefined) {
    if (!Array.isArray(o.dependsOn)) throw bad('dependsOn must be a list of job ids.');
    spec.dependsOn = [...new Set(o.dependsOn.map((d) => str('dependsOn entry', d, 200)))];
    if (spec.dependsOn.includes(spec.id)) throw bad('A job cannot depend on itself.');
  }
  return spec;
}
