import { EventEmitter } from 'node:events';

/**
 * The fan-out behind live updates: a webhook handled on one instance reaches every open event stream of
 * that account, on whichever instance it is connected. Messages are strings (JSON) so any transport works.
 */
export interface LiveUpdates {
  /** Delivers `message` to every current subscriber of `channel`. */
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once `listener` is subscribed, with the function that unsubscribes it. */
  subscribe(channel: string, listener: (message: string) => void): Promise<() => void>;
}

/** One instance: an in-process emitter. */
export function createMemoryLiveUpdates(): LiveUpdates {
  const emitter = new EventEmitter();
  // One listener per open stream: hundreds on one channel are expected, not a leak.
  emitter.setMaxListeners(0);
  return {
    async publish(channel, message) {
      emitter.emit(channel, message);
    },
    async subscribe(channel, listener) {
      emitter.on(channel, listener);
      return () => void emitter.off(channel, listener);
    },
  };
}
