import 'server-only';
import type { WixLayerBoot } from '@/lib/boot/boot-outcome';
import type { SharedStores } from '@/lib/stores/shared-stores';

/** Why an instance takes no traffic, as `/api/ready` says it. Codes are part of the JSON contract. */
export type NotReadyReason =
  | 'SHUTTING_DOWN'
  | 'WIX_LAYER_BOOTING'
  | 'WIX_LAYER_NOT_BOOTED'
  /** `REDIS_URL` is set and Redis did not answer: webhooks would answer 503 and streams would hear nothing. */
  | 'REDIS_UNREACHABLE';

export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason };

/** A load balancer polls readiness every few seconds; a PING on loopback or a LAN takes a millisecond. */
export const REDIS_PING_TIMEOUT_MS = 500;

type ReadinessInputs = {
  shuttingDown: boolean;
  boot: WixLayerBoot;
  stores: Pick<SharedStores, 'reachable'>;
};

/**
 * Whether this instance should get traffic. Cheap, since it is polled: two flags this process holds, and
 * one PING when the stores are on Redis. Wix itself is not called: an outage there is the same for every
 * instance, and taking them all out of the load balancer would only turn a degraded card into no card.
 */
export async function checkReadiness({ shuttingDown, boot, stores }: ReadinessInputs): Promise<Readiness> {
  if (shuttingDown) return { ready: false, reason: 'SHUTTING_DOWN' };
  if (boot === 'booting') return { ready: false, reason: 'WIX_LAYER_BOOTING' };
  if (boot === 'failed') return { ready: false, reason: 'WIX_LAYER_NOT_BOOTED' };
  if (!(await stores.reachable(REDIS_PING_TIMEOUT_MS))) return { ready: false, reason: 'REDIS_UNREACHABLE' };
  return { ready: true };
}
