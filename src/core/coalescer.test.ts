import { describe, expect, it } from 'vitest';
import { createBus } from './bus';
import { createCoalescer } from './coalescer';
import { toJobView } from './views';
import type { QueueJob } from './queue/types';
import type { EventName, Events } from '../shared/contract';
import type { Progress } from '../shared/types';

/** A monotonic clock and timers that fire only when the test moves time. */
function harness(intervalMs = 100) {
  let now = 1_000;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  const out: Array<{ name: EventName; payload: unknown; at: number }> = [];
  const bus = createBus();
  const stop = createCoalescer({
    bus,
    emit: <E extends EventName>(name: E, payload: Events[E]) => void out.push({ name, payload, at: now }),
    toJobView: (j) => toJobView(j),
    clock: () => now,
    setTimer: (fn, ms) => {
      const t = { at: now + ms, fn, id: nextId++ };
      timers.push(t);
      return t.id;
    },
    clearTimer: (id) => void (timers = timers.filter((t) => t.id !== id)),
    intervalMs,
  });
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      now = Math.max(now, due.at);
      due.fn();
    }
    now = end;
  };
  return { bus, out, advance, stop, pendingTimers: () => timers.length };
}

const progress = (percent: number): Progress => ({ stage: 'downloading', percent, downloadedBytes: null, totalBytes: null, speed: null, eta: null });
const job = (o: Partial<QueueJob> = {}): QueueJob => ({
  id: 'j1', name: 'download', queue: 'default', state: 'active', payload: { url: 'https://example.com/v', options: { quality: 'best', audioOnly: false, audioFormat: 'm4a', subtitles: false } },
  priority: 0, tries: 1, maxTries: 3, runAt: 0, createdAt: 0, startedAt: 1, finishedAt: null, error: null, result: null, progress: null, label: 'A video', ...o,
});
const progressMessages = (out: ReturnType<typeof harness>['out']) => out.filter((m) => m.name === 'jobs.progress');

describe('coalescer', () => {
  it('sends at most one progress message per interval, with each job\'s latest report', () => {
    const h = harness();
    // 2 downloads reporting every 5 ms for one second: 400 reports.
    for (let t = 0; t < 1_000; t += 5) {
      h.bus.emit('job', { type: 'progress', jobId: 'a', progress: progress(t / 10) });
      h.bus.emit('job', { type: 'progress', jobId: 'b', progress: progress(t / 20) });
      h.advance(5);
    }
    h.advance(200);
    const msgs = progressMessages(h.out);
    expect(msgs.length).toBeGreaterThanOrEqual(9);
    expect(msgs.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < msgs.length; i++) expect(msgs[i]!.at - msgs[i - 1]!.at).toBeGreaterThanOrEqual(100);
    for (const m of msgs) {
      const ids = (m.payload as Events['jobs.progress']).updates.map((u) => u.jobId);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const last = (msgs.at(-1)!.payload as Events['jobs.progress']).updates;
    expect(last.find((u) => u.jobId === 'a')!.progress.percent).toBe(99.5);
  });

  it('sends the first report after a quiet spell without waiting a whole interval', () => {
    const h = harness();
    h.advance(5_000);
    h.bus.emit('job', { type: 'progress', jobId: 'a', progress: progress(1) });
    h.advance(0);
    expect(progressMessages(h.out)).toHaveLength(1);
  });

  it('sends a state change at once, as a view, and drops that job\'s pending progress', () => {
    const h = harness();
    h.bus.emit('job', { type: 'progress', jobId: 'a', progress: progress(1) });
    h.advance(0);
    h.bus.emit('job', { type: 'progress', jobId: 'j1', progress: progress(50) });
    h.bus.emit('job', { type: 'progress', jobId: 'b', progress: progress(60) });
    h.bus.emit('job', { type: 'succeeded', job: job({ state: 'succeeded', result: { videoId: 'v1' } }) });
    const changed = h.out.find((m) => m.name === 'jobs.changed')!;
    expect(changed.payload).toMatchObject({ jobId: 'j1', kind: 'succeeded', job: { download: { videoId: 'v1', stage: 'done', origin: 'pasted' } } });
    h.advance(200);
    const late = progressMessages(h.out).slice(1).flatMap((m) => (m.payload as Events['jobs.progress']).updates.map((u) => u.jobId));
    expect(late).toEqual(['b']);
  });

  it('merges library changes in the same interval; an empty list means everything', () => {
    const h = harness();
    h.bus.emit('library.changed', { videoIds: ['x'] });
    h.advance(0);
    h.bus.emit('library.changed', { videoIds: ['y'] });
    h.bus.emit('library.changed', { videoIds: ['z', 'y'] });
    h.advance(100);
    h.bus.emit('library.changed', { videoIds: ['q'] });
    h.bus.emit('library.changed', { videoIds: [] });
    h.advance(100);
    expect(h.out.filter((m) => m.name === 'library.changed').map((m) => m.payload)).toEqual([{ videoIds: ['x'] }, { videoIds: ['y', 'z'] }, { videoIds: [] }]);
  });

  it('forwards settings and subscription changes as they come, and stops cleanly', () => {
    const h = harness();
    h.bus.emit('subscriptions.changed', { id: 's1', subscription: null });
    expect(h.out).toEqual([{ name: 'subscriptions.changed', payload: { id: 's1', subscription: null }, at: 1_000 }]);
    h.bus.emit('job', { type: 'progress', jobId: 'a', progress: progress(1) });
    h.stop();
    expect(h.pendingTimers()).toBe(0);
    h.bus.emit('job', { type: 'progress', jobId: 'a', progress: progress(2) });
    h.advance(1_000);
    expect(progressMessages(h.out)).toHaveLength(0);
  });
});
