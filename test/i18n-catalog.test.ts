import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGS, pickLocale, resolveLocale } from '../src/shared/i18n';
import { en } from '../src/shared/i18n/en';
import { ERROR_CODES } from '../src/shared/errors';
import { CHANNEL_NAMES, EVENT_NAMES } from '../src/shared/channels';
import { checkCatalogs } from './i18n/catalog-check';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => join(root, dir, f));
}

const NAMESPACES = new Set(Object.keys(en).map((k) => k.split('.')[0]!));
const NOT_MESSAGES = new Set<string>([...CHANNEL_NAMES, ...EVENT_NAMES]);

/** Every message id the UI (and the main process's notifications) names: quoted literals shaped like ids, and `prefix.${x}` templates. */
function idsInCode(): { literal: Set<string>; prefixes: Set<string> } {
  const literal = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of [...sources('src/renderer/src'), ...sources('src/main')]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9-]+)+)'/g)) {
      const id = m[1]!;
      if (NOT_MESSAGES.has(id) || !NAMESPACES.has(id.split('.')[0]!)) continue;
      literal.add(id);
    }
    for (const m of text.matchAll(/`([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9-]+)*\.)\$\{/g)) {
      if (NAMESPACES.has(m[1]!.split('.')[0]!)) prefixes.add(m[1]!);
    }
  }
  return { literal, prefixes };
}

describe('the message catalog', () => {
  it('has every key in every locale, ICU that parses, and the same placeholders', () => {
    expect(checkCatalogs(CATALOGS)).toEqual([]);
  });

  it('catches a missing key, a broken message and a placeholder that differs', () => {
    const broken = {
      en: { a: 'Hello {name}', b: '{n, plural, one {# video} other {# videos}}', c: 'Fine', d: '{reason, select, x {X} other {Y}}' },
      de: { a: 'Hallo {nam}', b: '{n, plural, one {# Video} other {# Videos}', d: '{reason, select, other {Y}}', e: 'extra' },
    };
    const problems = checkCatalogs(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'de: missing c',
        'de: e is not in en',
        expect.stringMatching(/^de: a has placeholders \[arg:nam\], en has \[arg:name\]/),
        expect.stringMatching(/^de: b does not parse/),
        expect.stringMatching(/^de: d has placeholders/),
      ]),
    );
  });

  it('words every error code in every locale', () => {
    for (const [locale, cat] of Object.entries(CATALOGS)) {
      for (const code of ERROR_CODES) {
        expect(cat, `${locale} errors.${code}.message`).toHaveProperty([`errors.${code}.message`]);
        expect(cat, `${locale} errors.${code}.hint`).toHaveProperty([`errors.${code}.hint`]);
      }
    }
  });

  it('has every message id the renderer and main use', () => {
    const { literal, prefixes } = idsInCode();
    // The scan must actually see the UI's ids, or this test would pass on an empty set.
    expect(literal.size).toBeGreaterThan(250);
    expect(prefixes).toContain('downloads.stage.');
    expect(literal).toContain('notify.done.one');
    expect([...literal].filter((id) => !(id in en))).toEqual([]);
    const keys = Object.keys(en);
    expect([...prefixes].filter((p) => !keys.some((k) => k.startsWith(p)))).toEqual([]);
  });
});

describe('choosing the language', () => {
  it('follows the first preferred language VidKeep speaks, else English', () => {
    expect(pickLocale(['de-DE', 'en-US'])).toBe('de');
    expect(pickLocale(['fr-FR', 'de-AT'])).toBe('de');
    expect(pickLocale(['fr-FR'])).toBe('en');
    expect(pickLocale([])).toBe('en');
    expect(pickLocale(['DE_ch'])).toBe('de');
  });

  it('keeps the region for formatting, and a choice in Settings wins', () => {
    expect(resolveLocale('system', ['fr-FR', 'de-AT'])).toEqual({ messages: 'de', tag: 'de-AT' });
    expect(resolveLocale(undefined, ['en-GB'])).toEqual({ messages: 'en', tag: 'en-GB' });
    expect(resolveLocale('en', ['de-DE'])).toEqual({ messages: 'en', tag: 'en' });
    expect(resolveLocale('de', ['en-US'])).toEqual({ messages: 'de', tag: 'de' });
  });
});
