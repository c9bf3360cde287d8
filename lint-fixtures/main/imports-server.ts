// Deliberately wrong: lint must reject this (see test/layering.test.ts).
import { startWebHost } from '../../src/server/host';
import { formatBytes } from '../../src/renderer/src/lib/format';
export const x = [startWebHost, formatBytes];
