import type { Db } from './db/open';
import type { DownloadOptions, Settings } from '../shared/types';
import { DEFAULT_DOWNLOAD_OPTIONS } from '../shared/types';
import { SPONSORBLOCK_OFF } from '../shared/choose';
import { LANGUAGE_CHOICES } from '../shared/i18n';
import { DEFAULT_LAYOUT, layoutSettingSchema } from '../shared/layout';

export type SettingsPatch = Omit<Partial<Settings>, 'defaults'> & { defaults?: Partial<DownloadOptions> };

export interface SettingsStore {
  get(): Settings;
  set(patch: SettingsPatch): Settings;
  getRaw(key: string): string | undefined;
  setRaw(key: string, value: string): void;
}

export function defaultSettings(libraryDir: string): Settings {
  return {
    libraryDir,
    maxConcurrent: 3,
    perSiteConcurrent: 2,
    maxTries: 3,
    timeoutMinutes: 60,
    defaults: { ...DEFAULT_DOWNLOAD_OPTIONS },
    ytDlpPath: '',
    theme: 'system',
    clipboardWatcher: false,
    // Today's behaviour stays the default; "most compatible" is one switch away in Settings.
    compatibility: 'best',
    sponsorBlock: { ...SPONSORBLOCK_OFF },
    background: { keepRunning: null, startAtLogin: false, toldKeepRunning: false },
    language: 'system',
    subtitleLanguage: '',
    layout: { ...DEFAULT_LAYOUT },
    embedMetadata: true,
  };
}

const KEY = 'app.settings';

/** Settings live in the same database as the queue, so one backup holds everything. */
/** `onChange` hears every saved change (the core's bus). */
export function createSettingsStore(db: Db, defaults: Settings, onChange?: (next: Settings) => void): SettingsStore {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  const get = (): Settings => {
    const row = read.get(KEY);
    if (!row) return structuredClone(defaults);
    try {
      const saved = JSON.parse(row.value) as Partial<Settings>;
      const merged = { ...defaults, ...saved, defaults: { ...defaults.defaults, ...(saved.defaults ?? {}) } };
      // A language this build no longer speaks (or a hand-edited value) follows the system instead.
      if (!(LANGUAGE_CHOICES as readonly string[]).includes(merged.language)) merged.language = defaults.language;
      // A hand-edited or unknown layout names files the default way; the template itself is checked where it is used.
      if (!layoutSettingSchema.safeParse(merged.layout).success) merged.layout = { ...defaults.layout };
      return merged;
    } catch {
      // A damaged value falls back to defaults rather than blocking start-up; it is overwritten on next save.
      return structuredClone(defaults);
    }
  };

  return {
    get,
    set(patch) {
      const current = get();
      const next: Settings = { ...current, ...patch, defaults: { ...current.defaults, ...(patch.defaults ?? {}) } };
      write.run(KEY, JSON.stringify(next));
      onChange?.(next);
      return next;
    },
    getRaw: (key) => read.get(key)?.value,
    setRaw: (key, value) => void write.run(key, value),
  };
}
