import type { Background } from '../shared/choose';

/**
 * Whether closing the window leaves VidKeep running (in the tray). Until the user decides, it does
 * once a subscription exists: subscriptions only check while VidKeep runs.
 */
export function keepsRunning(bg: Background, subscriptions: number): boolean {
  return bg.keepRunning ?? subscriptions > 0;
}
