import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { useAppInfo } from '../../hooks/use-app-info';
import { ErrorNote } from '../../components/error-note';
import type { Req } from '../../../../shared/contract';
import type { ErrorInfo } from '../../../../shared/errors';
import type { InitialFetch, Subscription } from '../../../../shared/types';
import { EMPTY_ADD, FieldError, toAddRequest, type AddFields } from './form-model';
import { RuleFieldsView } from './rule-fields';
import { applySubscriptions } from './subscription-store';
import { subscriptionName } from './subscription-text';
import { focusField } from './focus-field';

const FIRST_CHECK: ReadonlyArray<{ value: InitialFetch; label: string; help: string }> = [
  { value: 'new', label: 'Only new videos from now', help: 'The first check notes what is already there; later checks download what is new.' },
  { value: 'last', label: 'The newest N', help: 'Downloads that many of the newest videos now, then whatever is new.' },
  { value: 'all', label: 'Everything', help: 'Downloads the whole channel or playlist. This can be a lot.' },
];

/** The request, or the first field to fix. */
function checked(f: AddFields): Req<'subscriptions.add'> | FieldError {
  try {
    if (!f.url.trim()) throw new FieldError('sub-url', 'Paste the link of a channel or playlist to subscribe to.');
    return toAddRequest(f);
  } catch (err) {
    if (err instanceof FieldError) return err;
    throw err;
  }
}

/** Subscribe to a channel or playlist. On an error everything typed stays, with the message below. */
export function SubscriptionForm({ onAdded }: { onAdded: (s: Subscription) => void }) {
  const { info } = useAppInfo();
  const [f, setF] = useState<AddFields>(EMPTY_ADD);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
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
      <h3 id="sub-add-title">Add a subscription</h3>
      <form className="sub-form" onSubmit={submit} noValidate>
        <div className="field sub-link">
          <label htmlFor="sub-url">Subscription link</label>
          <input
            id="sub-url"
            ref={urlField}
            type="text"
            inputMode="url"
            placeholder="https://www.youtube.com/@channel, a playlist, or an RSS feed"
            value={f.url}
            aria-invalid={invalid === 'sub-url' || undefined}
            aria-describedby="sub-url-help"
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => set({ url: e.target.value })}
          />
          <p id="sub-url-help" className="help">
            A channel, playlist or feed link. VidKeep checks it on a schedule and downloads new videos into your library.
          </p>
        </div>
        <fieldset className="sub-first" role="radiogroup">
          <legend>First check</legend>
          {FIRST_CHECK.map((o) => (
            <div key={o.value} className="sub-radio">
              <input id={`sub-initial-${o.value}`} type="radio" name="sub-initial" value={o.value} checked={f.initial === o.value} aria-describedby={`sub-initial-${o.value}-help`} onChange={() => set({ initial: o.value })} />
              <label htmlFor={`sub-initial-${o.value}`}>{o.label}</label>
              {o.value === 'last' && (
                <span className="sub-count">
                  <label htmlFor="sub-count">How many</label>
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
                {o.help}
              </p>
            </div>
          ))}
        </fieldset>
        <RuleFieldsView value={f} onChange={set} prefix="sub" invalid={invalid} ffmpegFound={info?.ffmpeg.found ?? true} />
        <div className="sub-submit">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Subscribing…' : 'Subscribe'}
          </button>
        </div>
        {error && <ErrorNote error={error} />}
      </form>
    </section>
  );
}

/** What the view announces after a successful add. */
export const addedText = (s: Subscription): string => `Subscribed to ${subscriptionName(s)}. ${s.initial === 'new' ? 'The first check notes what is there now.' : 'The first check is starting.'}`;
