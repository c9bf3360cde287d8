// Deliberately wrong: lint must reject this (see test/layering.test.ts).
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { WebSocketServer } from 'ws';
import { defaultDataDir } from '../../src/core/paths';
import type { Core } from '../../src/core/index';
export const x = [z, readFileSync, WebSocketServer, defaultDataDir];
export type Y = Core;
