import { memo, useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useNow } from '../../hooks/use-now';
import type { ErrorInfo } from '../../../../shared/errors';
import type { Subscription } from '../../../../shared/types';
import { applySubscriptions, forgetSubscription } from './subscription-store';
import { countsText, lastCheckText, nextCheckText, STATE_LABELS, subscriptionName, subscriptionState } from './subscription-text';
import { describeCron } from './schedule';
import { SubscriptionEdit } from './subscription-edit';

interface Props {
  subscription: Subscription;
  ffmpegFound: boolean;
  /** Opens the Library filtered to this subscription's videos. */
  onShowVideos: (subscriptionId: string) => void;
}

/** One subscription: what it is, when it was and will be checked, what it found, and its actions. */
export const SubscriptionRow = memo(function SubscriptionRow({ subscription: s, ffmpegFound, onShowVideos }: Props) {
  useNow(); // re-render every 30 s so relative times stay true
  const now = Date.now();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ErrorInfo | null>(null);
  const removeBtn = useRef<HTMLButtonElement>(null);
  const keepBtn = useRef<HTMLButtonElement>(null);
  const editBtn = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const state = subscriptionState(s);
  const name = subscriptionName(s);
  const titleId = `sub-title-${s.id}`;
  const checkOff = busy || s.checking;

  useEffect(() => {
    // Focus follows the inline confirm: onto its safe choice, and back to "Remove" when it closes.
    if (confirming) keepBtn.current?.focus();
    else if (wasConfirming.current) removeBtn.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    setNote(null);
    try {
      await fn();
    } catch (e) {
      setActionError(asErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };
  const check = () =>
    act(async () => {
      const r = await api.invoke('subscriptions.check', { id: s.id });
      if (r.already) setNote('A check is already under way.');
    });
  const togglePause = () => act(async () => applySubscriptions(await api.invoke(s.paused ? 'subscriptions.resume' : 'subscriptions.pause', { id: s.id })));
  const remove = () =>
    act(async () => {
      // Focus must not fall back to the page: the next row's first action, else the previous, else the link box.
      const li = keepBtn.current?.closest('li');
      const next = (li?.nextElementSibling ?? li?.previousElementSibling)?.querySelector<HTMLElement>('button');
      await api.invoke('subscriptions.remove', { id: s.id });
      forgetSubscription(s.id);
      requestAnimationFrame(() => (next?.isConnected ? next : document.getElementById('sub-url'))?.focus());
    });
  const closeEdit = () => {
    setEditing(false);
    editBtn.current?.focus();
  };

  return (
    <li className={`sub-row state-${state}`} data-subscription-id={s.id} data-state={state} aria-labelledby={titleId}>
      <div className="sub-main">
        <div className="sub-head">
          <h3 id={titleId} className="sub-title" title={name}>
            {name}
          </h3>
          <span className={`pill sub-pill pill-${state}`}>{STATE_LABELS[state]}</span>
        </div>
        {s.title && <div className="sub-url">{s.url}</div>}
        <dl className="sub-meta">
          <div>
            <dt>Checks</dt>
            <dd>{describeCron(s.cron)}</dd>
          </div>
          <div>
            <dt>Last check</dt>
            <dd title={s.lastCheckAt ? formatDate(s.lastCheckAt) : undefined}>{lastCheckText(s, now)}</dd>
          </div>
          <div>
            <dt>Next check</dt>
            <dd title={s.nextCheckAt && !s.paused ? formatDate(s.nextCheckAt) : undefined}>{nextCheckText(s, now)}</dd>
          </div>
          <div>
            <dt>Videos</dt>
            <dd className="sub-counts">{countsText(s)}</dd>
          </div>
        </dl>
        {/* Live regions exist before their text does, so a check that fails later, or the note, is announced. */}
        <div className={s.lastError ? undefined : 'sr-only'} aria-live="polite" aria-atomic="true">
          {s.lastError && (
            <p className="sub-error">
              {s.lastError.message}
              {s.lastError.hint && <span className="hint"> {s.lastError.hint}</span>}
            </p>
          )}
        </div>
        <p role="status" className={note ? 'muted' : 'sr-only'}>
          {note}
        </p>
        {actionError && (
          <p className="sub-error" role="alert">
            {actionError.message}
            {actionError.hint && <span className="hint"> {actionError.hint}</span>}
          </p>
        )}
      </div>
      <div className="sub-actions">
        <button type="button" className="btn btn-small" aria-label={`Show videos from ${name}`} onClick={() => onShowVideos(s.id)}>
          Show videos
        </button>
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
        <button
          type="button"
          className="btn btn-small"
          aria-disabled={checkOff || undefined}
          aria-label={`Check now: ${name}`}
          onClick={() => {
            if (!checkOff) void check();
          }}
        >
          {s.checking ? 'Checking…' : 'Check now'}
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-disabled={busy || undefined}
          aria-label={`${s.paused ? 'Resume' : 'Pause'} ${name}`}
          onClick={() => {
            if (!busy) void togglePause();
          }}
        >
          {s.paused ? 'Resume' : 'Pause'}
        </button>
        <button ref={editBtn} type="button" className="btn btn-small" aria-expanded={editing} aria-label={`Edit ${name}`} onClick={() => (editing ? closeEdit() : setEditing(true))}>
          Edit
        </button>
        {confirming ? (
          <span
            className="confirm"
            role="group"
            aria-label={`Remove ${name}?`}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setConfirming(false);
            }}
          >
            <span>Remove? Downloaded videos stay in your library.</span>
            <button
              type="button"
              className="btn btn-small btn-danger"
              aria-disabled={busy || undefined}
              onClick={() => {
                if (!busy) void remove();
              }}
            >
              Remove
            </button>
            <button ref={keepBtn} type="button" className="btn btn-small btn-quiet" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button ref={removeBtn} type="button" className="btn btn-small btn-danger-quiet" aria-label={`Remove ${name}…`} onClick={() => setConfirming(true)}>
            Remove…
          </button>
        )}
      </div>
      {editing && <SubscriptionEdit subscription={s} ffmpegFound={ffmpegFound} onDone={closeEdit} />}
    </li>
  );
});
