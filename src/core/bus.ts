/**
 * The core's one event bus. The queue, the library, settings and subscriptions emit what
 * happened here, as domain facts; the coalescer is the one listener that turns them into
 * contract events for the hosts.
 */
import type { QueueEvent } from './queue/types';
import type { Settings, Subscription } from '../shared/types';
import type { LiveRecording } from '../shared/choose';
import type { ReorganizeStatus } from '../shared/reorganize';
import type { ImportStatus } from '../shared/import';

export interface CoreEvents {
  /** Everything the queue reports, progress included, unthrottled. */
  job: QueueEvent;
  /** Videos added, changed or removed; an empty list means "anything may have changed". */
  'library.changed': { videoIds: string[] };
  'settings.changed': Settings;
  /** A subscription was added, changed, checked or removed (then `subscription` is null). */
  'subscriptions.changed': { id: string; subscription: Subscription | null };
  /** A playlist listing read more entries or ended (the listing throttles itself). */
  'choose.listing': { listingId: string; total: number; done: boolean; error: string | null };
  'live.changed': LiveRecording;
  /** "Reorganize library" status (the service throttles itself). */
  'library.reorganize': ReorganizeStatus;
  /** An import's progress (throttled by the import itself) and its end. */
  'import.changed': ImportStatus;
}
export type CoreEventName = keyof CoreEvents;

export interface Bus {
  emit<E extends CoreEventName>(name: E, payload: CoreEvents[E]): void;
  on<E extends CoreEventName>(name: E, listener: (payload: CoreEvents[E]) => void): () => void;
}

export function createBus(): Bus {
  const listeners = new Map<CoreEventName, Set<(payload: never) => void>>();
  return {
    emit(name, payload) {
      for (const l of listeners.get(name) ?? []) {
        try {
          (l as (p: typeof payload) => void)(payload);
        } catch (err) {
          // One broken listener must not stop the others, nor the emitter's work.
          console.error(`[vidkeep] listener for ${name} failed`, err);
        }
      }
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => void set.delete(listener as (payload: never) => void);
    },
  };
}
