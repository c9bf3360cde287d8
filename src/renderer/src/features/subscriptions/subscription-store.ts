/**
 * Every subscription, live: the list once, then `subscriptions.changed` events applied one by one.
 * Events that arrive while the list is loading are replayed on top of it, so none is lost.
 */
import { api } from '../../lib/api';
import { asErrorInfo } from '../../lib/errors';
import { createStore, useStore } from '../../lib/store';
import type { Subscription } from '../../../../shared/types';
import type { ErrorInfo } from '../../../../shared/errors';

export interface SubscriptionsState {
  items: Subscription[];
  loading: boolean;
  error: ErrorInfo | null;
}

const store = createStore<SubscriptionsState>({ items: [], loading: true, error: null });
const byId = new Map<string, Subscription>();
let replay: Array<{ id: string; subscription: Subscription | null }> | null = null;
let started = false;

/** Newest first; ties (same millisecond) by id so the order never flickers. */
const order = (a: Subscription, b: Subscription) => b.createdAt - a.createdAt || a.id.localeCompare(b.id);

function publish(patch: Partial<SubscriptionsState> = {}): void {
  store.set({ ...store.get(), items: [...byId.values()].sort(order), ...patch });
}

function put(id: string, s: Subscription | null): void {
  if (s) byId.set(id, s);
  else byId.delete(id);
}

async function load(): Promise<void> {
  const seen: Array<{ id: string; subscription: Subscription | null }> = [];
  replay = seen;
  try {
    const list = await api.invoke('subscriptions.list', {});
    byId.clear();
    for (const s of list) byId.set(s.id, s);
    for (const e of seen) put(e.id, e.subscription);
    publish({ loading: false, error: null });
  } catch (e) {
    publish({ loading: false, error: asErrorInfo(e) });
  } finally {
    if (replay === seen) replay = null;
  }
}

function start(): void {
  if (started) return;
  started = true;
  api.on('subscriptions.changed', ({ id, subscription }) => {
    replay?.push({ id, subscription });
    put(id, subscription);
    publish();
  });
  // The web host may have restarted (or checks finished) while the socket was down.
  api.onConnection(({ connected }) => {
    if (connected) void load();
  });
  void load();
}

/** Applies what an action returned at once, without waiting for its event. */
export function applySubscriptions(list: Subscription[]): void {
  for (const s of list) put(s.id, s);
  publish();
}

export function forgetSubscription(id: string): void {
  put(id, null);
  publish();
}

export function useSubscriptions(): SubscriptionsState {
  start();
  return useStore(store);
}
