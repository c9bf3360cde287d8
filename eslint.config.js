import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'url', 'util', 'events', 'worker_threads', 'process', 'zlib', 'dns', 'tls', 'readline', 'timers', 'buffer'];
const builtinPatterns = nodeBuiltins.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

const hosts = (...names) => names.map((n) => `**/${n}/**`);

/**
 * The layering, held by lint; each rule has a fixture under lint-fixtures/ that breaks it
 * (test/layering.test.ts). One config object per layer: for a given file, a later object's
 * no-restricted-imports replaces an earlier one's, so no file is matched by two of them.
 */
export const layering = [
  {
    // core: pure Node, below the hosts and the UI.
    files: ['src/core/**/*.{ts,tsx}', 'lint-fixtures/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'src/core and src/shared never import electron: keep the core testable in plain Node.' },
          { name: 'react', message: 'src/core never imports react.' },
          { name: 'react-dom', message: 'src/core never imports react-dom.' },
        ],
        patterns: [
          { group: ['electron/*', 'react-dom/*'], message: 'src/core never imports electron or react.' },
          { group: hosts('renderer', 'main', 'preload', 'server'), message: 'src/core and src/shared sit below the hosts and the UI.' },
        ],
      }],
    },
  },
  {
    // shared: types and zod schemas only, imported by every layer (the sandboxed preload too).
    files: ['src/shared/**/*.{ts,tsx}', 'lint-fixtures/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(?!zod$|\\./)', message: 'src/shared depends on zod only, and on nothing outside src/shared (no electron, Node, core or hosts).' }],
      }],
    },
  },
  {
    // renderer: browser code that reaches the app only through src/shared's contract.
    files: ['src/renderer/**/*.{ts,tsx}', 'lint-fixtures/renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks only through src/renderer/src/lib/api.ts.' }],
        patterns: [
          { group: builtinPatterns, message: 'The renderer never imports Node built-ins.' },
          { group: [...hosts('core', 'main', 'server', 'preload'), 'electron/*', 'better-sqlite3', 'ws', 'node-cron', 'p-queue', 'yt-dlp-wrap'], message: 'The renderer never imports src/core, the hosts or Node packages; it imports only src/shared and uses the api module.' },
        ],
      }],
    },
  },
  {
    // main: the Electron shell. It hosts core; it never reaches into the web host or the UI.
    files: ['src/main/**/*.ts', 'lint-fixtures/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: hosts('server'), message: 'src/main and src/server never import each other: both only host src/core.' },
          { group: hosts('renderer'), message: 'src/main never imports renderer code.' },
        ],
      }],
    },
  },
  {
    // server: the headless host. Same rule the other way round, and no Electron.
    files: ['src/server/**/*.ts', 'lint-fixtures/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'src/server runs without Electron.' }],
        patterns: [
          { group: hosts('main'), message: 'src/main and src/server never import each other: both only host src/core.' },
          { group: hosts('renderer'), message: 'src/server serves the built renderer; it never imports its code.' },
        ],
      }],
    },
  },
  {
    // preload: the narrow bridge, bundled into a sandboxed script.
    files: ['src/preload/**/*.ts', 'lint-fixtures/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(?!electron$|\\.\\./shared/|\\./)', message: 'src/preload imports only electron and src/shared.' }],
      }],
    },
  },
];

const LETTERS = '/[A-Za-zÀ-ÖØ-öø-ÿ]/';
const VISIBLE_ATTRS = '/^(aria-label|aria-description|title|placeholder|alt|label|help)$/';
const bare = 'Words on screen come from the message catalog (src/shared/i18n): use t(\'some.id\') instead of a bare string.';
/** A string a person would read, written straight into JSX, where a catalog message belongs. */
export const noBareJsxText = [
  {
    files: ['src/renderer/**/*.tsx', 'lint-fixtures/renderer/**/*.tsx'],
    rules: {
      'no-restricted-syntax': ['error',
        ...[
          `JSXText[value=${LETTERS}]`,
          ...['JSXElement', 'JSXFragment'].flatMap((parent) => [
            `${parent} > JSXExpressionContainer > Literal[value=${LETTERS}]`,
            `${parent} > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${LETTERS}]`,
            `${parent} > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=${LETTERS}]`,
            `${parent} > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > TemplateLiteral > TemplateElement[value.raw=${LETTERS}]`,
          ]),
          `JSXAttribute[name.name=${VISIBLE_ATTRS}] > Literal[value=${LETTERS}]`,
          `JSXAttribute[name.name=${VISIBLE_ATTRS}] > JSXExpressionContainer > Literal[value=${LETTERS}]`,
          `JSXAttribute[name.name=${VISIBLE_ATTRS}] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${LETTERS}]`,
          `JSXAttribute[name.name=${VISIBLE_ATTRS}] > JSXExpressionContainer > :matches(ConditionalExpression, LogicalExpression) > Literal[value=${LETTERS}]`,
        ].map((selector) => ({ selector, message: bare })),
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'lint-fixtures/**', '.vite/**', '.scratch/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  { files: ['src/renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  // Playwright fixtures must destructure their (possibly empty) dependencies.
  { files: ['e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  ...layering,
  ...noBareJsxText,
);
