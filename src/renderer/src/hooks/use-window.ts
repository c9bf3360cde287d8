import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

export interface ScrollBox {
  top: number;
  width: number;
  height: number;
}

/**
 * The scroll position and size of a scrolling element, read at most once per animation frame.
 * State only changes when one of them does.
 */
export function useScrollBox(scroller: RefObject<HTMLElement | null>): ScrollBox {
  const [box, setBox] = useState<ScrollBox>({ top: 0, width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setBox((b) => (b.top === el.scrollTop && b.width === el.clientWidth && b.height === el.clientHeight ? b : { top: el.scrollTop, width: el.clientWidth, height: el.clientHeight }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    el.addEventListener('scroll', schedule, { passive: true });
    const ro = new ResizeObserver(schedule);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', schedule);
      ro.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scroller]);
  return box;
}

/** The rows of a fixed-height list that are on screen, plus `overscan` either side. */
export function visibleRows(box: ScrollBox, rows: number, rowHeight: number, overscan = 3): { startRow: number; endRow: number } {
  const first = Math.floor(box.top / rowHeight);
  const count = Math.ceil(box.height / rowHeight) + 1;
  return { startRow: Math.max(0, first - overscan), endRow: Math.min(rows, first + count + overscan) };
}

/** Scrolls back to the top whenever `key` changes (a new search). */
export function useScrollReset(scroller: RefObject<HTMLElement | null>, key: string): void {
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [scroller, key]);
}
