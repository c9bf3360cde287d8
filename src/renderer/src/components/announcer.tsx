import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { JOB_NAMES } from '../../../shared/types';

interface Message {
  id: number;
  text: string;
}

const SHOW_MS = 6000;
/** A subscription check's result says how many videos it queued. */
const SUBSCRIPTION_CHECK = JOB_NAMES.subscriptionCheck;
let nextId = 1;

function useMessages(): [Message[], (text: string) => void] {
  const [msgs, setMsgs] = useState<Message[]>([]);
  const push = (text: string) => {
    const m = { id: nextId++, text };
    setMsgs([m]);
    setTimeout(() => setMsgs((ms) => ms.filter((x) => x.id !== m.id)), SHOW_MS);
  };
  return [msgs, push];
}

/**
 * Finished and failed downloads, announced to screen readers and shown as brief toasts: finished
 * ones politely (role=status), failures assertively (role=alert).
 */
export function Announcer() {
  const [done, pushDone] = useMessages();
  const [failed, pushFailed] = useMessages();
  useEffect(
    () =>
      api.on('jobs.changed', ({ job, kind }) => {
        if (!job) return;
        const r = job.result as Record<string, unknown> | null;
        if (job.name === SUBSCRIPTION_CHECK) {
          // A check that found nothing stays quiet: hourly checks would otherwise toast all day.
          const queued = typeof r?.queued === 'number' ? r.queued : 0;
          const what = job.label.replace(/^Check /, '');
          if (kind === 'succeeded' && queued > 0) pushDone(`${what}: ${queued} new ${queued === 1 ? 'video' : 'videos'} queued`);
          else if (kind === 'failed') pushFailed(`Could not check ${what} — ${job.error?.message ?? 'something went wrong'}`);
          return;
        }
        // Follow-up jobs (a poster frame made after a download) are not downloads of their own.
        if (job.name !== JOB_NAMES.download) return;
        if (kind === 'succeeded') {
          if (r && 'needsConfirm' in r) pushDone(`Playlist found: ${String(r.playlistTitle ?? job.label)}`);
          else if (r && 'expanded' in r) pushDone(`Queued ${String(r.expanded)} videos from ${String(r.playlistTitle ?? 'the playlist')}`);
          else pushDone(`Downloaded: ${job.label}`);
        } else if (kind === 'failed') {
          pushFailed(`Failed: ${job.label} — ${job.error?.message ?? 'something went wrong'}`);
        }
      }),
    [],
  );
  return (
    <div className="toasts">
      <div role="status" aria-live="polite" className="toast-region">
        {done.map((m) => (
          <p key={m.id} className="toast toast-ok">
            {m.text}
          </p>
        ))}
      </div>
      <div role="alert" aria-live="assertive" className="toast-region">
        {failed.map((m) => (
          <p key={m.id} className="toast toast-error">
            {m.text}
          </p>
        ))}
      </div>
    </div>
  );
}
