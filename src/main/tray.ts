import type { MenuItemConstructorOptions } from 'electron';
import type { Core } from '../core/index';
import type { Events } from '../shared/contract';
import type { ShellElectron, TrayLike } from './electron-api';
import { createTaskbarProgress, INDETERMINATE, NO_BAR } from './taskbar-progress';
import type { Words } from './words';

export interface TrayActions {
  open(): void;
  quit(): void;
}

/** What the tray says: overall progress in its tooltip, and a menu of Open / Pause all / Quit. */
export function trayTooltip(w: Words, value: number, running: number): string {
  if (value === NO_BAR || running === 0) return w.t('tray.idle');
  return value === INDETERMINATE ? w.t('tray.progress', { running }) : w.t('tray.progressPercent', { running, percent: value });
}

export function trayMenu(w: Words, paused: boolean, a: TrayActions & { togglePause(): void }): MenuItemConstructorOptions[] {
  return [
    { label: w.t('tray.open'), click: () => a.open() },
    { label: w.t(paused ? 'tray.resumeAll' : 'tray.pauseAll'), click: () => a.togglePause() },
    { type: 'separator' },
    { label: w.t('tray.quit'), click: () => a.quit() },
  ];
}

/** The tray (menu-bar) icon; it follows the core's events. Returns a function that removes it. */
/** `words` follows the language chosen in Settings; a change rebuilds the menu. */
export function createTray(electron: Pick<ShellElectron, 'Tray' | 'Menu'>, core: Core, icon: string, actions: TrayActions, words: () => Words): { tray: TrayLike; dispose(): void } {
  const tray = new electron.Tray(icon);
  const bar = createTaskbarProgress();
  const running = new Set<string>();
  let paused: boolean | null = null;
  let language: string | null = null;
  let tip = '';
  const togglePause = () => {
    if (core.queue.metrics().paused) core.pauses.remove('user');
    else core.pauses.add('user');
    paint();
  };
  const paint = () => {
    const w = words();
    const next = trayTooltip(w, bar.value(), running.size);
    if (next !== tip) tray.setToolTip((tip = next));
    const p = core.queue.metrics().paused;
    const lang = core.settings.get().language;
    // The menu is rebuilt only when its words change, not at every progress batch.
    if (p !== paused || lang !== language) {
      language = lang;
      tray.setContextMenu(electron.Menu.buildFromTemplate(trayMenu(w, (paused = p), { ...actions, togglePause })));
    }
  };
  tray.on('click', () => actions.open());
  paint();
  const off = core.events.onAny((name, payload) => {
    if (name === 'jobs.progress') {
      for (const u of (payload as Events['jobs.progress']).updates) bar.update(u.jobId, u.progress);
    } else if (name === 'jobs.changed') {
      const { kind, job, jobId } = payload as Events['jobs.changed'];
      if (kind === 'started' && job?.download) {
        bar.started(jobId);
        running.add(jobId);
      } else if (kind !== 'updated' && kind !== 'added' && kind !== 'started') {
        bar.ended(jobId);
        running.delete(jobId);
      }
    } else if (name !== 'settings.changed') return;
    paint();
  });
  return {
    tray,
    dispose() {
      off();
      tray.destroy();
    },
  };
}
