import 'server-only';
import type { OneTimeStore } from '@/lib/stores/one-time-store';
import { getSharedStores } from '@/lib/stores/shared-stores';
import type { Handoff } from './handoff';

type EmbedStores = {
  /** Popup sign-in codes, written by `/auth/callback` and taken by `/embed/api/session`. */
  handoffCodes: OneTimeStore<Handoff>;
  /** `jti`s of member tokens already used. */
  memberTokenIds: OneTimeStore<true>;
};

/**
 * Held on `globalThis` because the route that writes a code and the route that takes it are built as
 * separate server bundles, which may each get their own copy of this module. From the shared stores, so
 * with `REDIS_URL` a code written by one instance is taken on another, and a token is used once across all.
 */
const globalStores = globalThis as typeof globalThis & { __loyaltyEmbedStores?: EmbedStores };

export function embedStores(): EmbedStores {
  globalStores.__loyaltyEmbedStores ??= {
    handoffCodes: getSharedStores().oneTimeStore<Handoff>('embed-handoff'),
    memberTokenIds: getSharedStores().oneTimeStore<true>('embed-member-token'),
  };
  return globalStores.__loyaltyEmbedStores;
}
