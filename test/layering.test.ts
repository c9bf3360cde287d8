import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ ignore: false });
const lint = async (file: string, rule = 'no-restricted-imports') => {
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
};

// Each fixture breaks one layer's rule in every way the issue names; each must be caught.
const fixtures: Array<[string, string, Array<RegExp>]> = [
  ['core imports no electron', 'lint-fixtures/core/imports-electron.ts', [/never import electron/]],
  ['core imports no main, server or renderer code', 'lint-fixtures/core/imports-hosts.ts', [/below the hosts/, /below the hosts/, /below the hosts/]],
  ['shared depends on zod only', 'lint-fixtures/shared/imports-runtime.ts', [/zod only/, /zod only/, /zod only/, /zod only/]],
  ['renderer imports no Node built-ins or core', 'lint-fixtures/renderer/imports-node.ts', [/Node built-ins/, /never imports src\/core/]],
  ['renderer imports no host code, Node packages or electron', 'lint-fixtures/renderer/imports-hosts.ts', [/imports only src\/shared/, /imports only src\/shared/, /imports only src\/shared/, /only through src\/renderer\/src\/lib\/api\.ts/]],
  ['main imports neither server nor renderer code', 'lint-fixtures/main/imports-server.ts', [/never import each other/, /never imports renderer code/]],
  ['server imports neither main nor electron', 'lint-fixtures/server/imports-main.ts', [/never import each other/, /without Electron/]],
  ['preload imports only electron and shared', 'lint-fixtures/preload/imports-core.ts', [/only electron and src\/shared/, /only electron and src\/shared/, /only electron and src\/shared/]],
];

describe('layering is held by lint', () => {
  it.each(fixtures)('%s', async (_name, file, expected) => {
    const messages = await lint(file);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(messages[i]).toMatch(re));
  });

  it.each(['src/core/index.ts', 'src/core/api.ts', 'src/shared/contract.ts', 'src/shared/bridge.ts', 'src/renderer/src/lib/api.ts', 'src/main/index.ts', 'src/main/ipc.ts', 'src/server/host.ts', 'src/server/cli.ts', 'src/preload/index.ts'])(
    'accepts the real %s',
    async (file) => {
      expect(await lint(file)).toEqual([]);
    },
  );
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
