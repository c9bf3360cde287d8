import type { ShellElectron } from './electron-api';

/**
 * What the app's own page may use: notifications, copying a link, reading the clipboard for the
 * opt-in link offer, and full-screen video. Everything else, and anything asked by another origin,
 * is refused.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen']);

export function permissionAllowed(permission: string, requestingUrl: string | undefined, isAppUrl: (url: string) => boolean): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && typeof requestingUrl === 'string' && isAppUrl(requestingUrl);
}

/**
 * Both handlers: the request handler answers prompts, the check handler answers the synchronous
 * "is it granted?" queries (navigator.permissions, clipboard, notifications) that never reach it.
 */
export function installPermissionHandlers(session: ShellElectron['session']['defaultSession'], isAppUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) => callback(permissionAllowed(permission, details.requestingUrl, isAppUrl)));
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin, isAppUrl));
}
