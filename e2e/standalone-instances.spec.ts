import { expect, test } from '@playwright/test';
import { sandboxControl } from '@/lib/sandbox/control-client';
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { openStreamClient } from '@/testing/account-stream-client';
import { awardBehindTheAppsBack } from '@/testing/award-points';
import { assembleContainerImage, startContainerInstance } from '@/testing/container-instance';
import { startRedisServer } from '@/testing/redis-server';
import { HttpSession } from '../bench/http-session';
import { E2E_REDIS_PORT, EXTRA_APP_PORTS, EXTRA_SANDBOX_PORTS } from './support/env';

/**
 * The deploy recipe without Docker: two standalone servers started exactly as the Dockerfile's CMD starts
 * them (`testing/container-instance.ts` reads the Dockerfile), on one Redis, as `compose.yaml` runs them.
 */
const SANDBOX_ORIGIN = `http://127.0.0.1:${EXTRA_SANDBOX_PORTS[0]}`;

test('two standalone servers on one Redis: a webhook delivered to one reaches a stream open on the other', async () => {
  test.setTimeout(90_000);
  const redis = await startRedisServer(E2E_REDIS_PORT);
  const image = await assembleContainerImage();
  const env = {
    WIX_SANDBOX: '1',
    WIX_SANDBOX_PORT: String(EXTRA_SANDBOX_PORTS[0]),
    WIX_SANDBOX_TOKEN_TTL_SECONDS: '3600',
    REDIS_URL: redis.url,
  };
  const a = await startContainerInstance(image, EXTRA_APP_PORTS[0], env);
  const b = await startContainerInstance(image, EXTRA_APP_PORTS[1], env).catch(async (error) => {
    await a.stop();
    throw error;
  });
  try {
    expect(b.output()).toContain('using the Wix sandbox already running');
    const sandbox = sandboxControl(SANDBOX_ORIGIN);
    const webhooksOfA = `http://127.0.0.1:${EXTRA_APP_PORTS[0]}/api/wix/webhooks`;
    await sandbox.setWebhookTarget(webhooksOfA);

    const session = new HttpSession();
    await session.signIn(b.origin, DEMO_MEMBER_IDS.aigneis);
    const stream = await openStreamClient(b.origin, session, 'Aigneis Johnsson');
    const account = (await sandbox.member('Aigneis Johnsson')).account!;
    await awardBehindTheAppsBack(SANDBOX_ORIGIN, account.id, 600);

    await expect
      .poll(() => stream.events.map((event) => event.balance), { timeout: 5_000 })
      .toContain(account.points.balance + 600);
    const deliveries = await sandbox.settledWebhookDeliveries();
    expect(deliveries.length).toBeGreaterThan(0);
    for (const delivery of deliveries) {
      expect(delivery.url).toBe(webhooksOfA);
      expect(delivery.outcome).toBe('delivered');
    }
    stream.close();
  } finally {
    await b.stop();
    await a.stop();
    await redis.stop();
    await image.remove();
  }
});
