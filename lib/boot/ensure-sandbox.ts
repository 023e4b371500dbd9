import { routeWixTrafficToSandbox } from '@/lib/sandbox/route-wix-traffic';
import { describeSandbox } from '@/lib/sandbox/banner';
import { sandboxControl } from '@/lib/sandbox/control-client';
import { startSandbox } from '@/lib/sandbox/server';
import type { AppConfig } from '@/lib/config/env';
import { logger } from '@/lib/observability/logger';
import { WIX_WEBHOOKS_PATH } from '@/lib/webhooks/endpoint';

type SandboxConfig = Extract<AppConfig, { mode: 'sandbox' }>;

/** Survives `next dev` hot reloads, which re-evaluate modules but keep the process. */
const globalState = globalThis as typeof globalThis & { __loyaltySandbox?: Promise<void> };

export async function isSandboxAnswering(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/_sandbox/health`, { signal: AbortSignal.timeout(1_000) });
    const body = (await response.json()) as { sandbox?: unknown };
    return response.ok && body.sandbox === true;
  } catch {
    return false;
  }
}

/**
 * The sandbox posts its webhooks where the app that started (or last joined) it listens, as Wix posts to
 * the URL a site registers. Loopback, not `APP_URL`: the sandbox always runs next to the app.
 */
async function pointWebhooksHere(config: SandboxConfig): Promise<void> {
  const url = `http://127.0.0.1:${config.port}${WIX_WEBHOOKS_PATH}`;
  try {
    await sandboxControl(config.sandbox.origin).setWebhookTarget(url);
    logger.info({ url }, 'sandbox webhooks are posted here');
  } catch (error) {
    logger.error({ url, cause: (error as Error).message }, 'the sandbox did not take the webhook URL');
  }
}

async function bringUp(config: SandboxConfig): Promise<void> {
  const { origin, port, tokenTtlSeconds } = config.sandbox;
  // Routed first, so that even a sandbox that fails to start leaves no Wix call a way to the real Wix.
  routeWixTrafficToSandbox(origin);
  if (await isSandboxAnswering(origin)) {
    logger.info({ origin }, 'sandbox mode: using the Wix sandbox already running');
  } else {
    const running = await startSandbox({ port, apiKey: config.wix.apiKey, tokenTtlSeconds });
    // The sandbox's banner: for the developer at the terminal, as `npm run sandbox` prints it (demo
    // members, the local key), so it stays plain text, outside the structured log.
    // eslint-disable-next-line no-console
    console.log(`sandbox mode\n${describeSandbox(origin, config.wix.apiKey, running.webhookPublicKey)}`);
  }
  await pointWebhooksHere(config);
}

/** Starts the sandbox once per process, or reuses one that another process (tests, a terminal) started. */
export function ensureSandbox(config: SandboxConfig): Promise<void> {
  globalState.__loyaltySandbox ??= bringUp(config);
  return globalState.__loyaltySandbox;
}
