// Deliberately wrong: lint must reject this (see test/layering.test.ts).
import { contextBridge } from 'electron';
import { defaultDataDir } from '../../src/core/paths';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
export const x = [contextBridge, defaultDataDir, readFileSync, z];
