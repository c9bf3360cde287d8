import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDbLock } from './lock';

const ROOT = join(import.meta.dirname, '../../..');
const CONTENDER = join(import.meta.dirname, 'lock-contender.ts');

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'vk-lock-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A zombie: dead, but not yet reaped by its parent (this process, whose event loop is blocked). */
const isZombie = (pid: number) => {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

interface Contender {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the next stdout line that matches. */
  next(match: RegExp): Promise<string>;
}

function contender(db: string, waitMs?: number): Contender {
  const child = spawn(process.execPath, ['--import', 'tsx', CONTENDER, db, ...(waitMs !== undefined ? [String(waitMs)] : [])], { cwd: ROOT });
  let buf = '';
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      lines.push(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
    }
    for (const w of waiters.splice(0)) w();
  });
  const next = async (match: RegExp): Promise<string> => {
    for (;;) {
      const i = lines.findIndex((l) => match.test(l));
      if (i >= 0) return lines.splice(i, 1)[0]!;
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`contender ${child.pid} exited`);
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  return { child, next };
}

const killed = (c: Contender) =>
  new Promise<void>((resolve) => {
    c.child.once('exit', () => resolve());
    c.child.kill('SIGKILL');
  });

describe('acquireDbLock', () => {
  it('refuses a second owner in the same process, keeps holding, and frees on release', () => {
    const db = join(dir, 'a.db');
    const lock = acquireDbLock(db);
    expect(() => acquireDbLock(db)).toThrowError(expect.objectContaining({ code: 'db-locked', message: expect.stringContaining('This VidKeep already has') }));
    // The refused attempt did not drop the lock: it is still ours.
    expect(() => acquireDbLock(db)).toThrowError(expect.objectContaining({ code: 'db-locked' }));
    lock.release();
    expect(existsSync(`${db}.lock.pid`)).toBe(false);
    acquireDbLock(db).release();
  });

  it('names another live owner by pid, and a SIGKILLed owner frees the lock at once, even as a zombie', async () => {
    const db = join(dir, 'b.db');
    const other = contender(db);
    await other.next(/^ready/);
    other.child.stdin.write('go 1\n');
    expect(await other.next(/^(own|refused)/)).toBe('own 1');
    expect(() => acquireDbLock(db, { waitMs: 50 })).toThrowError(
      expect.objectContaining({ code: 'db-locked', message: expect.stringContaining(`Another VidKeep (process ${other.child.pid})`) }),
    );
    // Kill it and take the lock before this process reaps it: the pid still answers kill(pid, 0).
    const pid = other.child.pid!;
    const exited = new Promise((r) => other.child.once('exit', r));
    process.kill(pid, 'SIGKILL');
    const deadline = Date.now() + 5000;
    while (!isZombie(pid) && Date.now() < deadline);
    expect(isZombie(pid)).toBe(true);
    // (A multi-threaded process shows as a zombie a moment before its last thread has closed its
    // files; the default short wait covers that.)
    const lock = acquireDbLock(db);
    expect(readFileSync(`${db}.lock.pid`, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    await exited;
  });

  it('replaces a legacy pid file left at the lock path', () => {
    const db = join(dir, 'c.db');
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: process.pid, launch: 'old', startedAt: 1 }));
    acquireDbLock(db).release();
  });

  it('6 launches at once, 30 times, the owner released or SIGKILLed after each: exactly one owner every time', { timeout: 180_000 }, async () => {
    const db = join(dir, 'race.db');
    // A short wait keeps the 150 refusals quick; it still covers launches passing each other.
    const all = Array.from({ length: 6 }, () => contender(db, 150));
    const owners: number[] = [];
    let misnamed = 0;
    try {
      await Promise.all(all.map((c) => c.next(/^ready/)));
      for (let round = 1; round <= 30; round++) {
        for (const c of all) c.child.stdin.write(`go ${round}\n`);
        const answers = await Promise.all(all.map((c) => c.next(new RegExp(`^(own|refused) ${round}\\b`))));
        const won = all.filter((_, i) => answers[i] === `own ${round}`);
        owners.push(won.length);
        const winner = won[0];
        if (!winner) continue;
        // Every refusal names the one real owner.
        misnamed += answers.filter((a) => a.startsWith('refused') && !a.includes(`(process ${winner.child.pid})`)).length;
        if (round % 5 !== 0) {
          winner.child.stdin.write('release\n');
          await winner.next(/^released/);
          continue;
        }
        // Every fifth round the owner dies without releasing, and a fresh launch takes its place.
        await killed(winner);
        const fresh = contender(db, 150);
        all[all.indexOf(winner)] = fresh;
        await fresh.next(/^ready/);
      }
    } finally {
      for (const c of all) c.child.kill('SIGKILL');
    }
    expect(owners).toEqual(Array(30).fill(1));
    expect(misnamed).toBe(0);
  });
});
