/**
 * The narrow bridge: `invoke` for declared channels, `on` for declared events (returns an
 * unsubscribe). ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES } from '../shared/channels';
import { BRIDGE_GLOBAL, type Bridge } from '../shared/bridge';
import type { InvokeResult } from '../shared/contract';

const channels = new Set<string>(CHANNEL_NAMES);
const events = new Set<string>(EVENT_NAMES);
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on('vk:event', (_e: IpcRendererEvent, name: string, payload: unknown) => {
  for (const l of listeners.get(name) ?? []) l(payload);
});

const bridge: Bridge = {
  host: 'electron',
  invoke(channel, payload) {
    if (!channels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `Unknown request "${String(channel)}".` } });
    }
    return ipcRenderer.invoke('vk:invoke', channel, payload) as Promise<InvokeResult<unknown>>;
  },
  on(event, listener) {
    if (!events.has(event) || typeof listener !== 'function') return () => undefined;
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
