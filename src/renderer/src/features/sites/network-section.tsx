import { useState } from 'react';
import { api } from '../../lib/api';
import { ErrorNote } from '../../components/error-note';
import type { Req } from '../../../../shared/contract';
import type { SitesView } from './use-sites';
import { useAction } from './use-sites';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';

type Save = (patch: Req<'sites.set'>) => Promise<unknown>;

export function BandwidthSection({ view, save }: { view: SitesView; save: Save }) {
  const intl = useIntl();
  const b = view.config.bandwidth;
  const [limit, setLimit] = useState(b.limitKBps);
  const [timed, setTimed] = useState(b.hours !== null);
  const [from, setFrom] = useState(b.hours?.from ?? '08:00');
  const [to, setTo] = useState(b.hours?.to ?? '23:00');
  const action = useAction();
  const submit = () => action.run(async () => (await save({ bandwidth: { limitKBps: limit, hours: timed ? { from, to } : null } }), t(intl, 'sites.saved')));
  return (
    <section className="panel" aria-labelledby="sites-bw">
      <h3 id="sites-bw">{t(intl, 'sites.bandwidth.title')}</h3>
      <div className="field">
        <label htmlFor="bw-limit">{t(intl, 'sites.bandwidth.limit')}</label>
        <input id="bw-limit" type="number" min={0} max={10_000_000} value={limit} aria-describedby="bw-applies" onChange={(e) => setLimit(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
      </div>
      <div className="field field-check">
        <input id="bw-timed" type="checkbox" checked={timed} onChange={(e) => setTimed(e.target.checked)} />
        <label htmlFor="bw-timed">{t(intl, 'sites.bandwidth.hours')}</label>
      </div>
      {timed && (
        <div className="sites-inline">
          <label>{t(intl, 'sites.bandwidth.from')} <input type="time" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
          <label>{t(intl, 'sites.bandwidth.to')} <input type="time" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        </div>
      )}
      <p id="bw-applies" className="help">{t(intl, 'sites.bandwidth.applies')}</p>
      <button type="button" className="btn" onClick={submit} disabled={action.busy}>{t(intl, 'sites.bandwidth.save')}</button>
      <div aria-live="polite">{action.done && <p className="note note-ok">{action.done}</p>}</div>
      {action.error && <ErrorNote error={action.error} />}
    </section>
  );
}

export function ProxySection({ view, save }: { view: SitesView; save: Save }) {
  const intl = useIntl();
  const [global, setGlobal] = useState(view.config.proxy.global);
  const [perSite, setPerSite] = useState(view.config.proxy.perSite);
  const [site, setSite] = useState('');
  const [proxy, setProxy] = useState('');
  const action = useAction();
  const test = useAction();
  const submit = (next = perSite) =>
    action.run(async () => {
      await save({ proxy: { global, perSite: next } });
      setPerSite(next);
      return t(intl, 'sites.saved');
    });
  const runTest = (p: string) =>
    test.run(async () => {
      const r = await api.invoke('proxy.test', { proxy: p });
      if (!r.ok) throw { code: 'proxy-failed', message: r.message, values: { reason: r.reason === 'other' ? 'detail' : r.reason, proxy: r.proxy, detail: r.message, ...(r.status !== undefined ? { status: r.status } : {}) } };
      return t(intl, 'sites.proxy.works', { proxy: r.proxy, ms: r.ms ?? 0 });
    });
  return (
    <section className="panel" aria-labelledby="sites-proxy">
      <h3 id="sites-proxy">{t(intl, 'sites.proxy.title')}</h3>
      <div className="field">
        <label htmlFor="proxy-global">{t(intl, 'sites.proxy.global')}</label>
        <input id="proxy-global" type="text" value={global} spellCheck={false} aria-describedby="proxy-help" onChange={(e) => setGlobal(e.target.value)} />
        <p id="proxy-help" className="help">{t(intl, 'sites.proxy.help')}</p>
      </div>
      <div className="sites-inline">
        <button type="button" className="btn" onClick={() => submit()} disabled={action.busy}>{t(intl, 'sites.proxy.save')}</button>
        <button type="button" className="btn" onClick={() => runTest(global)} disabled={test.busy || !global.trim()}>{test.busy ? t(intl, 'sites.proxy.testing') : t(intl, 'sites.proxy.test')}</button>
      </div>
      <div aria-live="polite">{test.done && <p className="note note-ok">{test.done}</p>}</div>
      {test.error && <ErrorNote error={test.error} />}
      <h4>{t(intl, 'sites.proxy.perSite')}</h4>
      <ul className="sites-list">
        {Object.entries(perSite).map(([s, p]) => (
          <li key={s}>
            <strong>{s}</strong> <code>{p}</code>
            <button type="button" className="btn btn-small" aria-label={t(intl, 'sites.proxy.remove', { site: s })} onClick={() => submit(Object.fromEntries(Object.entries(perSite).filter(([k]) => k !== s)))}>×</button>
          </li>
        ))}
      </ul>
      <div className="sites-inline">
        <label>{t(intl, 'sites.cookies.site')} <input type="text" value={site} spellCheck={false} onChange={(e) => setSite(e.target.value)} /></label>
        <label>{t(intl, 'sites.proxy.title')} <input type="text" value={proxy} spellCheck={false} onChange={(e) => setProxy(e.target.value)} /></label>
        <button type="button" className="btn btn-small" disabled={action.busy || !site.trim() || !proxy.trim()} onClick={() => void submit({ ...perSite, [site.trim()]: proxy.trim() })}>{t(intl, 'sites.proxy.add')}</button>
      </div>
      <div aria-live="polite">{action.done && <p className="note note-ok">{action.done}</p>}</div>
      {action.error && <ErrorNote error={action.error} />}
    </section>
  );
}
