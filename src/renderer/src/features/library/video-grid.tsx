import { useEffect, useRef } from 'react';
import { useScrollBox, useScrollReset, visibleRows } from '../../hooks/use-window';
import type { Video } from '../../../../shared/types';
import { VideoCard } from './video-card';
import { useT } from '../../i18n/use-t';

interface Props {
  items: Video[];
  total: number;
  layout: 'grid' | 'list';
  resetKey: string;
  ensure: (index: number) => void;
  onOpen: (videoId: string) => void;
}

const GAP = 16;
const MIN_CARD = 216;
const LIST_ROW = 72;
const CARD_TEXT = 64;

/** A windowed grid or list: only the rows on screen (plus a few) exist in the DOM. */
export function VideoGrid({ items, total, layout, resetKey, ensure, onOpen }: Props) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  useScrollReset(scroller, resetKey + layout);
  const box = useScrollBox(scroller);
  const inner = Math.max(0, box.width - 2 * GAP);
  const columns = layout === 'list' ? 1 : Math.max(1, Math.floor((inner + GAP) / (MIN_CARD + GAP)));
  const cardWidth = layout === 'list' ? inner : (inner - GAP * (columns - 1)) / columns;
  const rowHeight = layout === 'list' ? LIST_ROW : Math.round((cardWidth * 9) / 16 + CARD_TEXT + GAP);
  const rows = Math.ceil(total / columns);
  const win = visibleRows(box, rows, Math.max(1, rowHeight));
  const first = win.startRow * columns;
  const last = Math.min(total, win.endRow * columns);

  useEffect(() => {
    if (last > 0) ensure(last);
  }, [last, items.length, ensure]);

  const cells = [];
  for (let i = first; i < last; i++) {
    const row = Math.floor(i / columns);
    const col = i % columns;
    const v = items[i];
    const style = {
      top: GAP + row * rowHeight,
      left: GAP + col * (cardWidth + GAP),
      width: cardWidth,
      height: rowHeight - (layout === 'list' ? 8 : GAP),
    };
    cells.push(
      <div key={v ? v.id : `p${i}`} role="listitem" aria-setsize={total} aria-posinset={i + 1} className="cell" style={style}>
        {v ? <VideoCard video={v} layout={layout} onOpen={onOpen} /> : <div className={`card card-${layout} skeleton`} aria-hidden="true" />}
      </div>,
    );
  }

  return (
    <div className="grid-scroller" ref={scroller}>
      <div role="list" aria-label={t('library.videos')} className="grid-canvas" style={{ height: GAP * 2 + rows * rowHeight }}>
        {box.width > 0 && cells}
      </div>
    </div>
  );
}
