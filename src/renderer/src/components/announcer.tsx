import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../lib/api';
import { t } from '../i18n/t';
import { errorText } from '../i18n/error-text';

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
  // Read when an event arrives, so a language chosen meanwhile is the one announced.
  const current = useIntl();
  const intlNow = useRef(current);
  intlNow.current = current;
  useEffect(
    () =>
      api.on('jobs.changed', ({ job, kind }) => {
        if (!job) return;
        const intl = intlNow.current;
        const why = () => (job.error ? errorText(intl, job.error).message : t(intl, 'error.somethingWrong'));
        if (job.check) {
          // A check that found nothing stays quiet: hourly checks would otherwise toast all day.
          const queued = job.check.queued ?? 0;
          const what = job.check.title;
          if (kind === 'succeeded' && queued > 0) pushDone(t(intl, 'toast.subscriptionFound', { name: what, count: queued }));
          else if (kind === 'failed') pushFailed(t(intl, 'toast.subscriptionFailed', { name: what, error: why() }));
          return;
        }
        if (!job.download) return;
        const { result: r, title } = job.download;
        if (kind === 'succeeded') {
          if (r && 'needsConfirm' in r) pushDone(t(intl, 'toast.playlistFound', { title: r.playlistTitle ?? title }));
          else if (r && 'expanded' in r) pushDone(r.playlistTitle ? t(intl, 'toast.playlistQueued', { count: r.expanded, title: r.playlistTitle }) : t(intl, 'toast.playlistQueued.untitled', { count: r.expanded }));
          else pushDone(t(intl, 'toast.downloaded', { title }));
        } else if (kind === 'failed') {
          pushFailed(t(intl, 'toast.failed', { title, error: why() }));
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
