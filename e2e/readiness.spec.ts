import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import {
  assembleContainerImage,
  runHealthcheck,
  startContainerInstance,
  type ContainerImage,
} from '@/testing/container-instance';
import { startRedisServer, type TestRedis } from '@/testing/redis-server';
import type { ServerProcess } from '@/testing/server-process';
import { E2E_REDIS_PORT, EXTRA_APP_PORTS, EXTRA_SANDBOX_PORTS } from './support/env';

/**
 * `/api/ready` on the standalone server the Dockerfile runs, next to `/api/health`: readiness follows a
 * real Redis stopped and started again mid-run, and a Wix layer that could not boot; liveness stays up
 * through both. The image's own HEALTHCHECK command is run against it as Docker would.
 */
const PORT = EXTRA_APP_PORTS[0];

let image: ContainerImage;
test.beforeAll(async () => {
  image = await assembleContainerImage();
});
test.afterAll(async () => {
  await image?.remove();
});

async function probe(app: ServerProcess, path: '/api/ready' | '/api/health') {
  const response = await fetch(`${app.origin}${path}`);
  return { status: response.status, body: await response.json() };
}

test('with REDIS_URL it is ready while Redis answers, not ready once Redis stops, and ready again when Redis is back', async () => {
  test.setTimeout(90_000);
  let redis: TestRedis = await startRedisServer(E2E_REDIS_PORT);
  const app = await startContainerInstance(image, PORT, {
    WIX_SANDBOX: '1',
    WIX_SANDBOX_PORT: String(EXTRA_SANDBOX_PORTS[0]),
    REDIS_URL: redis.url,
  });
  try {
    expect(await probe(app, '/api/ready')).toEqual({ status: 200, body: { ready: true } });
    expect(await runHealthcheck(image, PORT)).toBe(0);

    await redis.stop();
    await expect
      .poll(() => probe(app, '/api/ready'), { timeout: 5_000 })
      .toEqual({ status: 503, body: { ready: false, reason: 'REDIS_UNREACHABLE' } });
    expect(await probe(app, '/api/health')).toEqual({ status: 200, body: { ok: true, mode: 'sandbox' } });
    expect(await runHealthcheck(image, PORT)).toBe(1);

    redis = await startRedisServer(E2E_REDIS_PORT);
    await expect
      .poll(() => probe(app, '/api/ready'), { timeout: 10_000 })
      .toEqual({ status: 200, body: { ready: true } });
    expect(await runHealthcheck(image, PORT)).toBe(0);
  } finally {
    await app.stop();
    await redis.stop();
  }
});

test('when the Wix layer cannot boot (its sandbox port is held by another server) it stays live but is not ready', async () => {
  test.setTimeout(60_000);
  const squatterPort = EXTRA_SANDBOX_PORTS[1];
  const squatter: Server = createServer((_request, response) => response.writeHead(404).end());
  await new Promise<void>((resolve) => squatter.listen(squatterPort, '127.0.0.1', resolve));
  let app: ServerProcess | undefined;
  try {
    app = await startContainerInstance(image, PORT, {
      WIX_SANDBOX: '1',
      WIX_SANDBOX_PORT: String(squatterPort),
    });
    expect(await probe(app, '/api/ready')).toEqual({
      status: 503,
      body: { ready: false, reason: 'WIX_LAYER_NOT_BOOTED' },
    });
    expect(await probe(app, '/api/health')).toEqual({ status: 200, body: { ok: true, mode: 'sandbox' } });
    expect(await runHealthcheck(image, PORT)).toBe(1);
    expect(app.output()).toContain('the Wix layer could not boot');
    expect(app.output()).toContain('EADDRINUSE');
  } finally {
    await app?.stop();
    squatter.closeAllConnections();
    await new Promise((resolve) => squatter.close(resolve));
  }
});
