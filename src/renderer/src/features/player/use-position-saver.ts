import { useEffect, useRef } from 'react';
import { api } from '../../lib/api';
import { publishVideo } from '../library/use-library';
import type { Video } from '../../../../shared/types';

/** While playing, the position is saved this often (and always on pause, seek, end and close). */
const SAVE_EVERY_MS = 5000;

/**
 * Saves where playback is into the database, the one truth every tab and window reads; the core
 * decides watched (90 %) and tells everyone through library.changed.
 */
export function usePositionSaver(el: HTMLVideoElement | null, videoId: string, onSaved: (v: Video) => void): void {
  const saved = useRef<number | null>(null);
  const lastAt = useRef(0);
  const cb = useRef(onSaved);
  cb.current = onSaved;
  useEffect(() => {
    if (!el) return;
    const save = () => {
      // Nothing played yet (metadata still loading): never overwrite a saved position with 0.
      if (el.readyState < 1 || !el.played.length) return;
      const t = el.ended ? el.duration : el.currentTime;
      if (!Number.isFinite(t) || saved.current === t) return;
      saved.current = t;
      lastAt.current = performance.now();
      api.invoke('library.setPosition', { videoId, positionSec: Math.max(0, t) }).then(
        (v) => {
          publishVideo(v);
          cb.current(v);
        },
        () => undefined,
      );
    };
    const tick = () => {
      if (performance.now() - lastAt.current >= SAVE_EVERY_MS) save();
    };
    el.addEventListener('timeupdate', tick);
    el.addEventListener('pause', save);
    el.addEventListener('seeked', save);
    el.addEventListener('ended', save);
    window.addEventListener('pagehide', save);
    return () => {
      save();
      el.removeEventListener('timeupdate', tick);
      el.removeEventListener('pause', save);
      el.removeEventListener('seeked', save);
      el.removeEventListener('ended', save);
      window.removeEventListener('pagehide', save);
    };
  }, [el, videoId]);
}
