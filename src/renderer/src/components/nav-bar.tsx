import { useJobs } from '../features/downloads/use-jobs';
import { useT } from '../i18n/use-t';

export type View = 'library' | 'downloads' | 'subscriptions' | 'queue' | 'settings';
const VIEWS: View[] = ['library', 'downloads', 'subscriptions', 'queue', 'settings'];

export function NavBar({ view, onChange }: { view: View; onChange: (v: View) => void }) {
  const t = useT();
  const { jobs } = useJobs();
  const running = jobs.filter((j) => j.state === 'active' || j.state === 'queued').length;
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      {VIEWS.map((id) => (
        <button key={id} type="button" className="nav-item" aria-current={view === id ? 'page' : undefined} onClick={() => onChange(id)}>
          {t(`view.${id}`)}
          {id === 'downloads' && running > 0 && (
            <span className="nav-badge" aria-hidden="true">
              {running}
            </span>
          )}
        </button>
      ))}
    </nav>
  );
}
