import { useEffect, useState } from 'react';
import { api } from './lib/api';
import type { AppInfo } from '../../shared/types';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.invoke('app.info', {}).then(setInfo, (e: Error) => setError(e.message));
  }, []);
  return (
    <main className="app" data-ready={info ? 'true' : 'false'}>
      <h1>VidKeep</h1>
      {error && <p role="alert">{error}</p>}
      <section aria-labelledby="empty-title" className="empty">
        <h2 id="empty-title">Your library is empty</h2>
        <p>Paste a video link to keep a copy on this computer.</p>
        {info && <p className="muted">Videos are saved in {info.libraryDir}</p>}
      </section>
    </main>
  );
}
