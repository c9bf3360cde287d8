import { useEffect, useState } from 'react';
import { useSettings } from '../../hooks/use-settings';
import { useAppInfo } from '../../hooks/use-app-info';
import { ErrorNote } from '../../components/error-note';
import type { Req } from '../../../../shared/contract';
import type { Quality, Theme } from '../../../../shared/types';
import { NumberField } from './number-field';
import { ToolsPanel } from './tools-panel';
import { SitesPanel } from '../sites/sites-panel';
import { useSaveStatus } from './use-save-status';
import './settings.css';
import { QUALITY_OPTIONS } from '../../lib/quality';

function TextSetting({ id, label, help, value, onCommit, error, readOnly }: { id: string; label: string; help: string; value: string; onCommit: (v: string) => void; error?: string; readOnly?: boolean }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={text} readOnly={readOnly} spellCheck={false} aria-describedby={`${id}-help`} aria-invalid={error ? true : undefined} onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      <p id={`${id}-help`} className="help">{help}</p>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}

/** Every setting saves as soon as it changes; "Saved" confirms it, errors show by their field. */
export function SettingsView() {
  const { settings, error: loadError, save } = useSettings();
  const { info } = useAppInfo();
  const { status, track } = useSaveStatus();
  const put = (field: string, patch: Req<'settings.set'>) => track(field, save(patch));
  const errFor = (field: string) => (status.kind === 'error' && status.field === field ? [status.error.message, status.error.hint].filter(Boolean).join(' ') : undefined);

  return (
    <section className="view settings" aria-labelledby="settings-title">
      <header className="view-header">
        <h2 id="settings-title">Settings</h2>
        <span className="save-status" role="status">
          {status.kind === 'saving' ? 'Saving…' : status.kind === 'saved' ? 'Saved' : ''}
        </span>
      </header>
      {loadError && <ErrorNote error={loadError} />}
      {status.kind === 'error' && <ErrorNote error={status.error} />}
      {!settings ? (
        <p className="muted">Loading settings…</p>
      ) : (
        <div className="settings-grid">
          <section className="panel" aria-labelledby="set-lib">
            <h3 id="set-lib">Library</h3>
            <TextSetting id="libraryDir" label="Library folder" help="New downloads go into this folder. Videos you already have stay where they are." value={settings.libraryDir} onCommit={(v) => put('libraryDir', { libraryDir: v })} error={errFor('libraryDir')} />
          </section>
          <section className="panel" aria-labelledby="set-dl">
            <h3 id="set-dl">Downloads</h3>
            <NumberField id="maxConcurrent" label="Downloads at the same time" value={settings.maxConcurrent} min={1} max={10} onCommit={(n) => put('maxConcurrent', { maxConcurrent: n })} error={errFor('maxConcurrent')} />
            <NumberField id="perSite" label="Downloads at the same time per site" help="Keep this low to avoid being rate-limited." value={settings.perSiteConcurrent} min={1} max={10} onCommit={(n) => put('perSite', { perSiteConcurrent: n })} error={errFor('perSite')} />
            <NumberField id="maxTries" label="Tries before giving up" value={settings.maxTries} min={1} max={10} onCommit={(n) => put('maxTries', { maxTries: n })} error={errFor('maxTries')} />
            <NumberField id="timeout" label="Time limit per download (minutes)" value={settings.timeoutMinutes} min={1} max={1440} onCommit={(n) => put('timeout', { timeoutMinutes: n })} error={errFor('timeout')} />
            <div className="field">
              <label htmlFor="defQuality">Default quality</label>
              <select id="defQuality" value={settings.defaults.quality} onChange={(e) => put('defQuality', { defaults: { ...settings.defaults, quality: e.target.value as Quality } })}>
                {QUALITY_OPTIONS.map((q) => (
                  <option key={q.value} value={q.value}>{q.label}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="defAudio">Default audio format</label>
              <select id="defAudio" value={settings.defaults.audioFormat} onChange={(e) => put('defAudio', { defaults: { ...settings.defaults, audioFormat: e.target.value as 'm4a' | 'mp3' } })}>
                <option value="m4a">M4A</option>
                <option value="mp3" disabled={info ? !info.ffmpeg.found : false}>MP3</option>
              </select>
            </div>
          </section>
          <section className="panel" aria-labelledby="set-watch">
            <h3 id="set-watch">Watching</h3>
            <div className="field field-check">
              <input id="defSubs" type="checkbox" checked={settings.defaults.subtitles} aria-describedby="defSubs-help" onChange={(e) => put('defSubs', { defaults: { ...settings.defaults, subtitles: e.target.checked } })} />
              <label htmlFor="defSubs">Download subtitles</label>
              <p id="defSubs-help" className="help">Every language the site offers is kept beside the video and can be searched.</p>
            </div>
            <TextSetting
              id="subtitleLanguage"
              label="Captions language"
              help="Captions in this language show when a video starts (a code such as en, de or pt-BR). Leave empty to start with captions off; press C in the player to turn them on."
              value={settings.subtitleLanguage}
              onCommit={(v) => put('subtitleLanguage', { subtitleLanguage: v.trim() })}
              error={errFor('subtitleLanguage')}
            />
          </section>
          <section className="panel" aria-labelledby="set-look">
            <h3 id="set-look">Appearance and behaviour</h3>
            <div className="field">
              <label htmlFor="theme">Theme</label>
              <select id="theme" value={settings.theme} onChange={(e) => put('theme', { theme: e.target.value as Theme })}>
                <option value="system">Match the system</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </div>
            <div className="field field-check">
              <input id="clip" type="checkbox" checked={settings.clipboardWatcher} aria-describedby="clip-help" onChange={(e) => put('clip', { clipboardWatcher: e.target.checked })} />
              <label htmlFor="clip">Offer links from the clipboard</label>
              <p id="clip-help" className="help">When VidKeep comes to the front, it looks for a link on the clipboard and offers to add it. It never starts a download by itself.</p>
            </div>
          </section>
          <section className="panel" aria-labelledby="set-tools">
            <h3 id="set-tools">Tools</h3>
            <TextSetting
              id="ytDlpPath"
              label="yt-dlp program"
              help={info?.host === 'web' ? 'Set by whoever started VidKeep (VIDKEEP_YTDLP); it cannot be changed from the browser.' : 'Leave empty to use the bundled or system copy.'}
              readOnly={info?.host === 'web'}
              value={settings.ytDlpPath} onCommit={(v) => put('ytDlpPath', { ytDlpPath: v })} error={errFor('ytDlpPath')} />
          </section>
          {info && <ToolsPanel info={info} />}
        </div>
      )}
      {settings && <SitesPanel />}
    </section>
  );
}
