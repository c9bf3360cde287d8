import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/index';
import { defaultDataDir, defaultLibraryDir } from '../core/paths';
import { toErrorInfo } from '../shared/errors';
import { parseServeArgs } from './args';
import { isLoopback } from './auth';
import { startWebHost } from './host';
import { installCrashGuard } from '../core/guard';
import { openBrowser } from './open-browser';
import { resolveLibraryRoots } from './library-roots';
import { startupMessage } from './startup-message';
import { queueCommandLineLinks } from './command-line-links';

declare const __APP_VERSION__: string | undefined;

const DEFAULT_PORT = 4810;

async function main(): Promise<void> {
  // No handler's missed error may take the host (and every download) down.
  installCrashGuard();
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (err) {
    const info = toErrorInfo(err);
    console.error(`vidkeep: ${info.code === 'internal' ? (err as Error).message : info.message}${info.hint ? `\n${info.hint}` : ''}`);
    process.exit(2);
  }
  const token = args.token ?? (isLoopback(args.host) ? null : randomBytes(24).toString('base64url'));
  let libraryRoots: string[];
  try {
    libraryRoots = resolveLibraryRoots(args.libraryRoots);
  } catch (err) {
    const info = toErrorInfo(err);
    console.error(`vidkeep: ${info.message}${info.hint ? `\n${info.hint}` : ''}`);
    process.exit(2);
  }
  const core = await createCore({
    dataDir: args.dataDir ?? defaultDataDir(),
    libraryDir: args.libraryDir ?? defaultLibraryDir(),
    host: 'web',
    version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : process.env.npm_package_version ?? '0.0.0',
    ...(process.env.VIDKEEP_YTDLP ? { ytDlpPath: process.env.VIDKEEP_YTDLP } : {}),
    ...(process.env.VIDKEEP_YTDLP_RELEASE_URL ? { ytDlpReleaseUrl: process.env.VIDKEEP_YTDLP_RELEASE_URL } : {}),
    allowAutoUpdate: args.allowYtDlpUpdates,
    ...testKnobs(process.env),
  });
  const start = (port: number) => startWebHost({ core, host: args.host, port, token, libraryRoots, staticDir: fileURLToPath(new URL('../renderer/', import.meta.url)) });
  // A stable address users can bookmark; any free port when another program holds it.
  let host: Awaited<ReturnType<typeof start>>;
  try {
    host = args.port !== null ? await start(args.port) : await start(DEFAULT_PORT).catch(() => start(0));
  } catch (err) {
    // Could not listen (port taken, address not on this machine): release the library before leaving.
    await core.close().catch(() => undefined);
    throw err;
  }
  const link = token ? `${host.url}?token=${token}` : host.url;
  for (const line of startupMessage({ link, bind: args.host, libraryDir: core.libraryDir(), dataDir: core.options.dataDir, libraryRoots })) console.log(line);
  for (const line of await queueCommandLineLinks(core, args.urls)) console.log(line);
  if (args.open) void openBrowser(link).then((r) => !r.ok && console.error(r.message));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nVidKeep is stopping (${signal}); letting running downloads pause safely…`);
    let code = 0;
    try {
      await host.close();
    } catch (err) {
      console.error(`vidkeep: ${(err as Error).message}`);
      code = 1;
    } finally {
      await core.close().catch((err: unknown) => {
        console.error(`vidkeep: ${(err as Error).message}`);
        code = 1;
      });
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Retry delays and shutdown grace in ms, for the e2e suite (users never need these). */
function testKnobs(env: NodeJS.ProcessEnv) {
  const ms = (v: string | undefined) => (v && Number.isFinite(Number(v)) && Number(v) >= 0 ? Number(v) : undefined);
  const retry = ms(env.VIDKEEP_RETRY_DELAY_MS);
  const grace = ms(env.VIDKEEP_SHUTDOWN_GRACE_MS);
  return {
    ...(retry !== undefined ? { downloads: { rateLimitDelayMs: retry, networkDelayMs: retry } } : {}),
    ...(grace !== undefined ? { shutdownGraceMs: grace } : {}),
  };
}

main().catch((err) => {
  const info = toErrorInfo(err);
  console.error(`VidKeep could not start: ${info.message}${info.hint ? `\n${info.hint}` : ''}`);
  process.exit(1);
});
