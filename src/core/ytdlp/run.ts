import { spawn as nodeSpawn } from 'node:child_process';
import type { Progress } from '../../shared/types';
import { killTree, groupAlive } from './kill';
import { parseLine, splitMarked, type YtEvent } from './progress';
import type { ProcessTracker, TrackedRun } from './processes';

export type SpawnFn = typeof nodeSpawn;

export interface RunOptions {
  bin: string;
  args: string[];
  spawn?: SpawnFn;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  signal?: AbortSignal;
  /** Whole run, default 1 h. */
  timeoutMs?: number;
  /** No output for this long while downloading ends the run, default 2 min. */
  stallMs?: number;
  /** SIGTERM to SIGKILL, default 5 s. */
  killGraceMs?: number;
  onEvent?: (e: YtEvent) => void;
  /**
   * Records the child durably before it is spawned and forgets it once it and its children are
   * gone, so a launch killed at any moment leaves a way to find it (see reapOrphans).
   */
  tracker?: Pick<ProcessTracker, 'begin'>;
  /** Told the pid as soon as the child exists, and again when it is gone. */
  onSpawn?: (pid: number, command: string) => void;
  onExit?: (pid: number) => void;
  platform?: NodeJS.Platform;
}

export type EndReason = 'exit' | 'timeout' | 'stalled' | 'aborted' | 'spawn-error';

export interface RunResult {
  reason: EndReason;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** Last 64 kB of stderr. */
  stderr: string;
  /** Paths printed after yt-dlp moved them into place. */
  files: string[];
  spawnError?: string;
  pid: number | null;
  /** The last download progress seen. */
  lastProgress: Progress | null;
  /** The downloaded file as post-processing began (printed even when a later step fails). */
  downloaded: string | null;
  /** A post-processing step that started and never finished: the one that failed, if the run did. */
  openPostprocessor: string | null;
}

const STDERR_CAP = 64 * 1024;

/**
 * Runs yt-dlp without a shell, in its own process group so a kill takes its ffmpeg too. Never
 * rejects: the caller classifies the result. Partial files stay on disk so a retry resumes.
 */
export function runYtDlp(o: RunOptions): Promise<RunResult> {
  const spawn = o.spawn ?? nodeSpawn;
  const platform = o.platform ?? process.platform;
  const timeoutMs = o.timeoutMs ?? 60 * 60 * 1000;
  const stallMs = o.stallMs ?? 2 * 60 * 1000;
  return new Promise<RunResult>((resolve) => {
    const result: RunResult = { reason: 'exit', exitCode: null, signal: null, stderr: '', files: [], pid: null, lastProgress: null, downloaded: null, openPostprocessor: null };
    let ending: EndReason | null = null;
    let postprocessing = 0;
    let stallTimer: NodeJS.Timeout | undefined;
    let settled = false;
    const command = [o.bin, ...o.args].join(' ');
    // Throws before anything is spawned when the record cannot be written (the promise rejects).
    const tracked: TrackedRun | undefined = o.tracker?.begin(command);
    const child = spawn(o.bin, o.args, {
      shell: false,
      detached: platform !== 'win32',
      windowsHide: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...(o.env ?? process.env), PYTHONIOENCODING: 'utf-8', PYTHONUNBUFFERED: '1', ...tracked?.env },
      ...(o.cwd ? { cwd: o.cwd } : {}),
    });
    const pid = child.pid ?? null;
    result.pid = pid;
    if (pid !== null) {
      try {
        tracked?.spawned(pid);
      } catch {
        // the row written before the spawn and the marker still lead to it
      }
      o.onSpawn?.(pid, command);
    }

    const end = (why: EndReason) => {
      if (ending || pid === null) return;
      ending = why;
      void killTree(pid, { graceMs: o.killGraceMs ?? 5000, platform });
    };
    const armStall = () => {
      clearTimeout(stallTimer);
      // ffmpeg merging a long video may print nothing for minutes; only the overall timeout applies then.
      if (postprocessing === 0) stallTimer = setTimeout(() => end('stalled'), stallMs);
    };
    const timeout = setTimeout(() => end('timeout'), timeoutMs);
    const onAbort = () => end('aborted');
    if (o.signal?.aborted) queueMicrotask(onAbort);
    else o.signal?.addEventListener('abort', onAbort, { once: true });
    armStall();

    let buf = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      armStall();
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        for (const seg of splitMarked(line)) handle(seg);
      }
    });
    const handle = (seg: string) => {
      const e = parseLine(seg);
      if (!e) return;
      if (e.kind === 'file') result.files.push(e.path);
      if (e.kind === 'downloaded') result.downloaded = e.path;
      if (e.kind === 'progress') result.lastProgress = e.progress;
      if (e.kind === 'postprocess') {
        postprocessing = Math.max(0, postprocessing + (e.status === 'started' ? 1 : e.status === 'finished' ? -1 : 0));
        if (e.status === 'started') result.openPostprocessor = e.name;
        else if (e.status === 'finished' && result.openPostprocessor === e.name) result.openPostprocessor = null;
        armStall();
      }
      try {
        o.onEvent?.(e);
      } catch {
        // a listener's bug must not kill the download
      }
    };
    // In --print (quiet) mode yt-dlp writes postprocess-template lines to stderr, without newlines.
    let errBuf = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      armStall();
      errBuf += chunk;
      const re = /VK:PP\{[^{}]*\}/g;
      let text = '';
      let last = 0;
      for (let m = re.exec(errBuf); m; m = re.exec(errBuf)) {
        text += errBuf.slice(last, m.index);
        handle(m[0]);
        last = re.lastIndex;
      }
      const rest = errBuf.slice(last);
      const open = rest.lastIndexOf('VK:');
      const hold = open >= 0 && !rest.slice(open).includes('}') ? open : rest.length;
      text += rest.slice(0, hold);
      errBuf = rest.slice(hold);
      result.stderr = (result.stderr + text).slice(-STDERR_CAP);
    });

    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      clearTimeout(stallTimer);
      o.signal?.removeEventListener('abort', onAbort);
      for (const seg of splitMarked(buf)) handle(seg);
      buf = '';
      result.stderr = (result.stderr + errBuf).slice(-STDERR_CAP);
      if (ending) result.reason = ending;
      // yt-dlp gone but something it started may linger in the group (a killed ffmpeg's child, say).
      const cleanup = pid !== null && platform !== 'win32' && groupAlive(pid) ? killTree(pid, { graceMs: 0, platform }) : Promise.resolve();
      void cleanup.finally(() => {
        try {
          tracked?.ended();
        } catch {
          // the row stays; the next launch finds nothing under its marker and drops it
        }
        if (pid !== null) o.onExit?.(pid);
        resolve(result);
      });
    };
    child.on('error', (err: NodeJS.ErrnoException) => {
      result.reason = 'spawn-error';
      result.spawnError = err.code ?? err.message;
      ending = ending ?? 'spawn-error';
      finish();
    });
    child.on('close', (code, signal) => {
      result.exitCode = code;
      result.signal = signal;
      finish();
    });
  });
}
