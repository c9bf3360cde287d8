// Shared by the queue's tests: a temp database, a manual clock and timers that fire only when told.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { migrate } from '../db/migrate';
import { createQueue } from './index';
import type { Queue, QueueEvent, QueueOptions } from './types';

export class FakeClock {
  /** Wall clock (what `now` returns); `step()` moves it alone, like NTP or a manual change. */
  t: number;
  /** Monotonic clock: only `advance()` moves it, and timers run on it, like setTimeout. */
  mono = 0;
  private seq = 0;
  timers = new Map<number, { at: number; fn: () => void }>();
  constructor(start = Date.UTC(2026, 0, 5, 12, 0, 0)) {
    this.t = start;
  }
  now = () => this.t;
  monotonic = () => this.mono;
  setTimer = (fn: () => void, ms: number): unknown => {
    const id = ++this.seq;
    this.timers.set(id, { at: this.mono + ms, fn });
    return id;
  };
  clearTimer = (h: unknown) => void this.timers.delete(h as number);
  /** Steps the wall clock (negative: back) without time passing. */
  step(ms: number): void {
    this.t += ms;
  }
  /** Moves time forward, firing due timers in order (and letting promises settle between them). */
  async advance(ms: number): Promise<void> {
    const end = this.mono + ms;
    for (;;) {
      await settle();
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.timers) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.timers.delete(next[0]);
      const at = Math.max(this.mono, next[1].at);
      this.t += at - this.mono;
      this.mono = at;
      next[1].fn();
    }
    this.t += end - this.mono;
    this.mono = end;
    await settle();
  }
}

/** Lets microtasks and already-resolved promise chains run; no wall-clock wait. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => setImmediate(r));
}

export interface Kit {
  dir: string;
  dbPath: string;
  db: Db;
  clock: FakeClock;
  q: Queue;
  events: QueueEvent[];
  make(o?: Partial<QueueOptions>): Queue;
  reopen(o?: Partial<QueueOptions>): Queue;
  /** Stops the queue (moving the fake clock past the grace period) and deletes the files. */
  close(): Promise<void>;
  done(): void;
}

export function kit(o: Partial<QueueOptions> = {}): Kit {
  const dir = mkdtempSync(join(tmpdir(), 'vk-queue-'));
  const dbPath = join(dir, 'q.db');
  const clock = new FakeClock();
  const k = {} as Kit;
  const make = (extra: Partial<QueueOptions> = {}) => {
    const q = createQueue({ db: k.db, now: clock.now, monotonic: clock.monotonic, setTimer: clock.setTimer, clearTimer: clock.clearTimer, random: () => 0.5, log: () => {}, ...o, ...extra });
    q.on((e) => k.events.push(e));
    return q;
  };
  Object.assign(k, {
    dir,
    dbPath,
    clock,
    events: [],
    db: openDatabase(dbPath),
    make,
    reopen(extra: Partial<QueueOptions> = {}) {
      k.db.close();
      k.db = openDatabase(dbPath);
      k.q = make(extra);
      return k.q;
    },
    async close() {
      if (k.db.open) {
        const stopping = k.q.stop();
        await clock.advance(60_000);
        await stopping;
      }
      k.done();
    },
    done() {
      if (k.db.open) k.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
  migrate(k.db);
  k.q = make();
  return k;
}

/** A promise with its resolve/reject outside, for handlers the test finishes by hand. */
export function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
