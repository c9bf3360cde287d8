import type { ReactNode } from 'react';
import { QUALITY_OPTIONS } from '../../lib/quality';
import type { AudioFormat, Quality } from '../../../../shared/types';
import { countSet, type RuleFields } from './form-model';
import { CHECK_PRESETS, CUSTOM } from './schedule';
import { useT } from '../../i18n/use-t';

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
  const t = useT();
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
  const quality = v.audioOnly ? t('subs.rules.quality.audioOnly', { format: t(`format.${v.audioFormat}`) }) : v.quality ? t(`quality.${v.quality}`) : t('subs.rules.quality.asSettings');

  return (
    <>
      <div className="sub-schedule">
        <Field id={`${prefix}-check`} label={t('subs.rules.check')}>
          <select id={`${prefix}-check`} value={v.schedule} onChange={(e) => onChange({ schedule: e.target.value })}>
            {CHECK_PRESETS.map((p) => (
              <option key={p.cron} value={p.cron}>
                {t(p.label)}
              </option>
            ))}
            <option value={CUSTOM}>{t('subs.rules.custom')}</option>
          </select>
        </Field>
        {v.schedule === CUSTOM && (
          <Field id={`${prefix}-cron`} label={t('subs.rules.cron')} help={t('subs.rules.cron.help')}>
            {text(`${prefix}-cron`, 'customCron', { placeholder: '30 7 * * *', help: true })}
          </Field>
        )}
      </div>
      <details className="sub-more">
        <summary>
          {t('subs.rules.filters')} <span className="muted">{filters ? t('subs.rules.filters.set', { count: filters }) : t('subs.rules.filters.none')}</span>
        </summary>
        <div className="sub-grid">
          <Field id={`${prefix}-inc`} label={t('subs.rules.titleIncludes')}>{text(`${prefix}-inc`, 'titleIncludes')}</Field>
          <Field id={`${prefix}-exc`} label={t('subs.rules.titleExcludes')}>{text(`${prefix}-exc`, 'titleExcludes')}</Field>
          <Field id={`${prefix}-min`} label={t('subs.rules.minMinutes')}>{text(`${prefix}-min`, 'minMinutes', { type: 'number', inputMode: 'decimal' })}</Field>
          <Field id={`${prefix}-max`} label={t('subs.rules.maxMinutes')}>{text(`${prefix}-max`, 'maxMinutes', { type: 'number', inputMode: 'decimal' })}</Field>
          <Field id={`${prefix}-after`} label={t('subs.rules.after')} help={t('subs.rules.after.help')}>
            {text(`${prefix}-after`, 'after', { type: 'date', help: true })}
          </Field>
        </div>
      </details>
      <details className="sub-more">
        <summary>
          {t('subs.rules.keep')} <span className="muted">{keeps ? t('subs.rules.keep.set', { count: keeps }) : t('subs.rules.keep.none')}</span>
        </summary>
        <p className="help">{t('subs.rules.keep.help')}</p>
        <div className="sub-grid">
          <Field id={`${prefix}-keep-last`} label={t('subs.rules.keepLast')}>{text(`${prefix}-keep-last`, 'keepLast', { type: 'number', inputMode: 'numeric' })}</Field>
          <Field id={`${prefix}-keep-days`} label={t('subs.rules.keepDays')}>{text(`${prefix}-keep-days`, 'keepDays', { type: 'number', inputMode: 'numeric' })}</Field>
        </div>
      </details>
      <details className="sub-more">
        <summary>
          {t('subs.rules.quality')} <span className="muted">{v.subtitles ? t('subs.rules.quality.summarySubtitles', { quality }) : t('subs.rules.quality.summary', { quality })}</span>
        </summary>
        <div className="sub-grid">
          <Field id={`${prefix}-quality`} label={t('subs.rules.videoQuality')}>
            <select id={`${prefix}-quality`} value={v.quality} disabled={v.audioOnly} onChange={(e) => onChange({ quality: e.target.value as Quality | '' })}>
              <option value="">{t('subs.rules.videoQuality.asSettings')}</option>
              {QUALITY_OPTIONS.map((q) => (
                <option key={q} value={q}>
                  {t(`quality.${q}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${prefix}-format`} label={t('subs.rules.audioFormat')}>
            <select id={`${prefix}-format`} value={v.audioFormat} disabled={!v.audioOnly} onChange={(e) => onChange({ audioFormat: e.target.value as AudioFormat })}>
              <option value="m4a">{t('format.m4a')}</option>
              <option value="mp3" disabled={!ffmpegFound}>
                {ffmpegFound ? t('format.mp3') : t('format.mp3.needsFfmpeg')}
              </option>
            </select>
          </Field>
          <div className="field field-check">
            <input id={`${prefix}-audio`} type="checkbox" checked={v.audioOnly} onChange={(e) => onChange({ audioOnly: e.target.checked })} />
            <label htmlFor={`${prefix}-audio`}>{t('subs.rules.audioOnly')}</label>
          </div>
          <div className="field field-check">
            <input id={`${prefix}-subs`} type="checkbox" checked={v.subtitles} onChange={(e) => onChange({ subtitles: e.target.checked })} />
            <label htmlFor={`${prefix}-subs`}>{t('subs.rules.subtitles')}</label>
          </div>
        </div>
      </details>
    </>
  );
}
