/**
 * Import 10,000 media files, each with a yt-dlp info json, into an empty library ("leave files
 * where they are") through the real core: the scan, the sniff of every file, the info jsons and
 * the batched inserts. The files are hard links to a few short clips made with ffmpeg (the disk
 * holds the clips once). The info jsons carry durations, so no ffprobe runs, as for real yt-dlp
 * downloads. Target: at least 200 files per second.
 *   node --import tsx bench/import.ts [--json] [--files 10000]
 */
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core/index';
import type { ImportStatus } from '../src/shared/import';

const args = process.argv.slice(2);
const json = args.includes('--json');
const FILES = Number(args[args.indexOf('--files') + 1]) || 10_000;
const CLIPS = 4;
const PER_FOLDER = 500;
const log = (s: string) => void (json ? console.error(s) : console.log(s));

const root = mkdtempSync(join(tmpdir(), 'vk-bench-import-'));
const src = join(root, 'archive');
const clips = Array.from({ length: CLIPS }, (_, i) => {
  const f = join(root, `clip${i}.mp4`);
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=size=160x120:rate=10:duration=${i + 1}`, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', f]);
  return f;
});
const t0 = performance.now();
// Channel folders of 500, like a real archive by uploader.
for (let i = 0; i < FILES; i++) {
  const dir = join(src, `Channel ${Math.floor(i / PER_FOLDER)}`);
  if (i % PER_FOLDER === 0) mkdirSync(dir, { recursive: true });
  const stem = `Video ${i} [id${i}]`;
  linkSync(clips[i % CLIPS]!, join(dir, `${stem}.mp4`));
  writeFileSync(
    join(dir, `${stem}.info.json`),
    JSON.stringify({
      id: `id${i}`, extractor_key: 'Youtube', extractor: 'youtube', title: `Video number ${i} about harbours`, uploader: `Channel ${Math.floor(i / PER_FOLDER)}`,
      upload_date: '20240101', description: `Description of video ${i}. `.repeat(5), duration: (i % CLIPS) + 1, webpage_url: `https://www.youtube.com/watch?v=id${i}`,
      format_id: '18', filesize: statSync(clips[i % CLIPS]!).size, ext: 'mp4',
    }),
  );
}
log(`made ${FILES} files in ${Math.round(performance.now() - t0)} ms`);

const core = await createCore({ dataDir: join(root, 'data'), libraryDir: join(root, 'lib'), host: 'web', version: 'bench' });
const start = performance.now();
const started = core.imports.start(src, 'in-place');
const end = await new Promise<ImportStatus>((resolve) => {
  const off = core.events.on('import.changed', (s) => {
    if (s.jobId === started.jobId && (s.state === 'done' || s.state === 'cancelled' || s.state === 'failed')) {
      off();
      resolve(s);
    }
  });
});
const seconds = (performance.now() - start) / 1000;
const total = core.library.search({ query: '', limit: 1 }).total;
const found = core.library.search({ query: 'harbours', limit: 1 }).total;
await core.close();
rmSync(root, { recursive: true, force: true });
if (end.state !== 'done' || end.imported !== FILES || total !== FILES || found !== FILES) {
  throw new Error(`import ended ${end.state}: ${end.imported} imported, ${end.skipped} skipped, ${total} in the library, ${found} found by search`);
}
const result = { files: FILES, seconds: +seconds.toFixed(2), filesPerSec: Math.round(FILES / seconds), target: 200, skipped: end.skipped };
if (json) console.log(JSON.stringify(result));
else console.table(result);
