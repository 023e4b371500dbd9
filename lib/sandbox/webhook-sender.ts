import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { AccountChange } from './account-changes';
import { sleep } from './faults';
import { SANDBOX_INSTANCE_ID } from './identity';
import { WIX_LOYALTY_APP_ID } from './seed-catalog';
import { eventsFor, type WebhookEvent } from './webhook-events';

/** How the next deliveries go; `reset()` restores the defaults. */
export type DeliveryOptions = {
  /** Post every event twice (same event id, as Wix's at-least-once delivery can). */
  duplicate: boolean;
  /** Hold every event this long before its first attempt ("it may be delayed"). */
  delayMs: number;
  /** Lifetime of each signed token (`exp - iat`). */
  tokenTtlSeconds: number;
  /** How many more account changes these options apply to; null: until changed. Then the defaults return. */
  remainingChanges: number | null;
};

export type DeliveryAttempt = { at: string; ms: number; status?: number; error?: string };

export type DeliveryRecord = {
  id: string;
  eventId: string;
  eventType: string;
  accountId: string;
  url: string;
  /** 1, or 2 for the second copy of a duplicated event. */
  copy: number;
  delayMs: number;
  outcome: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
};

export const defaultDeliveryOptions = (): DeliveryOptions => ({
  duplicate: false,
  delayMs: 0,
  tokenTtlSeconds: 3_600,
  remainingChanges: null,
});

/** Wix gives a webhook handler 1,250 ms to answer before it counts the attempt as failed. */
const ATTEMPT_TIMEOUT_MS = 1_250;
/** Five attempts, 250 ms apart and doubling: a sandbox-sized version of Wix's retries over hours. */
const MAX_ATTEMPTS = 5;
const FIRST_RETRY_MS = 250;
/** The log keeps the newest deliveries only, so a long dev session does not grow it without end. */
const MAX_RECORDS = 500;

/**
 * Sends the sandbox's webhooks the way Wix sends its own: each event in a JWT signed with RS256 by the
 * sandbox's own key pair, `{ data }` holding the stringified `{ eventType, instanceId, data, identity }`
 * (`data` and `identity` stringified again), posted as the whole body to the configured URL, retried with
 * backoff until a 2xx, and logged with every attempt's outcome.
 */
export class WebhookSender {
  readonly publicKeyPem: string;
  private readonly privateKey: KeyObject;
  /** Where events go; the app sets it at boot. Kept across resets, like the login sessions. */
  target: string | null = null;
  options: DeliveryOptions = defaultDeliveryOptions();
  readonly deliveries: DeliveryRecord[] = [];
  /** Bumped by `reset()`, so retries and late deliveries of an earlier test never land in the next one. */
  private generation = 0;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString().trim();
  }

  reset(): void {
    this.generation += 1;
    this.options = defaultDeliveryOptions();
    this.deliveries.length = 0;
  }

  /** Sends the events of these changes in the background; the caller never waits for the app. */
  dispatch(changes: AccountChange[]): void {
    for (const change of changes) {
      const url = this.target;
      const options = this.takeOptions();
      if (!url) continue;
      for (const event of eventsFor(change)) {
        for (let copy = 1; copy <= (options.duplicate ? 2 : 1); copy++) {
          void this.deliver(this.record(event, url, copy, options.delayMs), event, options);
        }
      }
    }
  }

  /** Signs one event as Wix would. */
  async sign(event: WebhookEvent, ttlSeconds = this.options.tokenTtlSeconds): Promise<string> {
    const data = JSON.stringify({
      eventType: event.eventType,
      instanceId: SANDBOX_INSTANCE_ID,
      data: JSON.stringify(event.body),
      identity: JSON.stringify({ identityType: 'APP', appId: WIX_LOYALTY_APP_ID }),
    });
    const issuedAt = Math.floor(Date.now() / 1000);
    return new SignJWT({ data })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(this.privateKey);
  }

  private takeOptions(): DeliveryOptions {
    const options = this.options;
    if (options.remainingChanges !== null) {
      const remainingChanges = options.remainingChanges - 1;
      this.options = remainingChanges > 0 ? { ...options, remainingChanges } : defaultDeliveryOptions();
    }
    return options;
  }

  private record(event: WebhookEvent, url: string, copy: number, delayMs: number): DeliveryRecord {
    const record: DeliveryRecord = {
      id: randomUUID(),
      eventId: String(event.body.id),
      eventType: event.eventType,
      accountId: event.accountId,
      url,
      copy,
      delayMs,
      outcome: 'pending',
      attempts: [],
    };
    this.deliveries.push(record);
    if (this.deliveries.length > MAX_RECORDS) this.deliveries.splice(0, this.deliveries.length - MAX_RECORDS);
    return record;
  }

  private async deliver(record: DeliveryRecord, event: WebhookEvent, options: DeliveryOptions) {
    const generation = this.generation;
    if (record.delayMs > 0) await sleep(record.delayMs);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (generation !== this.generation) return;
      const result = await this.attempt(record.url, await this.sign(event, options.tokenTtlSeconds));
      record.attempts.push(result);
      if (result.status !== undefined && result.status >= 200 && result.status < 300) {
        record.outcome = 'delivered';
        return;
      }
      if (attempt < MAX_ATTEMPTS) await sleep(FIRST_RETRY_MS * 2 ** (attempt - 1));
    }
    record.outcome = 'failed';
  }

  private async attempt(url: string, jwt: string): Promise<DeliveryAttempt> {
    const at = new Date();
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: jwt,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      return { at: at.toISOString(), ms: ms(), status: response.status };
    } catch (error) {
      return {
        at: at.toISOString(),
        ms: ms(),
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
