import 'server-only';
import { memoizeWithTtl } from '@/lib/cache/memoize-with-ttl';
import type { AppConfig } from '@/lib/config/env';
import type { WebhookErrorCode } from '@/lib/errors/codes';
import { logger } from '@/lib/observability/logger';

export type KeyLookup =
  | { ok: true; pem: string }
  | { ok: false; code: Extract<WebhookErrorCode, 'WEBHOOKS_NOT_CONFIGURED' | 'WEBHOOK_NOT_PROCESSED'> };

/**
 * A sandbox restarted by another process comes back with a new key pair; a second of caching means its
 * first deliveries (and their retries) are verified with the key it now signs with.
 */
const SANDBOX_KEY_TTL_MS = 1_000;

/**
 * The key webhooks are verified with. Wix mode: `WIX_WEBHOOK_PUBLIC_KEY`, or none (webhooks are off).
 * Sandbox mode: the sandbox's own public key, read from its control endpoint, so nothing is configured.
 */
export function webhookVerificationKey(config: AppConfig): () => Promise<KeyLookup> {
  if (config.mode === 'wix') {
    const pem = config.webhookPublicKey;
    return async () => (pem ? { ok: true, pem } : { ok: false, code: 'WEBHOOKS_NOT_CONFIGURED' });
  }
  const url = `${config.sandbox.origin}/_sandbox/webhooks/public-key`;
  const load = memoizeWithTtl(async () => {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    const { publicKey } = (await response.json()) as { publicKey?: unknown };
    if (!response.ok || typeof publicKey !== 'string') throw new Error(`sandbox key: ${response.status}`);
    return publicKey;
  }, SANDBOX_KEY_TTL_MS);
  return async () => {
    try {
      return { ok: true, pem: await load() };
    } catch (error) {
      logger.error({ url, cause: (error as Error).message }, 'sandbox webhook key unavailable');
      return { ok: false, code: 'WEBHOOK_NOT_PROCESSED' };
    }
  };
}
