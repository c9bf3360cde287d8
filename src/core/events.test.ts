import { describe, expect, it } from 'vitest';
import { EventHub } from './events';

describe('contract event outlet', () => {
  it('gives each typed listener only its event, and unsubscribes', () => {
    const hub = new EventHub();
    const got: string[][] = [];
    const all: string[] = [];
    const off = hub.on('library.changed', ({ videoIds }) => void got.push(videoIds));
    hub.onAny((name) => void all.push(name));
    hub.emit('subscriptions.changed', { id: 's', subscription: null });
    hub.emit('library.changed', { videoIds: ['a'] });
    off();
    hub.emit('library.changed', { videoIds: ['b'] });
    expect(got).toEqual([['a']]);
    expect(all).toEqual(['subscriptions.changed', 'library.changed', 'library.changed']);
  });
});
