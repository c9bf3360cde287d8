import { useCallback, useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { useAppInfo } from '../../hooks/use-app-info';
import { EmptyState } from '../../components/empty-state';
import { ErrorNote } from '../../components/error-note';
import type { ErrorInfo } from '../../../../shared/errors';
import type { Subscription } from '../../../../shared/types';
import { ArchivePanel } from './archive-panel';
import { SubscriptionForm, addedText } from './subscription-form';
import { SubscriptionRow } from './subscription-row';
import { applySubscriptions, useSubscriptions } from './subscription-store';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';
import './subscriptions.css';

/** Channels and playlists VidKeep checks on a schedule, and the form to add one. */
export function SubscriptionsView({ onShowVideos }: { onShowVideos: (subscriptionId: string) => void }) {
  const intl = useIntl();
  const { items, loading, error } = useSubscriptions();
  const { info } = useAppInfo();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<ErrorInfo | null>(null);
  const ffmpegFound = info?.ffmpeg.found ?? true;
  const anyRunning = items.some((s) => !s.paused);
  const anyPaused = items.some((s) => s.paused);

  const all = async (channel: 'subscriptions.pause' | 'subscriptions.resume') => {
    setBusy(true);
    setActionError(null);
    try {
      const list = await api.invoke(channel, {});
      applySubscriptions(list);
      setStatus(t(intl, channel === 'subscriptions.pause' ? 'subs.allPaused' : 'subs.allResumed'));
    } catch (e) {
      setActionError(asErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };
  const onAdded = useCallback((s: Subscription) => setStatus(addedText(intl, s)), [intl]);

  return (
    <section className="view subs" aria-labelledby="subs-title">
      <header className="view-header">
        <h2 id="subs-title">{t(intl, 'subs.title')}</h2>
        {/* Both stay mounted once there is a subscription, aria-disabled when they do not apply, so focus stays put after use. */}
        {items.length > 0 && (
          <div className="sub-header-actions">
            <button
              type="button"
              className="btn"
              aria-disabled={busy || !anyRunning || undefined}
              onClick={() => {
                if (!busy && anyRunning) void all('subscriptions.pause');
              }}
            >
              {t(intl, 'subs.pauseAll')}
            </button>
            <button
              type="button"
              className="btn"
              aria-disabled={busy || !anyPaused || undefined}
              onClick={() => {
                if (!busy && anyPaused) void all('subscriptions.resume');
              }}
            >
              {t(intl, 'subs.resumeAll')}
            </button>
          </div>
        )}
      </header>
      <p role="status" className={status ? 'note note-ok' : 'sr-only'}>
        {status}
      </p>
      {actionError && <ErrorNote error={actionError} />}
      <SubscriptionForm onAdded={onAdded} />
      {error && <ErrorNote error={error} />}
      {loading ? (
        <p className="muted" role="status">
          {t(intl, 'subs.loading')}
        </p>
      ) : items.length === 0 ? (
        !error && (
          <EmptyState title={t(intl, 'subs.empty.title')}>
            <p>{t(intl, 'subs.empty.what')}</p>
            <p>{t(intl, 'subs.empty.rules')}</p>
          </EmptyState>
        )
      ) : (
        <ul className="sub-list" aria-label={t(intl, 'subs.list')}>
          {items.map((s) => (
            <SubscriptionRow key={s.id} subscription={s} ffmpegFound={ffmpegFound} onShowVideos={onShowVideos} />
          ))}
        </ul>
      )}
      <ArchivePanel />
    </section>
  );
}
