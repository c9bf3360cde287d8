import type { JobView } from '../shared/types';
import type { ErrorInfo } from '../shared/errors';
import { wordsFor, type Words } from './words';

export interface Note {
  title: string;
  body: string;
}

export interface NotifierOptions {
  show(note: Note): void;
  /** The window is in front: its own toasts already say it. */
  isFocused(): boolean;
  setTimer?: (fn: () => void, ms: number) => unknown;
  /** Finishes within this window become one notification (default 4 s). */
  windowMs?: number;
  /** The catalog in the user's language, asked for at each notification (default English). */
  words?: () => Words;
}

/**
 * Turns job events into desktop notifications a person can live with: only while VidKeep is in the
 * background, one per burst ("12 downloads finished") rather than one per video, and subscription
 * checks only when they found something. Pure: Electron's Notification is injected.
 */
export function createNotifier(o: NotifierOptions) {
  const setTimer = o.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const windowMs = o.windowMs ?? 4000;
  let done: string[] = [];
  let failed: Array<{ label: string; error: ErrorInfo | null }> = [];
  let found: Array<{ label: string; count: number }> = [];
  let armed = false;

  const flush = () => {
    armed = false;
    const w = (o.words ?? english)();
    const summary = (labels: string[]) => (labels.length > 3 ? w.t('notify.summary.more', { names: labels.slice(0, 3).join(', '), count: labels.length - 3 }) : w.list(labels));
    if (done.length === 1) o.show({ title: w.t('notify.done.one'), body: done[0]! });
    else if (done.length > 1) o.show({ title: w.t('notify.done.many', { count: done.length }), body: summary(done) });
    if (failed.length === 1) o.show({ title: w.t('notify.failed.one'), body: w.t('notify.failed.body', { title: failed[0]!.label, error: failed[0]!.error ? w.error(failed[0]!.error) : '' }) });
    else if (failed.length > 1) o.show({ title: w.t('notify.failed.many', { count: failed.length }), body: summary(failed.map((f) => f.label)) });
    const total = found.reduce((n, f) => n + f.count, 0);
    if (found.length >= 1) o.show({ title: w.t('notify.found.title', { count: total }), body: w.t('notify.found.body', { names: summary(found.map((f) => f.label)) }) });
    done = [];
    failed = [];
    found = [];
  };
  const arm = () => {
    if (armed) return;
    armed = true;
    setTimer(flush, windowMs);
  };

  return {
    onJob(kind: string, job: JobView | null): void {
      if (!job || o.isFocused()) return;
      if (job.download) {
        if (kind === 'succeeded') done.push(job.download.title);
        else if (kind === 'failed') failed.push({ label: job.download.title, error: job.download.error ?? null });
        else return;
      } else if (job.check && kind === 'succeeded') {
        const count = job.check.queued ?? 0;
        if (count <= 0) return;
        found.push({ label: job.check.title, count });
      } else return;
      arm();
    },
    flush,
  };
}

const english = () => wordsFor('en', []);
