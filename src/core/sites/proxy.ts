/** Proxies, global and per site: validation, which one a host uses, masking for the UI. */
import { execFile } from 'node:child_process';
import type { ProxyTest, SitesConfig } from '../../shared/sites';
import { VidKeepError } from '../../shared/errors';
import { matchSite } from './site-key';

const SCHEMES = new Set(['http:', 'https:', 'socks5:', 'socks5h:']);

/** '' (none) or a normalised `scheme://[user:pass@]host:port`; throws a clear message otherwise. */
export function validateProxy(raw: string): string {
  const text = raw.trim();
  if (text === '') return '';
  if (/[\s\0]/.test(text)) throw new VidKeepError('invalid-input', 'A proxy address cannot hold spaces or control characters.', undefined, { reason: 'proxySpaces' });
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new VidKeepError('invalid-input', `“${text.slice(0, 80)}” is not a proxy address.`, 'Write it like http://proxy.example:8080 or socks5://127.0.0.1:1080.', { reason: 'proxyNotUrl', text: text.slice(0, 80) });
  }
  if (!SCHEMES.has(u.protocol)) throw new VidKeepError('invalid-input', `Proxies of type ${u.protocol.replace(':', '')} are not supported.`, 'Use http://, https:// or socks5://.', { reason: 'proxyScheme', scheme: u.protocol.replace(':', '').slice(0, 20) });
  if (!u.hostname) throw new VidKeepError('invalid-input', 'The proxy address names no host.', undefined, { reason: 'proxyNoHost' });
  if ((u.pathname !== '' && u.pathname !== '/') || u.search || u.hash) throw new VidKeepError('invalid-input', 'A proxy address is only scheme, host and port (no path).', 'Write it like http://proxy.example:8080.', { reason: 'proxyPath' });
  // URL drops a port that is the scheme's default (https://h:443), so read it from the text too.
  const explicit = /:(\d{1,5})\/?$/.exec(text)?.[1];
  if (!u.port && !explicit) throw new VidKeepError('invalid-input', 'The proxy address needs a port.', 'For example http://proxy.example:8080 or socks5://127.0.0.1:1080.', { reason: 'proxyNoPort' });
  const auth = u.username ? `${u.username}${u.password ? `:${u.password}` : ''}@` : '';
  return `${u.protocol}//${auth}${u.host}${u.port ? '' : `:${explicit}`}`;
}

/** The password never goes back to a renderer. */
export function maskProxy(proxy: string): string {
  return proxy.replace(/^([a-z0-9]+:\/\/[^:@/]+):[^@/]*@/i, '$1:••••@');
}

/** A value coming back from the UI may still be masked: keep the stored secret then. */
export function unmaskProxy(next: string, stored: string): string {
  return next.includes('••••') && maskProxy(stored) === next ? stored : next;
}

export function proxyFor(host: string, config: Pick<SitesConfig, 'proxy'>): string {
  const site = matchSite(host, Object.keys(config.proxy.perSite));
  return site ? config.proxy.perSite[site]! : config.proxy.global;
}

/** A proxy with a user name or password in it. */
export const proxyHasSecret = (proxy: string): boolean => /^[a-z0-9]+:\/\/[^/@]*@/i.test(proxy);

/**
 * yt-dlp's args for a proxy. A proxy's password must not reach argv, which every user of the machine
 * can read (`ps`, /proc/<pid>/cmdline): it goes into a private yt-dlp config file instead, which
 * `--config-locations` still loads under `--ignore-config`. A validated proxy has `"` and `\`
 * percent-encoded (URL userinfo), so double quotes hold it whole.
 */
export function proxyArgs(proxy: string, privateConfig: (text: string) => string): string[] {
  if (!proxy) return [];
  if (!proxyHasSecret(proxy)) return ['--proxy', proxy];
  if (/["\\\s]/.test(proxy)) throw new VidKeepError('invalid-input', 'A proxy address cannot hold quotes, backslashes or spaces.', undefined, { reason: 'proxySpaces' });
  return ['--config-locations', privateConfig(`--proxy "${proxy}"\n`)];
}

/** yt-dlp's words for a proxy that does not work, to a reason and a sentence. Pure. */
export function classifyProxyFailure(stderr: string, proxy: string): Omit<ProxyTest, 'ok' | 'ms'> {
  const where = maskProxy(proxy);
  const r = (reason: ProxyTest['reason'], message: string, status?: number) => ({ reason, message, proxy: where, ...(status !== undefined ? { status } : {}) });
  if (/Connection refused|ECONNREFUSED|Errno 111/i.test(stderr)) return r('refused', `Nothing answered at the proxy ${where} (connection refused). Check the address and port, and that the proxy is running.`);
  if (/Name or service not known|getaddrinfo|nodename nor servname|Temporary failure in name resolution/i.test(stderr)) return r('dns', `The proxy's host name in ${where} could not be found.`);
  if (/407|Proxy Authentication Required/i.test(stderr)) return r('auth', `The proxy ${where} wants a user name and password (407).`);
  if (/timed? ?out/i.test(stderr)) return r('timeout', `The proxy ${where} did not answer in time.`);
  if (/SOCKS|socks/i.test(stderr)) return r('socks', `The SOCKS proxy ${where} refused the connection.`);
  const status = /HTTP Error (\d{3})/.exec(stderr);
  if (status) return r('status', `The proxy ${where} answered, but the test page came back with HTTP ${status[1]}: it may not be a proxy, or it blocks that site.`, Number(status[1]));
  const err = stderr.split(/\r?\n/).filter((l) => l.startsWith('ERROR:')).pop();
  return r('other', `The test through ${where} failed${err ? `: ${err.replace(/^ERROR:\s*/, '').slice(0, 200)}` : '.'}`);
}

export const explainProxyFailure = (stderr: string, proxy: string): string => classifyProxyFailure(stderr, proxy).message;

/**
 * Asks yt-dlp to read a page through the proxy, so the test uses exactly the code downloads use.
 * "Unsupported URL" still proves the page came through.
 */
export function testProxy(o: { ytDlp: string; proxy: string; url: string; privateConfig: (text: string) => string; done?: () => void; timeoutSec?: number; now?: () => number }): Promise<ProxyTest> {
  const now = o.now ?? Date.now;
  const started = now();
  const t = o.timeoutSec ?? 15;
  const args = ['--ignore-config', '--simulate', '--no-playlist', '--no-warnings', '--socket-timeout', String(t), '--retries', '0', '--extractor-retries', '0', ...proxyArgs(o.proxy, o.privateConfig), '--', o.url];
  return new Promise((resolve) => {
    execFile(o.ytDlp, args, { timeout: (t + 10) * 1000, windowsHide: true, encoding: 'utf8' }, (err, _stdout, stderr) => {
      o.done?.();
      const ms = now() - started;
      const proxy = maskProxy(o.proxy);
      if (!err || /Unsupported URL/i.test(stderr)) return resolve({ ok: true, ms, reason: 'ok', proxy, message: `The proxy ${proxy} works: a page came through in ${ms} ms.` });
      if ((err as { killed?: boolean }).killed) return resolve({ ok: false, ms: null, reason: 'timeout', proxy, message: `The proxy ${proxy} did not answer in time.` });
      resolve({ ok: false, ms: null, ...classifyProxyFailure(stderr, o.proxy) });
    });
  });
}
