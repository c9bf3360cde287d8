/**
 * The last line of defence for a host: an error nobody handled (an 'error' event without a
 * listener, a rejected promise nobody awaited) is logged and the host keeps serving. Handlers
 * still turn their own failures into clear errors; this only stops one missed case from taking
 * every open window, download and subscription down with it.
 */
export interface CrashGuard {
  /** Errors caught so far (for tests and the log). */
  readonly caught: number;
  uninstall(): void;
}

export function installCrashGuard(log: (msg: string, err: unknown) => void = (msg, err) => console.error(`[vidkeep] ${msg}`, err)): CrashGuard {
  let caught = 0;
  const onException = (err: unknown) => {
    caught++;
    log('an unexpected error was caught; VidKeep keeps running', err);
  };
  const onRejection = (reason: unknown) => {
    caught++;
    log('an unexpected rejected promise was caught; VidKeep keeps running', reason);
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return {
    get caught() {
      return caught;
    },
    uninstall() {
      process.off('uncaughtException', onException);
      process.off('unhandledRejection', onRejection);
    },
  };
}
