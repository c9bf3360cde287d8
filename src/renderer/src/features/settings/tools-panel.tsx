import { useState } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { setAppInfo } from '../../hooks/use-app-info';
import { ErrorNote } from '../../components/error-note';
import type { AppInfo, ToolStatus } from '../../../../shared/types';
import type { ErrorInfo } from '../../../../shared/errors';
import { useT } from '../../i18n/use-t';

function Status({ tool, name }: { tool: ToolStatus; name: string }) {
  const t = useT();
  return (
    <dl className="meta">
      <dt>{t('tools.status')}</dt>
      <dd><span className={`pill ${tool.found ? 'pill-ok' : 'pill-failed'}`}>{tool.found ? t('tools.ready') : t('tools.notFound')}</span></dd>
      {tool.version && (<><dt>{t('tools.version')}</dt><dd>{tool.version}</dd></>)}
      {tool.path && (<><dt>{t('tools.location')}</dt><dd><code className="path">{tool.path}</code>{tool.source && <span className="muted"> {t('tools.sourceParens', { source: t(`tools.source.${tool.source}`) })}</span>}</dd></>)}
      {tool.message && (<><dt>{t('tools.note')}</dt><dd>{tool.values ? t('tools.message', { reason: 'other', name, ...tool.values }) : tool.message}</dd></>)}
    </dl>
  );
}

export function ToolsPanel({ info }: { info: AppInfo }) {
  const t = useT();
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
      setDone(next.ytDlp.version ? t('tools.upToDate', { version: next.ytDlp.version }) : t('tools.updated'));
    } catch (e) {
      setError(asErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <section className="panel" aria-labelledby="ytdlp-title">
        <h3 id="ytdlp-title">{t('tools.ytdlp')}</h3>
        <Status tool={info.ytDlp} name="yt-dlp" />
        <button type="button" className="btn" onClick={update} disabled={busy}>
          {busy ? t('tools.updating') : t('tools.update')}
        </button>
        <div aria-live="polite">{done && <p className="note note-ok">{done}</p>}</div>
        {error && <ErrorNote error={error} />}
      </section>
      <section className="panel" aria-labelledby="ffmpeg-title">
        <h3 id="ffmpeg-title">{t('tools.ffmpeg')}</h3>
        <Status tool={info.ffmpeg} name="ffmpeg" />
        {!info.ffmpeg.found && (
          <p className="note note-warn">{t('tools.noFfmpeg')}</p>
        )}
      </section>
      <section className="panel" aria-labelledby="deno-title">
        <h3 id="deno-title">{t('tools.deno')}</h3>
        <Status tool={info.deno} name="Deno" />
      </section>
    </>
  );
}
