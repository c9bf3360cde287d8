import { checkTokenStrength } from './auth';

export interface ServeArgs {
  host: string;
  /** null: VidKeep's usual port, or any free one if that is taken. */
  port: number | null;
  dataDir?: string;
  libraryDir?: string;
  token?: string;
  /** `--library-root`, repeatable: folders a browser may move the library into. */
  libraryRoots: string[];
  open: boolean;
  /** Lets the daily yt-dlp update check run (off by default on a server). */
  allowYtDlpUpdates: boolean;
  /** Links given on the command line (`vidkeep <link>…`): queued once the host is up. */
  urls: string[];
}

/**
 * Parses `--port 8080 --data-dir X --library Y --host 0.0.0.0 --token T --library-root R [link…]`;
 * throws a human message on bad input.
 */
export function parseServeArgs(argv: string[]): ServeArgs {
  const out: ServeArgs = { host: '127.0.0.1', port: null, libraryRoots: [], open: false, allowYtDlpUpdates: false, urls: [] };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    // Not an option: a link to download (checked like a paste when it is queued).
    if (!raw.startsWith('-')) {
      out.urls.push(raw);
      continue;
    }
    const [flag, inline] = raw.includes('=') ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error('--port must be a number from 0 to 65535.');
        out.port = n;
        break;
      }
      case '--host':
        out.host = value();
        break;
      case '--data-dir':
        out.dataDir = value();
        break;
      case '--library':
        out.libraryDir = value();
        break;
      case '--token':
        out.token = value();
        checkTokenStrength(out.token);
        break;
      case '--library-root':
        out.libraryRoots.push(value());
        break;
      case '--open':
        out.open = true;
        break;
      case '--allow-ytdlp-updates':
        out.allowYtDlpUpdates = true;
        break;
      default:
        throw new Error(`Unknown option ${flag}. Use --port, --host, --data-dir, --library, --library-root, --token, --allow-ytdlp-updates.`);
    }
  }
  return out;
}
