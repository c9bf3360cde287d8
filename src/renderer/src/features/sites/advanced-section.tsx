import { useState } from 'react';
import { ErrorNote } from '../../components/error-note';
import type { Req } from '../../../../shared/contract';
import type { SitesView } from './use-sites';
import { useAction } from './use-sites';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';
import { formatDate } from '../../lib/format';

type Save = (patch: Req<'sites.set'>) => Promise<unknown>;

export function UpdatesSection({ view, save }: { view: SitesView; save: Save }) {
  const intl = useIntl();
  const action = useAction();
  const u = view.config.ytDlp;
  const put = (next: typeof u) => action.run(async () => (await save({ ytDlp: next }), t(intl, 'sites.saved')));
  return (
    <section className="panel" aria-labelledby="sites-updates">
      <h3 id="sites-updates">{t(intl, 'sites.updates.title')}</h3>
      <div className="field">
        <label htmlFor="ytdlp-channel">{t(intl, 'sites.updates.channel')}</label>
        <select id="ytdlp-channel" value={u.channel} onChange={(e) => put({ ...u, channel: e.target.value as typeof u.channel })}>
          <option value="stable">{t(intl, 'sites.updates.stable')}</option>
          <option value="nightly">{t(intl, 'sites.updates.nightly')}</option>
        </select>
      </div>
      <div className="field field-check">
        <input id="ytdlp-auto" type="checkbox" checked={u.autoUpdate} aria-describedby="ytdlp-auto-help" onChange={(e) => put({ ...u, autoUpdate: e.target.checked })} />
        <label htmlFor="ytdlp-auto">{t(intl, 'sites.updates.auto')}</label>
        <p id="ytdlp-auto-help" className="help">{view.desktop ? '' : t(intl, 'sites.updates.headless')}</p>
      </div>
      {view.lastUpdateCheck && <p className="help">{t(intl, 'sites.updates.last', { date: formatDate(intl, view.lastUpdateCheck) })}</p>}
      <div aria-live="polite">{action.done && <p className="note note-ok">{action.done}</p>}</div>
      {action.error && <ErrorNote error={action.error} />}
    </section>
  );
}

export function ExtraArgsSection({ view, save }: { view: SitesView; save: Save }) {
  const intl = useIntl();
  const [text, setText] = useState(view.config.extraArgs.join('\n'));
  const action = useAction();
  if (!view.desktop) {
    return (
      <section className="panel" aria-labelledby="sites-extra">
        <h3 id="sites-extra">{t(intl, 'sites.extra.title')}</h3>
        <p className="help">{t(intl, 'sites.extra.desktopOnly')}</p>
      </section>
    );
  }
  const submit = () => action.run(async () => (await save({ extraArgs: text.split('\n').map((l) => l.trim()).filter(Boolean) }), t(intl, 'sites.saved')));
  return (
    <section className="panel" aria-labelledby="sites-extra">
      <h3 id="sites-extra">{t(intl, 'sites.extra.title')}</h3>
      <label htmlFor="extra-args" className="help">{t(intl, 'sites.extra.help')}</label>
      <textarea id="extra-args" rows={4} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="button" className="btn" onClick={submit} disabled={action.busy}>{t(intl, 'sites.extra.save')}</button>
      <div aria-live="polite">{action.done && <p className="note note-ok">{action.done}</p>}</div>
      {action.error && <ErrorNote error={action.error} />}
    </section>
  );
}
