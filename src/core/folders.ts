import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

/**
 * Makes sure `dir` exists, is a folder and can be written to. Returns false instead of throwing:
 * callers decide whether a bad folder is a user error (settings) or a fallback (start-up).
 *
 * Creates missing levels one at a time rather than with `mkdirSync(…, { recursive: true })`:
 * Node's recursive mkdir spins forever on some pseudo file systems (it never returns for a
 * path under /proc), and a settings change must never hang the app.
 */
export function ensureFolder(dir: string): boolean {
  if (!isAbsolute(dir)) return false;
  const target = resolve(dir);
  const missing: string[] = [];
  let cur = target;
  for (;;) {
    try {
      if (!statSync(cur).isDirectory()) return false;
      break;
    } catch {
      missing.push(cur);
      const parent = dirname(cur);
      if (parent === cur) return false;
      cur = parent;
    }
  }
  try {
    for (const level of missing.reverse()) mkdirSync(level);
    accessSync(target, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
