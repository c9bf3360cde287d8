/**
 * A stand-in for the part of Electron the shell uses, typed by Electron's own declarations
 * (electron-api.ts picks them from electron.d.ts): every class `implements` its slice and the
 * whole is checked with `satisfies ShellElectron`, so if Electron's API and this fake part ways the
 * typecheck fails. It keeps Electron's rules that matter for wiring: privileged schemes once and
 * before 'ready', protocol handlers only after it, one handler per IPC channel, and before-quit
 * that can be prevented. Windows "load" their URL through the registered protocol handler.
 */
import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  Display,
  HandlerDetails,
  MenuItemConstructorOptions,
  NotificationConstructorOptions,
  Rectangle,
  Settings,
  WindowOpenHandlerResponse,
} from 'electron';
import type {
  AppLike,
  FrameLike,
  InvokeEventLike,
  InvokeListener,
  IpcMainLike,
  MenuHandle,
  PowerMonitorLike,
  ProtocolLike,
  SessionLike,
  ShellElectron,
  TrayLike,
  WebContentsLike,
  WindowLike,
} from './electron-api';

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
type RequestHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<SessionLike['setPermissionCheckHandler']>[0];

/** Who holds the single-instance lock, shared by the fakes of two "launches". */
export class InstanceRegistry {
  holder: FakeApp | null = null;
}

class PreventableEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeApp extends EventEmitter implements AppLike {
  private paths = new Map<string, string>();
  private readyResolve!: () => void;
  private readonly readyPromise = new Promise<void>((r) => (this.readyResolve = r));
  isReady = false;
  quitCalls = 0;
  quitPrevented = 0;
  exitCode: number | null = null;
  /** Resolves when a quit went through (nothing prevented it). */
  readonly quitted: Promise<void>;
  private quitResolve!: () => void;

  constructor(
    private readonly registry: InstanceRegistry,
    private readonly argv: string[],
    readonly isPackaged: boolean,
    paths: Record<string, string>,
  ) {
    super();
    for (const [k, v] of Object.entries(paths)) this.paths.set(k, v);
    this.quitted = new Promise((r) => (this.quitResolve = r));
  }

