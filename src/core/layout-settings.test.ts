import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from './index';
import { dispatch } from './dispatch';
import { responses } from '../shared/contract';

let dir: string;
let core: Core;
const open = () => createCore({ dataDir: join(dir, 'data'), libraryDir: join(dir, 'lib'), host: 'web', version: 'test' });
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vk-layout-settings-'));
  core = await open();
});
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the layout setting', () => {
  it('defaults to "by channel"', () => {
    expect(core.settings.get().layout).toEqual({ preset: 'channel', template: '' });
  });

  it('saves a preset and a valid custom template, and keeps them across a restart', async () => {
    expect(await dispatch(core.handlers, 'settings.set', { layout: { preset: 'media-server', template: '' } })).toMatchObject({ ok: true, value: { layout: { preset: 'media-server' } } });
    const custom = { preset: 'custom' as const, template: '{uploader}/{year}/{title} [{id}]' };
    expect(await dispatch(core.handlers, 'settings.set', { layout: custom })).toMatchObject({ ok: true, value: { layout: custom } });
    await core.close();
    core = await open();
    expect(core.settings.get().layout).toEqual(custom);
  });

  it.each([
    ['{title}', 'layoutNoId'],
    ['../{id}', 'layoutDots'],
    ['/etc/{id}', 'layoutAbsolute'],
    ['{uploader}\\{id}', 'layoutChar'],
    ['{secret} {id}', 'layoutField'],
  ])('refuses the custom template %j (%s) with a human error and keeps the old setting', async (template, reason) => {
    const before = core.settings.get();
    const r = await dispatch(core.handlers, 'settings.set', { layout: { preset: 'custom', template }, theme: 'dark' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', values: { reason } } });
    if (!r.ok) expect(r.error.message).toMatch(/template|folder|field|name/u);
    // Nothing of the refused request is saved, not even its other fields.
    expect(core.settings.get()).toEqual(before);
  });

  it('refuses a preset that does not exist at the boundary', async () => {
    expect(await dispatch(core.handlers, 'settings.set', { layout: { preset: 'anywhere', template: '' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('previews a layout with the same naming downloads get, or says why the template is refused', async () => {
    const good = await dispatch(core.handlers, 'library.layoutPreview', { layout: { preset: 'media-server', template: '' } });
    expect(good).toMatchObject({ ok: true, value: { path: 'Studio Aurora [UC4QobU6STFB0P71PMvOGN5A]/Season 2024/Studio Aurora - S2024E013101 - Zürich - Lago 1-3 [dQw4w9WgXcQ].mp4', error: null } });
    if (good.ok) expect(responses['library.layoutPreview'].safeParse(good.value).success).toBe(true);
    const bad = await dispatch(core.handlers, 'library.layoutPreview', { layout: { preset: 'custom', template: '{title}' } });
    expect(bad).toMatchObject({ ok: true, value: { path: null, error: { code: 'invalid-input', values: { reason: 'layoutNoId' } } } });
  });
});
