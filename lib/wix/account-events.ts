import 'server-only';
import { AppStrategy, createClient } from '@wix/sdk';
import { decodeProtectedHeader } from 'jose';
import { accounts } from '@wix/loyalty';
import type { WebhookErrorCode } from '@/lib/errors/codes';
import { getAdminClient } from './clients';
import type { WixLoyaltyAccount } from './types';

/** A webhook whose signature and shape held, ready to run; `known` is false for events we do not handle. */
export type VerifiedWebhook = {
  eventType: string;
  /** The event's own id, which stays the same when Wix delivers it again. */
  eventId: string | null;
  known: boolean;
  run(): Promise<void>;
};

export type WebhookReadResult =
  | { ok: true; webhook: VerifiedWebhook }
  | { ok: false; code: Extract<WebhookErrorCode, `WEBHOOK_TOKEN_${string}` | 'WEBHOOK_SIGNATURE_INVALID'> };

/**
 * The four loyalty-account webhooks, read with `@wix/sdk` as Wix documents for self-hosted handlers:
 * `AppStrategy({ appId, publicKey })` verifies the JWT (RS256, with the SDK's own jose) and the accounts
 * module's `on…` handlers unwrap each event into SDK shapes. It works for a headless site because
 * verification needs only the public key: `appId` is checked only when asked for caller claims, which
 * `parseJWT` does not, and this client never calls Wix (no app secret is needed).
 *
 * We call `parseJWT` and `executeHandlers` rather than `process`: `process` throws the same bare `Error`
 * for a forged token and for an event type with no handler, and those need different answers (401 and 200).
 *
 * Every handler hands `onAccount` the account as it now stands. Reward Availability Updated carries only
 * the flag, so its account is read again with the API key.
 */
export function createAccountEventReader(
  publicKey: string,
  appId: string,
  onAccount: (account: WixLoyaltyAccount) => Promise<void>,
) {
  const client = createClient({ auth: AppStrategy({ appId, publicKey }), modules: { accounts } });
  client.accounts.onAccountCreated(({ entity }) => onAccount(entity));
  client.accounts.onAccountPointsUpdated(async ({ data }) => {
    if (data.account) await onAccount(data.account);
  });
  client.accounts.onAccountUpdated(({ entity }) => onAccount(entity));
  client.accounts.onAccountRewardAvailabilityUpdated(async ({ metadata }) => {
    if (!metadata.entityId) return;
    await onAccount(await getAdminClient().accounts.getAccount(metadata.entityId));
  });
  const handled = client.webhooks.getRegisteredEvents();

  return async function read(jwt: string): Promise<WebhookReadResult> {
    const refused = screenHeader(jwt);
    if (refused) return { ok: false, code: refused };
    let event: Awaited<ReturnType<typeof client.webhooks.parseJWT>>;
    try {
      event = await client.webhooks.parseJWT(jwt);
    } catch (error) {
      return { ok: false, code: classifyTokenError(error) };
    }
    const payload = event.payload as { id?: unknown } | null;
    return {
      ok: true,
      webhook: {
        eventType: String(event.eventType),
        eventId: typeof payload?.id === 'string' && payload.id ? payload.id : null,
        known: handled.has(event.eventType),
        run: () => client.webhooks.executeHandlers(event),
      },
    };
  };
}

export type AccountEventReader = ReturnType<typeof createAccountEventReader>;

type TokenRefusal = Extract<WebhookReadResult, { ok: false }>['code'];

/**
 * Wix signs with RS256. A token that says otherwise (HS256, `none`, another key type) is refused before
 * the SDK sees it: jose would refuse it too, but with errors that look like a malformed payload.
 */
function screenHeader(jwt: string): TokenRefusal | null {
  try {
    return decodeProtectedHeader(jwt).alg === 'RS256' ? null : 'WEBHOOK_SIGNATURE_INVALID';
  } catch {
    return 'WEBHOOK_TOKEN_MALFORMED';
  }
}

/**
 * jose's error codes (stable across its versions; the SDK bundles its own jose): an expired token, a
 * signature or claim our key does not vouch for, or anything else that is not a webhook in Wix's shape.
 */
function classifyTokenError(error: unknown): TokenRefusal {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_JWT_EXPIRED') return 'WEBHOOK_TOKEN_EXPIRED';
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    return 'WEBHOOK_SIGNATURE_INVALID';
  }
  return 'WEBHOOK_TOKEN_MALFORMED';
}
