import { ErrorNote } from '../../components/error-note';
import { useSites } from './use-sites';
import { CookiesSection } from './cookies-section';
import { PacingSection } from './pacing-section';
import { BandwidthSection, ProxySection } from './network-section';
import { ExtraArgsSection, UpdatesSection } from './advanced-section';
import { st } from './sites-text';
import './sites.css';

/** Settings → Sites: cookies, pacing, speed limit, proxy, yt-dlp updates and extra options. */
export function SitesPanel() {
  const { view, error, reload, save } = useSites();
  return (
    <section className="sites" aria-labelledby="sites-title">
      <h3 id="sites-title" className="sites-heading">{st('sites.title')}</h3>
      <p className="help">{st('sites.intro')}</p>
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
