import { useState } from 'react';
import { api } from '../../lib/api';
import { ErrorNote } from '../../components/error-note';
import { BROWSERS } from '../../../../shared/sites';
import type { SitesView } from './use-sites';
import { useAction } from './use-sites';
import { useIntl, type IntlShape } from 'react-intl';
import { t } from '../../i18n/t';
import { formatDate } from '../../lib/format';

type Added = { site: string; count: number; droppedOtherSites: number; droppedExpired: number };
const addedText = (intl: IntlShape, r: Added) => [t(intl, 'sites.cookies.added', { count: r.count, site: r.site }), r.droppedOtherSites + r.droppedExpired > 0 ? t(intl, 'sites.cookies.dropped', { count: r.droppedOtherSites + r.droppedExpired }) : ''].filter(Boolean).join(' ');

export function CookiesSection({ view, reload }: { view: SitesView; reload: () => Promise<void> }) {
  const intl = useIntl();
  const [site, setSite] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [browser, setBrowser] = useState<(typeof BROWSERS)[number]>('firefox');
  const [profile, setProfile] = useState('');
  const action = useAction();
  const add = () =>
    action.run(async () => {
      if (!file) return null;
      // The core says the same; checked here so a huge file is not sent at all.
      if (file.size > 200 * 1024) throw { code: 'invalid-input', message: 'That cookies file is too large.', values: { reason: 'cookiesTooLarge', size: Math.round(file.size / 1024) } };
      const r = await api.invoke('cookies.add', { site, text: await file.text() });
      await reload();
      return addedText(intl, r);
    });
  const fromBrowser = () =>
    action.run(async () => {
      const r = await api.invoke('cookies.fromBrowser', { site, browser, ...(profile ? { profile } : {}) });
      await reload();
      return addedText(intl, r);
    });
  const remove = (s: string) =>
    action.run(async () => {
      await api.invoke('cookies.remove', { site: s });
      await reload();
      return null;
    });
  return (
    <section className="panel" aria-labelledby="sites-cookies">
      <h3 id="sites-cookies">{t(intl, 'sites.cookies.title')}</h3>
      <p className="help">{t(intl, 'sites.cookies.help')}</p>
      {view.cookies.length === 0 ? (
        <p className="muted">{t(intl, 'sites.cookies.none')}</p>
      ) : (
        <ul className="sites-list" aria-label={t(intl, 'sites.cookies.title')}>
          {view.cookies.map((c) => (
            <li key={c.site}>
              <strong>{c.site}</strong>{' '}
              <span className="muted">
                {[t(intl, 'sites.cookies.count', { count: c.count }), c.expiresAt ? t(intl, 'sites.cookies.expires', { date: formatDate(intl, c.expiresAt) }) : '', c.browser ? t(intl, 'sites.cookies.fromBrowser', { browser: c.browser }) : ''].filter(Boolean).join(' · ')}
              </span>
              <button type="button" className="btn btn-small" onClick={() => remove(c.site)} disabled={action.busy} aria-label={t(intl, 'sites.cookies.remove', { site: c.site })}>×</button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="cookie-site">{t(intl, 'sites.cookies.site')}</label>
        <input id="cookie-site" type="text" value={site} spellCheck={false} aria-describedby="cookie-site-help" onChange={(e) => setSite(e.target.value)} />
        <p id="cookie-site-help" className="help">{t(intl, 'sites.cookies.siteHelp')}</p>
      </div>
      <div className="field">
        <label htmlFor="cookie-file">{t(intl, 'sites.cookies.file')}</label>
        <input id="cookie-file" type="file" accept=".txt,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <button type="button" className="btn" onClick={add} disabled={action.busy || !site.trim() || !file}>{t(intl, 'sites.cookies.add')}</button>
      {view.desktop && (
        <div className="sites-browser">
          <div className="field">
            <label htmlFor="cookie-browser">{t(intl, 'sites.cookies.browser')}</label>
            <select id="cookie-browser" value={browser} onChange={(e) => setBrowser(e.target.value as (typeof BROWSERS)[number])}>
              {BROWSERS.map((b) => <option key={b} value={b}>{b}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cookie-profile">{t(intl, 'sites.cookies.profile')}</label>
            <input id="cookie-profile" type="text" value={profile} onChange={(e) => setProfile(e.target.value)} />
          </div>
          <p className="help">{t(intl, 'sites.cookies.browserHelp')}</p>
          <button type="button" className="btn" onClick={fromBrowser} disabled={action.busy || !site.trim()}>{t(intl, 'sites.cookies.read')}</button>
        </div>
      )}
      <div aria-live="polite">{action.done && <p className="note note-ok">{action.done}</p>}</div>
      {action.error && <ErrorNote error={action.error} />}
    </section>
  );
}
