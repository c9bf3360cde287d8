import { existsSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, sep } from 'node:path';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { Chapter, Collection, Page, Video } from '../../shared/types';
import { VidKeepError } from '../../shared/errors';
import type { AddVideo, Library, SearchQuery } from './types';
import { buildSearch, chooseStrategy, COUNT_CAP, encodeCursor, ftsQuery, hasFilters, onlyWatchFilter, readCap, WATCH_STATES, wantsMatchSet, type MatchIds } from './search';
import { createWatchStates } from './watch-states';
import { registerMatchSet } from './match-set';
import { registerWordMatch } from './word-match';
import { defaultTrashDir, moveToTrash } from './trash';
import { createMediaInfoWriter } from './media-info';
import { isGenericSite, newVideoId, storedSiteId } from './identity';
import { toVideo, type Row } from './rows';
import { createWatchStore } from './watch';
import { createSubtitleIndex, readAsVtt } from './subtitles';
import { chaptersFromInfo } from './chapters';
import { formatOf } from './subtitle-format';
import { createRoots } from './roots';

export type { Library, SearchQuery, AddVideo } from './types';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Side files yt-dlp writes next to a video: info json and subtitles (`<stem>.<lang>.vtt`). */
function sideFiles(absVideo: string): string[] {
  const dir = dirname(absVideo);
  const stem = basename(absVideo, extname(absVideo));
  const out = [join(dir, `${stem}.info.json`)];
  try {
    for (const f of readdirSync(dir)) {
      if (f.startsWith(`${stem}.`) && /^[A-Za-z0-9_-]{2,20}\.(?:vtt|srt|ass|ttml|lrc)$/.test(f.slice(stem.length + 1))) out.push(join(dir, f));
    }
  } catch {
    // folder gone: nothing more to remove
  }
  return out;
}

export interface LibraryOptions {
  db: Db;
  libraryDir: string;
  now?: () => number;
  trashDir?: string | null;
  /** The system's own trash (Electron's shell.trashItem: macOS, Windows, Linux); tried first. */
  trashItem?: (path: string) => Promise<void>;
  /** Told about every change to the videos (an empty list: anything may have changed). */
  onChange?: (videoIds: string[]) => void;
}

