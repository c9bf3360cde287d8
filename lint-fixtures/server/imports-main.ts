// Deliberately wrong: lint must reject this (see test/layering.test.ts).
import { createNotifier } from '../../src/main/notify';
import { app } from 'electron';
export const x = [createNotifier, app];
