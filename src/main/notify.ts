import type { JobView } from '../shared/types';

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
  let failed: Array<{ label: string; message: string }> = [];
  let found: Array<{ label: string; count: number }> = [];
  let armed = false;

  const flush = () => {
    armed = false;
    if (done.length === 1) o.show({ title: 'Download finished', body: done[0]! });
    else if (done.length > 1) o.show({ title: `${done.length} downloads finished`, body: summary(done) });
    if (failed.length === 1) o.show({ title: 'Download failed', body: `${failed[0]!.label}: ${failed[0]!.message}` });
    else if (failed.length > 1) o.show({ title: `${failed.length} downloads failed`, body: summary(failed.map((f) => f.label)) });
    const total = found.reduce((n, f) => n + f.count, 0);
    if (found.length === 1) o.show({ title: `${total} new ${total === 1 ? 'video' : 'videos'}`, body: `From ${found[0]!.label}; downloading now.` });
    else if (found.length > 1) o.show({ title: `${total} new videos`, body: `From ${summary(found.map((f) => f.label))}; downloading now.` });
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
        else if (kind === 'failed') failed.push({ label: job.download.title, message: job.download.error?.message ?? '' });
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

function summary(labels: string[]): string {
  const shown = labels.slice(0, 3).join(', ');
  return labels.length > 3 ? `${shown} and ${labels.length - 3} more` : shown;
}
