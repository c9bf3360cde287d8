// Deliberately wrong: lint must reject this (see test/layering.test.ts).
import { createNotifier } from '../../src/main/notify';
import { startWebHost } from '../../src/server/host';
import { formatBytes } from '../../src/renderer/src/lib/format';
export const x = [createNotifier, startWebHost, formatBytes];
