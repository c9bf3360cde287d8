import { useCallback, useEffect, useRef, useState, type UIEvent } from 'react';
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { ErrorNote } from '../../components/error-note';
import type { AddedJob } from '../../../../shared/contract';
import type { PlaylistEntry } from '../../../../shared/choose';
import type { DownloadOptions } from '../../../../shared/types';
import type { UiError } from '../../i18n/error-text';
import { selectAll, selectRange, toggle, visibleRows } from './selection';
import { useChooseText } from './choose-text';

const ROW = 32;
const VIEW = 320;
const PAGE = 200;

/**
 * A playlist's entries as yt-dlp reads them, before anything downloads. Only the rows in view are in
 * the DOM and only their pages are fetched, so a 5,000-entry channel stays responsive.
 */
export function PlaylistPicker({ url, options, onAdded }: { url: string; options: DownloadOptions; onAdded: (jobs: AddedJob[]) => void }) {
  const T = useChooseText();
  const [listing, setListing] = useState<{ id: string; title: string | null; total: number; done: boolean; error: string | null } | null>(null);
  const [entries, setEntries] = useState<Map<number, PlaylistEntry>>(new Map());
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [scrollTop, setScrollTop] = useState(0);
  const [error, setError] = useState<UiError | null>(null);
  const [from, setFrom] = useState('1');
  const [to, setTo] = useState('10');
  const asked = useRef(new Set<number>());

  useEffect(() => {
    let live = true;
    asked.current = new Set();
    setEntries(new Map());
    setSelected(new Set());
    api.invoke('choose.listPlaylist', { url }).then(
      (p) => {
        if (!live) return;
        setListing({ id: p.listingId, title: p.title, total: p.total, done: p.done, error: p.error });
        setEntries(new Map(p.entries.map((e) => [e.index, e])));
      },
      (e) => live && setError(asErrorInfo(e)),
    );
    const off = api.on('choose.listing', (ev) =>
      setListing((l) => (l && l.id === ev.listingId ? { ...l, total: ev.total, done: ev.done, error: ev.error } : l)),
    );
    return () => {
      live = false;
      off();
    };
  }, [url]);

  const { start, end } = visibleRows(scrollTop, VIEW, ROW, listing?.total ?? 0);
  const fetchPage = useCallback(
    (page: number) => {
      if (!listing || asked.current.has(page)) return;
      asked.current.add(page);
      api.invoke('choose.playlistPage', { listingId: listing.id, offset: page * PAGE, limit: PAGE }).then(
        (p) => {
          setListing((l) => (l ? { ...l, title: p.title } : l));
          setEntries((m) => {
            const next = new Map(m);
            for (const e of p.entries) next.set(e.index, e);
            return next;
          });
          // A page read before yt-dlp had all of it is asked again later.
          if (p.entries.length < PAGE && !p.done) asked.current.delete(page);
        },
        () => asked.current.delete(page),
      );
    },
    [listing],
  );
  useEffect(() => {
    for (let page = Math.floor(start / PAGE); page * PAGE < end; page++) {
      const missing = Array.from({ length: Math.min(end, (page + 1) * PAGE) - Math.max(start, page * PAGE) }, (_, k) => Math.max(start, page * PAGE) + k).some((i) => !entries.has(i));
      if (missing) fetchPage(page);
    }
  }, [start, end, entries, fetchPage, listing?.total]);

  const download = async () => {
    if (!listing) return;
    if (selected.size === 0) return setError({ id: 'choose.emptySelection' });
    setError(null);
    try {
      const { jobs } = await api.invoke('choose.addEntries', { listingId: listing.id, indexes: [...selected].sort((a, b) => a - b), options });
      onAdded(jobs);
    } catch (e) {
      setError(asErrorInfo(e));
    }
  };

  if (!listing) return error ? <ErrorNote error={error} /> : <p className="muted" role="status">{T.listing(0)}</p>;
  const total = listing.total;
  return (
    <div className="chooser" role="group" aria-label={T.entriesLabel}>
      <p className="chooser-title" role="status">{listing.done ? T.listed(total, listing.title) : T.listing(total)}</p>
      {listing.error && <p className="inline-error">{listing.error}</p>}
      <div className="picker-tools">
        <button type="button" className="btn btn-small" onClick={() => setSelected(selectAll(total))}>{T.selectAll}</button>
        <button type="button" className="btn btn-small" onClick={() => setSelected(new Set())}>{T.selectNone}</button>
        <label className="field-inline">
          <span>{T.rangeFrom}</span>
          <input type="number" min={1} max={total} value={from} onChange={(e) => setFrom(e.target.value)} className="range-input" />
        </label>
        <label className="field-inline">
          <span>{T.rangeTo}</span>
          <input type="number" min={1} max={total} value={to} onChange={(e) => setTo(e.target.value)} className="range-input" />
        </label>
        <button type="button" className="btn btn-small" onClick={() => setSelected((s) => selectRange(s, Number(from) || 1, Number(to) || 1, total))}>{T.selectRange}</button>
      </div>
      <div className="picker-list" style={{ height: VIEW }} onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)} tabIndex={-1}>
        <ul style={{ height: total * ROW, position: 'relative' }} aria-label={T.entriesLabel} aria-rowcount={total}>
          {Array.from({ length: end - start }, (_, k) => start + k).map((i) => {
            const e = entries.get(i);
            return (
              <li key={i} className="picker-row" style={{ position: 'absolute', top: i * ROW, height: ROW, left: 0, right: 0 }}>
                <label>
                  <input type="checkbox" checked={selected.has(i)} onChange={() => setSelected((s) => toggle(s, i))} />
                  <span className="picker-n">{i + 1}</span>
                  <span className="picker-title">{e ? (e.title ?? e.url) : '…'}</span>
                  {e?.durationSec != null && <span className="muted">{T.duration(e.durationSec)}</span>}
                  {e?.keptVideoId && <span className="badge">{T.kept}</span>}
                </label>
              </li>
            );
          })}
        </ul>
      </div>
      {error && <ErrorNote error={error} />}
      <button type="button" className="btn btn-primary btn-small" onClick={download}>{T.downloadSelected(selected.size)}</button>
    </div>
  );
}
