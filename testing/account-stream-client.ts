/**
 * A Node client of the card's event stream, for the load test, the benchmark and the shutdown tests: it
 * keeps every `account` event the stream delivers, with the time it arrived, and every `retry` hint.
 */
export type StreamClient = {
  member: string;
  events: { at: number; balance: number }[];
  /** The reconnection delays the server set, in order (milliseconds). */
  retries: number[];
  closed: boolean;
  close(): void;
};

type Requester = { request(url: string, init?: RequestInit): Promise<Response> };

export async function openStreamClient(
  origin: string,
  session: Requester,
  member: string,
): Promise<StreamClient> {
  const abort = new AbortController();
  const response = await session.request(`${origin}/api/loyalty/events`, { signal: abort.signal });
  if (response.status !== 200 || !response.body) throw new Error(`event stream: ${response.status}`);
  const client: StreamClient = { member, events: [], retries: [], closed: false, close: () => abort.abort() };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          const data = /^event: account\ndata: (.*)$/m.exec(block)?.[1];
          const retry = /^retry: (\d+)$/m.exec(block)?.[1];
          buffer = buffer.slice(end + 2);
          if (retry) client.retries.push(Number(retry));
          if (data) {
            const { account } = JSON.parse(data) as { account: { balance: number } };
            client.events.push({ at: Date.now(), balance: account.balance });
          }
        }
      }
    } catch {
      // Closed by the caller.
    }
    client.closed = true;
  })();
  return client;
}

/**
 * `count` streams over these members' sessions, opened 50 at a time, each pushed to `into` as it opens, so
 * a caller's `finally` closes every one that did, even when a later one fails.
 */
export async function openStreams(
  origin: string,
  sessions: { memberId: string; session: Requester }[],
  count: number,
  into: StreamClient[],
): Promise<void> {
  for (let first = 0; first < count; first += 50) {
    const batch = Array.from({ length: Math.min(50, count - first) }, async (_, offset) => {
      const { memberId, session } = sessions[(first + offset) % sessions.length]!;
      into.push(await openStreamClient(origin, session, memberId));
    });
    await Promise.all(batch);
  }
}
