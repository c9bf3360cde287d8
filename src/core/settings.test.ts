import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from './db/open';
import { migrate } from './db/migrate';
import { createSettingsStore, defaultSettings } from './settings';
import { schemas } from '../shared/contract';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vk-settings-'));
  db = openDatabase(join(dir, 'db.sqlite'));
  migrate(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the language setting', () => {
  it('follows the system until one is chosen, and keeps the choice in the database', () => {
    const store = createSettingsStore(db, defaultSettings('/lib'));
    expect(store.get().language).toBe('system');
    expect(store.set({ language: 'de' }).language).toBe('de');
    expect(createSettingsStore(db, defaultSettings('/lib')).get().language).toBe('de');
  });

  it('reads settings saved before the key existed, and a language it does not speak, as "system"', () => {
    const store = createSettingsStore(db, defaultSettings('/lib'));
    store.setRaw('app.settings', JSON.stringify({ ...defaultSettings('/lib'), language: undefined, theme: 'dark' }));
    expect(store.get()).toMatchObject({ language: 'system', theme: 'dark' });
    store.setRaw('app.settings', JSON.stringify({ ...defaultSettings('/lib'), language: 'tlh' }));
    expect(store.get().language).toBe('system');
  });

  it('is validated at the contract: only system, en and de get through', () => {
    const set = schemas['settings.set'];
    expect(set.safeParse({ language: 'de' }).success).toBe(true);
    expect(set.safeParse({ language: 'system' }).success).toBe(true);
    for (const bad of ['fr', 'DE', '', '../de', 1, null]) expect(set.safeParse({ language: bad }).success, String(bad)).toBe(false);
  });
});
