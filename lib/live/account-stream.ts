import 'server-only';
import { ACCOUNT_EVENT } from '@/lib/loyalty/live-events';
import type { SharedStores } from '@/lib/stores/shared-stores';
import { subscribeToContact } from './account-feed';
import { instanceStreams, type OpenStreams, type StreamEnd } from './open-streams';

/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** How long the browser waits before reconnecting a dropped stream by itself. */
const RECONNECT_MS = 2_000;
/**
 * How long a stream closed for being over the member's cap waits before reconnecting: long enough that the
 * member's tabs do not take turns closing each other's streams; SWR still revalidates such a card on focus.
 */
const EVICTED_RECONNECT_MS = 60 * 60 * 1000;
/**
 * A stream ended because this instance is shutting down reconnects after 1 to 5 s, through the load balancer
 * to another instance; spread out, so that the instance's thousands of streams do not land on the others
 * in the same instant.
 */
const DRAINED_RECONNECT_MS = { from: 1_000, spread: 4_000 };

const reconnectHint = (why: StreamEnd) =>
  why === 'over-cap'
    ? `retry: ${EVICTED_RECONNECT_MS}\n: too many streams\n\n`
    : `retry: ${DRAINED_RECONNECT_MS.from + Math.floor(Math.random() * DRAINED_RECONNECT_MS.spread)}\n: shutting down\n\n`;

const encoder = new TextEncoder();

/**
 * A Server-Sent Events response carrying this contact's account updates until the browser goes away. The
 * subscription is in place before the response starts, so once the browser sees the stream open, no
 * update can slip past it. `no-transform` keeps `next start`'s gzip from buffering the events. Beyond
 * `MAX_STREAMS_PER_MEMBER` streams of one member on this instance, the oldest is closed; when the instance
 * shuts down, every stream is closed with a hint to reconnect soon.
 */
export async function openAccountStream(
  stores: SharedStores,
  contactId: string,
  signal: AbortSignal,
  streams: OpenStreams = instanceStreams(),
): Promise<Response> {
  let write: (chunk: string) => void = () => undefined;
  const unsubscribe = await subscribeToContact(stores, contactId, (message) =>
    write(`event: ${ACCOUNT_EVENT}\ndata: ${message}\n\n`),
  );
  let closed = false;
  let close = () => {
    closed = true;
    unsubscribe();
  };
  if (signal.aborted) close();

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (closed) return controller.close();
      const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
      const onAbort = () => close();
      let forget: () => void = () => undefined;
      close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        forget();
        signal.removeEventListener('abort', onAbort);
        try {
          controller.close();
        } catch {
          // Already closed by the consumer.
        }
      };
      write = (chunk) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      signal.addEventListener('abort', onAbort);
      write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
      if (closed) return;
      forget = streams.add(contactId, (why) => {
        write(reconnectHint(why));
        close();
      });
    },
    cancel() {
      close();
    },
  });

  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'private, no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
