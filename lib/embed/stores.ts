import 'server-only';
import { createInMemoryOneTimeStore, type OneTimeStore } from '@/lib/stores/one-time-store';
import type { Handoff } from './handoff';

type EmbedStores = {
  /** Popup sign-in codes, written by `/auth/callback` and taken by `/embed/api/session`. */
  handoffCodes: OneTimeStore<Handoff>;
  /** `jti`s of member tokens already used. */
  memberTokenIds: OneTimeStore<true>;
};

/**
 * Held on `globalThis` because the route that writes a code and the route that takes it are built as
 * separate server bundles, which may each get their own copy of this module. Swap the in-memory stores for
 * shared ones (Redis) to run several instances.
 */
const globalStores = globalThis as typeof globalThis & { __loyaltyEmbedStores?: EmbedStores };

export function embedStores(): EmbedStores {
  globalStores.__loyaltyEmbedStores ??= {
    handoffCodes: createInMemoryOneTimeStore<Handoff>(),
    memberTokenIds: createInMemoryOneTimeStore<true>(),
  };
  return globalStores.__loyaltyEmbedStores;
}
