// The library at 100,000 videos: search latency through the core (typed-prefix queries, as the
// search box sends them) and time to the first rendered page in Chromium through the web host.
// `node --import tsx bench/library.ts [--json] [--rows 100000] [--queries 300] [--no-browser] [--dir D]`
// Targets: searchP95Ms < 50, firstPageMs < 1000.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/core/db/open';
import { migrate } from '../src/core/db/migrate';
import { createLibrary } from '../src/core/library/index';
import { createCore } from '../src/core/index';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const ROWS = Number(args[args.indexOf('--rows') + 1]) || 100_000;
const withBrowser = !args.includes('--no-browser');
const QUERIES = Number(args[args.indexOf('--queries') + 1]) || 300;
const PAGE = 200; // what the library view asks for
const root = join(import.meta.dirname, '..');
const log = (...a: unknown[]) => void (asJson ? console.error(...a) : console.log(...a));

// Deterministic synthetic metadata: a fixed seed gives the same library on every run.
let seed = 0x9e3779b9;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const ADJ = ['quiet', 'golden', 'stormy', 'hidden', 'ancient', 'electric', 'frozen', 'lazy', 'wild', 'urban', 'coastal', 'midnight', 'northern', 'crimson', 'gentle', 'rapid', 'silent', 'vintage', 'cosmic', 'rustic'];
const NOUN = ['harbour', 'sunrise', 'mountain', 'river', 'guitar', 'kitchen', 'garden', 'railway', 'lighthouse', 'market', 'forest', 'bridge', 'festival', 'workshop', 'village', 'desert', 'orchestra', 'canyon', 'island', 'library'];
const WHAT = ['timelapse', 'tutorial', 'walkthrough', 'documentary', 'review', 'live session', 'vlog', 'lecture', 'highlights', 'cover', 'recipe', 'tour', 'interview', 'build log', 'field recording'];
const SITES = ['Youtube', 'Vimeo', 'Twitch', 'SoundCloud', 'Dailymotion', 'Generic'];
const CHANNELS = Array.from({ length: 800 }, (_, i) => `${pick(ADJ)} ${pick(NOUN)} ${['studio', 'films', 'club', 'lab', 'channel'][i % 5]}`);

function seedLibrary(dataDir: string, libraryDir: string): number {
  const db = openDatabase(join(dataDir, 'vidkeep.db'));
  migrate(db);
  let t = Date.UTC(2020, 0, 1);
  const lib = createLibrary({ db, libraryDir, now: () => (t += 60_000), trashDir: null });
  const t0 = performance.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const site = pick(SITES);
      const title = `${pick(ADJ)} ${pick(NOUN)} ${pick(WHAT)} ${i}`;
      const folder = join(libraryDir, site, String(i % 100));
      const file = join(folder, `video-${i}.mp4`);
      writeFileSync(file, '');
      lib.add({
        info: { extractor_key: site, id: `vid${i}`, title, uploader: pick(CHANNELS), description: `A ${pick(ADJ)} look at the ${pick(NOUN)}, filmed near the ${pick(NOUN)}.`, duration: Math.floor(rand() * 3600) + 10 },
        filePath: file,
        sourceUrl: `https://${site.toLowerCase()}.example/watch/${i}`,
        audioOnly: site === 'SoundCloud',
      });
    }
  });
  for (const site of SITES) for (let k = 0; k < 100; k++) mkdirSync(join(libraryDir, site, String(k)), { recursive: true });
  for (let i = 0; i < ROWS; i += 5000) batch(i, Math.min(ROWS, i + 5000));
  db.close();
  return performance.now() - t0;
}

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
    const slow: Array<[number, string]> = [];
    let hits = 0;
    for (const [i, q] of queries.entries()) {
      const sort = (['added', 'title', 'duration', 'uploader'] as const)[i % 4];
      const t0 = performance.now();
      const page = await search({ query: q, limit: PAGE, sort });
      const ms = performance.now() - t0;
      times.push(ms);
      slow.push([ms, `${JSON.stringify(q)} by ${sort} (${page.total} matches)`]);
      hits += page.items.length;
    }
    const browse: number[] = [];
    for (const sort of ['added', 'title', 'duration', 'uploader'] as const) {
      const t0 = performance.now();
      await search({ query: '', limit: PAGE, sort });
      browse.push(performance.now() - t0);
    }
    slow.sort((a, b) => b[0] - a[0]);
    log(`  slowest: ${slow.slice(0, 6).map(([ms, what]) => `${what} ${ms.toFixed(0)} ms`).join('; ')}`);
    return { queries: queries.length, p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times), avgHits: hits / queries.length, browseMaxMs: Math.max(...browse) };
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
          const card = document.querySelector('button.card');
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

// --dir D keeps the seeded library in D and reuses it on the next run (seeding 100k takes a while).
const keepDir = args.includes('--dir') ? args[args.indexOf('--dir') + 1] : undefined;
const dir = keepDir ?? mkdtempSync(join(tmpdir(), 'vk-bench-lib-'));
const dataDir = join(dir, 'data');
const libraryDir = join(dir, 'library');
mkdirSync(dataDir, { recursive: true });
try {
  let seedMs = 0;
  if (keepDir && existsSync(join(dataDir, 'vidkeep.db'))) log(`reusing the library in ${keepDir}`);
  else {
    log(`seeding ${ROWS.toLocaleString()} videos…`);
    seedMs = seedLibrary(dataDir, libraryDir);
    log(`  seeded in ${(seedMs / 1000).toFixed(1)} s`);
  }
  const s = await searchLatency(dataDir, libraryDir);
  log(`search (${s.queries} typed-prefix queries, limit ${PAGE}): p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, max ${s.max.toFixed(1)} ms, ${s.avgHits.toFixed(0)} hits/query; browse (no query) max ${s.browseMaxMs.toFixed(1)} ms`);
  let firstPageMs: number | null = null;
  let runs: number[] = [];
  if (withBrowser) {
    runs = await firstPage(dataDir, libraryDir, 5);
    firstPageMs = pct(runs, 50);
    log(`first page in Chromium (navigation start -> first card painted): ${runs.map((t) => t.toFixed(0)).join(', ')} ms; median ${firstPageMs.toFixed(0)} ms`);
  }
  const ok = s.p95 < 50 && (firstPageMs === null || firstPageMs < 1000);
  log(ok ? 'within targets (search p95 < 50 ms, first page < 1000 ms)' : 'OUTSIDE TARGETS');
  const result = {
    bench: 'library',
    rows: ROWS,
    seedMs: Math.round(seedMs),
    searchQueries: s.queries,
    searchP50Ms: +s.p50.toFixed(3),
    searchP95Ms: +s.p95.toFixed(3),
    searchMaxMs: +s.max.toFixed(3),
    browseMaxMs: +s.browseMaxMs.toFixed(3),
    firstPageMs: firstPageMs === null ? null : Math.round(firstPageMs),
    firstPageColdMs: runs.length ? Math.round(runs[0]!) : null,
    firstPageRunsMs: runs.map(Math.round),
    targets: { searchP95Ms: 50, firstPageMs: 1000 },
    ok,
  };
  console.log(JSON.stringify(result));
  process.exitCode = ok ? 0 : 1;
} finally {
  if (!keepDir) rmSync(dir, { recursive: true, force: true });
}
