import type { ErrorInfo } from '../../shared/errors';
import type { JobState, Progress } from '../../shared/types';
import type { QueueJob } from './types';

/** A jobs row as SQLite returns it. */
export interface JobRow {
  seq: number;
  id: string;
  name: string;
  queue: string;
  state: JobState;
  payload: string;
  priority: number;
  lane: number;
  run_at: number;
  tries: number;
  max_tries: number;
  timeout_ms: number;
  backoff: string | null;
  keep_ms: number;
  keep_failed_ms: number;
  key: string | null;
  label: string | null;
  deps_pending: number;
  schedule_id: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  expires_at: number | null;
  error: string | null;
  result: string | null;
  progress: string | null;
  claim_token: string | null;
  launch_id: string | null;
  crash_strikes: number;
}

const parse = <T>(s: string | null): T | null => (s === null ? null : (JSON.parse(s) as T));

export function toView(r: JobRow): QueueJob {
  return {
    id: r.id,
    name: r.name,
    queue: r.queue,
    state: r.state,
    payload: parse(r.payload),
    priority: r.priority,
    tries: r.tries,
    maxTries: r.max_tries,
    runAt: r.run_at,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    error: parse<ErrorInfo>(r.error),
    result: parse(r.result),
    progress: parse<Progress>(r.progress),
    label: r.label ?? r.name,
  };
}
