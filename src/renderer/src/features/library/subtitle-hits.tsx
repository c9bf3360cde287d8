import { useEffect, useState } from 'react';
import { api } from '../../lib/api';
import { formatDuration } from '../../lib/format';
import type { SubtitleHit } from '../../../../shared/types';
import { useT } from '../../i18n/use-t';

/** Lines said in the videos' subtitles that match the search; a click opens the video there. */
export function SubtitleHits({ text, onOpen }: { text: string; onOpen: (videoId: string, atSec: number) => void }) {
  const t = useT();
  const [hits, setHits] = useState<SubtitleHit[]>([]);
  useEffect(() => {
    let live = true;
    if (text === '') setHits([]);
    else api.invoke('library.subtitleSearch', { query: text, limit: 20 }).then((h) => live && setHits(h), () => live && setHits([]));
    return () => {
      live = false;
    };
  }, [text]);
  if (hits.length === 0) return null;
  return (
    <section className="subtitle-hits" aria-labelledby="subtitle-hits-title">
      <h3 id="subtitle-hits-title">{t('library.subtitleHits')}</h3>
      <ul>
        {hits.map((h) => (
          <li key={`${h.videoId}:${h.lang}:${h.startSec}`}>
            <button type="button" className="subtitle-hit" onClick={() => onOpen(h.videoId, h.startSec)}>
              <span className="hit-time">{formatDuration(h.startSec)}</span>
              <span className="hit-text">{t('library.subtitleHit.line', { text: h.text })}</span>
              <span className="muted hit-title">{h.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
