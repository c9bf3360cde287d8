import type { MessageId } from '../../../../shared/i18n';

/** The player's keyboard shortcuts (YouTube's, which people already know), as data for "?" too. */
export type PlayerAction =
  | { type: 'toggle-play' }
  | { type: 'seek-by'; sec: number }
  | { type: 'seek-fraction'; fraction: number }
  | { type: 'fullscreen' }
  | { type: 'mute' }
  | { type: 'captions' }
  | { type: 'speed'; step: 1 | -1 }
  | { type: 'help' };

export const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** Key caps as printed; 'space' is worded from the catalog. */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; does: MessageId }> = [
  { keys: ['space', 'K'], does: 'player.key.play' },
  { keys: ['J', 'L'], does: 'player.key.seek10' },
  { keys: ['←', '→'], does: 'player.key.seek5' },
  { keys: ['F'], does: 'player.key.fullscreen' },
  { keys: ['M'], does: 'player.key.mute' },
  { keys: ['C'], does: 'player.key.captions' },
  { keys: ['<', '>'], does: 'player.key.speed' },
  { keys: ['0', '…', '9'], does: 'player.key.jump' },
  { keys: ['?'], does: 'player.key.help' },
];

/** Null for keys the player leaves alone (Tab, Escape, keys with Ctrl/Alt/Meta). */
export function keyAction(e: { key: string; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean }): PlayerAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  switch (e.key) {
    case ' ':
    case 'k':
    case 'K':
      return { type: 'toggle-play' };
    case 'j':
    case 'J':
      return { type: 'seek-by', sec: -10 };
    case 'l':
    case 'L':
      return { type: 'seek-by', sec: 10 };
    case 'ArrowLeft':
      return { type: 'seek-by', sec: -5 };
    case 'ArrowRight':
      return { type: 'seek-by', sec: 5 };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 'm':
    case 'M':
      return { type: 'mute' };
    case 'c':
    case 'C':
      return { type: 'captions' };
    case '<':
      return { type: 'speed', step: -1 };
    case '>':
      return { type: 'speed', step: 1 };
    case '?':
      return { type: 'help' };
  }
  if (/^[0-9]$/.test(e.key)) return { type: 'seek-fraction', fraction: Number(e.key) / 10 };
  return null;
}

/** The next speed up or down the list, staying at the ends. */
export function nextSpeed(current: number, step: 1 | -1): number {
  const i = SPEEDS.findIndex((s) => s >= current - 1e-9);
  const at = i < 0 ? SPEEDS.length - 1 : i;
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (SPEEDS[at] === current ? at : step > 0 ? at - 1 : at) + step))]!;
}

/** Where a seek lands: inside the video, never past its end. */
export function clampTime(t: number, duration: number): number {
  const d = Number.isFinite(duration) && duration > 0 ? duration : Infinity;
  return Math.min(Math.max(0, t), d === Infinity ? Math.max(0, t) : Math.max(0, d - 0.05));
}
