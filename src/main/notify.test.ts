import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNLOAD_OPTIONS, type Download, type JobView, type SubscriptionCheck } from '../shared/types';
import { createNotifier, type Note } from './notify';
import { wordsFor } from './words';

const base: JobView = {
  id: 'j', name: 'download', queue: 'default', state: 'succeeded', priority: 0, tries: 1, maxTries: 3, runAt: 0, createdAt: 0, startedAt: 0, finishedAt: 1,
  error: null, progress: null, label: 'A video', stopping: false, download: null, check: null,
};
const download = (title: string, o: Partial<JobView> = {}): JobView => {
  const d: Download = {
    id: 'j', url: 'https://example.com/v', title, thumbnail: null, state: 'succeeded', stage: 'done', stopping: false, progress: null, options: DEFAULT_DOWNLOAD_OPTIONS,
    origin: 'pasted', subscriptionId: null, playlist: null, result: null, videoId: null, error: o.error ?? null, tries: 1, maxTries: 3, priority: 0, runAt: 0, createdAt: 0, startedAt: 0, finishedAt: 1,
  };
  return { ...base, label: title, ...o, download: d };
};
const check = (title: string, queued: number): JobView => {
  const c: SubscriptionCheck = { id: 'c', subscriptionId: 's', title, state: 'succeeded', manual: false, queued, looked: 5, error: null, createdAt: 0, startedAt: 0, finishedAt: 1 };
  // The label says something else on purpose: the notifier must read the view, not parse labels.
  return { ...base, name: 'subscription.check', label: `Check ${title} (label)`, check: c };
};

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
    n.onJob('succeeded', download('Cats'));
    tick();
    expect(shown).toEqual([{ title: 'Download finished', body: 'Cats' }]);
    for (const l of ['a', 'b', 'c', 'd', 'e']) n.onJob('succeeded', download(l));
    n.onJob('started', download('x'));
    tick();
    expect(shown[1]).toEqual({ title: '5 downloads finished', body: 'a, b, c and 2 more' });
    expect(shown).toHaveLength(2);
  });

  it('says failures with their reason, and nothing while the window is in front', () => {
    const { n, shown, tick } = setup();
    n.onJob('failed', download('Dogs', { error: { code: 'forbidden', message: 'Refused.' } }));
    tick();
    expect(shown).toEqual([{ title: 'Download failed', body: 'Dogs: Refused.' }]);
    const front = setup(true);
    front.n.onJob('succeeded', download('A video'));
    front.tick();
    expect(front.shown).toEqual([]);
  });

  it('subscription checks notify only when they found new videos, never as "Download finished"', () => {
    const { n, shown, tick } = setup();
    n.onJob('succeeded', check('Cooking', 0));
    tick();
    expect(shown).toEqual([]);
    n.onJob('succeeded', check('Cooking', 3));
    n.onJob('succeeded', check('Music', 1));
    tick();
    expect(shown).toEqual([{ title: '4 new videos', body: 'From Cooking, Music; downloading now.' }]);
  });

  it('speaks the chosen language, errors worded from the catalog by code and values', () => {
    const shown: Note[] = [];
    const timers: Array<() => void> = [];
    const n = createNotifier({ show: (x) => shown.push(x), isFocused: () => false, setTimer: (fn) => timers.push(fn), words: () => wordsFor('system', ['de-DE']) });
    n.onJob('failed', download('Hunde', { error: { code: 'forbidden', message: 'example.com refused the download (403 Forbidden).', values: { site: 'example.com' } } }));
    for (const l of ['a', 'b', 'c', 'd']) n.onJob('succeeded', download(l));
    n.onJob('succeeded', check('Kochen', 1));
    timers.splice(0).forEach((f) => f());
    expect(shown).toEqual([
      { title: '4 Downloads abgeschlossen', body: 'a, b, c und 1 weitere' },
      { title: 'Download fehlgeschlagen', body: 'Hunde: example.com hat den Download verweigert (403 Forbidden).' },
      { title: '1 neues Video', body: 'Aus Kochen; wird jetzt heruntergeladen.' },
    ]);
  });
});