  requestSingleInstanceLock(): boolean {
    if (this.registry.holder && this.registry.holder !== this) {
      // Electron hands the second launch's command line to the first.
      this.registry.holder.emit('second-instance', new PreventableEvent(), this.argv, '/', {});
      return false;
    }
    this.registry.holder = this;
    return true;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** The test's "Electron finished starting". */
  ready(): void {
    this.isReady = true;
    this.readyResolve();
  }
  quit(): void {
    this.quitCalls++;
    const e = new PreventableEvent();
    this.emit('before-quit', e);
    if (e.defaultPrevented) {
      this.quitPrevented++;
      return;
    }
    this.emit('will-quit', new PreventableEvent());
    if (this.registry.holder === this) this.registry.holder = null;
    this.quitResolve();
  }
  exit(exitCode?: number): void {
    this.exitCode = exitCode ?? 0;
  }
  getPath(name: Parameters<AppLike['getPath']>[0]): string {
    const p = this.paths.get(name);
    if (!p) throw new Error(`Failed to get '${name}' path`);
    return p;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  getAppPath(): string {
    return '/nonexistent/app';
  }
  readonly protocolClients: string[] = [];
  setAsDefaultProtocolClient(protocol: string): boolean {
    this.protocolClients.push(protocol);
    return true;
  }
  readonly loginItems: Settings[] = [];
  setLoginItemSettings(settings: Settings): void {
    this.loginItems.push(settings);
  }
}

export class FakeTray extends EventEmitter implements TrayLike {
  tooltips: string[] = [];
  menus: Array<MenuHandle | null> = [];
  destroyed = false;
  constructor(readonly image: string) {
    super();
  }
  setToolTip(toolTip: string): void {
    this.tooltips.push(toolTip);
  }
  setContextMenu(menu: MenuHandle | null): void {
    this.menus.push(menu);
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeProtocol implements ProtocolLike {
  privileged: CustomScheme[] | null = null;
  readonly handlers = new Map<string, ProtocolHandler>();
  constructor(private readonly app: FakeApp) {}

  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (this.app.isReady) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
    if (this.privileged) throw new Error('registerSchemesAsPrivileged can only be called once');
    this.privileged = customSchemes;
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!this.app.isReady) throw new Error('protocol.handle cannot be used before the app is ready');
    if (this.handlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  }
  /** What a page's request for `url` gets; an unhandled scheme fails as in Chromium. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME ${url}`);
    return handler(new Request(url, init));
  }
}

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** The renderer's ipcRenderer.invoke as main sees it. */
  async invoke(event: InvokeEventLike, channel: string, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`No handler registered for '${channel}'`);
    return h(event, ...args);
  }
}

export class FakeWebContents extends EventEmitter implements WebContentsLike {
  readonly mainFrame: { url: string } & FrameLike = { url: '' };
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
    this.emit('test:sent', channel, ...args);
  }
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  /** Emits a preventable Electron event; returns whether a listener prevented it. */
  dispatch(name: string, ...args: unknown[]): boolean {
    const e = new PreventableEvent();
    this.emit(name, e, ...args);
    return e.defaultPrevented;
  }
}

export function makeFakeElectron(o: { registry: InstanceRegistry; argv: string[]; isPackaged: boolean; paths: Record<string, string> }) {
  const app = new FakeApp(o.registry, o.argv, o.isPackaged, o.paths);
  const protocol = new FakeProtocol(app);

  class FakeWindow extends EventEmitter implements WindowLike {
    static readonly all: FakeWindow[] = [];
    readonly webContents = new FakeWebContents();
    readonly progress: number[] = [];
    loads: Array<{ url: string; status: number }> = [];
    minimized = false;
    focused = false;
    destroyed = false;
    restores = 0;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      FakeWindow.all.push(this);
    }
    async loadURL(url: string): Promise<void> {
      this.webContents.mainFrame.url = url;
      const r = await protocol.fetch(url);
      this.loads.push({ url, status: r.status });
      if (!r.ok) throw new Error(`ERR_FAILED (${r.status}) loading '${url}'`);
      this.emit('ready-to-show');
    }
    visible = true;
    show(): void {
      this.visible = true;
    }
    hide(): void {
      this.visible = false;
    }
    focus(): void {
      this.focused = true;
    }
    restore(): void {
      this.restores++;
      this.minimized = false;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isFocused(): boolean {
      return this.focused;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isFullScreen(): boolean {
      return false;
    }
    getNormalBounds(): Rectangle {
      return { x: 10, y: 20, width: 1200, height: 800 };
    }
    setProgressBar(progress: number): void {
      this.progress.push(progress);
    }
  }

  type BuiltMenu = MenuHandle & { template: MenuItemConstructorOptions[] };
  const menu = {
    /** The application menu's template (a tray menu is built too, but not applied). */
    template: null as MenuItemConstructorOptions[] | null,
    applied: null as MenuHandle | null,
    buildFromTemplate(template: MenuItemConstructorOptions[]): BuiltMenu {
      return { items: [], template };
    },
    setApplicationMenu(m: MenuHandle | null): void {
      menu.applied = m;
      menu.template = m ? (m as BuiltMenu).template : null;
    },
  };

  class FakeNotification {
    static readonly shown: NotificationConstructorOptions[] = [];
    constructor(private readonly options: NotificationConstructorOptions) {}
    show(): void {
      FakeNotification.shown.push(this.options);
    }
    static isSupported(): boolean {
      return true;
    }
  }

  const session = {
    requestHandler: null as RequestHandler,
    checkHandler: null as CheckHandler,
    setPermissionRequestHandler(handler: RequestHandler): void {
      session.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: CheckHandler): void {
      session.checkHandler = handler;
    },
  };

  class PowerMonitor extends EventEmitter implements PowerMonitorLike {}

  const trays: FakeTray[] = [];
  const calls = { openExternal: [] as string[], showItemInFolder: [] as string[], trashItem: [] as string[], errorBoxes: [] as string[] };
  const electron = {
    app,
    protocol,
    ipcMain: new FakeIpcMain(),
    BrowserWindow: FakeWindow,
    Tray: class extends FakeTray {
      constructor(image: string) {
        super(image);
        trays.push(this);
      }
    },
    Menu: menu,
    Notification: FakeNotification,
    powerMonitor: new PowerMonitor(),
    dialog: { showErrorBox: (title: string, content: string) => void calls.errorBoxes.push(`${title}: ${content}`), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
    screen: { getAllDisplays: (): Display[] => [] },
    session: { defaultSession: session },
    shell: {
      openExternal: async (url: string) => void calls.openExternal.push(url),
      showItemInFolder: (path: string) => void calls.showItemInFolder.push(path),
      trashItem: async (path: string) => void calls.trashItem.push(path),
    },
  } satisfies ShellElectron;
  return { electron, calls, windows: FakeWindow.all, menu, session, notifications: FakeNotification.shown, trays };
}
