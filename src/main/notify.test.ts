import { describe, expect, it } from 'vitest';
import type { JobView } from '../shared/types';
import { createNotifier, type Note } from './notify';

const job = (o: Partial<JobView>): JobView => ({ id: 'j', name: 'download', label: 'A video', error: null, result: null, ...o }) as JobView;

function setup(focused = false) {
  const shown: Note[] = [];
  const timers: Array<() => void> = [];
  const n = createNotifier({ show: (x) => shown.push(x), isFocused: () => focused, setTimer: (fn) => timers.push(fn) });
  const tick = () => timers.splice(0).forEach((f) => f());
  return { n, shown, tick };
}

describe('desktop notifications', () => {
  it('one finish is named; a burst becomes one notification', () => {
    const { n, shown, tick } = setup();
    n.onJob('succeeded', job({ label: 'Cats' }));
    tick();
    expect(shown).toEqual([{ title: 'Download finished', body: 'Cats' }]);
    for (const l of ['a', 'b', 'c', 'd', 'e']) n.onJob('succeeded', job({ label: l }));
    n.onJob('started', job({ label: 'x' }));
    tick();
    expect(shown[1]).toEqual({ title: '5 downloads finished', body: 'a, b, c and 2 more' });
    expect(shown).toHaveLength(2);
  });

  it('says failures with their reason, and nothing while the window is in front', () => {
    const { n, shown, tick } = setup();
    n.onJob('failed', job({ label: 'Dogs', error: { code: 'forbidden', message: 'Refused.' } }));
    tick();
    expect(shown).toEqual([{ title: 'Download failed', body: 'Dogs: Refused.' }]);
    const front = setup(true);
    front.n.onJob('succeeded', job({}));
    front.tick();
    expect(front.shown).toEqual([]);
  });

  it('subscription checks notify only when they found new videos, never as "Download finished"', () => {
    const { n, shown, tick } = setup();
    n.onJob('succeeded', job({ name: 'subscription.check', label: 'Check Cooking', result: { queued: 0 } }));
    tick();
    expect(shown).toEqual([]);
    n.onJob('succeeded', job({ name: 'subscription.check', label: 'Check Cooking', result: { queued: 3 } }));
    n.onJob('succeeded', job({ name: 'subscription.check', label: 'Check Music', result: { queued: 1 } }));
    tick();
    expect(shown).toEqual([{ title: '4 new videos', body: 'From Cooking, Music; downloading now.' }]);
  });
});
