import { ConfigError, getConfig, type AppConfig } from '@/lib/config/env';
import { describeFramePolicy } from '@/lib/embed/frame-policy';
import { logger } from '@/lib/observability/logger';
import { recordWixLayerBoot } from './boot-outcome';

/**
 * Start-up of the Wix layer: a bad configuration stops the server with a message naming the variable;
 * sandbox mode brings up (or reuses) the local sandbox and routes every Wix host to it; Wix mode installs
 * no routing at all, so nothing can divert real traffic. Anything else that fails leaves the server up but
 * not ready: `/api/ready` answers 503 with the reason, so a load balancer sends it nothing, while the
 * process lives on to say so (a crash would only restart into the same failure).
 */
export async function bootWixLayer(): Promise<void> {
  let config: AppConfig;
  try {
    config = getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[config] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  try {
    await startWixLayer(config);
    recordWixLayerBoot('booted');
  } catch (error) {
    recordWixLayerBoot('failed');
    const { code, message } = error as NodeJS.ErrnoException;
    logger.error({ code, reason: message }, 'the Wix layer could not boot: this instance is not ready');
  }
}

async function startWixLayer(config: AppConfig): Promise<void> {
  console.log(
    config.redisUrl
      ? '[loyalty] shared stores on Redis (REDIS_URL): instances share rate limits, webhooks and live updates'
      : '[loyalty] shared stores in memory: one instance (set REDIS_URL to run several)',
  );
  console.log(describeFramePolicy(config.embed.allowedOrigins));
  if (config.mode === 'wix') {
    console.log(`[loyalty] Wix mode: site ${config.wix.siteId}`);
    console.log(
      config.webhookPublicKey
        ? '[loyalty] webhooks on: verified with WIX_WEBHOOK_PUBLIC_KEY'
        : '[loyalty] webhooks are off: set WIX_WEBHOOK_PUBLIC_KEY to verify them (the route answers 503 until then), so cards update on focus only',
    );
    return;
  }

  const { ensureSandbox } = await import('./ensure-sandbox');
  await ensureSandbox(config);
}
