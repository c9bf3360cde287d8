import type { DownloadOptions, Quality } from '../../../../shared/types';
import { QUALITY_OPTIONS } from '../../lib/quality';

interface Props {
  value: DownloadOptions;
  onChange: (next: DownloadOptions) => void;
  ffmpegFound: boolean;
}

/** Quality / audio-only / subtitles. Changes are remembered as the new defaults by the caller. */
export function DownloadOptionsBar({ value, onChange, ffmpegFound }: Props) {
  const set = (patch: Partial<DownloadOptions>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="options">
      <legend className="sr-only">Download options</legend>
      <label className="field-inline">
        <span>Quality</span>
        <select value={value.quality} disabled={value.audioOnly} onChange={(e) => set({ quality: e.target.value as Quality })}>
          {QUALITY_OPTIONS.map((q) => (
            <option key={q.value} value={q.value}>{q.label}</option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <input type="checkbox" checked={value.audioOnly} onChange={(e) => set({ audioOnly: e.target.checked })} />
        <span>Audio only</span>
      </label>
      <label className="field-inline">
        <span>Audio format</span>
        <select value={value.audioFormat} disabled={!value.audioOnly} onChange={(e) => set({ audioFormat: e.target.value as 'm4a' | 'mp3' })}>
          <option value="m4a">M4A</option>
          <option value="mp3" disabled={!ffmpegFound}>
            MP3{ffmpegFound ? '' : ' (needs ffmpeg)'}
          </option>
        </select>
      </label>
      <label className="field-inline">
        <input type="checkbox" checked={value.subtitles} onChange={(e) => set({ subtitles: e.target.checked })} />
        <span>Subtitles</span>
      </label>
    </fieldset>
  );
}
