import { ACCOUNT_EVENT, LIVE_EVENTS_ENDPOINT, type LiveAccountMessage } from '@/lib/loyalty/live-events';
import type { AccountView } from '@/lib/loyalty/view-model';

type Handlers = {
  /** The member's account changed. */
  onAccount(account: AccountView): void;
  /** The stream came back after a drop: updates may have been missed, so read the account once. */
  onResync(): void;
};

const MAX_RETRY_MS = 30_000;

/**
 * Browser side of the live-update stream, for the card on the page and in the embed: plain `EventSource`,
 * no framework. The browser reconnects a dropped stream by itself; a refused one (401, 503) it gives up on,
 * so that is retried here with backoff. Updates older than one already applied are dropped. Returns the
 * function that closes the stream.
 */
export function subscribeToAccountEvents({ onAccount, onResync }: Handlers, url = LIVE_EVENTS_ENDPOINT) {
  let source: EventSource | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let opened = false;
  let newest = -1;

  const connect = () => {
    source = new EventSource(url);
    source.onopen = () => {
      if (opened) onResync();
      opened = true;
      failures = 0;
    };
    source.addEventListener(ACCOUNT_EVENT, (event) => {
      const message = JSON.parse((event as MessageEvent<string>).data) as LiveAccountMessage;
      if (message.revision < newest) return;
      newest = message.revision;
      onAccount(message.account);
    });
    source.onerror = () => {
      if (source?.readyState !== EventSource.CLOSED) return;
      failures += 1;
      retry = setTimeout(connect, Math.min(MAX_RETRY_MS, 1_000 * 2 ** failures));
    };
  };

  connect();
  return () => {
    clearTimeout(retry);
    source?.close();
  };
}
