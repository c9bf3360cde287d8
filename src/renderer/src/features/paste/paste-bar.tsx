import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { useSettings } from '../../hooks/use-settings';
import { useAppInfo } from '../../hooks/use-app-info';
import { ErrorNote } from '../../components/error-note';
import { DEFAULT_DOWNLOAD_OPTIONS, type DownloadOptions } from '../../../../shared/types';
import type { AddedJob } from '../../../../shared/contract';
import type { ErrorInfo } from '../../../../shared/errors';
import { DownloadOptionsBar } from './download-options';
import { PasteResults } from './paste-results';
import { useWindowPaste } from './use-window-paste';
import { useClipboardOffer } from './use-clipboard-offer';
import { PlaylistPrompts } from './playlist-prompts';
import { useT } from '../../i18n/use-t';
import './paste.css';

interface Props {
  onOpenVideo: (videoId: string) => void;
  onShowDownloads: () => void;
}

export function PasteBar({ onOpenVideo, onShowDownloads }: Props) {
  const t = useT();
  const field = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<AddedJob[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const { settings, save } = useSettings();
  const { info } = useAppInfo();
  const [options, setOptions] = useState<DownloadOptions | null>(null);
  const current = options ?? settings?.defaults ?? DEFAULT_DOWNLOAD_OPTIONS;
  const ffmpegFound = info?.ffmpeg.found ?? true;
  const { offer, dismiss } = useClipboardOffer(settings?.clipboardWatcher ?? false);

  useEffect(() => field.current?.focus(), []);

  const append = useCallback((more: string) => {
    setText((t) => (t.trim() ? `${t.replace(/\s+$/, '')}\n${more.trim()}` : more.trim()));
  }, []);
  const dragging = useWindowPaste(field, append);

  const changeOptions = (next: DownloadOptions) => {
    // Shown at once, then the saved settings (the remembered defaults) take over again.
    setOptions(next);
    save({ defaults: next }).then(
      () => setOptions(null),
      (e: ErrorInfo) => setError(e),
    );
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const urls = text.split('\n').map((l) => l.trim()).filter(Boolean);
    if (urls.length === 0 || busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api.invoke('jobs.add', { urls, options: current });
      setResults(res.jobs);
      // Keep only the lines that need fixing, so the user can correct and resend them.
      setText(res.jobs.filter((j) => j.error).map((j) => j.url).join('\n'));
    } catch (err) {
      setError(asErrorInfo(err));
    } finally {
      setBusy(false);
      field.current?.focus();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void submit();
    }
  };

  const lines = text.split('\n').filter((l) => l.trim()).length;
  return (
    <div className={`paste ${dragging ? 'dragging' : ''}`}>
      <form className="paste-form" onSubmit={submit}>
        <label htmlFor="paste-field" className="sr-only">
          {t('paste.label')}
        </label>
        <textarea
          id="paste-field"
          ref={field}
          className="paste-field"
          rows={Math.min(6, Math.max(1, text.split('\n').length))}
          placeholder={t('paste.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby="paste-help"
          spellCheck={false}
          autoComplete="off"
        />
        <button type="submit" className="btn btn-primary" disabled={busy || lines === 0}>
          {t('paste.submit')}
        </button>
      </form>
      <p id="paste-help" className="sr-only">
        {t('paste.help')}
      </p>
      <DownloadOptionsBar value={current} onChange={changeOptions} ffmpegFound={ffmpegFound} />
      {offer && (
        <div className="offer" role="group" aria-label={t('paste.clipboard.label')}>
          <span>{t.rich('paste.clipboard.offer', { url: <span className="res-url">{offer}</span> })}</span>
          <button type="button" className="btn btn-small" onClick={() => { append(offer); dismiss(); field.current?.focus(); }}>
            {t('paste.clipboard.add')}
          </button>
          <button type="button" className="btn btn-small btn-quiet" onClick={dismiss}>
            {t('paste.clipboard.ignore')}
          </button>
        </div>
      )}
      {error && <ErrorNote error={error} />}
      {results && <PasteResults results={results} onOpenVideo={onOpenVideo} onShowDownloads={onShowDownloads} onDismiss={() => setResults(null)} />}
      <PlaylistPrompts options={current} />
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          {t('paste.drop')}
        </div>
      )}
    </div>
  );
}
