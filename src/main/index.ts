import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerMonitor, protocol, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { electronNativeBinding } from './native';
import { createShell } from './shell';
import { installCrashGuard } from '../core/guard';

// Electron shows a crash dialog and may quit on an uncaught error: no handler may do that.
installCrashGuard();

// The whole shell lives in shell.ts, against Electron passed in; this file only hands it the real one.
createShell(
  { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerMonitor, protocol, screen, session, shell },
  {
    argv: process.argv,
    env: process.env,
    platform: process.platform,
    resourcesPath: process.resourcesPath,
    rendererDir: join(import.meta.dirname, '../renderer'),
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    nativeBinding: () => electronNativeBinding({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() }),
  },
);
