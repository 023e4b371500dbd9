/** A sandbox latency long enough that calls started together are still in flight together, however busy. */
export const ROUND_TRIP_LATENCY_MS = 40;

/**
 * Counts the sequential upstream round trips an operation pays for: every Wix call it makes is timed (the
 * SDK fetches through the global `fetch`), and the answer is the longest chain of calls each starting after
 * the previous one ended. Calls made side by side overlap and count once. Give the sandbox a latency first,
 * so calls started together are still in flight together however busy the machine is. `paths`: the Wix
 * paths called, in order, to say which APIs an operation reached.
 */
export async function countRoundTrips<T>(
  operation: () => Promise<T>,
): Promise<{ result: T; trips: number; paths: string[] }> {
  const calls: { start: number; end: number; path: string }[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!new URL(url).hostname.endsWith('wixapis.com')) return original(input, init);
    const call = { start: performance.now(), end: Infinity, path: new URL(url).pathname };
    calls.push(call);
    try {
      return await original(input, init);
    } finally {
      call.end = performance.now();
    }
  };
  try {
    const result = await operation();
    return { result, trips: longestChain(calls), paths: calls.map((call) => call.path) };
  } finally {
    globalThis.fetch = original;
  }
}

/** The most calls that ran one after another: earliest-ending first, each after the last one taken. */
function longestChain(calls: { start: number; end: number }[]): number {
  let trips = 0;
  let free = -Infinity;
  for (const call of [...calls].sort((a, b) => a.end - b.end)) {
    if (call.start >= free) {
      trips++;
      free = call.end;
    }
  }
  return trips;
}
