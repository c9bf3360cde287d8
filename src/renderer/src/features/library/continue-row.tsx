import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import type { Video } from '../../../../shared/types';
import { VideoCard } from './video-card';
import { useT } from '../../i18n/use-t';

/** "Continue watching": videos in progress, last played first; follows every tab's playback live. */
export function ContinueRow({ onOpen }: { onOpen: (videoId: string) => void }) {
  const t = useT();
  const [items, setItems] = useState<Video[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => api.invoke('library.continue', { limit: 12 }).then((v) => live && setItems(v), () => undefined);
    void load();
    const off = api.on('library.changed', () => void load());
    const offConn = api.onConnection(({ connected }) => connected && void load());
    return () => {
      live = false;
      off();
      offConn();
    };
  }, []);
  if (items.length === 0) return null;
  return (
    <section className="continue" aria-labelledby="continue-title">
      <h3 id="continue-title">{t('library.continue')}</h3>
      <ul className="continue-list">
        {items.map((v) => (
          <li key={v.id}>
            <VideoCard video={v} layout="grid" onOpen={onOpen} />
          </li>
        ))}
      </ul>
    </section>
  );
}
