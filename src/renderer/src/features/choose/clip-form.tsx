import { useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { ErrorNote } from '../../components/error-note';
import type { AddedJob } from '../../../../shared/contract';
import { parseClock } from '../../../../shared/choose';
import type { DownloadOptions } from '../../../../shared/types';
import type { UiError } from '../../i18n/error-text';
import { useChooseText } from './choose-text';

/** Start and end of a clip; the core checks them against the video's duration and says what is wrong. */
export function ClipForm({ url, options, onAdded }: { url: string; options: DownloadOptions; onAdded: (jobs: AddedJob[]) => void }) {
  const T = useChooseText();
  const [start, setStart] = useState('0:00');
  const [end, setEnd] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const s = parseClock(start);
    const en = parseClock(end);
    if (s === null) return setError({ id: 'choose.badTime', values: { which: T.clipStart } });
    if (en === null) return setError({ id: 'choose.badTime', values: { which: T.clipEnd } });
    setBusy(true);
    setError(null);
    try {
      const added = await api.invoke('choose.addClip', { url, range: { startSec: s, endSec: en }, options });
      onAdded([added]);
    } catch (err) {
      setError(asErrorInfo(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="chooser clip-form" onSubmit={submit} aria-label={T.clip}>
      <label className="field-inline">
        <span>{T.clipStart}</span>
        <input className="time-input" value={start} onChange={(e) => setStart(e.target.value)} aria-describedby="clip-time-help" inputMode="decimal" />
      </label>
      <label className="field-inline">
        <span>{T.clipEnd}</span>
        <input className="time-input" value={end} onChange={(e) => setEnd(e.target.value)} aria-describedby="clip-time-help" inputMode="decimal" placeholder="1:30" />
      </label>
      <button type="submit" className="btn btn-primary btn-small" disabled={busy}>{T.cutClip}</button>
      <p id="clip-time-help" className="help">{T.clipHelp}</p>
      {error && <ErrorNote error={error} />}
    </form>
  );
}
