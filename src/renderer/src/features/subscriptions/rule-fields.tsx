import type { ReactNode } from 'react';
import { QUALITY_OPTIONS } from '../../lib/quality';
import type { AudioFormat, Quality } from '../../../../shared/types';
import { countSet, type RuleFields } from './form-model';
import { CHECK_PRESETS, CUSTOM } from './schedule';

interface Props {
  value: RuleFields;
  onChange: (patch: Partial<RuleFields>) => void;
  /** Prefix of every input's id (unique on the page). */
  prefix: string;
  /** The id of the input the last error was about. */
  invalid: string | null;
  ffmpegFound: boolean;
}

function Field({ id, label, help, children }: { id: string; label: string; help?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {help && <p id={`${id}-help`} className="help">{help}</p>}
    </div>
  );
}

/** When to check, which videos to take, how long to keep them, and in what quality. */
export function RuleFieldsView({ value: v, onChange, prefix, invalid, ffmpegFound }: Props) {
  const inv = (id: string) => (invalid === id ? true : undefined);
  const text = (id: string, key: keyof RuleFields, extra: { type?: string; inputMode?: 'numeric' | 'decimal'; placeholder?: string; help?: boolean } = {}) => (
    <input
      id={id}
      type={extra.type ?? 'text'}
      inputMode={extra.inputMode}
      placeholder={extra.placeholder}
      value={v[key] as string}
      aria-invalid={inv(id)}
      aria-describedby={extra.help ? `${id}-help` : undefined}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => onChange({ [key]: e.target.value })}
    />
  );
  const filters = countSet([v.titleIncludes, v.titleExcludes, v.minMinutes, v.maxMinutes, v.after]);
  const keeps = countSet([v.keepLast, v.keepDays]);
  const quality = v.audioOnly ? `audio only (${v.audioFormat.toUpperCase()})` : (QUALITY_OPTIONS.find((q) => q.value === v.quality)?.label ?? 'as in Settings');

  return (
    <>
      <div className="sub-schedule">
        <Field id={`${prefix}-check`} label="Check for new videos">
          <select id={`${prefix}-check`} value={v.schedule} onChange={(e) => onChange({ schedule: e.target.value })}>
            {CHECK_PRESETS.map((p) => (
              <option key={p.cron} value={p.cron}>
                {p.label}
              </option>
            ))}
            <option value={CUSTOM}>Custom…</option>
          </select>
        </Field>
        {v.schedule === CUSTOM && (
          <Field id={`${prefix}-cron`} label="Cron expression" help="Minute, hour, day of month, month, day of week. “30 7 * * 1-5” is 7:30 on weekdays.">
            {text(`${prefix}-cron`, 'customCron', { placeholder: '30 7 * * *', help: true })}
          </Field>
        )}
      </div>
      <details className="sub-more">
        <summary>
          Filters <span className="muted">{filters ? `(${filters} set)` : '(every video)'}</span>
        </summary>
        <div className="sub-grid">
          <Field id={`${prefix}-inc`} label="Title contains">{text(`${prefix}-inc`, 'titleIncludes')}</Field>
          <Field id={`${prefix}-exc`} label="Title does not contain">{text(`${prefix}-exc`, 'titleExcludes')}</Field>
          <Field id={`${prefix}-min`} label="At least (minutes)">{text(`${prefix}-min`, 'minMinutes', { type: 'number', inputMode: 'decimal' })}</Field>
          <Field id={`${prefix}-max`} label="At most (minutes)">{text(`${prefix}-max`, 'maxMinutes', { type: 'number', inputMode: 'decimal' })}</Field>
          <Field id={`${prefix}-after`} label="Only videos published on or after" help="Sites that do not say when a video was published skip this filter.">
            {text(`${prefix}-after`, 'after', { type: 'date', help: true })}
          </Field>
        </div>
      </details>
      <details className="sub-more">
        <summary>
          Keep <span className="muted">{keeps ? `(${keeps} ${keeps === 1 ? 'rule' : 'rules'})` : '(everything)'}</span>
        </summary>
        <p className="help">
          Old videos from this subscription can be deleted to free disk space. They are deleted permanently, not moved to the trash. Videos you mark Keep in the library are never deleted. Leave both empty to keep everything.
        </p>
        <div className="sub-grid">
          <Field id={`${prefix}-keep-last`} label="Keep only the newest (videos)">{text(`${prefix}-keep-last`, 'keepLast', { type: 'number', inputMode: 'numeric' })}</Field>
          <Field id={`${prefix}-keep-days`} label="Delete videos older than (days)">{text(`${prefix}-keep-days`, 'keepDays', { type: 'number', inputMode: 'numeric' })}</Field>
        </div>
      </details>
      <details className="sub-more">
        <summary>
          Quality and audio <span className="muted">({quality}{v.subtitles ? ', subtitles' : ''})</span>
        </summary>
        <div className="sub-grid">
          <Field id={`${prefix}-quality`} label="Video quality">
            <select id={`${prefix}-quality`} value={v.quality} disabled={v.audioOnly} onChange={(e) => onChange({ quality: e.target.value as Quality | '' })}>
              <option value="">As in Settings</option>
              {QUALITY_OPTIONS.map((q) => (
                <option key={q.value} value={q.value}>
                  {q.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${prefix}-format`} label="Audio file format">
            <select id={`${prefix}-format`} value={v.audioFormat} disabled={!v.audioOnly} onChange={(e) => onChange({ audioFormat: e.target.value as AudioFormat })}>
              <option value="m4a">M4A</option>
              <option value="mp3" disabled={!ffmpegFound}>
                MP3{ffmpegFound ? '' : ' (needs ffmpeg)'}
              </option>
            </select>
          </Field>
          <div className="field field-check">
            <input id={`${prefix}-audio`} type="checkbox" checked={v.audioOnly} onChange={(e) => onChange({ audioOnly: e.target.checked })} />
            <label htmlFor={`${prefix}-audio`}>Save audio only</label>
          </div>
          <div className="field field-check">
            <input id={`${prefix}-subs`} type="checkbox" checked={v.subtitles} onChange={(e) => onChange({ subtitles: e.target.checked })} />
            <label htmlFor={`${prefix}-subs`}>Download subtitles</label>
          </div>
        </div>
      </details>
    </>
  );
}
