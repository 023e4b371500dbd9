import type { Redis } from 'ioredis';
import { createMemoryLiveUpdates, type LiveUpdates } from './live-updates';

type Envelope = { channel: string; message: string };

/**
 * Several instances: every publish goes through one Redis pub/sub topic, and each instance hands it to its
 * own streams through the in-process emitter. One topic rather than one per account: account events are
 * rare next to page views, and it spares a SUBSCRIBE/UNSUBSCRIBE round trip for every stream that opens or
 * closes (and the race of an event published before such a subscription is confirmed).
 */
export function createRedisLiveUpdates(publisher: Redis, subscriber: Redis, topic: string): LiveUpdates {
  const local = createMemoryLiveUpdates();
  let subscribed: Promise<unknown> | undefined;

  subscriber.on('message', (from: string, raw: string) => {
    if (from !== topic) return;
    const envelope = parseEnvelope(raw);
    if (envelope) void local.publish(envelope.channel, envelope.message);
  });

  const ensureSubscribed = () => {
    subscribed ??= subscriber.subscribe(topic).catch((error: unknown) => {
      subscribed = undefined;
      throw error;
    });
    return subscribed;
  };

  return {
    async publish(channel, message) {
      await publisher.publish(topic, JSON.stringify({ channel, message } satisfies Envelope));
    },
    async subscribe(channel, listener) {
      await ensureSubscribed();
      return local.subscribe(channel, listener);
    },
  };
}

function parseEnvelope(raw: string): Envelope | null {
  try {
    const value = JSON.parse(raw) as Partial<Envelope>;
    return typeof value.channel === 'string' && typeof value.message === 'string'
      ? { channel: value.channel, message: value.message }
      : null;
  } catch {
    return null;
  }
}
