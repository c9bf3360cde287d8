import { useState } from 'react';
import { ErrorNote } from '../../components/error-note';
import type { Pacing } from '../../../../shared/sites';
import type { SitesView } from './use-sites';
import { useAction } from './use-sites';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';

type Save = (patch: { pacing: Record<string, Pacing> }) => Promise<unknown>;

function PacingRow({ site, value, isDefault, onSave, onReset, busy }: { site: string; value: Pacing; isDefault: boolean; onSave: (p: Pacing) => void; onReset?: () => void; busy: boolean }) {
  const intl = useIntl();
  const [p, setP] = useState(value);
  const num = (k: keyof Pacing, label: string) => (
    <td>
      <input type="number" min={0} max={k === 'sleepRequests' ? 60 : 1200} step={0.5} value={p[k]} aria-label={`${site}: ${label}`} onChange={(e) => setP({ ...p, [k]: Number(e.target.value) })} />
    </td>
  );
  const changed = p.sleepRequests !== value.sleepRequests || p.sleepInterval !== value.sleepInterval || p.maxSleepInterval !== value.maxSleepInterval;
  return (
    <tr>
      <th scope="row">{site}{isDefault && <span className="muted"> ({t(intl, 'sites.pacing.default')})</span>}</th>
      {num('sleepRequests', t(intl, 'sites.pacing.requests'))}
      {num('sleepInterval', t(intl, 'sites.pacing.min'))}
      {num('maxSleepInterval', t(intl, 'sites.pacing.max'))}
      <td className="pace-actions">
        {changed && <button type="button" className="btn btn-small" disabled={busy} onClick={() => onSave(p)}>{t(intl, 'sites.pacing.save')}</button>}
        {onReset && <button type="button" className="btn btn-small" disabled={busy} aria-label={t(intl, 'sites.pacing.reset', { site })} onClick={onReset}>↺</button>}
      </td>
    </tr>
  );
}

export function PacingSection({ view, save }: { view: SitesView; save: Save }) {
  const intl = useIntl();
  const action = useAction();
  const own = view.config.pacing;
  const sites = [...new Set([...Object.keys(own), ...Object.keys(view.defaultPacing)])].sort();
  const [extra, setExtra] = useState('');
  const put = (next: Record<string, Pacing>) => action.run(async () => (await save({ pacing: next }), t(intl, 'sites.saved')));
  return (
    <section className="panel" aria-labelledby="sites-pacing">
      <h3 id="sites-pacing">{t(intl, 'sites.pacing.title')}</h3>
      <p className="help">{t(intl, 'sites.pacing.help')}</p>
      {view.waiting.map((w) => <p key={w.site} className="note note-warn">{t(intl, 'sites.waiting', { site: w.site, time: new Date(w.retryAt) })}</p>)}
      <table className="pace-table">
        <thead>
          <tr>
            <th scope="col">{t(intl, 'sites.cookies.site')}</th>
            <th scope="col">{t(intl, 'sites.pacing.requests')}</th>
            <th scope="col">{t(intl, 'sites.pacing.min')}</th>
            <th scope="col">{t(intl, 'sites.pacing.max')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {sites.map((s) => (
            <PacingRow key={`${s}-${JSON.stringify(own[s] ?? view.defaultPacing[s])}`} site={s} value={own[s] ?? view.defaultPacing[s]!} isDefault={!own[s]} busy={action.busy}
              onSave={(p) => put({ ...own, [s]: p })}
              {...(own[s] ? { onReset: () => put(Object.fromEntries(Object.entries(own).filter(([k]) => k !== s))) } : {})} />
          ))}
        </tbody>
      </table>
      <div className="field">
        <label htmlFor="pace-new">{t(intl, 'sites.cookies.site')}</label>
        <input id="pace-new" type="text" value={extra} spellCheck={false} onChange={(e) => setExtra(e.target.value)} />
      </div>
      <button type="button" className="btn btn-small" disabled={action.busy || !extra.trim()} onClick={() => void put({ ...own, [extra.trim()]: { sleepRequests: 1, sleepInterval: 3, maxSleepInterval: 10 } }).then(() => setExtra(''))}>{t(intl, 'sites.pacing.save')}</button>
      <div aria-live="polite">{action.done && <p className="note note-ok">{action.done}</p>}</div>
      {action.error && <ErrorNote error={action.error} />}
    </section>
  );
}
