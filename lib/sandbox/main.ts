import { getConfig } from '@/lib/config/env';
import { describeSandbox } from './banner';
import { startSandbox } from './server';

/** `npm run sandbox`: runs the sandbox on 127.0.0.1:${WIX_SANDBOX_PORT:-4010} until stopped. */
async function main(): Promise<void> {
  const config = getConfig();
  if (config.mode !== 'sandbox') {
    throw new Error(
      'WIX_CLIENT_ID, WIX_API_KEY and WIX_SITE_ID are set: the sandbox only runs in sandbox mode.',
    );
  }
  const sandbox = await startSandbox({
    port: config.sandbox.port,
    apiKey: config.wix.apiKey,
    tokenTtlSeconds: config.sandbox.tokenTtlSeconds,
  });
  console.log(describeSandbox(sandbox.origin, config.wix.apiKey, sandbox.webhookPublicKey));

  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
