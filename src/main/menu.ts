import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. The stock View menu role carries "Toggle Developer Tools", so packaged
 * builds get a View menu spelled out without it (devTools is also off in their webPreferences).
 */
export function appMenuTemplate(platform: NodeJS.Platform, packaged: boolean, viewLabel = 'View'): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = packaged
    ? {
        // Role menus are named by Electron in the system language; this one is spelled out, so it is passed in.
        label: viewLabel,
        submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
      }
    : { role: 'viewMenu' };
  return [...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []), { role: 'fileMenu' }, { role: 'editMenu' }, view, { role: 'windowMenu' }];
}

/** Every role in a template, submenus included (for tests and checks). */
export function menuRoles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? menuRoles(i.submenu as MenuItemConstructorOptions[]) : [])]);
}
