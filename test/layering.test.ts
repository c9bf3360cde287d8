import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const lint = async (file: string, rule = 'no-restricted-imports') => {
  const eslint = new ESLint({ ignore: false });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
};

describe('layering is held by lint', () => {
  it('rejects electron in src/core', async () => {
    const messages = await lint('lint-fixtures/core/imports-electron.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/never import electron/);
  });

  it('rejects Node built-ins and src/core in the renderer', async () => {
    const messages = await lint('lint-fixtures/renderer/imports-node.ts');
    expect(messages).toHaveLength(2);
    expect(messages.join('\n')).toMatch(/Node built-ins/);
    expect(messages.join('\n')).toMatch(/never imports src\/core/);
  });

  it('accepts the real core', async () => {
    expect(await lint('src/core/index.ts')).toEqual([]);
  });
});

describe('words on screen come from the catalog (lint)', () => {
  it('rejects bare text, quoted and template strings as children, and literal visible attributes', async () => {
    const messages = await lint('lint-fixtures/renderer/bare-text.tsx', 'no-restricted-syntax');
    // title, "Hello there", 'Quoted words', `${n} videos`, 'Saving…', placeholder, aria-label, alt; not the ▶ symbol.
    expect(messages).toHaveLength(8);
    for (const m of messages) expect(m).toMatch(/message catalog/);
  });

  it('accepts catalog messages, symbols and class names', async () => {
    expect(await lint('lint-fixtures/renderer/catalog-text.tsx', 'no-restricted-syntax')).toEqual([]);
  });
});
