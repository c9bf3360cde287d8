// Deliberately wrong: lint must reject this (see test/layering.test.ts).
import { app } from 'electron';
import { readFileSync } from 'node:fs';
export const name = app.getName() + String(readFileSync);
