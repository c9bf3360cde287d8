import { useState } from 'react';
import { ErrorNote } from '../../components/error-note';
import type { Pacing } from '../../../../shared/sites';
import type { SitesView } from './use-sites';
import { useAction } from './use-sites';
import { clockTime, st } from './sites-text';

type Save = (patch: { pacing: Record<string, Pacing> }) => Promise<unknown>;

function PacingRow({ site, value, isDefault, onSave, onReset, busy }: { site: string; value: Pacing; isDefault: boolean; onSave: (p: Pacing) => void; onReset?: () => void; busy: boolean }) {
  const [p, setP] = useState(value);
  const id = `pace-${site.replace(/[^a-z0-9]/gi, '-')}`;
  const num = (k: keyof Pacing, label: string) => (
    <label className="pace-num">
      <span>{label}</span>
      <input type="number" min={0} max={k === 'sleepRequests' ? 60 : 1200} step={0.5} value={p[k]} onChange={(e) => setP({ ...p, [k]: Number(e.target.value) })} />
    </label>
  );
  return (
    <fieldset className="pace-row" aria-labelledby={id}>
      <legend id={id}>{site}{isDefault && <span className="muted"> ({st('sites.pacing.default')})</span>}</legend>
      {num('sleepRequests', st('sites.pacing.requests'))}
      {num('sleepInterval', st('sites.pacing.min'))}
      {num('maxSleepInterval', st('sites.pacing.max'))}
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => onSave(p)}>{st('sites.pacing.save')}</button>
      {onReset && <button type="button" className="btn btn-small" disabled={busy} onClick={onReset}>{st('sites.pacing.reset', { site })}</button>}
    </fieldset>
  );
}

export function PacingSection({ view, save }: { view: SitesView; save: Save }) {
  const action = useAction();
  const own = view.config.pacing;
  const sites = [...new Set([...Object.keys(own), ...Object.keys(view.defaultPacing)])].sort();
  const [extra, setExtra] = useState('');
  const put = (next: Record<string, Pacing>) => action.run(async () => (await save({ pacing: next }), st('sites.saved')));
  return (
    <section className="panel" aria-labelledby="sites-pacing">
      <h3 id="sites-pacing">{st('sites.pacing.title')}</h3>
      <p className="help">{st('sites.pacing.help')}</p>
      {view.waiting.map((w) => <p key={w.site} className="note note-warn">{st('sites.waiting', { site: w.site, time: clockTime(w.retryAt) })}</p>)}
      {sites.map((s) => (
        <PacingRow key={`${s}-${JSON.stringify(own[s] ?? view.defaultPacing[s])}`} site={s} value={own[s] ?? view.defaultPacing[s]!} isDefault={!own[s]} busy={action.busy}
          onSave={(p) => put({ ...own, [s]: p })}
          {...(own[s] ? { onReset: () => put(Object.fromEntries(Object.entries(own).filter(([k]) => k !== s))) } : {})} />
      ))}
      <div className="field">
        <label htmlFor="pace-new">{st('sites.cookies.site')}</label>
        <input id="pace-new" type="text" value={extra} spellCheck={false} onChange={(e) => setExtra(e.target.value)} />
      </div>
      <button type="button" className="btn btn-small" disabled={action.busy || !extra.trim()} onClick={() => void put({ ...own, [extra.trim()]: { sleepRequests: 1, sleepInterval: 3, maxSleepInterval: 10 } }).then(() => setExtra(''))}>{st('sites.pacing.save')}</button>
      <div aria-live="polite">{action.done && <p className="note note-ok">{action.done}</p>}</div>
      {action.error && <ErrorNote error={action.error} />}
    </section>
  );
}
