import { useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { setAppInfo } from '../../hooks/use-app-info';
import { ErrorNote } from '../../components/error-note';
import type { AppInfo, ToolStatus } from '../../../../shared/types';
import type { ErrorInfo } from '../../../../shared/errors';

const SOURCE = { settings: 'set in Settings', bundled: 'bundled with VidKeep', path: 'found on PATH', downloaded: 'downloaded by VidKeep' } as const;

function Status({ tool }: { tool: ToolStatus }) {
  return (
    <dl className="meta">
      <dt>Status</dt>
      <dd><span className={`pill ${tool.found ? 'pill-ok' : 'pill-failed'}`}>{tool.found ? 'Ready' : 'Not found'}</span></dd>
      {tool.version && (<><dt>Version</dt><dd>{tool.version}</dd></>)}
      {tool.path && (<><dt>Location</dt><dd><code className="path">{tool.path}</code>{tool.source && <span className="muted"> ({SOURCE[tool.source]})</span>}</dd></>)}
      {tool.message && (<><dt>Note</dt><dd>{tool.message}</dd></>)}
    </dl>
  );
}

export function ToolsPanel({ info }: { info: AppInfo }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const update = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const next = await api.invoke('tools.updateYtDlp', {});
      setAppInfo(next);
      setDone(next.ytDlp.version ? `yt-dlp is up to date (${next.ytDlp.version}).` : 'yt-dlp was updated.');
    } catch (e) {
      setError(asErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <section className="panel" aria-labelledby="ytdlp-title">
        <h3 id="ytdlp-title">yt-dlp</h3>
        <Status tool={info.ytDlp} />
        <button type="button" className="btn" onClick={update} disabled={busy}>
          {busy ? 'Updating yt-dlp…' : 'Update yt-dlp'}
        </button>
        <div aria-live="polite">{done && <p className="note note-ok">{done}</p>}</div>
        {error && <ErrorNote error={error} />}
      </section>
      <section className="panel" aria-labelledby="ffmpeg-title">
        <h3 id="ffmpeg-title">ffmpeg</h3>
        <Status tool={info.ffmpeg} />
        {!info.ffmpeg.found && (
          <p className="note note-warn">
            Without ffmpeg, VidKeep cannot merge separate video and audio streams or convert audio, so MP3 is disabled
            and “Best” quality falls back to the best single file a site offers (often lower than 1080p). Install ffmpeg and
            restart VidKeep to enable them.
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="deno-title">
        <h3 id="deno-title">Deno</h3>
        <Status tool={info.deno} />
      </section>
    </>
  );
}
