import { useEffect, useState } from 'react';
import { api } from '../lib/api';

interface Message {
  id: number;
  text: string;
}

const SHOW_MS = 6000;
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
        if (job.check) {
          // A check that found nothing stays quiet: hourly checks would otherwise toast all day.
          const queued = job.check.queued ?? 0;
          const what = job.check.title;
          if (kind === 'succeeded' && queued > 0) pushDone(`${what}: ${queued} new ${queued === 1 ? 'video' : 'videos'} queued`);
          else if (kind === 'failed') pushFailed(`Could not check ${what} — ${job.error?.message ?? 'something went wrong'}`);
          return;
        }
        if (!job.download) return;
        const { result: r, title } = job.download;
        if (kind === 'succeeded') {
          if (r && 'needsConfirm' in r) pushDone(`Playlist found: ${r.playlistTitle ?? title}`);
          else if (r && 'expanded' in r) pushDone(`Queued ${r.expanded} videos from ${r.playlistTitle ?? 'the playlist'}`);
          else pushDone(`Downloaded: ${title}`);
        } else if (kind === 'failed') {
          pushFailed(`Failed: ${title} — ${job.error?.message ?? 'something went wrong'}`);
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
