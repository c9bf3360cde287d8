/**
 * Words the tray and background notices show. Main has no message catalog of its own yet: they stay
 * here, in one place, to move into it (English; the renderer's catalog holds the German).
 */
export const TRAY_TEXT = {
  idle: 'VidKeep',
  progress: (percent: number | null, running: number) =>
    `VidKeep — ${running} ${running === 1 ? 'download' : 'downloads'}${percent === null ? '' : `, ${Math.round(percent)}%`}`,
  open: 'Open VidKeep',
  pauseAll: 'Pause all',
  resumeAll: 'Resume all',
  quit: 'Quit VidKeep',
  linkRefused: 'VidKeep could not add a link',
  keptRunningTitle: 'VidKeep is still running',
  keptRunningBody: 'It keeps checking your subscriptions from the tray. Quit it there, or turn this off in Settings.',
} as const;
