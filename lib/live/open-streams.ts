import 'server-only';
import { getConfig } from '@/lib/config/env';
import { processSingleton } from '@/lib/stores/process-singleton';

/**
 * How many live-update streams one member may hold open on one instance, unless `LIVE_STREAMS_PER_MEMBER`
 * says otherwise (the load test and the bench hold hundreds for three demo members). A card or widget needs
 * one per tab; a page that opens streams in a loop would otherwise hold a subscription and a socket for each.
 */
export const MAX_STREAMS_PER_MEMBER = 10;

/** Why this instance ends a stream: the member opened too many, or the instance is shutting down. */
export type StreamEnd = 'over-cap' | 'shutting-down';

/** This instance's open streams per member, oldest first. */
export interface OpenStreams {
  /**
   * Counts a stream of `member`, closing that member's oldest streams (with their `close`) beyond the cap.
   * Once drained, the new stream is closed at once. Returns the function that forgets the stream once it
   * has closed by itself.
   */
  add(member: string, close: (why: StreamEnd) => void): () => void;
  /** How many streams `member` holds open here. */
  count(member: string): number;
  /** Closes every stream, and every stream added from now on, for shutting down; returns how many were open. */
  drain(): number;
  /** How many streams are open here, all members together (the metrics' gauge). */
  total(): number;
}

export function createOpenStreams(limit = MAX_STREAMS_PER_MEMBER): OpenStreams {
  // A Set keeps insertion order, so its first entry is the member's oldest stream.
  const byMember = new Map<string, Set<(why: StreamEnd) => void>>();
  let draining = false;
  return {
    add(member, close) {
      if (draining) {
        close('shutting-down');
        return () => undefined;
      }
      const streams = byMember.get(member) ?? new Set();
      byMember.set(member, streams);
      const entry = (why: StreamEnd) => close(why);
      streams.add(entry);
      for (const oldest of streams) {
        if (streams.size <= limit) break;
        streams.delete(oldest);
        oldest('over-cap');
      }
      return () => {
        streams.delete(entry);
        if (streams.size === 0 && byMember.get(member) === streams) byMember.delete(member);
      };
    },
    count: (member) => byMember.get(member)?.size ?? 0,
    drain() {
      draining = true;
      const open = [...byMember.values()].flatMap((streams) => [...streams]);
      byMember.clear();
      for (const close of open) close('shutting-down');
      return open.length;
    },
    total: () => {
      let open = 0;
      for (const streams of byMember.values()) open += streams.size;
      return open;
    },
  };
}

/**
 * The streams held by this process. Per instance on purpose: with Redis, every instance fans updates out to
 * its own streams, and a stream only ever lives on the instance that serves it.
 */
export function instanceStreams(): OpenStreams {
  return processSingleton('open-event-streams', () =>
    createOpenStreams(getConfig().liveStreamsPerMember ?? MAX_STREAMS_PER_MEMBER),
  );
}
