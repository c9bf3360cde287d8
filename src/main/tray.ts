import type { MenuItemConstructorOptions } from 'electron';
import type { Core } from '../core/index';
import type { Events } from '../shared/contract';
import type { ShellElectron, TrayLike } from './electron-api';
import { createTaskbarProgress, INDETERMINATE, NO_BAR } from './taskbar-progress';
import { TRAY_TEXT } from './tray-text';

export interface TrayActions {
  open(): void;
  quit(): void;
}

/** What the tray says: overall progress in its tooltip, and a menu of Open / Pause all / Quit. */
export function trayTooltip(value: number, running: number): string {
  if (value === NO_BAR || running === 0) return TRAY_TEXT.idle;
  return TRAY_TEXT.progress(value === INDETERMINATE ? null : value * 100, running);
}

export function trayMenu(paused: boolean, a: TrayActions & { togglePause(): void }): MenuItemConstructorOptions[] {
  return [
    { label: TRAY_TEXT.open, click: () => a.open() },
    { label: paused ? TRAY_TEXT.resumeAll : TRAY_TEXT.pauseAll, click: () => a.togglePause() },
    { type: 'separator' },
    { label: TRAY_TEXT.quit, click: () => a.quit() },
  ];
}

/** The tray (menu-bar) icon; it follows the core's events. Returns a function that removes it. */
export function createTray(electron: Pick<ShellElectron, 'Tray' | 'Menu'>, core: Core, icon: string, actions: TrayActions): { tray: TrayLike; dispose(): void } {
  const tray = new electron.Tray(icon);
  const bar = createTaskbarProgress();
  const running = new Set<string>();
  let paused: boolean | null = null;
  let tip = '';
  const togglePause = () => {
    if (core.queue.metrics().paused) core.pauses.remove('user');
    else core.pauses.add('user');
    paint();
  };
  const paint = () => {
    const next = trayTooltip(bar.value(), running.size);
    if (next !== tip) tray.setToolTip((tip = next));
    const p = core.queue.metrics().paused;
    // The menu is rebuilt only when its words change, not at every progress batch.
    if (p !== paused) tray.setContextMenu(electron.Menu.buildFromTemplate(trayMenu((paused = p), { ...actions, togglePause })));
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
