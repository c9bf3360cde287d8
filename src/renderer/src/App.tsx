import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useAppInfo } from './hooks/use-app-info';
import { useSettings } from './hooks/use-settings';
import { useTheme } from './hooks/use-theme';
import { ErrorNote } from './components/error-note';
import { Announcer } from './components/announcer';
import { ConnectionBanner } from './components/connection-banner';
import { NavBar, type View } from './components/nav-bar';
import { PasteBar } from './features/paste/paste-bar';
import { LibraryView } from './features/library/library-view';
import { VideoDetail } from './features/library/video-detail';
import { CollectionView, type CollectionRef } from './features/library/collection-view';
import { DownloadsView } from './features/downloads/downloads-view';
import { startJobStore } from './features/downloads/job-store';

// Views seldom opened first load when first opened: the library paints sooner, and no chunk nears
// Vite's 500 kB warning.
const QueueView = lazy(() => import('./features/queue/queue-view').then((m) => ({ default: m.QueueView })));
const SubscriptionsView = lazy(() => import('./features/subscriptions/subscriptions-view').then((m) => ({ default: m.SubscriptionsView })));
const SettingsView = lazy(() => import('./features/settings/settings-view').then((m) => ({ default: m.SettingsView })));
import { useT } from './i18n/use-t';


export function App() {
  const t = useT();
  const { info, error } = useAppInfo();
  const { settings } = useSettings();
  useTheme(settings?.theme);
  const [view, setView] = useState<View>('library');
  const [open, setOpen] = useState<{ id: string; at?: number } | null>(null);
  const setOpenVideo = useCallback((id: string, at?: number) => setOpen(at === undefined ? { id } : { id, at }), []);
  const [collection, setCollection] = useState<CollectionRef | null>(null);
  const openCollection = useCallback((c: CollectionRef) => {
    setOpen(null);
    setCollection(c);
    setView('library');
  }, []);
  // Held here, not in the Library, so a subscription's "Show videos" can open the Library filtered.
  const [librarySubscription, setLibrarySubscription] = useState('');
  useEffect(() => startJobStore(), []);
  const showDownloads = useCallback(() => setView('downloads'), []);
  const changeView = useCallback((v: View) => {
    setCollection(null);
    setView(v);
  }, []);
  const closeVideo = useCallback(() => setOpen(null), []);
  const showSubscriptionVideos = useCallback((subscriptionId: string) => {
    setLibrarySubscription(subscriptionId);
    setView('library');
    // The button used left with its view: focus goes to the filter now applied, which says what is shown.
    requestAnimationFrame(() => document.getElementById('library-subscription')?.focus());
  }, []);

  return (
    <div className="shell">
      <ConnectionBanner />
      <header className="top">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true">
            ▶
          </span>
          {t('app.brand')}
        </h1>
        {/* After the paste bar in focus order, above it on screen: the nav never moves when
            paste results appear, and Tab goes from the field straight to the views. */}
        <PasteBar onOpenVideo={setOpenVideo} onShowDownloads={showDownloads} />
        <NavBar view={view} onChange={changeView} />
      </header>
      <main className="content" data-ready={info ? 'true' : 'false'} tabIndex={view === 'library' ? undefined : 0} aria-label={t(`view.${view}`)}>
        {error && !info && <ErrorNote error={error} />}
        {view === 'library' && collection && <CollectionView key={`${collection.kind}:${collection.name}`} collection={collection} onBack={() => setCollection(null)} onOpenVideo={setOpenVideo} />}
        {view === 'library' && !collection && <LibraryView onOpenVideo={setOpenVideo} subscriptionId={librarySubscription} onSubscriptionChange={setLibrarySubscription} />}
        {view === 'downloads' && <DownloadsView onOpenVideo={setOpenVideo} />}
        <Suspense fallback={null}>
          {view === 'subscriptions' && <SubscriptionsView onShowVideos={showSubscriptionVideos} />}
          {view === 'queue' && <QueueView />}
          {view === 'settings' && <SettingsView />}
        </Suspense>
      </main>
      <Announcer />
      {open && <VideoDetail key={`${open.id}@${open.at ?? ''}`} videoId={open.id} {...(open.at !== undefined ? { startAt: open.at } : {})} onClose={closeVideo} onOpenCollection={openCollection} />}
    </div>
  );
}
