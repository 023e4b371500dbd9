import 'server-only';
import { getConfig } from '@/lib/config/env';
import type { WebhookErrorCode } from '@/lib/errors/codes';
import { logger } from '@/lib/observability/logger';
import { publishAccountUpdate } from '@/lib/live/account-feed';
import { processSingleton } from '@/lib/stores/process-singleton';
import { getSharedStores, type SharedStores } from '@/lib/stores/shared-stores';
import { createAccountEventReader, type AccountEventReader } from '@/lib/wix/account-events';
import { webhookVerificationKey, type KeyLookup } from './verification-key';

export type WebhookOutcome = 'processed' | 'duplicate' | 'ignored';

export type WebhookResponse =
  | { status: 200; body: { received: true; outcome: WebhookOutcome } }
  | { status: 400 | 401 | 503; body: { code: WebhookErrorCode } };

/** Wix retries for up to 48 hours, so an event id is remembered for longer than that. */
const EVENT_MEMORY_MS = 72 * 60 * 60 * 1000;

type ReceiverOptions = {
  verificationKey: () => Promise<KeyLookup>;
  /** Passed to `AppStrategy`; verification itself needs only the key. */
  appId: string;
  stores: SharedStores;
};

const refuse = (status: 400 | 401 | 503, code: WebhookErrorCode): WebhookResponse => ({
  status,
  body: { code },
});
const accept = (outcome: WebhookOutcome): WebhookResponse => ({
  status: 200,
  body: { received: true, outcome },
});

/**
 * Handles one webhook body. Verified first (nothing is read from a token we cannot trust), then: an event
 * type we do not handle is acknowledged and ignored; an event id seen before is acknowledged and changes
 * nothing (Wix delivers at least once); anything else runs its handler, which publishes the account to its
 * owner's open cards. A handler that fails gives the event id back and answers 503, so Wix's retry runs it.
 */
export function createWebhookReceiver({ verificationKey, appId, stores }: ReceiverOptions) {
  let reader: { pem: string; read: AccountEventReader } | undefined;
  const readerFor = (pem: string) => {
    if (reader?.pem !== pem) {
      const read = createAccountEventReader(pem, appId, async (account) => {
        await publishAccountUpdate(stores, account);
      });
      reader = { pem, read };
    }
    return reader.read;
  };

  return async function receive(body: string): Promise<WebhookResponse> {
    const jwt = body.trim();
    if (!jwt) return refuse(400, 'WEBHOOK_BODY_MISSING');
    const key = await verificationKey();
    if (!key.ok) return refuse(503, key.code);

    const result = await readerFor(key.pem)(jwt);
    if (!result.ok) return refuse(result.code === 'WEBHOOK_TOKEN_MALFORMED' ? 400 : 401, result.code);
    const { webhook } = result;
    if (!webhook.known) return accept('ignored');
    if (!webhook.eventId) return refuse(400, 'WEBHOOK_TOKEN_MALFORMED');

    try {
      const lease = await stores.keyLock.acquire(`webhook-event:${webhook.eventId}`, EVENT_MEMORY_MS);
      if (!lease) return accept('duplicate');
      try {
        await webhook.run();
      } catch (error) {
        await lease.release().catch(() => undefined);
        throw error;
      }
    } catch (error) {
      // A Wix call that failed was logged by the Wix door; this is the webhook's own outcome.
      const { eventType, eventId } = webhook;
      logger.warn({ eventType, eventId, cause: errorName(error) }, 'webhook not processed, Wix will retry');
      return refuse(503, 'WEBHOOK_NOT_PROCESSED');
    }
    return accept('processed');
  };
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : typeof error);

/** This process's receiver, from the configuration and the shared stores. */
export function getWebhookReceiver() {
  return processSingleton('webhook-receiver', () => {
    const config = getConfig();
    return createWebhookReceiver({
      verificationKey: webhookVerificationKey(config),
      appId: config.wix.clientId,
      stores: getSharedStores(),
    });
  });
}
