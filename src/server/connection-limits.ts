/** WebSocket connections one client address may hold at once (a browser tab holds one). */
export const MAX_SOCKETS_PER_CLIENT = 16;
/** WebSocket connections the host holds at once, from everyone. */
export const MAX_SOCKETS_TOTAL = 64;

export type Admission = { ok: true; release(): void } | { ok: false; message: string; values: Record<string, string | number> };

/** Counts open sockets per client and in total; each admitted socket releases its place once. */
export function createConnectionLimits(o: { perClient?: number; total?: number } = {}) {
  const perClient = o.perClient ?? MAX_SOCKETS_PER_CLIENT;
  const total = o.total ?? MAX_SOCKETS_TOTAL;
  const byClient = new Map<string, number>();
  let open = 0;
  return {
    admit(client: string): Admission {
      const mine = byClient.get(client) ?? 0;
      if (mine >= perClient) return { ok: false, message: `This computer already has ${mine} VidKeep tabs or connections open; close some and reload.`, values: { reason: 'perClient', count: mine } };
      if (open >= total) return { ok: false, message: `VidKeep is already serving ${open} connections; close some tabs and reload.`, values: { reason: 'total', count: open } };
      byClient.set(client, mine + 1);
      open++;
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          open--;
          const n = (byClient.get(client) ?? 1) - 1;
          if (n <= 0) byClient.delete(client);
          else byClient.set(client, n);
        },
      };
    },
    get open() {
      return open;
    },
  };
}
