import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'url', 'util', 'events', 'worker_threads', 'process', 'zlib', 'dns', 'tls', 'readline', 'timers', 'buffer'];
const builtinPatterns = nodeBuiltins.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

/** The layering, held by lint: core and shared are pure Node; the renderer is pure browser. */
export const layering = [
  {
    files: ['src/core/**/*.{ts,tsx}', 'src/shared/**/*.{ts,tsx}', 'lint-fixtures/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', message: 'src/core and src/shared never import electron: keep the core testable in plain Node.' },
          { name: 'react', message: 'src/core and src/shared never import react.' },
          { name: 'react-dom', message: 'src/core and src/shared never import react-dom.' },
        ],
        patterns: [{ group: ['electron/*', 'react-dom/*', '**/renderer/**', '**/main/**', '**/preload/**', '**/server/**'], message: 'src/core and src/shared sit below the hosts and the UI.' }],
      }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'src/shared never imports electron.' }, { name: 'react', message: 'src/shared never imports react.' }],
        patterns: [{ group: [...builtinPatterns, '**/core/**', '**/renderer/**'], message: 'src/shared holds types and schemas only.' }],
      }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'lint-fixtures/renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks only through src/renderer/src/lib/api.ts.' }],
        patterns: [
          { group: builtinPatterns, message: 'The renderer never imports Node built-ins.' },
          { group: ['**/core/**', '**/main/**', '**/server/**', 'better-sqlite3'], message: 'The renderer never imports src/core or the hosts; use the api module.' },
        ],
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
