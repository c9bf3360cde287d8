import { isLoopback } from './auth';

export interface StartupInfo {
  /** The address to open, with the token when there is one. */
  link: string;
  bind: string;
  libraryDir: string;
  dataDir: string;
  libraryRoots: readonly string[];
}

/** What the host prints when it starts: where to go, what it uses, and what is not protected. */
export function startupMessage(s: StartupInfo): string[] {
  const lines = [`VidKeep is running at ${s.link}`, `Library: ${s.libraryDir}  Data: ${s.dataDir}  (Ctrl-C to stop)`];
  lines.push(
    s.libraryRoots.length
      ? `The library folder can be moved from the browser only to a folder inside: ${s.libraryRoots.join(', ')}`
      : 'The library folder can be changed only in the desktop app (start with --library-root <folder> to allow it here).',
  );
  if (!isLoopback(s.bind)) {
    lines.push(
      'WARNING: this is plain HTTP on your network, NOT encrypted. Anyone on the same network can read',
      'what passes between a browser and VidKeep, including the access token in the link above, and use it.',
      'Use it only on a network you trust, or put VidKeep behind an HTTPS reverse proxy.',
    );
  }
  return lines;
}
