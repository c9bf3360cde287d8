// `npm run bench -- <name> [--json]` runs bench/<name>.ts.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...rest] = process.argv.slice(2);
const available = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.ts') && !f.includes('.test.')).map((f) => f.slice(0, -3));
if (!name || !existsSync(join(root, 'bench', `${name}.ts`))) {
  console.error(`Usage: npm run bench -- <name> [--json]   (available: ${available.join(', ')})`);
  process.exit(2);
}
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', `${name}.ts`), ...rest], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
