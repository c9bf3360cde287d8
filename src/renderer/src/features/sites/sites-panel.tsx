import { ErrorNote } from '../../components/error-note';
import { useSites } from './use-sites';
import { CookiesSection } from './cookies-section';
import { PacingSection } from './pacing-section';
import { BandwidthSection, ProxySection } from './network-section';
import { ExtraArgsSection, UpdatesSection } from './advanced-section';
import { useIntl } from 'react-intl';
import { t } from '../../i18n/t';
import './sites.css';

/** Settings → Sites: cookies, pacing, speed limit, proxy, yt-dlp updates and extra options. */
export function SitesPanel() {
  const intl = useIntl();
  const { view, error, reload, save } = useSites();
  return (
    <section className="sites" aria-labelledby="sites-title">
      <h3 id="sites-title" className="sites-heading">{t(intl, 'sites.title')}</h3>
      <p className="help">{t(intl, 'sites.intro')}</p>
      {error && <ErrorNote error={error} />}
      {view && (
        <div className="settings-grid">
          <CookiesSection view={view} reload={reload} />
          <PacingSection view={view} save={save} />
          <BandwidthSection view={view} save={save} />
          <ProxySection view={view} save={save} />
          <UpdatesSection view={view} save={save} />
          <ExtraArgsSection view={view} save={save} />
        </div>
      )}
    </section>
  );
}
