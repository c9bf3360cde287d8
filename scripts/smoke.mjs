// A cheap run of the README's `npm run serve` and `npm run bench` against the current build, so
// neither can break unseen. `node scripts/smoke.mjs [report.json]`; needs `npm run build` first.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const report = process.argv[2];

/** Runs `npm run <args>`; resolves with its output once `until(output)` holds or it exits. */
function run(args, { until, timeoutMs, env = process.env }) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', ...args], { cwd: root, env, detached: process.platform !== 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ child, out, output: () => out, ...result });
    };
    const timer = setTimeout(() => finish({ timedOut: true }), timeoutMs);
    for (const s of [child.stdout, child.stderr]) {
      s.on('data', (d) => {
        out += d;
        if (until?.(out)) finish({ ready: true });
      });
    }
    child.on('exit', (code) => finish({ code }));
  });
}
async function waitForFile(path, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (text) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

/** Whether every process of the group has ended within `ms`. */
async function groupGone(pgid, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
const killGroup = (child) => {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
};

async function serve() {
  const dir = mkdtempSync(join(tmpdir(), 'vk-smoke-serve-'));
  // --open runs the desktop's opener; a stand-in on PATH records the link it was given.
  const bin = join(dir, 'bin');
  const opened = join(dir, 'opened.txt');
  mkdirSync(bin);
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
  try {
    const r = await run(['serve', '--', '--no-build', '--open', '--port', '0', '--data-dir', join(dir, 'data'), '--library', join(dir, 'lib')], {
      until: (o) => /VidKeep is running at (\S+)/.test(o),
      timeoutMs: 30_000,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    });
    if (!r.ready) {
      killGroup(r.child);
      throw new Error(`serve did not start:\n${r.out}`);
    }
    const url = /VidKeep is running at (\S+)/.exec(r.out)[1];
    const res = await fetch(url);
    const openedUrl = process.platform === 'linux' ? await waitForFile(opened, 10_000) : url;
    const html = await res.text();
    // Stop it the way a person does (Ctrl-C to the whole process group) and expect every process gone.
    process.kill(-r.child.pid, 'SIGINT');
    const gone = await groupGone(r.child.pid, 20_000);
    if (!gone) killGroup(r.child);
    if (res.status !== 200 || !html.includes('<div id="root">')) throw new Error(`serve answered ${res.status} without the app page`);
    if (!gone) throw new Error('serve was still running 20 s after Ctrl-C');
    if (openedUrl !== url) throw new Error(`--open gave the browser ${openedUrl ?? 'nothing'}, not ${url}`);
    if (!r.output().includes('VidKeep is stopping')) throw new Error(`serve did not stop gracefully:\n${r.output()}`);
    return `serve answered ${url}, opened it with --open, and stopped cleanly`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bench() {
  const r = await run(['bench', '--', 'library', '--rows', '300', '--queries', '5', '--subtitle-videos', '20', '--lines', '50', '--no-browser', '--json'], { timeoutMs: 120_000 });
  if (r.code !== 0) throw new Error(`bench exited ${r.code ?? 'on timeout'}:\n${r.out}`);
  const last = r.out.trim().split('\n').at(-1) ?? '';
  const json = JSON.parse(last);
  if (typeof json !== 'object' || json === null) throw new Error(`bench's last line is not a JSON object: ${last}`);
  return `bench library (300 rows) printed JSON: ${last.slice(0, 120)}`;
}

const results = { passed: 0, failed: 0 };
for (const [name, fn] of [['serve', serve], ['bench', bench]]) {
  try {
    console.log(`smoke ${name}: ok (${await fn()})`);
    results.passed++;
  } catch (err) {
    console.error(`smoke ${name}: FAILED: ${err instanceof Error ? err.message : err}`);
    results.failed++;
  }
}
if (report) writeFileSync(report, JSON.stringify(results));
process.exit(results.failed ? 1 : 0);
