import type { EventName, Events } from '../shared/contract';

export type Listener<E extends EventName> = (payload: Events[E]) => void;

/** A tiny typed emitter: hosts subscribe once and forward every event to their renderers. */
export class EventHub {
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
}
