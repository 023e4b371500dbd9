import 'server-only';
import { ACCOUNT_EVENT } from '@/lib/loyalty/live-events';
import type { SharedStores } from '@/lib/stores/shared-stores';
import { subscribeToContact } from './account-feed';

/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** How long the browser waits before reconnecting a dropped stream by itself. */
const RECONNECT_MS = 2_000;

const encoder = new TextEncoder();

/**
 * A Server-Sent Events response carrying this contact's account updates until the browser goes away. The
 * subscription is in place before the response starts, so once the browser sees the stream open, no
 * update can slip past it. `no-transform` keeps `next start`'s gzip from buffering the events.
 */
export async function openAccountStream(
  stores: SharedStores,
  contactId: string,
  signal: AbortSignal,
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
      close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
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
