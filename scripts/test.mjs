// `npm test`: typecheck, lint, unit + integration tests, `npm run build`, a smoke run of `serve` and
// `bench`, then the Playwright e2e suite.
// Ends with one line, `N passed, N failed[, N skipped]`, summed from the runners' JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestTools } from './lib/tools.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const want = (step) => only.length === 0 || only.includes(step);
const node = (args, env = {}) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
const bin = (p) => join(root, 'node_modules', p);
/** Runs a package.json script the way a person would, so a broken script cannot go unseen. */
const npmRun = (script) => spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;

const counts = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
const step = (name, ok) => {
  if (!ok) failedSteps.push(name);
  return ok;
};

if (!ensureTestTools()) process.exit(1);
mkdirSync(results, { recursive: true });

if (want('typecheck')) step('typecheck', node([join(root, 'scripts/typecheck.mjs')]));
if (want('lint')) step('lint', node([bin('eslint/bin/eslint.js'), '--max-warnings=0', '.']));
if (want('unit')) {
  const out = join(results, 'unit.json');
  rmSync(out, { force: true });
  step('unit', node([bin('vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]));
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    counts.passed += r.numPassedTests;
    counts.failed += r.numFailedTests;
    counts.skipped += r.numPendingTests + r.numTodoTests;
  } else counts.failed += 1;
}
const built = want('build') || want('smoke') || want('e2e') ? step('build', npmRun('build')) : false;
if (want('smoke')) {
  // `npm run serve` starts and answers; `npm run bench` runs a tiny library bench. Both use the build above.
  const out = join(results, 'smoke.json');
  rmSync(out, { force: true });
  step('smoke', built && node([join(root, 'scripts/smoke.mjs'), out]));
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    counts.passed += r.passed;
    counts.failed += r.failed;
  } else counts.failed += 1;
}
if (want('e2e')) {
  const out = join(results, 'e2e.json');
  rmSync(out, { force: true });
  step('e2e', node([bin('@playwright/test/cli.js'), 'test']));
  if (existsSync(out)) {
    const s = JSON.parse(readFileSync(out, 'utf8')).stats;
    counts.passed += s.expected + s.flaky;
    counts.failed += s.unexpected;
    counts.skipped += s.skipped;
  } else counts.failed += 1;
}

// A step that fails without a test report (typecheck, lint, build) still counts as a failure.
const extra = failedSteps.filter((s) => s !== 'unit' && s !== 'e2e' && s !== 'smoke').length;
counts.failed += extra;
const line = `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`;
writeFileSync(join(results, 'summary.txt'), `${line}\n`);
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(line);
process.exit(failedSteps.length || counts.failed ? 1 : 0);
