import { describe, expect, test } from 'vitest';
import { createIntl } from 'react-intl';
import { parse } from '@formatjs/icu-messageformat-parser';
import { CATALOGS, LOCALES } from '../../../shared/i18n';
import { layoutEn } from '../../../shared/i18n/layout.en';
import { checkTemplate } from './index';

/** One template per way core refuses one: each reason it can give must be worded in every language. */
const REFUSED = ['', '/x/{id}', '{title}', 'a//{id}', '../{id}', 'a\\b {id}', '{nope} {id}', '{title {id}', 'a/b/c/d/e/{id}', `${'x'.repeat(61)} {id}`, '{id}'.repeat(80)];

describe('layout messages', () => {
  test('every message parses as ICU', () => {
    for (const locale of LOCALES) for (const id of Object.keys(layoutEn)) expect(() => parse(CATALOGS[locale][id as keyof typeof layoutEn])).not.toThrow();
  });

  test.each(LOCALES)('every refusal reason core gives is worded in %s, with its values filled in', (locale) => {
    const intl = createIntl({ locale, messages: CATALOGS[locale], onError: (e) => { throw e; } });
    const reasons = new Set<string>();
    for (const template of REFUSED) {
      const err = checkTemplate(template);
      expect(err, template).not.toBeNull();
      const reason = String(err!.values?.reason);
      reasons.add(reason);
      const text = intl.formatMessage({ id: `layout.error.${reason}` }, { ...err!.values, fields: '{title} {id}', idField: '{id}', example: '{title} [{id}]' });
      expect(text).not.toMatch(/^layout\.error/);
      expect(text.length).toBeGreaterThan(10);
    }
    expect(reasons.size).toBe(REFUSED.length);
  });
});
