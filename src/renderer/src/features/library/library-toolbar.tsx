import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { LibrarySort, WatchFilter } from '../../../../shared/types';
import { useSubscriptions } from '../subscriptions/subscription-store';
import { subscriptionName } from '../subscriptions/subscription-text';
import { useT } from '../../i18n/use-t';

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
  const t = useT();
  const sites = useSites();
  // The store loads subscriptions.list once and follows subscriptions.changed.
  const { items: subscriptions } = useSubscriptions();
  const set = (patch: Partial<ToolbarState>) => onChange({ ...value, ...patch });
  return (
    <div className="toolbar">
      <label className="search">
        <span className="sr-only">{t('library.search.label')}</span>
        <input type="search" placeholder={t('library.search.placeholder')} value={value.text} onChange={(e) => set({ text: e.target.value })} />
      </label>
      <label className="field-inline">
        <span>{t('library.sort')}</span>
        <select value={value.sort} onChange={(e) => set({ sort: e.target.value as LibrarySort })}>
          <option value="added">{t('library.sort.added')}</option>
          <option value="title">{t('library.sort.title')}</option>
          <option value="duration">{t('library.sort.duration')}</option>
          <option value="uploader">{t('library.sort.uploader')}</option>
        </select>
      </label>
      <label className="field-inline">
        <span>{t('library.site')}</span>
        <select value={value.site} onChange={(e) => set({ site: e.target.value })}>
          <option value="">{t('library.site.all')}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>{t('library.subscription')}</span>
        <select id="library-subscription" className="subscription-filter" value={value.subscriptionId} onChange={(e) => set({ subscriptionId: e.target.value })}>
          <option value="">{t('library.subscription.all')}</option>
          {subscriptions.map((s) => (
            <option key={s.id} value={s.id}>
              {subscriptionName(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>{t('library.type')}</span>
        <select value={value.kind} onChange={(e) => set({ kind: e.target.value as ToolbarState['kind'] })}>
          <option value="all">{t('library.type.all')}</option>
          <option value="video">{t('library.type.video')}</option>
          <option value="audio">{t('library.type.audio')}</option>
        </select>
      </label>
      <label className="field-inline">
        <span>{t('library.watch')}</span>
        <select value={value.watch} onChange={(e) => set({ watch: e.target.value as WatchFilter })}>
          <option value="all">{t('library.watch.all')}</option>
          <option value="unwatched">{t('library.watch.unwatched')}</option>
          <option value="in-progress">{t('library.watch.inProgress')}</option>
          <option value="watched">{t('library.watch.watched')}</option>
        </select>
      </label>
      <div className="segmented" role="group" aria-label={t('library.layout')}>
        <button type="button" aria-pressed={value.layout === 'grid'} onClick={() => set({ layout: 'grid' })}>
          {t('library.layout.grid')}
        </button>
        <button type="button" aria-pressed={value.layout === 'list'} onClick={() => set({ layout: 'list' })}>
          {t('library.layout.list')}
        </button>
      </div>
      <span className="muted count" aria-live="polite">
        {count}
      </span>
    </div>
  );
}
