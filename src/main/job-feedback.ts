import type { Core } from '../core/index';
import type { ShellElectron, WindowLike } from './electron-api';
import { createNotifier } from './notify';
import { wordsFor } from './words';
import { createTaskbarProgress, NO_BAR } from './taskbar-progress';

/**
 * What the desktop shows outside the window about downloads: the taskbar/dock progress bar
 * (all running downloads together) and a notification when a burst of them ends.
 */
export function wireJobFeedback(electron: Pick<ShellElectron, 'Notification' | 'app'>, core: Core, getWindow: () => WindowLike | null): () => void {
  const { Notification, app } = electron;
  const notifier = createNotifier({
    show: (note) => {
      if (Notification.isSupported()) new Notification(note).show();
    },
    isFocused: () => getWindow()?.isFocused() ?? false,
    // Same language as the window: the one chosen in Settings, else the system's.
    words: () => wordsFor(core.settings.get().language, app.getPreferredSystemLanguages?.() ?? []),
  });
  const bar = createTaskbarProgress();
  let shown = NO_BAR;
  const paint = () => {
    const v = bar.value();
    const win = getWindow();
    if (v === shown || !win || win.isDestroyed()) return;
    shown = v;
    win.setProgressBar(v);
  };
  const offProgress = core.events.on('jobs.progress', ({ updates }) => {
    for (const u of updates) bar.update(u.jobId, u.progress);
    paint();
  });
  const offChanged = core.events.on('jobs.changed', ({ kind, job, jobId }) => {
    if (kind === 'started' && job?.download) bar.started(jobId);
    else if (kind !== 'updated' && kind !== 'added' && kind !== 'started') bar.ended(jobId);
    paint();
    notifier.onJob(kind, job);
  });
  return () => {
    offProgress();
    offChanged();
  };
}
