import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { ErrorNote } from '../../components/error-note';
import type { LiveRecording } from '../../../../shared/choose';
import type { UiError } from '../../i18n/error-text';
import { useChooseText } from './choose-text';

/** Starts recording the pasted link as a live stream (or waiting for its premiere). */
export function LiveForm({ url, onStarted }: { url: string; onStarted: () => void }) {
  const T = useChooseText();
  const [fromStart, setFromStart] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.invoke('live.record', { url, fromStart });
      onStarted();
    } catch (err) {
      setError(asErrorInfo(err));
    }
  };
  return (
    <form className="chooser clip-form" onSubmit={submit} aria-label={T.recordLive}>
      <label className="field-inline">
        <input type="checkbox" checked={fromStart} onChange={(e) => setFromStart(e.target.checked)} />
        <span>{T.fromStart}</span>
      </label>
      <button type="submit" className="btn btn-primary btn-small">{T.startRecording}</button>
      <p className="help">{T.liveHelp}</p>
      {error && <ErrorNote error={error} />}
    </form>
  );
}

/** Recordings with their state (a premiere shows its start time) and Stop. */
export function LiveList() {
  const T = useChooseText();
  const [recs, setRecs] = useState<LiveRecording[]>([]);
  const [error, setError] = useState<UiError | null>(null);
  useEffect(() => {
    let live = true;
    api.invoke('live.list', {}).then((l) => live && setRecs(l), () => undefined);
    const off = api.on('live.changed', (r) => setRecs((rs) => (rs.some((x) => x.id === r.id) ? rs.map((x) => (x.id === r.id ? r : x)) : [...rs, r])));
    return () => {
      live = false;
      off();
    };
  }, []);
  if (recs.length === 0) return null;
  return (
    <section className="chooser" aria-label={T.recordings}>
      <h3 className="chooser-title">{T.recordings}</h3>
      <ul className="live-list" aria-live="polite">
        {recs.map((r) => (
          <li key={r.id} data-live-state={r.state}>
            <span className="picker-title">{r.title ?? r.url}</span>
            <span>{T.liveState(r.state, r.recordedSec, r.startsAt ? new Date(r.startsAt).toLocaleString() : null)}</span>
            {r.error && <span className="inline-error">{r.error}</span>}
            {(r.state === 'recording' || r.state === 'waiting' || r.state === 'queued') && (
              <button type="button" className="btn btn-small" onClick={() => api.invoke('live.stop', { id: r.id }).catch((e) => setError(asErrorInfo(e)))}>
                {T.stop}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <ErrorNote error={error} />}
    </section>
  );
}
