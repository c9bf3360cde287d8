import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { useAppInfo } from '../../hooks/use-app-info';
import { ErrorNote } from '../../components/error-note';
import type { Req } from '../../../../shared/contract';
import type { UiError } from '../../i18n/error-text';
import type { MessageId } from '../../i18n/t';
import { useT } from '../../i18n/use-t';
import type { IntlShape } from 'react-intl';
import { t as tr } from '../../i18n/t';
import type { InitialFetch, Subscription } from '../../../../shared/types';
import { EMPTY_ADD, FieldError, toAddRequest, type AddFields } from './form-model';
import { RuleFieldsView } from './rule-fields';
import { applySubscriptions } from './subscription-store';
import { subscriptionName } from './subscription-text';
import { focusField } from './focus-field';

const FIRST_CHECK: ReadonlyArray<{ value: InitialFetch; label: MessageId; help: MessageId }> = [
  { value: 'new', label: 'subs.form.first.new', help: 'subs.form.first.new.help' },
  { value: 'last', label: 'subs.form.first.last', help: 'subs.form.first.last.help' },
  { value: 'all', label: 'subs.form.first.all', help: 'subs.form.first.all.help' },
];

/** The request, or the first field to fix. */
function checked(f: AddFields): Req<'subscriptions.add'> | FieldError {
  try {
    if (!f.url.trim()) throw new FieldError('sub-url', 'subs.form.url.missing');
    return toAddRequest(f);
  } catch (err) {
    if (err instanceof FieldError) return err;
    throw err;
  }
}

/** Subscribe to a channel or playlist. On an error everything typed stays, with the message below. */
export function SubscriptionForm({ onAdded }: { onAdded: (s: Subscription) => void }) {
  const t = useT();
  const { info } = useAppInfo();
  const [f, setF] = useState<AddFields>(EMPTY_ADD);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const urlField = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<AddFields>) => setF((cur) => ({ ...cur, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    setInvalid(null);
    const req = checked(f);
    if (req instanceof FieldError) {
      setError(req.info());
      setInvalid(req.field);
      focusField(req.field);
      return;
    }
    setBusy(true);
    try {
      const s = await api.invoke('subscriptions.add', req);
      applySubscriptions([s]);
      // The rules stay as they were: the next subscription is often set up the same way.
      setF((cur) => ({ ...cur, url: '' }));
      onAdded(s);
      urlField.current?.focus();
    } catch (err) {
      const info = asErrorInfo(err);
      setError(info);
      if (info.code === 'invalid-url' || info.code === 'unsupported-site') {
        setInvalid('sub-url');
        urlField.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel sub-add" aria-labelledby="sub-add-title">
      <h3 id="sub-add-title">{t('subs.form.title')}</h3>
      <form className="sub-form" onSubmit={submit} noValidate>
        <div className="field sub-link">
          <label htmlFor="sub-url">{t('subs.form.url')}</label>
          <input
            id="sub-url"
            ref={urlField}
            type="text"
            inputMode="url"
            placeholder={t('subs.form.url.placeholder')}
            value={f.url}
            aria-invalid={invalid === 'sub-url' || undefined}
            aria-describedby="sub-url-help"
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => set({ url: e.target.value })}
          />
          <p id="sub-url-help" className="help">
            {t('subs.form.url.help')}
          </p>
        </div>
        <fieldset className="sub-first" role="radiogroup">
          <legend>{t('subs.form.first')}</legend>
          {FIRST_CHECK.map((o) => (
            <div key={o.value} className="sub-radio">
              <input id={`sub-initial-${o.value}`} type="radio" name="sub-initial" value={o.value} checked={f.initial === o.value} aria-describedby={`sub-initial-${o.value}-help`} onChange={() => set({ initial: o.value })} />
              <label htmlFor={`sub-initial-${o.value}`}>{t(o.label)}</label>
              {o.value === 'last' && (
                <span className="sub-count">
                  <label htmlFor="sub-count">{t('subs.form.howMany')}</label>
                  <input
                    id="sub-count"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={10_000}
                    value={f.initialCount}
                    aria-invalid={invalid === 'sub-count' || undefined}
                    onChange={(e) => set({ initial: 'last', initialCount: e.target.value })}
                  />
                </span>
              )}
              <p id={`sub-initial-${o.value}-help`} className="help">
                {t(o.help)}
              </p>
            </div>
          ))}
        </fieldset>
        <RuleFieldsView value={f} onChange={set} prefix="sub" invalid={invalid} ffmpegFound={info?.ffmpeg.found ?? true} />
        <div className="sub-submit">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t('subs.form.subscribing') : t('subs.form.subscribe')}
          </button>
        </div>
        {error && <ErrorNote error={error} />}
      </form>
    </section>
  );
}

/** What the view announces after a successful add. */
export const addedText = (intl: IntlShape, s: Subscription): string => tr(intl, s.initial === 'new' ? 'subs.added.new' : 'subs.added.starting', { name: subscriptionName(s) });
