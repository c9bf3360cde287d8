/**
 * What the preload exposes on `window.vidkeep`, declared once: the preload implements it and the
 * renderer's api module consumes it (the web host's socket bridge implements it too).
 */
import type { InvokeResult } from './contract';

export interface Bridge {
  readonly host: 'electron' | 'web';
  /** Sends a declared channel's request; unknown channels answer with an error, never throw. */
  invoke(channel: string, payload: unknown): Promise<InvokeResult<unknown>>;
  /** Listens to a declared event; returns the unsubscribe. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The global the preload defines. */
export const BRIDGE_GLOBAL = 'vidkeep';

declare global {
  interface Window {
    vidkeep?: Bridge;
  }
}
