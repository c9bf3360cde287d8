import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { ErrorNote } from '../../components/error-note';
import type { UiError } from '../../i18n/error-text';
import { useT } from '../../i18n/use-t';
import type { Subscription } from '../../../../shared/types';
import { FieldError, rulesFrom, toUpdateRequest, type RuleFields } from './form-model';
import { RuleFieldsView } from './rule-fields';
import { applySubscriptions } from './subscription-store';
import { focusField } from './focus-field';

interface Props {
  subscription: Subscription;
  ffmpegFound: boolean;
  onDone: () => void;
}

/** Change how often a subscription is checked, what it takes and what it keeps. */
export function SubscriptionEdit({ subscription: s, ffmpegFound, onDone }: Props) {
  const t = useT();
  const [f, setF] = useState<RuleFields>(() => rulesFrom(s));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const prefix = `edit-${s.id}`;
  useEffect(() => document.getElementById(`${prefix}-check`)?.focus(), [prefix]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    setInvalid(null);
    let req;
    try {
      req = toUpdateRequest(s.id, f);
    } catch (err) {
      if (!(err instanceof FieldError)) throw err;
      setError(err.info());
      setInvalid(err.field);
      focusField(err.field);
      return;
    }
    setBusy(true);
    try {
      applySubscriptions([await api.invoke('subscriptions.update', req)]);
      onDone();
    } catch (err) {
      setError(asErrorInfo(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="sub-edit"
      aria-label={t('subs.row.edit.label', { name: s.title ?? s.url })}
      onSubmit={save}
      noValidate
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <RuleFieldsView value={f} onChange={(patch) => setF((cur) => ({ ...cur, ...patch }))} prefix={prefix} invalid={invalid} ffmpegFound={ffmpegFound} />
      {error && <ErrorNote error={error} />}
      <div className="sub-edit-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('subs.edit.saving') : t('subs.edit.save')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={onDone}>
          {t('subs.edit.cancel')}
        </button>
      </div>
    </form>
  );
}
