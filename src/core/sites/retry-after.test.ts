import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchRetryAfter, parseRetryAfter } from './retry-after';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1, 12);
  it('reads seconds and HTTP dates, clamped to 1 s .. 6 h', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(1_000);
    expect(parseRetryAfter('999999999', now)).toBe(6 * 3_600_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:05:00 GMT', now)).toBe(300_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(1_000);
  });
  it('refuses what is neither', () => {
    for (const bad of [undefined, '', '-5', '1.5', 'soon', 'x'.repeat(100), 'Thu, 99 Foo 2026 25:99:00 GMT']) expect(parseRetryAfter(bad, now)).toBeNull();
  });
});

describe('fetchRetryAfter (real HTTP)', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/hang') return; // never answers
      if (req.url === '/none') return res.writeHead(429).end();
      res.writeHead(429, { 'Retry-After': req.url === '/date' ? new Date(Date.now() + 60_000).toUTCString() : '42' }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  it("reads the site's Retry-After", async () => {
    expect(await fetchRetryAfter(new URL(`${base}/v.mp4`))).toBe(42_000);
    const d = await fetchRetryAfter(new URL(`${base}/date`));
    expect(d).toBeGreaterThan(57_000);
    expect(d).toBeLessThanOrEqual(60_000);
  });
  it('gives undefined without the header, on a refused connection, and after its timeout', async () => {
    expect(await fetchRetryAfter(new URL(`${base}/none`))).toBeUndefined();
    expect(await fetchRetryAfter(new URL('http://127.0.0.1:1/x'))).toBeUndefined();
    const t0 = Date.now();
    expect(await fetchRetryAfter(new URL(`${base}/hang`), { timeoutMs: 300 })).toBeUndefined();
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(await fetchRetryAfter(new URL('file:///etc/passwd'))).toBeUndefined();
  });
});
