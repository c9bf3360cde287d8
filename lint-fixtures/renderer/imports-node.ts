// Deliberately wrong: lint must reject this (see test/layering.test.ts).
import { readFileSync } from 'node:fs';
import { createCore } from '../../src/core/index';
export const x = [readFileSync, createCore];
