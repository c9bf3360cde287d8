// Deliberately wrong: lint must reject this (see test/layering.test.ts).
import { createNotifier } from '../../src/main/notify';
import { startWebHost } from '../../src/server/host';
import Database from 'better-sqlite3';
import { ipcRenderer } from 'electron';
export const x = [createNotifier, startWebHost, Database, ipcRenderer];
