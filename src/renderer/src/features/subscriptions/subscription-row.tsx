import { memo, useEffect, useRef, useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useNow } from '../../hooks/use-now';
import type { ErrorInfo } from '../../../../shared/errors';
import type { Subscription } from '../../../../shared/types';
import { applySubscriptions, forgetSubscription } from './subscription-store';
import { countsText, lastCheckText, nextCheckText, subscriptionName, subscriptionState } from './subscription-text';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';
import { ErrorLine } from '../../components/error-note';
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
  const intl = useIntl();
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
      if (r.already) setNote(t(intl, 'subs.row.already'));
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
          <span className={`pill sub-pill pill-${state}`}>{t(intl, `subs.state.${state}`)}</span>
        </div>
        {s.title && <div className="sub-url">{s.url}</div>}
        <dl className="sub-meta">
          <div>
            <dt>{t(intl, 'subs.row.checks')}</dt>
            <dd>{describeCron(intl, s.cron)}</dd>
          </div>
          <div>
            <dt>{t(intl, 'subs.row.lastCheck')}</dt>
            <dd title={s.lastCheckAt ? formatDate(intl, s.lastCheckAt) : undefined}>{lastCheckText(intl, s, now)}</dd>
          </div>
          <div>
            <dt>{t(intl, 'subs.row.nextCheck')}</dt>
            <dd title={s.nextCheckAt && !s.paused ? formatDate(intl, s.nextCheckAt) : undefined}>{nextCheckText(intl, s, now)}</dd>
          </div>
          <div>
            <dt>{t(intl, 'subs.row.videos')}</dt>
            <dd className="sub-counts">{countsText(intl, s)}</dd>
          </div>
        </dl>
        {/* Live regions exist before their text does, so a check that fails later, or the note, is announced. */}
        <div className={s.lastError ? undefined : 'sr-only'} aria-live="polite" aria-atomic="true">
          {s.lastError && (
            <p className="sub-error">
              <ErrorLine error={s.lastError} />
            </p>
          )}
        </div>
        <p role="status" className={note ? 'muted' : 'sr-only'}>
          {note}
        </p>
        {actionError && (
          <p className="sub-error" role="alert">
            <ErrorLine error={actionError} />
          </p>
        )}
      </div>
      <div className="sub-actions">
        <button type="button" className="btn btn-small" aria-label={t(intl, 'subs.row.showVideos.label', { name })} onClick={() => onShowVideos(s.id)}>
          {t(intl, 'subs.row.showVideos')}
        </button>
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
        <button
          type="button"
          className="btn btn-small"
          aria-disabled={checkOff || undefined}
          aria-label={t(intl, 'subs.row.checkNow.label', { name })}
          onClick={() => {
            if (!checkOff) void check();
          }}
        >
          {s.checking ? t(intl, 'subs.row.checkingNow') : t(intl, 'subs.row.checkNow')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-disabled={busy || undefined}
          aria-label={t(intl, s.paused ? 'subs.row.resume.label' : 'subs.row.pause.label', { name })}
          onClick={() => {
            if (!busy) void togglePause();
          }}
        >
          {s.paused ? t(intl, 'subs.row.resume') : t(intl, 'subs.row.pause')}
        </button>
        <button ref={editBtn} type="button" className="btn btn-small" aria-expanded={editing} aria-label={t(intl, 'subs.row.edit.label', { name })} onClick={() => (editing ? closeEdit() : setEditing(true))}>
          {t(intl, 'subs.row.edit')}
        </button>
        {confirming ? (
          <span
            className="confirm"
            role="group"
            aria-label={t(intl, 'subs.row.remove.confirm.label', { name })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setConfirming(false);
            }}
          >
            <span>{t(intl, 'subs.row.remove.question')}</span>
            <button
              type="button"
              className="btn btn-small btn-danger"
              aria-disabled={busy || undefined}
              onClick={() => {
                if (!busy) void remove();
              }}
            >
              {t(intl, 'subs.row.remove')}
            </button>
            <button ref={keepBtn} type="button" className="btn btn-small btn-quiet" onClick={() => setConfirming(false)}>
              {t(intl, 'subs.row.cancel')}
            </button>
          </span>
        ) : (
          <button ref={removeBtn} type="button" className="btn btn-small btn-danger-quiet" aria-label={t(intl, 'subs.row.removeEllipsis.label', { name })} onClick={() => setConfirming(true)}>
            {t(intl, 'subs.row.removeEllipsis')}
          </button>
        )}
      </div>
      {editing && <SubscriptionEdit subscription={s} ffmpegFound={ffmpegFound} onDone={closeEdit} />}
    </li>
  );
});
