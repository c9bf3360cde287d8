import { formatDuration } from '../../lib/format';
import type { Chapter } from '../../../../shared/types';
import { useT } from '../../i18n/use-t';

interface Props {
  time: number;
  duration: number;
  chapters: Chapter[];
  onSeek: (sec: number) => void;
}

/** A range input (keyboard and screen readers for free) with the chapter starts marked on it. */
export function SeekBar({ time, duration, chapters, onSeek }: Props) {
  const t = useT();
  const d = Number.isFinite(duration) && duration > 0 ? duration : 0;
  const chapter = [...chapters].reverse().find((c) => c.startSec <= time);
  return (
    <div className="seek">
      <input
        type="range"
        className="seek-input"
        min={0}
        max={d || 1}
        step="any"
        value={Math.min(time, d || 1)}
        aria-label={t('player.seek')}
        aria-valuetext={
          chapter
            ? t('player.seek.valueChapter', { time: formatDuration(time), duration: formatDuration(d), chapter: chapter.title })
            : t('player.seek.value', { time: formatDuration(time), duration: formatDuration(d) })
        }
        onChange={(e) => onSeek(Number(e.target.value))}
        // The player's own shortcuts (←/→ 5 s, 0–9) apply here too, not the input's tiny steps.
        onKeyDown={(e) => {
          if (/^(ArrowLeft|ArrowRight|[0-9])$/.test(e.key)) e.preventDefault();
        }}
      />
      {d > 0 && (
        <div className="seek-marks" aria-hidden="true">
          {chapters
            .filter((c) => c.startSec > 0 && c.startSec < d)
            .map((c) => (
              <span key={c.startSec} className="seek-mark" style={{ left: `${(c.startSec / d) * 100}%` }} title={c.title} data-chapter-start={c.startSec} />
            ))}
        </div>
      )}
    </div>
  );
}
