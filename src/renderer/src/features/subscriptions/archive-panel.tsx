import { useState, type ChangeEvent } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { ErrorNote } from '../../components/error-note';
import type { MAX_ARCHIVE_CHARS, MAX_MESSAGE_BYTES } from '../../../../shared/contract';
import type { ArchiveImport } from '../../../../shared/types';
import type { ErrorInfo } from '../../../../shared/errors';
import { chunkArchive, importSummary, mergeImports } from './archive-chunks';
import { useIntl } from 'react-intl';
import { rich, t } from '../../i18n/t';

// Typed as the contract's constants (a compile error if they change) without pulling zod into the UI.
const MAX_CHARS: typeof MAX_ARCHIVE_CHARS = 200_000;
const MESSAGE_BYTES: typeof MAX_MESSAGE_BYTES = 256 * 1024;
/** Room for the envelope around the text in one message. */
const MAX_BYTES = MESSAGE_BYTES - 4096;
const FILE_NAME = 'vidkeep-archive.txt';

/** Import a yt-dlp download archive (videos to never fetch again) or export VidKeep's own. */
export function ArchivePanel() {
  const intl = useIntl();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be chosen again
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    const done: ArchiveImport[] = [];
    let tooLong: string[] = [];
    try {
      const parts = chunkArchive(await file.text(), MAX_CHARS, MAX_BYTES);
      tooLong = parts.tooLong;
      for (const [i, text] of parts.chunks.entries()) {
        if (parts.chunks.length > 1) setStatus(t(intl, 'subs.archive.importingPart', { file: file.name, part: i + 1, parts: parts.chunks.length }));
        else setStatus(t(intl, 'subs.archive.importing', { file: file.name }));
        done.push(await api.invoke('subscriptions.importArchive', { text }));
      }
      setStatus(importSummary(intl, mergeImports(done, tooLong)));
    } catch (err) {
      setError(asErrorInfo(err));
      setStatus(done.length ? t(intl, 'subs.archive.stopped', { summary: importSummary(intl, mergeImports(done)) }) : '');
    } finally {
      setBusy(false);
    }
  };

  const exportFile = async () => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const { text, count } = await api.invoke('subscriptions.exportArchive', {});
      const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = FILE_NAME;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(t(intl, 'subs.archive.exported', { count, file: FILE_NAME }));
    } catch (err) {
      setError(asErrorInfo(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel sub-archive" aria-labelledby="sub-archive-title">
      <h3 id="sub-archive-title">{t(intl, 'subs.archive.title')}</h3>
      <p className="help">{rich(intl, 'subs.archive.help', { code: (chunks) => <code>{chunks}</code> })}</p>
      <div className="sub-archive-actions">
        <label className={`btn file-btn ${busy ? 'is-disabled' : ''}`}>
          <input type="file" accept=".txt,text/plain" className="sr-only" disabled={busy} onChange={importFile} />
          {t(intl, 'subs.archive.import')}
        </label>
        <button type="button" className="btn" disabled={busy} onClick={exportFile}>
          {t(intl, 'subs.archive.export')}
        </button>
      </div>
      <p role="status" className={status ? 'note note-info' : 'sr-only'}>
        {status}
      </p>
      {error && <ErrorNote error={error} />}
    </section>
  );
}
