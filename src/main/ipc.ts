import type { Core } from '../core/index';
import { dispatch } from '../core/dispatch';
import { MAX_MESSAGE_BYTES } from '../shared/contract';
import type { InvokeEventLike, ShellElectron, WindowLike } from './electron-api';

/** Carries contract messages between the window and the core; no logic of its own. */
export function wireIpc(
  electron: Pick<ShellElectron, 'ipcMain' | 'shell'>,
  core: Core,
  getWindow: () => WindowLike | null,
  isAppUrl: (url: string) => boolean,
): () => void {
  const { ipcMain, shell } = electron;
  ipcMain.handle('vk:invoke', async (event: InvokeEventLike, channel: unknown, payload: unknown) => {
    const win = getWindow();
    const frame = event.senderFrame;
    // Only our own top frame, showing our own page, may talk to the core.
    if (!win || event.sender !== win.webContents || !frame || frame !== win.webContents.mainFrame || !isAppUrl(frame.url)) {
      return { ok: false, error: { code: 'unauthorized', message: 'That request did not come from VidKeep’s window.', values: { reason: 'sender' } } };
    }
    let size = 0;
    try {
      size = JSON.stringify(payload ?? null).length;
    } catch {
      return { ok: false, error: { code: 'invalid-input', message: 'That request could not be read.' } };
    }
    if (size > MAX_MESSAGE_BYTES) {
      return { ok: false, error: { code: 'payload-too-large', message: `Requests are limited to ${MAX_MESSAGE_BYTES / 1024} KB.`, values: { kb: MAX_MESSAGE_BYTES / 1024 } } };
    }
    const result = await dispatch(core.handlers, channel, payload);
    // The one host-specific effect: the desktop can open the file manager at the file.
    if (channel === 'library.reveal' && result.ok) shell.showItemInFolder((result.value as { path: string }).path);
    return result;
  });
  const off = core.events.onAny((name, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send('vk:event', name, payload);
  });
  return () => {
    off();
    ipcMain.removeHandler('vk:invoke');
  };
}
