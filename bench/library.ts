// The library at 1,000,000 videos: search latency through the core (typed-prefix queries, as the
// search box sends them), the watched filters, and time to the first rendered page in Chromium
// through the web host; plus 10,000 videos with ~2,000 subtitle lines each: phrase search latency.
// Rows are generated straight into SQLite (bench/library-seed.ts); everything measured goes through
// the real handlers (library.search, library.subtitleSearch) and the real renderer.
// `node --import tsx bench/library.ts [--json] [--rows 1000000] [--subtitle-videos 10000] [--lines 2000]
//   [--queries 300] [--no-browser] [--no-subtitles] [--no-cache]`
// Seeded databases are cached in the OS temp dir (vidkeep-bench-library/, keyed by the seed
// parameters, the seeder and the migrations), so a re-run measures at once; --no-cache seeds into a
// temp dir and removes it afterwards.
// Targets: searchP95Ms < 50, firstPageMs < 1000, unwatchedP95Ms < 50, subtitleSearchP95Ms < 100.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core/index';
import { ADJ, NOUN, WHAT, cacheDir, cached, pickWith, prng, seedSubtitles, seedVideos } from './library-seed';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const num = (flag: string, dflt: number) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) || dflt : dflt);
const ROWS = num('--rows', 1_000_000);
const SUB_VIDEOS = num('--subtitle-videos', 10_000);
const LINES = num('--lines', 2000);
const withSubtitles = !args.includes('--no-subtitles');
const withBrowser = !args.includes('--no-browser');
const QUERIES = num('--queries', 300);
const WATCH = ['unwatched', 'in-progress', 'watched'] as const;
const PAGE = 200; // what the library view asks for
const root = join(import.meta.dirname, '..');
const log = (...a: unknown[]) => void (asJson ? console.error(...a) : console.log(...a));
// Queries have their own generator: the same queries whether or not this run seeded.
const rand = prng(0x27d4eb2f);
const pick = <T>(xs: readonly T[]) => pickWith(rand, xs);

