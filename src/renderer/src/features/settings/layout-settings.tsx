import { useEffect, useState } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { useSettings } from '../../hooks/use-settings';
import { t, type MessageId } from '../../i18n/t';
import { errorText } from '../../i18n/error-text';
import type { ErrorInfo } from '../../../../shared/errors';
import { LAYOUT_PRESETS, type LayoutPreset, type LayoutSetting } from '../../../../shared/layout';

/** The fields a custom template may use (core's TEMPLATE_FIELDS, shown as the user types them). */
const FIELDS = '{title} {uploader} {channel_id} {id} {site} {upload_date} {year} {month} {day}';
const EXAMPLE = '{uploader}/{year}/{title} [{id}]';

/** A refused template, worded from this feature's catalog by its reason; any other error as usual. */
function layoutErrorText(intl: IntlShape, err: ErrorInfo): string {
  const reason = err.values?.reason;
  const id = `layout.error.${String(reason)}` as MessageId;
  if (err.code === 'invalid-input' && typeof reason === 'string' && id in intl.messages) {
    return t(intl, id, { ...err.values, fields: FIELDS, idField: '{id}', example: EXAMPLE });
  }
  const e = errorText(intl, err);
  return [e.message, e.hint].filter(Boolean).join(' ');
}

/** Settings → Library: how new downloads are named, with a live example from core's own naming. */
export function LayoutSettings() {
  const intl = useIntl();
  const { settings, save } = useSettings();
  const saved = settings?.layout;
  const [preset, setPreset] = useState<LayoutPreset>(saved?.preset ?? 'channel');
  const [template, setTemplate] = useState(saved?.template || EXAMPLE);
  const [preview, setPreview] = useState<{ path: string | null; error: ErrorInfo | null }>({ path: null, error: null });
  const [saveError, setSaveError] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    if (!saved) return;
    setPreset(saved.preset);
    if (saved.template) setTemplate(saved.template);
  }, [saved?.preset, saved?.template]);

  // The preview asks core, so it is the very name a download would get; a short pause spares typing.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.invoke('library.layoutPreview', { layout: { preset, template } }).then(
        (p) => live && setPreview(p),
        (e: unknown) => live && setPreview({ path: null, error: asErrorInfo(e) }),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [preset, template]);

  const apply = (layout: LayoutSetting) => {
    setSaveError(null);
    save({ layout }).catch((e: unknown) => setSaveError(asErrorInfo(e)));
  };
  const choose = (p: LayoutPreset) => {
    setPreset(p);
    // A custom template is saved once it is confirmed; the presets at once.
    if (p !== 'custom') apply({ preset: p, template: saved?.template ?? '' });
  };

  const error = (preset === 'custom' ? preview.error : null) ?? saveError;
  const unsaved = preset === 'custom' && (saved?.preset !== 'custom' || saved.template !== template);

  return (
    <fieldset className="layout-settings" aria-describedby="layout-help">
      <legend>{t(intl, 'settings.layout')}</legend>
      <p id="layout-help" className="help">{t(intl, 'settings.layout.help')}</p>
      {LAYOUT_PRESETS.map((p) => (
        <div className="field field-check" key={p}>
          <input type="radio" name="layout-preset" id={`layout-${p}`} value={p} checked={preset === p} aria-describedby={`layout-${p}-help`} onChange={() => choose(p)} />
          <label htmlFor={`layout-${p}`}>{t(intl, `settings.layout.${p}`)}</label>
          <p id={`layout-${p}-help`} className="help">{t(intl, `settings.layout.${p}.help`)}</p>
        </div>
      ))}
      {preset === 'custom' && (
        <div className="field">
          <label htmlFor="layout-template">{t(intl, 'settings.layout.template')}</label>
          <input
            id="layout-template"
            type="text"
            value={template}
            spellCheck={false}
            aria-describedby="layout-template-help layout-example"
            aria-invalid={error ? true : undefined}
            onChange={(e) => setTemplate(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && !preview.error && apply({ preset: 'custom', template })}
          />
          <p id="layout-template-help" className="help">{t(intl, 'settings.layout.template.help', { fields: FIELDS, idField: '{id}' })}</p>
          <button type="button" disabled={!unsaved || preview.error !== null} onClick={() => apply({ preset: 'custom', template })}>
            {t(intl, 'settings.layout.apply')}
          </button>
        </div>
      )}
      {error ? (
        <p className="field-error" role="alert">{layoutErrorText(intl, error)}</p>
      ) : (
        <p id="layout-example" className="help" role="status" aria-label={t(intl, 'settings.layout.exampleLabel')}>
          {preview.path !== null && t(intl, 'settings.layout.example', { path: preview.path })}
        </p>
      )}
    </fieldset>
  );
}
