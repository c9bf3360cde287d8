import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const lint = async (file: string) => {
  const eslint = new ESLint({ ignore: false });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
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
