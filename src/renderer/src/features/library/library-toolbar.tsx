import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { LibrarySort, WatchFilter } from '../../../../shared/types';
import { useSubscriptions } from '../subscriptions/subscription-store';
import { subscriptionName } from '../subscriptions/subscription-text';

export interface ToolbarState {
  text: string;
  sort: LibrarySort;
  site: string;
  /** '' for every video; else only what that subscription queued. */
  subscriptionId: string;
  kind: 'all' | 'video' | 'audio';
  watch: WatchFilter;
  layout: 'grid' | 'list';
}

function useSites(): string[] {
  const [sites, setSites] = useState<string[]>([]);
  useEffect(() => {
    const load = () => api.invoke('library.sites', {}).then(setSites, () => setSites([]));
    void load();
    return api.on('library.changed', () => void load());
  }, []);
  return sites;
}

export function LibraryToolbar({ value, onChange, count }: { value: ToolbarState; onChange: (v: ToolbarState) => void; count: string }) {
  const sites = useSites();
  // The store loads subscriptions.list once and follows subscriptions.changed.
  const { items: subscriptions } = useSubscriptions();
  const set = (patch: Partial<ToolbarState>) => onChange({ ...value, ...patch });
  return (
    <div className="toolbar">
      <label className="search">
        <span className="sr-only">Search library</span>
        <input type="search" placeholder="Search titles, uploaders, descriptions…" value={value.text} onChange={(e) => set({ text: e.target.value })} />
      </label>
      <label className="field-inline">
        <span>Sort</span>
        <select value={value.sort} onChange={(e) => set({ sort: e.target.value as LibrarySort })}>
          <option value="added">Recently added</option>
          <option value="title">Title</option>
          <option value="duration">Duration</option>
          <option value="uploader">Uploader</option>
        </select>
      </label>
      <label className="field-inline">
        <span>Site</span>
        <select value={value.site} onChange={(e) => set({ site: e.target.value })}>
          <option value="">All sites</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>Subscription</span>
        <select id="library-subscription" className="subscription-filter" value={value.subscriptionId} onChange={(e) => set({ subscriptionId: e.target.value })}>
          <option value="">All videos</option>
          {subscriptions.map((s) => (
            <option key={s.id} value={s.id}>
              {subscriptionName(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>Type</span>
        <select value={value.kind} onChange={(e) => set({ kind: e.target.value as ToolbarState['kind'] })}>
          <option value="all">Video and audio</option>
          <option value="video">Video</option>
          <option value="audio">Audio</option>
        </select>
      </label>
      <label className="field-inline">
        <span>Watched</span>
        <select value={value.watch} onChange={(e) => set({ watch: e.target.value as WatchFilter })}>
          <option value="all">All</option>
          <option value="unwatched">Unwatched</option>
          <option value="in-progress">In progress</option>
          <option value="watched">Watched</option>
        </select>
      </label>
      <div className="segmented" role="group" aria-label="Layout">
        <button type="button" aria-pressed={value.layout === 'grid'} onClick={() => set({ layout: 'grid' })}>
          Grid
        </button>
        <button type="button" aria-pressed={value.layout === 'list'} onClick={() => set({ layout: 'list' })}>
          List
        </button>
      </div>
      <span className="muted count" aria-live="polite">
        {count}
      </span>
    </div>
  );
}
