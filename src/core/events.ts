import type { EventName, Events } from '../shared/contract';

export type Listener<E extends EventName> = (payload: Events[E]) => void;

/** What hosts see of the core's events: contract events, to forward to their renderers as they are. */
export interface ContractEvents {
  /** Every event, for hosts that forward them all. */
  onAny(listener: <E extends EventName>(name: E, payload: Events[E]) => void): () => void;
  /** One event, typed (the desktop's notifications and taskbar progress). */
  on<E extends EventName>(name: E, listener: Listener<E>): () => void;
}

/** The outlet of the coalescer: hosts subscribe once and forward every event. */
export class EventHub implements ContractEvents {
  private readonly listeners = new Set<<E extends EventName>(name: E, payload: Events[E]) => void>();

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch (err) {
        console.error(`[vidkeep] event listener for ${name} failed`, err);
      }
    }
  }

  onAny(listener: <E extends EventName>(name: E, payload: Events[E]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<E extends EventName>(name: E, listener: Listener<E>): () => void {
    const one = (n: EventName, payload: unknown) => {
      if (n === name) listener(payload as Events[E]);
    };
    return this.onAny(one as Parameters<EventHub['onAny']>[0]);
  }
}
