// `npm run typecheck`: each environment's tsconfig on its own (Node, browser, browser-driving
// Node), as electron-vite's template does; tsconfig.json only references them for editors.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TSCONFIGS = ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json'];

let failed = 0;
for (const project of TSCONFIGS) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project, '--noEmit', '--composite', 'false'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`typecheck: ${project} failed`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);
