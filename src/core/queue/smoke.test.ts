import { it, expect } from 'vitest';
import { kit } from './test-kit';
it('smoke', async () => {
  const k = kit();
  const seen: string[] = [];
  k.q.register('a', async (ctx) => { seen.push(ctx.jobId); return 1; });
  k.q.enqueue('a', { x: 1 }, { jobId: 'one' });
  await k.q.start();
  await k.clock.advance(0);
  expect(seen).toEqual(['one']);
  expect(k.q.get('one')?.state).toBe('succeeded');
  console.log(k.events.map(e => e.type), k.clock.timers);
  await k.q.stop();
  k.done();
});
