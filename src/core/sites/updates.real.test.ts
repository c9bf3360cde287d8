import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../index';
import { dispatch } from '../dispatch';
import { FAKE_VERSIONS, startReleaseServer, type ReleaseServer } from '../../../test/fixtures/release-server';

let rel: ReleaseServer;
let dir: string;
beforeAll(async () => {
  rel = await startReleaseServer();
  dir = mkdtempSync(join(tmpdir(), 'vk-upd-core-'));
});
afterAll(async () => {
  await rel.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('tools.updateYtDlp through the contract', () => {
  it('offline is a clear error reply, and the host goes on; a good release is then used', async () => {
    const dead = await createCore({ dataDir: join(dir, 'a'), libraryDir: join(dir, 'la'), host: 'web', version: 't', ytDlpReleaseUrl: 'http://127.0.0.1:9/{channel}/' });
    try {
      const r = await dispatch(dead.handlers, 'tools.updateYtDlp', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'network' } });
      expect((await dispatch(dead.handlers, 'app.info', {})).ok).toBe(true);
    } finally {
      await dead.close();
    }
    const core = await createCore({ dataDir: join(dir, 'b'), libraryDir: join(dir, 'lb'), host: 'web', version: 't', ytDlpReleaseUrl: rel.base('good') });
    try {
      await dispatch(core.handlers, 'sites.set', { ytDlp: { channel: 'nightly', autoUpdate: false } });
      const r = await dispatch(core.handlers, 'tools.updateYtDlp', {});
      expect(r).toMatchObject({ ok: true, value: { ytDlp: { version: FAKE_VERSIONS.nightly, source: 'downloaded' } } });
      expect(core.lastUpdateCheck()).not.toBeNull();
      const bad = await createCore({ dataDir: join(dir, 'c'), libraryDir: join(dir, 'lc'), host: 'web', version: 't', ytDlpReleaseUrl: rel.base('badsum') });
      try {
        expect(await dispatch(bad.handlers, 'tools.updateYtDlp', {})).toMatchObject({ ok: false, error: { code: 'checksum-mismatch' } });
      } finally {
        await bad.close();
      }
    } finally {
      await core.close();
    }
  }, 60_000);
});