export function createLibrary(o: LibraryOptions): Library {
  const { db } = o;
  const now = o.now ?? Date.now;
  const trashDir = o.trashDir === undefined ? defaultTrashDir() : o.trashDir;
  const root = o.libraryDir;
  const changed = (ids: string[]) => o.onChange?.(ids);
  const writeMediaInfo = createMediaInfoWriter(db);
  const getRow = db.prepare<[string], Row>('SELECT * FROM videos WHERE id = ?');
  const byRowid = db.prepare<[number], Row>('SELECT * FROM videos WHERE rowid = ?');
  const bySource = db.prepare<[string, string], Row>('SELECT * FROM videos WHERE site = ? AND site_id = ?');
  const byUrl = db.prepare<[string], Row>('SELECT * FROM videos WHERE source_url = ? LIMIT 1');
  const del = db.prepare<[string]>('DELETE FROM videos WHERE id = ?');
  const sites = db.prepare<[], { site: string }>('SELECT DISTINCT site FROM videos ORDER BY site');
  const upsert = db.prepare(`
    INSERT INTO videos (id, site, site_id, title, uploader, description, duration, size, file_path, thumbnail_path, info_json, source_url, added_at, audio_only, missing, playlist, playlist_index, subscription_id)
    VALUES (@id, @site, @site_id, @title, @uploader, @description, @duration, @size, @file_path, @thumbnail_path, @info_json, @source_url, @added_at, @audio_only, 0, @playlist, @playlist_index, @subscription_id)
    ON CONFLICT (site, site_id) DO UPDATE SET
      title = excluded.title, uploader = excluded.uploader, description = excluded.description, duration = excluded.duration,
      size = excluded.size, file_path = excluded.file_path, thumbnail_path = excluded.thumbnail_path, info_json = excluded.info_json,
      audio_only = excluded.audio_only, missing = 0, playlist = coalesce(excluded.playlist, videos.playlist),
      -- Downloaded into the library: its paths are the library's now, not an imported folder's.
      root_id = NULL, file_key = NULL,
      playlist_index = CASE WHEN excluded.playlist IS NULL THEN videos.playlist_index ELSE excluded.playlist_index END,
      -- Downloaded again by hand: the user's now. A subscription never takes over a row.
      subscription_id = CASE WHEN excluded.subscription_id IS NULL THEN NULL ELSE videos.subscription_id END`);
  const allPaths = db.prepare<[], { id: string; file_path: string; missing: number; root_id: number | null }>('SELECT id, file_path, missing, root_id FROM videos');
  const setMissing = db.prepare<[number, string]>('UPDATE videos SET missing = ? WHERE id = ?');
  const setKeep = db.prepare<[number, string]>('UPDATE videos SET keep = ? WHERE id = ?');
  const disown = db.prepare<[string]>('UPDATE videos SET subscription_id = NULL WHERE id = ? AND subscription_id IS NOT NULL');
  // Stops at the cap: counting every match of a one-letter prefix in a million rows takes longer than a page.
  // In rowid order (FTS5 walks its doclists either way): the ids read are every match up to the
  // last one (see buildSearch). Newest first for a newest-first page: its walk starts among them.
  const ftsIds = db.prepare<[string, number], number>('SELECT rowid FROM videos_fts WHERE videos_fts MATCH ? ORDER BY rowid LIMIT ?').pluck();
  const ftsIdsNewest = db.prepare<[string, number], number>('SELECT rowid FROM videos_fts WHERE videos_fts MATCH ? ORDER BY rowid DESC LIMIT ?').pluck();
  registerWordMatch(db);
  const matchSet = registerMatchSet(db);
  const watchStates = createWatchStates(db);
  // Kept by triggers (006-watch): the totals a million-row library asks for on every first page.
  const rowCount = db.prepare<[], { n: number }>('SELECT sum(n) AS n FROM video_counts');
  const stateCount = db.prepare<[number], { n: number }>('SELECT n FROM video_counts WHERE watch_state = ?');
  const infoOf = db.prepare<[string], { info_json: string | null }>('SELECT info_json FROM videos WHERE id = ?');
  const collectionStats = {
    channel: db.prepare<[{ name: string }], { n: number; bytes: number | null; w: number | null; url: string | null }>(
      `SELECT count(*) AS n, sum(size) AS bytes, sum(watch_state = 2) AS w,
         (SELECT coalesce(json_extract(info_json, '$.channel_url'), json_extract(info_json, '$.uploader_url')) FROM videos WHERE uploader = @name ORDER BY rowid DESC LIMIT 1) AS url
       FROM videos WHERE uploader = @name`,
    ),
    playlist: db.prepare<[{ name: string }], { n: number; bytes: number | null; w: number | null; url: string | null }>(
      `SELECT count(*) AS n, sum(size) AS bytes, sum(watch_state = 2) AS w,
         (SELECT json_extract(info_json, '$.playlist_webpage_url') FROM videos WHERE playlist = @name ORDER BY rowid DESC LIMIT 1) AS url
       FROM videos WHERE playlist = @name`,
    ),
  };
  const avatarOf = {
    channel: db.prepare<[string], { id: string }>('SELECT id FROM videos WHERE uploader = ? AND thumbnail_path IS NOT NULL ORDER BY rowid DESC LIMIT 1'),
    playlist: db.prepare<[string], { id: string }>('SELECT id FROM videos WHERE playlist = ? AND thumbnail_path IS NOT NULL ORDER BY ifnull(playlist_index, 1e9) LIMIT 1'),
  };
  const watch = createWatchStore(db, now);
  const subs = createSubtitleIndex(db);
  const probed = new Map<string, Chapter[]>();
  const stmts = new Map<string, Statement>();
  const prep = (sql: string) => {
    let s = stmts.get(sql);
    if (!s) stmts.set(sql, (s = db.prepare(sql)));
    return s;
  };

  const rel = (abs: string): string => {
    const r = relative(root, abs);
    if (r === '' || r.startsWith('..') || isAbsolute(r)) throw new VidKeepError('outside-library', 'yt-dlp saved a file outside your library folder; VidKeep did not add it.');
    return r.split(sep).join('/');
  };
  const absolute = (p: string) => join(root, ...p.split('/'));
  // An imported video left where it was has its paths relative to the folder the user granted.
  const roots = createRoots(db, root);
  const rootOf = (r: { root_id?: number | null }) => r.root_id ?? null;
  const absOf = (r: { root_id?: number | null }, p: string) => roots.absolute(rootOf(r), p);
  const relFor = (r: { root_id?: number | null }) => (abs: string): string => {
    const p = roots.relTo(rootOf(r), abs);
    if (p === null) throw new VidKeepError('outside-library', 'A file lies outside your library folder; VidKeep did not add it.');
    return p;
  };
  /** The real path of a row's relative path, only when it stays inside the library or its granted folder. */
  const inside = (p: string, rootId: number | null = null): Promise<string | null> => roots.inside(rootId, p);
  const video = (id: string): Video | null => {
    const r = getRow.get(id);
    return r ? toVideo(r) : null;
  };

  return {
    absolute,
    disown(id: string): void {
      disown.run(id);
    },
    setKeep(id: string, keep: boolean): Video | null {
      setKeep.run(keep ? 1 : 0, id);
      const r = getRow.get(id);
      if (r) changed([id]);
      return r ? toVideo(r) : null;
    },
    search(q: SearchQuery): Page<Video> {
      const match = ftsQuery(q.query);
      // The matches, up to the read cap, read once: their number picks the plan and is the total,
      // and 'in' sorts them without asking FTS again.
      const libraryRows = match ? rowCount.get()!.n : 0;
      const cap = readCap(q.limit, libraryRows);
      const newestFirst = (q.sort ?? 'added') === 'added';
      const ids = match ? (newestFirst ? ftsIdsNewest : ftsIds).all(match, cap + 1) : null;
      const ftsTotal = ids ? ids.length : null;
      const complete = ids !== null && ids.length <= cap;
      const strategy = chooseStrategy(q, ftsTotal, libraryRows);
      let matchIds: MatchIds | undefined;
      if (ids) {
        matchIds = { ids, complete, rows: libraryRows, newestFirst };
        if (wantsMatchSet(q, strategy, matchIds)) matchIds.set = matchSet.load(ids);
      }
      const b = buildSearch(q, strategy, matchIds);
      const rows = prep(b.sql).all(...b.params) as Array<{ rid: number; id: string; sort_key: string | number }>;
      const onlyWatch = ftsTotal === null && !hasFilters({ ...q, watch: 'all' });
      // Matches under a watch filter alone: counted in memory (watch-states.ts), not a seek each.
      const watchCounted = ids && q.watch && q.watch !== 'all' && onlyWatchFilter(q) ? watchStates.count(ids, WATCH_STATES[q.watch]) : null;
      const total =
        ftsTotal !== null && !hasFilters(q)
          ? (complete ? ftsTotal : COUNT_CAP)
          : watchCounted !== null
            ? watchCounted
            : onlyWatch && q.watch && q.watch !== 'all'
              ? stateCount.get(WATCH_STATES[q.watch])!.n
              : onlyWatch
                ? rowCount.get()!.n
                : (prep(b.countSql).get(...b.countParams) as { n: number }).n;
      const more = rows.length > q.limit;
      const items = rows.slice(0, q.limit);
      const last = items[items.length - 1];
      // Past the read cap the total is a floor ("20,000+"): at least that many match.
      const page: Page<Video> = { items: items.flatMap((r) => byRowid.get(r.rid) ?? []).map(toVideo), total };
      if (match && !complete) page.totalAtLeast = true;
      if (more && last && last.sort_key !== undefined) page.nextCursor = encodeCursor({ k: last.sort_key, id: last.id });
      return page;
    },
    get: (id) => {
      const r = getRow.get(id);
      return r ? toVideo(r) : null;
    },
    async delete(id, opts) {
      const r = getRow.get(id);
      if (!r) return false;
      const video = absOf(r, r.file_path);
      const thumb = r.thumbnail_path ? absOf(r, r.thumbnail_path) : null;
      const files = video ? [video, ...(thumb ? [thumb] : []), ...sideFiles(video)] : [];
      // Row first: if moving a file fails the video is gone from the list, never a row without a file.
      del.run(id);
      changed([id]);
      for (const f of new Set(files)) {
        try {
          // A retention rule exists to free disk space: the trash would keep every byte.
          if (opts?.permanent) {
            if (existsSync(f)) unlinkSync(f);
            continue;
          }
          if (o.trashItem && existsSync(f)) {
            try {
              await o.trashItem(f);
              continue;
            } catch {
              // no system trash here (or it refused): the freedesktop trash or a plain delete below
            }
          }
          moveToTrash(f, trashDir, now);
        } catch {
          // already gone or not ours to remove; the row is what the user asked to delete
        }
      }
      return true;
    },
    sites: () => sites.all().map((s) => s.site),
    findBySource: (site, siteId) => {
      // A generic id is only a file name, shared by links on every host: the link (findByUrl) is its identity.
      if (isGenericSite(site)) return null;
      const r = bySource.get(site, siteId);
      return r ? toVideo(r) : null;
    },
    findByUrl: (url) => {
      const r = byUrl.get(url);
      return r ? toVideo(r) : null;
    },
    add(v: AddVideo): Video {
      const info = v.info;
      const site = str(info.extractor_key) ?? str(info.extractor) ?? 'Unknown';
      const rawId = str(info.id) ?? (typeof info.id === 'number' ? String(info.id) : null);
      if (!rawId) throw new VidKeepError('internal', 'yt-dlp did not report a video id.');
      const filePath = rel(v.filePath);
      const thumb = v.thumbnailPath ? rel(v.thumbnailPath) : null;
      let size: number | null = null;
      try {
        size = statSync(v.filePath).size;
      } catch {
        size = num(info.filesize) ?? num(info.filesize_approx);
      }
      const siteId = storedSiteId(site, rawId, v.sourceUrl);
      // Titles stay data: stored as given (trimmed to a sane length), never used to build a path.
      const title = (str(info.title) ?? rawId).slice(0, 1000);
      upsert.run({
        // Ignored when the video is already kept: the row keeps its id (links to it stay valid).
        id: newVideoId(), site, site_id: siteId, title,
        uploader: str(info.uploader) ?? str(info.channel),
        description: str(info.description)?.slice(0, 20_000) ?? null,
        duration: num(info.duration), size, file_path: filePath, thumbnail_path: thumb,
        info_json: JSON.stringify(info), source_url: v.sourceUrl, added_at: now(),
        audio_only: v.audioOnly ? 1 : 0, playlist: v.playlist ?? null, subscription_id: v.subscriptionId ?? null,
        playlist_index: v.playlist ? (v.playlistIndex ?? num(info.playlist_index) ?? null) : null,
      });
      const row = bySource.get(site, siteId)!;
      subs.index(row.id, v.filePath, rel);
      probed.delete(row.id);
      changed([row.id]);
      return toVideo(row);
    },
    fillMediaInfo(id, info) {
      const done = writeMediaInfo(id, info);
      if (done) changed([id]);
      return done;
    },
    markMissing() {
      let missing = 0;
      let present = 0;
      const changes: Array<[number, string]> = [];
      for (const r of allPaths.iterate()) {
        const abs = absOf(r, r.file_path);
        const gone = abs === null || !existsSync(abs);
        if (gone) missing++;
        else present++;
        if (gone !== (r.missing === 1)) changes.push([gone ? 1 : 0, r.id]);
      }
      db.transaction(() => changes.forEach(([m, id]) => setMissing.run(m, id)))();
      if (changes.length > 0) changed(changes.map(([, id]) => id));
      return { missing, present };
    },
    async resolveMedia(videoId, kind) {
      const r = getRow.get(videoId);
      const p = r ? (kind === 'video' ? r.file_path : r.thumbnail_path) : null;
      return p && r ? inside(p, rootOf(r)) : null;
    },
    setPosition(id, positionSec) {
      if (!watch.setPosition(id, positionSec)) return null;
      changed([id]);
      return video(id);
    },
    setWatched(id, watched) {
      if (!watch.setWatched(id, watched)) return null;
      changed([id]);
      return video(id);
    },
    continueWatching: (limit) => watch.continueIds(limit).flatMap((id) => video(id) ?? []),
    async playback(id, probe) {
      const r = getRow.get(id);
      if (!r) return null;
      let info: unknown = null;
      try {
        info = JSON.parse(infoOf.get(id)?.info_json ?? 'null');
      } catch {
        info = null;
      }
      // Kept before subtitles were indexed (or files added by hand): index what is on disk now.
      const abs = absOf(r, r.file_path);
      if (subs.tracks(id).length === 0 && abs) subs.index(id, abs, relFor(r));
      const subtitles = subs.tracks(id);
      const fromInfo = chaptersFromInfo(info);
      if (fromInfo.length > 0) return { subtitles, chapters: fromInfo, chaptersFrom: 'info' };
      let fromFile = probed.get(id);
      if (!fromFile && probe) {
        const real = await inside(r.file_path, rootOf(r));
        fromFile = real ? await probe(real).catch(() => []) : [];
        if (probed.size > 500) probed.clear();
        probed.set(id, fromFile);
      }
      return { subtitles, chapters: fromFile ?? [], chaptersFrom: fromFile && fromFile.length > 0 ? 'file' : 'none' };
    },
    async subtitleVtt(id, lang) {
      const p = subs.pathOf(id, lang);
      const format = p ? formatOf(p) : null;
      const r = p ? getRow.get(id) : undefined;
      const real = p && r ? await inside(p, rootOf(r)) : null;
      return real && format ? readAsVtt(real, format) : null;
    },
    searchSubtitles: (query, limit) => subs.search(query, limit),
    setCollectionWatched(kind, name, watched) {
      const ids = watch.setWatchedAll(kind === 'channel' ? 'uploader' : 'playlist', name, watched);
      if (ids.length > 0) changed(ids);
      return this.collection(kind, name);
    },
    collection(kind, name): Collection | null {
      const s = collectionStats[kind].get({ name });
      if (!s || s.n === 0) return null;
      return { kind, name, count: s.n, sizeBytes: s.bytes ?? 0, watchedCount: s.w ?? 0, avatarVideoId: avatarOf[kind].get(name)?.id ?? null, sourceUrl: typeof s.url === 'string' && /^https?:\/\//i.test(s.url) ? s.url : null };
    },
  };
}
