import { useJobs } from '../features/downloads/use-jobs';

export type View = 'library' | 'downloads' | 'subscriptions' | 'queue' | 'settings';
const VIEWS: Array<[View, string]> = [
  ['library', 'Library'],
  ['downloads', 'Downloads'],
  ['subscriptions', 'Subscriptions'],
  ['queue', 'Queue'],
  ['settings', 'Settings'],
];

export function NavBar({ view, onChange }: { view: View; onChange: (v: View) => void }) {
  const { jobs } = useJobs();
  const running = jobs.filter((j) => j.state === 'active' || j.state === 'queued').length;
  return (
    <nav className="nav" aria-label="Main">
      {VIEWS.map(([id, label]) => (
        <button key={id} type="button" className="nav-item" aria-current={view === id ? 'page' : undefined} onClick={() => onChange(id)}>
          {label}
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
