import type { DownloadOptions, Quality } from '../../../../shared/types';
import { QUALITY_OPTIONS } from '../../lib/quality';
import { useT } from '../../i18n/use-t';

interface Props {
  value: DownloadOptions;
  onChange: (next: DownloadOptions) => void;
  ffmpegFound: boolean;
}

/** Quality / audio-only / subtitles. Changes are remembered as the new defaults by the caller. */
export function DownloadOptionsBar({ value, onChange, ffmpegFound }: Props) {
  const t = useT();
  const set = (patch: Partial<DownloadOptions>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="options">
      <legend className="sr-only">{t('paste.options.label')}</legend>
      <label className="field-inline">
        <span>{t('paste.options.quality')}</span>
        <select value={value.quality} disabled={value.audioOnly} onChange={(e) => set({ quality: e.target.value as Quality })}>
          {QUALITY_OPTIONS.map((q) => (
            <option key={q} value={q}>{t(`quality.${q}`)}</option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <input type="checkbox" checked={value.audioOnly} onChange={(e) => set({ audioOnly: e.target.checked })} />
        <span>{t('paste.options.audioOnly')}</span>
      </label>
      <label className="field-inline">
        <span>{t('paste.options.audioFormat')}</span>
        <select value={value.audioFormat} disabled={!value.audioOnly} onChange={(e) => set({ audioFormat: e.target.value as 'm4a' | 'mp3' })}>
          <option value="m4a">{t('format.m4a')}</option>
          <option value="mp3" disabled={!ffmpegFound}>
            {ffmpegFound ? t('format.mp3') : t('format.mp3.needsFfmpeg')}
          </option>
        </select>
      </label>
      <label className="field-inline">
        <input type="checkbox" checked={value.subtitles} onChange={(e) => set({ subtitles: e.target.checked })} />
        <span>{t('paste.options.subtitles')}</span>
      </label>
    </fieldset>
  );
}
