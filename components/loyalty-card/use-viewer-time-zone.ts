import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * The server renders dates in UTC; after hydration the browser's own time zone takes over. Going through
 * useSyncExternalStore keeps hydration free of mismatches while still showing the viewer's local date.
 */
export function useViewerTimeZone(): string {
  return useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => 'UTC',
  );
}

/** Same idea for "now", which differs between the server render and the browser. */
export function useRenderTime(serverNow: number): number {
  return useSyncExternalStore(
    subscribe,
    () => Math.floor(Date.now() / 60_000) * 60_000,
    () => serverNow,
  );
}
