import { useEffect, useState } from 'react';
import { useSettings } from '../../hooks/use-settings';
import { useAppInfo } from '../../hooks/use-app-info';
import { ErrorNote } from '../../components/error-note';
import type { Req } from '../../../../shared/contract';
import type { Quality, Theme } from '../../../../shared/types';
import { LANGUAGE_CHOICES, type Language } from '../../../../shared/i18n';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';
import { errorText } from '../../i18n/error-text';
import { NumberField } from './number-field';
import { ToolsPanel } from './tools-panel';
import { SitesPanel } from '../sites/sites-panel';
import { useSaveStatus } from './use-save-status';
import './settings.css';
import { QUALITY_OPTIONS } from '../../lib/quality';
import { ChooseSettings } from '../choose/choose-settings';
import { LayoutSettings } from './layout-settings';
import { ReorganizePanel } from './reorganize-panel';
import { EmbedSetting } from './embed-setting';
import { ImportSection } from '../import/import-section';

/** A folder path the core accepts: absolute on Unix or Windows (the contract's own rule, said here first). */
const FULL_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

function TextSetting({ id, label, help, value, onCommit, error, readOnly, check }: { id: string; label: string; help: string; value: string; onCommit: (v: string) => void; error?: string; readOnly?: boolean; check?: (v: string) => string | null }) {
  const [text, setText] = useState(value);
  const [invalid, setInvalid] = useState<string | null>(null);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    const why = check?.(text) ?? null;
    setInvalid(why);
    if (!why && text !== value) onCommit(text);
  };
  error = invalid ?? error;
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
  const intl = useIntl();
  const { settings, error: loadError, save } = useSettings();
  const { info } = useAppInfo();
  const { status, track } = useSaveStatus();
  const put = (field: string, patch: Req<'settings.set'>) => track(field, save(patch));
  const errFor = (field: string) => {
    if (status.kind !== 'error' || status.field !== field) return undefined;
    const e = errorText(intl, status.error);
    return [e.message, e.hint].filter(Boolean).join(' ');
  };

  return (
    <section className="view settings" aria-labelledby="settings-title">
      <header className="view-header">
        <h2 id="settings-title">{t(intl, 'settings.title')}</h2>
        <span className="save-status" role="status">
          {status.kind === 'saving' ? t(intl, 'settings.saving') : status.kind === 'saved' ? t(intl, 'settings.saved') : ''}
        </span>
      </header>
      {loadError && <ErrorNote error={loadError} />}
      {status.kind === 'error' && <ErrorNote error={status.error} />}
      {!settings ? (
        <p className="muted">{t(intl, 'settings.loading')}</p>
      ) : (
        <div className="settings-grid">
          <section className="panel" aria-labelledby="set-lib">
            <h3 id="set-lib">{t(intl, 'settings.library')}</h3>
            <TextSetting id="libraryDir" label={t(intl, 'settings.libraryDir')} help={t(intl, 'settings.libraryDir.help')} value={settings.libraryDir} check={(v) => (FULL_PATH.test(v) ? null : t(intl, 'settings.libraryDir.notFull'))} onCommit={(v) => put('libraryDir', { libraryDir: v })} error={errFor('libraryDir')} />
            <LayoutSettings />
            <ReorganizePanel />
            <EmbedSetting settings={settings} info={info} put={put} />
          </section>
          <ImportSection />
          <section className="panel" aria-labelledby="set-dl">
            <h3 id="set-dl">{t(intl, 'settings.downloads')}</h3>
            <NumberField id="maxConcurrent" label={t(intl, 'settings.maxConcurrent')} value={settings.maxConcurrent} min={1} max={10} onCommit={(n) => put('maxConcurrent', { maxConcurrent: n })} error={errFor('maxConcurrent')} />
            <NumberField id="perSite" label={t(intl, 'settings.perSite')} help={t(intl, 'settings.perSite.help')} value={settings.perSiteConcurrent} min={1} max={10} onCommit={(n) => put('perSite', { perSiteConcurrent: n })} error={errFor('perSite')} />
            <NumberField id="maxTries" label={t(intl, 'settings.maxTries')} value={settings.maxTries} min={1} max={10} onCommit={(n) => put('maxTries', { maxTries: n })} error={errFor('maxTries')} />
            <NumberField id="timeout" label={t(intl, 'settings.timeout')} value={settings.timeoutMinutes} min={1} max={1440} onCommit={(n) => put('timeout', { timeoutMinutes: n })} error={errFor('timeout')} />
            <div className="field">
              <label htmlFor="defQuality">{t(intl, 'settings.defQuality')}</label>
              <select id="defQuality" value={settings.defaults.quality} onChange={(e) => put('defQuality', { defaults: { ...settings.defaults, quality: e.target.value as Quality } })}>
                {QUALITY_OPTIONS.map((q) => (
                  <option key={q} value={q}>{t(intl, `quality.${q}`)}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="defAudio">{t(intl, 'settings.defAudio')}</label>
              <select id="defAudio" value={settings.defaults.audioFormat} onChange={(e) => put('defAudio', { defaults: { ...settings.defaults, audioFormat: e.target.value as 'm4a' | 'mp3' } })}>
                <option value="m4a">{t(intl, 'format.m4a')}</option>
                <option value="mp3" disabled={info ? !info.ffmpeg.found : false}>{t(intl, 'format.mp3')}</option>
              </select>
            </div>
          </section>
          <section className="panel" aria-labelledby="set-watch">
            <h3 id="set-watch">{t(intl, 'settings.watch')}</h3>
            <div className="field field-check">
              <input id="defSubs" type="checkbox" checked={settings.defaults.subtitles} aria-describedby="defSubs-help" onChange={(e) => put('defSubs', { defaults: { ...settings.defaults, subtitles: e.target.checked } })} />
              <label htmlFor="defSubs">{t(intl, 'settings.subtitles')}</label>
              <p id="defSubs-help" className="help">{t(intl, 'settings.subtitles.help')}</p>
            </div>
            <TextSetting
              id="subtitleLanguage"
              label={t(intl, 'settings.captionsLanguage')}
              help={t(intl, 'settings.captionsLanguage.help')}
              value={settings.subtitleLanguage}
              onCommit={(v) => put('subtitleLanguage', { subtitleLanguage: v.trim() })}
              error={errFor('subtitleLanguage')}
            />
          </section>
          <section className="panel" aria-labelledby="set-look">
            <h3 id="set-look">{t(intl, 'settings.look')}</h3>
            <div className="field">
              <label htmlFor="language">{t(intl, 'settings.language')}</label>
              <select id="language" value={settings.language} onChange={(e) => put('language', { language: e.target.value as Language })}>
                {LANGUAGE_CHOICES.map((l) => (
                  // Each language is named in itself, so it can be found whatever is shown now.
                  <option key={l} value={l} lang={l === 'system' ? undefined : l}>
                    {t(intl, `settings.language.${l}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="theme">{t(intl, 'settings.theme')}</label>
              <select id="theme" value={settings.theme} onChange={(e) => put('theme', { theme: e.target.value as Theme })}>
                <option value="system">{t(intl, 'settings.theme.system')}</option>
                <option value="light">{t(intl, 'settings.theme.light')}</option>
                <option value="dark">{t(intl, 'settings.theme.dark')}</option>
              </select>
            </div>
            <div className="field field-check">
              <input id="clip" type="checkbox" checked={settings.clipboardWatcher} aria-describedby="clip-help" onChange={(e) => put('clip', { clipboardWatcher: e.target.checked })} />
              <label htmlFor="clip">{t(intl, 'settings.clip')}</label>
              <p id="clip-help" className="help">{t(intl, 'settings.clip.help')}</p>
            </div>
          </section>
          <section className="panel" aria-labelledby="set-tools">
            <h3 id="set-tools">{t(intl, 'settings.tools')}</h3>
            <TextSetting
              id="ytDlpPath"
              label={t(intl, 'settings.ytDlpPath')}
              help={info?.host === 'web' ? t(intl, 'settings.ytDlpPath.helpWeb') : t(intl, 'settings.ytDlpPath.help')}
              readOnly={info?.host === 'web'}
              value={settings.ytDlpPath} onCommit={(v) => put('ytDlpPath', { ytDlpPath: v })} error={errFor('ytDlpPath')} />
          </section>
          <ChooseSettings settings={settings} info={info} put={put} />
          {info && <ToolsPanel info={info} />}
        </div>
      )}
      {settings && <SitesPanel />}
    </section>
  );
}