/** What the search box sends while someone types: every prefix of one or two words. */
function typedQueries(n: number): string[] {
  const out: string[] = [];
  while (out.length < n) {
    const words = rand() < 0.5 ? [pick(NOUN)] : [pick(ADJ), pick(rand() < 0.5 ? NOUN : WHAT)];
    const full = words.join(' ');
    for (let i = 1; i <= full.length && out.length < n; i++) if (full[i - 1] !== ' ') out.push(full.slice(0, i));
  }
  return out;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function searchLatency(dataDir: string, libraryDir: string) {
  const core = await createCore({ dataDir, libraryDir, host: 'web', version: 'bench' });
  try {
    const search = core.handlers['library.search'];
    for (const q of typedQueries(50)) await search({ query: q, limit: PAGE }); // warm the page cache
    const queries = typedQueries(QUERIES);
    const times: number[] = [];
    // CPU time per query as well: on a busy machine wall time mostly measures the wait for a core.
    const cpu: number[] = [];
    const slow: Array<[number, string]> = [];
    let hits = 0;
    for (const [i, q] of queries.entries()) {
      const sort = (['added', 'title', 'duration', 'uploader'] as const)[i % 4];
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const page = await search({ query: q, limit: PAGE, sort });
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      times.push(ms);
      slow.push([ms, `${JSON.stringify(q)} by ${sort} (${page.totalAtLeast ? `${page.total}+` : page.total} matches)`]);
      hits += page.items.length;
    }
    // The watched filters, browsing (every sort) and while typing.
    const watchTimes: number[] = [];
    const watchCpu: number[] = [];
    for (const [i, q] of queries.slice(0, Math.ceil(QUERIES / 2)).entries()) {
      const sort = (['added', 'title', 'duration', 'uploader'] as const)[i % 4];
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await search({ query: i % 3 === 0 ? q : '', limit: PAGE, sort, watch: i % 5 === 4 ? WATCH[(i / 5) % 3 | 0]! : 'unwatched' });
      watchTimes.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      watchCpu.push((c.user + c.system) / 1000);
    }
    const browse: number[] = [];
    for (const sort of ['added', 'title', 'duration', 'uploader'] as const) {
      const t0 = performance.now();
      await search({ query: '', limit: PAGE, sort });
      browse.push(performance.now() - t0);
    }
    slow.sort((a, b) => b[0] - a[0]);
    log(`  slowest: ${slow.slice(0, 6).map(([ms, what]) => `${what} ${ms.toFixed(0)} ms`).join('; ')}`);
    return {
      queries: queries.length,
      p50: pct(times, 50),
      p95: pct(times, 95),
      max: Math.max(...times),
      avgHits: hits / queries.length,
      browseMaxMs: Math.max(...browse),
      watchP50: pct(watchTimes, 50),
      watchP95: pct(watchTimes, 95),
      cpuP95: pct(cpu, 95),
      watchCpuP95: pct(watchCpu, 95),
    };
  } finally {
    await core.close();
  }
}

async function startHost(dataDir: string, libraryDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(root, 'out/main/server.js'), '--port', '0', '--data-dir', dataDir, '--library', libraryDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the web host did not start in 60 s:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /VidKeep is running at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the web host exited (${code}):\n${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Navigation start -> the first library card is in the DOM and a frame has been painted. */
async function firstPage(dataDir: string, libraryDir: string, runs: number): Promise<number[]> {
  const { chromium } = await import('@playwright/test');
  const host = await startHost(dataDir, libraryDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // A string, not a function: tsx would wrap a function in helpers the page does not have.
      await page.addInitScript(`window.__firstCard = new Promise((resolve) => {
        const seen = () => {
          const card = document.querySelector('.grid-canvas button.card');
          if (!card || card.getBoundingClientRect().height === 0) return false;
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
          return true;
        };
        const mo = new MutationObserver(() => { if (seen()) mo.disconnect(); });
        document.addEventListener('DOMContentLoaded', () => { if (!seen()) mo.observe(document.body, { childList: true, subtree: true }); });
      });`);
      await page.goto(host.url);
      // performance.now() counts from the navigation's time origin.
      times.push((await page.evaluate('window.__firstCard')) as number);
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
    host.stop();
  }
}

/** Phrases as someone types them: 2-4 consecutive words of a real line, the last one cut short at times. */
function phraseQueries(samples: string[], n: number): string[] {
  const out: string[] = [];
  while (out.length < n) {
    const words = pick(samples).split(' ');
    const len = 2 + Math.floor(rand() * 3);
    const at = Math.floor(rand() * Math.max(1, words.length - len));
    const phrase = words.slice(at, at + len);
    const last = phrase[phrase.length - 1]!;
    if (rand() < 0.4 && last.length > 3) phrase[phrase.length - 1] = last.slice(0, 3 + Math.floor(rand() * (last.length - 3)));
    out.push(phrase.join(' '));
  }
  return out;
}

async function subtitleLatency(dataDir: string, libraryDir: string, samples: string[]) {
  const core = await createCore({ dataDir, libraryDir, host: 'web', version: 'bench' });
  try {
    const find = core.handlers['library.subtitleSearch'];
    for (const q of phraseQueries(samples, 30)) await find({ query: q, limit: 20 });
    const times: number[] = [];
    const cpu: number[] = [];
    let found = 0;
    const slow: Array<[number, string]> = [];
    for (const q of phraseQueries(samples, QUERIES)) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const hits = await find({ query: q, limit: 20 });
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
      times.push(ms);
      slow.push([ms, `${JSON.stringify(q)} (${hits.length})`]);
      if (hits.length > 0) found++;
    }
    slow.sort((x, y) => y[0] - x[0]);
    log(`  slowest: ${slow.slice(0, 5).map(([ms, what]) => `${what} ${ms.toFixed(0)} ms`).join('; ')}`);
    return { p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times), cpuP95: pct(cpu, 95), foundShare: found / times.length };
  } finally {
    await core.close();
  }
}

const useCache = !args.includes('--no-cache');
const scratch = useCache ? null : mkdtempSync(join(tmpdir(), 'vk-bench-lib-'));
/** A seeded folder (data dir + library dir): from the cache, else seeded now. */
function seeded<T>(kind: string, params: Record<string, number>, seed: (into: string) => T): { dir: string; seeded: T | null } {
  return cached(scratch ? join(scratch, kind) : cacheDir(kind, params), seed);
}
try {
  let seedMs = 0;
  log(`seeding ${ROWS.toLocaleString()} videos (or reusing a cached copy)…`);
  const vids = seeded('videos', { rows: ROWS }, (into) => seedVideos(join(into, 'data', 'vidkeep.db'), join(into, 'library'), ROWS));
  if (vids.seeded) log(`  seeded in ${((seedMs = vids.seeded.ms) / 1000).toFixed(1)} s`);
  else log(`  reusing ${vids.dir}`);
  const dataDir = join(vids.dir, 'data');
  const libraryDir = join(vids.dir, 'library');
  const s = await searchLatency(dataDir, libraryDir);
  log(`search (${s.queries} typed-prefix queries, limit ${PAGE}): p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(1)} ms, ${s.avgHits.toFixed(0)} hits/query; browse (no query) max ${s.browseMaxMs.toFixed(1)} ms`);
  log(`watched filters (mostly unwatched; every sort; a third while typing): p50 ${s.watchP50.toFixed(2)} ms, p95 ${s.watchP95.toFixed(2)} ms`);
  log(`CPU time per query, p95 (what a quiet machine's wall time approaches): search ${s.cpuP95.toFixed(2)} ms, watched filters ${s.watchCpuP95.toFixed(2)} ms`);
  let firstPageMs: number | null = null;
  let runs: number[] = [];
  if (withBrowser) {
    runs = await firstPage(dataDir, libraryDir, 5);
    firstPageMs = pct(runs, 50);
    log(`first page in Chromium (navigation start -> first card painted): ${runs.map((t) => t.toFixed(0)).join(', ')} ms; median ${firstPageMs.toFixed(0)} ms`);
  }
  let sub: Awaited<ReturnType<typeof subtitleLatency>> | null = null;
  if (withSubtitles) {
    log(`seeding ${SUB_VIDEOS.toLocaleString()} videos x ${LINES.toLocaleString()} subtitle lines (or reusing a cached copy)…`);
    const subs = seeded('subtitles', { videos: SUB_VIDEOS, lines: LINES }, (into) => {
      const r = seedSubtitles(join(into, 'data', 'vidkeep.db'), join(into, 'library'), SUB_VIDEOS, LINES);
      writeFileSync(join(into, 'samples.json'), JSON.stringify(r.samples));
      return r;
    });
    if (subs.seeded) log(`  seeded in ${(subs.seeded.ms / 1000).toFixed(1)} s`);
    else log(`  reusing ${subs.dir}`);
    const samples = JSON.parse(readFileSync(join(subs.dir, 'samples.json'), 'utf8')) as string[];
    sub = await subtitleLatency(join(subs.dir, 'data'), join(subs.dir, 'library'), samples);
    log(`subtitle phrase search (${QUERIES} phrases, limit 20): p50 ${sub.p50.toFixed(2)} ms, p95 ${sub.p95.toFixed(2)} ms, max ${sub.max.toFixed(1)} ms, ${(sub.foundShare * 100).toFixed(0)} % found; CPU p95 ${sub.cpuP95.toFixed(2)} ms`);
  }
  const ok = s.p95 < 50 && s.watchP95 < 50 && (firstPageMs === null || firstPageMs < 1000) && (sub === null || sub.p95 < 100);
  log(ok ? 'within targets (search p95 < 50 ms, unwatched p95 < 50 ms, first page < 1000 ms, subtitle search p95 < 100 ms)' : 'OUTSIDE TARGETS');
  const result = {
    bench: 'library',
    rows: ROWS,
    seedMs: Math.round(seedMs),
    searchQueries: s.queries,
    searchP50Ms: +s.p50.toFixed(3),
    searchP95Ms: +s.p95.toFixed(3),
    searchMaxMs: +s.max.toFixed(3),
    browseMaxMs: +s.browseMaxMs.toFixed(3),
    unwatchedP50Ms: +s.watchP50.toFixed(3),
    unwatchedP95Ms: +s.watchP95.toFixed(3),
    searchCpuP95Ms: +s.cpuP95.toFixed(3),
    unwatchedCpuP95Ms: +s.watchCpuP95.toFixed(3),
    firstPageMs: firstPageMs === null ? null : Math.round(firstPageMs),
    firstPageColdMs: runs.length ? Math.round(runs[0]!) : null,
    firstPageRunsMs: runs.map(Math.round),
    subtitleVideos: withSubtitles ? SUB_VIDEOS : null,
    subtitleRows: withSubtitles ? SUB_VIDEOS * LINES : null,
    subtitleSearchP50Ms: sub ? +sub.p50.toFixed(3) : null,
    subtitleSearchP95Ms: sub ? +sub.p95.toFixed(3) : null,
    subtitleSearchCpuP95Ms: sub ? +sub.cpuP95.toFixed(3) : null,
    subtitleSearchFoundShare: sub ? +sub.foundShare.toFixed(3) : null,
    targets: { searchP95Ms: 50, firstPageMs: 1000, unwatchedP95Ms: 50, subtitleSearchP95Ms: 100 },
    ok,
  };
  console.log(JSON.stringify(result));
  process.exitCode = ok ? 0 : 1;
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
