/**
 * The part of Electron's API the desktop shell uses, written against Electron's own declarations
 * (electron.d.ts). index.ts passes the real module, so each slice here must be something Electron
 * really offers (a changed event, argument or permission name fails the typecheck there); the test
 * passes a fake that implements the same slices (so it cannot drift either).
 *
 * Methods are picked from Electron's types where a fake can implement them; event methods and
 * callbacks are spelled out with the arguments the shell reads, because Electron's `on()` returns
 * the full object and its IPC event carries a full WebContents that no fake can build.
 */
import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  Menu,
  MenuItemConstructorOptions,
  Notification,
  NotificationConstructorOptions,
  PermissionCheckHandlerHandlerDetails,
  PermissionRequest,
  Protocol,
  Screen,
  Session,
  Shell,
  Tray,
  WebContents,
  WebFrameMain,
} from 'electron';

/** What a listener may do with an Electron event. */
export interface Preventable {
  preventDefault(): void;
}

export type FrameLike = Pick<WebFrameMain, 'url'>;

export type WebContentsLike = Pick<WebContents, 'send' | 'setWindowOpenHandler'> & {
  readonly mainFrame: FrameLike;
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
};

export type WindowLike = Pick<BrowserWindow, 'show' | 'hide' | 'focus' | 'restore' | 'isMinimized' | 'isFocused' | 'isDestroyed' | 'isFullScreen' | 'getNormalBounds' | 'setProgressBar' | 'loadURL'> & {
  readonly webContents: WebContentsLike;
  on(event: 'close', listener: (event: Preventable) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
};

export type AppLike = Pick<
  App,
  'whenReady' | 'requestSingleInstanceLock' | 'quit' | 'exit' | 'getPath' | 'setPath' | 'getVersion' | 'getAppPath' | 'isPackaged' | 'setAsDefaultProtocolClient' | 'setLoginItemSettings'
> & {
  /** macOS hands a vidkeep:// link to the running app this way (other systems start a second instance). */
  on(event: 'open-url', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'second-instance', listener: (event: Preventable, argv: string[], workingDirectory: string, additionalData: unknown) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: Preventable) => void): unknown;
  on(event: 'activate', listener: (event: Preventable, hasVisibleWindows: boolean) => void): unknown;
  /** The system's languages, most wanted first (notifications speak the first VidKeep knows). */
  getPreferredSystemLanguages?(): string[];
};

/** What an IPC handler looks at: who sent it. Electron's IpcMainInvokeEvent satisfies it. */
export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: FrameLike | null;
}

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- as Electron declares it */
export type InvokeListener = (event: InvokeEventLike, ...args: any[]) => unknown;

export interface IpcMainLike {
  handle(channel: string, listener: InvokeListener): void;
  removeHandler(channel: string): void;
}

export type Permission = Parameters<NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>>[1];

export interface SessionLike {
  setPermissionRequestHandler(
    handler: ((webContents: unknown, permission: Permission, callback: (granted: boolean) => void, details: Pick<PermissionRequest, 'requestingUrl' | 'isMainFrame'>) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: Permission, requestingOrigin: string, details: PermissionCheckHandlerHandlerDetails) => boolean) | null): void;
}

export type MenuHandle = Pick<Menu, 'items'>;

export interface MenuApi {
  buildFromTemplate(template: MenuItemConstructorOptions[]): MenuHandle;
  setApplicationMenu(menu: MenuHandle | null): void;
}

export interface PowerMonitorLike {
  on(event: 'suspend', listener: () => void): unknown;
  on(event: 'resume', listener: () => void): unknown;
}

/** The tray (menu-bar) icon. The menu is typed by what the shell builds, like Menu's. */
export type TrayLike = Pick<Tray, 'setToolTip' | 'destroy'> & {
  setContextMenu(menu: MenuHandle | null): void;
  on(event: 'click', listener: () => void): unknown;
};

export type ProtocolLike = Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

export interface ShellElectron {
  app: AppLike;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => WindowLike;
  dialog: Pick<Dialog, 'showErrorBox' | 'showOpenDialog'>;
  ipcMain: IpcMainLike;
  Menu: MenuApi;
  Notification: (new (options: NotificationConstructorOptions) => Pick<Notification, 'show'>) & Pick<typeof Notification, 'isSupported'>;
  powerMonitor: PowerMonitorLike;
  protocol: ProtocolLike;
  screen: Pick<Screen, 'getAllDisplays'>;
  session: { defaultSession: SessionLike };
  shell: Pick<Shell, 'openExternal' | 'showItemInFolder' | 'trashItem'>;
  Tray: new (image: string) => TrayLike;
}
