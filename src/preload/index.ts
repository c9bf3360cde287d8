/**
 * The narrow bridge: `invoke` for declared channels, `on` for declared events (returns an
 * unsubscribe). ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES } from '../shared/channels';

const channels = new Set<string>(CHANNEL_NAMES);
const events = new Set<string>(EVENT_NAMES);
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on('vk:event', (_e: IpcRendererEvent, name: string, payload: unknown) => {
  for (const l of listeners.get(name) ?? []) l(payload);
});

contextBridge.exposeInMainWorld('vidkeep', {
  host: 'electron',
  invoke(channel: string, payload: unknown) {
    if (!channels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `Unknown request "${String(channel)}".` } });
    }
    return ipcRenderer.invoke('vk:invoke', channel, payload);
  },
  on(event: string, listener: (payload: unknown) => void) {
    if (!events.has(event) || typeof listener !== 'function') return () => undefined;
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  },
});
