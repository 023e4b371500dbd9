/**
 * Caches the result of an argument-less async loader for `ttlMs`. Callers that arrive while a load is in
 * flight share it, so a burst of requests costs one upstream call; a failed load is forgotten at once.
 */
export function memoizeWithTtl<T>(load: () => Promise<T>, ttlMs: number, now: () => number = Date.now) {
  let entry: { promise: Promise<T>; expiresAt: number } | undefined;

  const get = (): Promise<T> => {
    if (entry && entry.expiresAt > now()) return entry.promise;
    const promise = load();
    const current = { promise, expiresAt: now() + ttlMs };
    entry = current;
    promise.catch(() => {
      if (entry === current) entry = undefined;
    });
    return promise;
  };

  return Object.assign(get, {
    clear() {
      entry = undefined;
    },
  });
}
