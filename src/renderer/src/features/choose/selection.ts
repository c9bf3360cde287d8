/** Which entries are picked: a set of indexes, with the select-all / none / range gestures as pure functions. */
export const selectAll = (total: number): Set<number> => new Set(Array.from({ length: total }, (_, i) => i));

/** Entries `from`..`to` as people count them (1-based, inclusive, either order), added to `current`. */
export function selectRange(current: ReadonlySet<number>, from: number, to: number, total: number): Set<number> {
  const next = new Set(current);
  const lo = Math.max(1, Math.min(from, to));
  const hi = Math.min(total, Math.max(from, to));
  for (let i = lo; i <= hi; i++) next.add(i - 1);
  return next;
}

export function toggle(current: ReadonlySet<number>, index: number): Set<number> {
  const next = new Set(current);
  if (!next.delete(index)) next.add(index);
  return next;
}

/** The rows a window of `height` px scrolled to `scrollTop` shows, plus a few either side. */
export function visibleRows(scrollTop: number, height: number, rowHeight: number, total: number, overscan = 8): { start: number; end: number } {
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(total, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { start, end };
}
