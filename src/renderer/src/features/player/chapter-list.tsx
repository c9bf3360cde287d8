import { formatDuration } from '../../lib/format';
import type { Chapter } from '../../../../shared/types';
import { useT } from '../../i18n/use-t';

/** Chapters beside the player; the one playing now is marked, a click jumps there. */
export function ChapterList({ chapters, time, onSeek }: { chapters: Chapter[]; time: number; onSeek: (sec: number) => void }) {
  const t = useT();
  if (chapters.length === 0) return null;
  const current = [...chapters].reverse().find((c) => c.startSec <= time + 0.01);
  return (
    <nav className="chapters" aria-labelledby="chapters-title">
      <h3 id="chapters-title">{t('player.chapters')}</h3>
      <ol>
        {chapters.map((c) => (
          <li key={c.startSec}>
            <button type="button" className="chapter" aria-current={c === current ? 'true' : undefined} onClick={() => onSeek(c.startSec)}>
              <span className="chapter-time">{formatDuration(c.startSec)}</span>
              <span className="chapter-title">{c.title}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
