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
      logger.fatal(error.message);
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
  logger.info(
    config.redisUrl
      ? 'shared stores on Redis (REDIS_URL): instances share rate limits, webhooks and live updates'
      : 'shared stores in memory: one instance (set REDIS_URL to run several)',
  );
  logger.info(describeFramePolicy(config.embed.allowedOrigins));
  logger.info(describeTelemetry(config));
  if (config.mode === 'wix') {
    logger.info({ siteId: config.wix.siteId }, 'Wix mode');
    if (config.webhookPublicKey) logger.info('webhooks on: verified with WIX_WEBHOOK_PUBLIC_KEY');
    else
      logger.warn(
        'webhooks are off: set WIX_WEBHOOK_PUBLIC_KEY to verify them (the route answers 503 until then), so cards update on focus only',
      );
    return;
  }

  const { ensureSandbox } = await import('./ensure-sandbox');
  await ensureSandbox(config);
}

/** What the operator turned on: never the token or the collector's headers, only whether they are set. */
function describeTelemetry({ observability }: AppConfig): string {
  const { metricsToken, traces, logLevel } = observability;
  return [
    `logs at ${logLevel}`,
    metricsToken ? 'metrics at /api/metrics (METRICS_TOKEN)' : 'metrics off (set METRICS_TOKEN)',
    traces ? `traces to ${traces.url} (${traces.protocol})` : 'traces off (set OTEL_EXPORTER_OTLP_ENDPOINT)',
  ].join('; ');
}
