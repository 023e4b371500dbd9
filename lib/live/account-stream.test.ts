import { afterEach, describe, expect, it } from 'vitest';
import { createSharedStores } from '@/lib/stores/shared-stores';
import { openAccountStream } from './account-stream';
import { createOpenStreams, MAX_STREAMS_PER_MEMBER, type OpenStreams } from './open-streams';

const stores = createSharedStores(undefined);
const decoder = new TextDecoder();

/** An open stream of `contactId`, read as text, with what it has said so far and whether it has ended. */
async function open(streams: OpenStreams, contactId: string) {
  const abort = new AbortController();
  const response = await openAccountStream(stores, contactId, abort.signal, streams);
  const reader = response.body!.getReader();
  const stream = { text: '', ended: false, abort: () => abort.abort() };
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      stream.text += decoder.decode(value);
    }
    stream.ended = true;
  })();
  return stream;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
let opened: Awaited<ReturnType<typeof open>>[] = [];

afterEach(() => {
  for (const stream of opened) stream.abort();
  opened = [];
});

describe('the cap on a member’s open streams', () => {
  it('closes the oldest stream when the member opens one more than the cap, and tells it to wait', async () => {
    const streams = createOpenStreams();
    for (let i = 0; i <= MAX_STREAMS_PER_MEMBER; i++) opened.push(await open(streams, 'contact-a'));
    const other = await open(streams, 'contact-b');
    opened.push(other);
    await settle();

    const [oldest, ...rest] = opened.slice(0, -1);
    expect(oldest!.ended).toBe(true);
    expect(oldest!.text).toMatch(/retry: 3600000\n/);
    expect(rest.map((stream) => stream.ended)).toEqual(rest.map(() => false));
    expect(other.ended).toBe(false);
    expect(streams.count('contact-a')).toBe(MAX_STREAMS_PER_MEMBER);
    expect(streams.count('contact-b')).toBe(1);
    expect(streams.total()).toBe(MAX_STREAMS_PER_MEMBER + 1);
  });

  it('frees a slot when a stream closes by itself, so the next one closes nothing', async () => {
    const streams = createOpenStreams();
    for (let i = 0; i < MAX_STREAMS_PER_MEMBER; i++) opened.push(await open(streams, 'contact-a'));
    opened[3]!.abort();
    await settle();
    expect(streams.count('contact-a')).toBe(MAX_STREAMS_PER_MEMBER - 1);
    expect(streams.total()).toBe(MAX_STREAMS_PER_MEMBER - 1);

    opened.push(await open(streams, 'contact-a'));
    await settle();
    expect(opened.filter((stream) => stream.ended)).toEqual([opened[3]]);
    expect(streams.count('contact-a')).toBe(MAX_STREAMS_PER_MEMBER);
  });

  it('stops the fan-out to a closed stream: updates reach the member’s open streams only', async () => {
    const streams = createOpenStreams(2);
    for (let i = 0; i < 3; i++) opened.push(await open(streams, 'contact-c'));
    await stores.liveUpdates.publish('contact:contact-c', '{"revision":1}');
    await settle();
    expect(opened.map((stream) => stream.text.includes('data: {"revision":1}'))).toEqual([false, true, true]);
  });
});

describe('draining the streams when the instance shuts down', () => {
  const retryOf = (text: string) => Number(/retry: (\d+)\n: shutting down\n\n$/.exec(text)?.[1]);

  it('ends every open stream with a hint to reconnect in 1 to 5 s, spread out, and says how many it ended', async () => {
    const streams = createOpenStreams();
    for (const contact of ['contact-a', 'contact-a', 'contact-b']) opened.push(await open(streams, contact));
    expect(streams.drain()).toBe(3);
    await settle();

    expect(opened.map((stream) => stream.ended)).toEqual([true, true, true]);
    const retries = opened.map((stream) => retryOf(stream.text));
    for (const retry of retries) {
      expect(retry).toBeGreaterThanOrEqual(1_000);
      expect(retry).toBeLessThan(5_000);
    }
    expect(new Set(retries).size).toBeGreaterThan(1);
    expect(streams.count('contact-a')).toBe(0);
  });

  it('ends a stream opened after the drain at once, with the same hint, and counts it nowhere', async () => {
    const streams = createOpenStreams();
    streams.drain();
    const late = await open(streams, 'contact-a');
    opened.push(late);
    await settle();
    expect(late.ended).toBe(true);
    expect(retryOf(late.text)).toBeGreaterThanOrEqual(1_000);
    expect(streams.count('contact-a')).toBe(0);
  });

  it('stops the fan-out to drained streams', async () => {
    const streams = createOpenStreams();
    opened.push(await open(streams, 'contact-d'));
    streams.drain();
    await stores.liveUpdates.publish('contact:contact-d', '{"revision":2}');
    await settle();
    expect(opened[0]!.text).not.toContain('data: {"revision":2}');
  });
});
