import 'server-only';
import type { AppConfig } from '@/lib/config/env';
import { WIX_WEBHOOKS_PATH } from '@/lib/webhooks/endpoint';
import { webhookVerificationKey } from '@/lib/webhooks/verification-key';
import { row, type CheckRow } from './report';

const EVENTS = 'Account Created, Points Updated, Reward Availability Updated and Account Updated';

/**
 * Where Wix must post the account webhooks (the app's public origin), and whether the key that verifies them
 * can be had: `WIX_WEBHOOK_PUBLIC_KEY` on a Wix site, the sandbox's own key in sandbox mode.
 */
export async function checkWebhooks(config: AppConfig, publicOrigin: string | null): Promise<CheckRow[]> {
  const url = publicOrigin && `${publicOrigin}${WIX_WEBHOOKS_PATH}`;
  const target =
    config.mode === 'sandbox'
      ? row(
          'webhook URL',
          'ok',
          `the app registers its own with the sandbox at start-up (${WIX_WEBHOOKS_PATH})`,
        )
      : url
        ? row('webhook URL', 'ok', `register ${url} in the Wix dashboard for ${EVENTS}`)
        : row(
            'webhook URL',
            'warn',
            `APP_URL is not set, so the doctor cannot name it. Fix: set APP_URL to the app’s public origin, and register https://<your app>${WIX_WEBHOOKS_PATH} for ${EVENTS}.`,
          );

  const key = await webhookVerificationKey(config)();
  if (key.ok) {
    const source =
      config.mode === 'wix' ? 'WIX_WEBHOOK_PUBLIC_KEY (an RSA public key)' : 'the sandbox’s public key';
    return [target, row('webhook key', 'ok', `webhooks are verified with ${source}`)];
  }
  const missing =
    key.code === 'WEBHOOKS_NOT_CONFIGURED'
      ? row(
          'webhook key',
          'warn',
          'WIX_WEBHOOK_PUBLIC_KEY is not set: webhooks are refused (503) and cards update on focus only. Fix: set it to the public key Wix shows for the webhooks.',
        )
      : row('webhook key', 'FAILED', 'the sandbox gave no public key. Fix: restart the sandbox.');
  return [target, missing];
}
