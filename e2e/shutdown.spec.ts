import { expect, test } from '@playwright/test';
import { sandboxControl } from '@/lib/sandbox/control-client';
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { openStreamClient } from '@/testing/account-stream-client';
import { startAppInstance } from '@/testing/app-instance';
import {
  assembleContainerImage,
  startContainerInstance,
  type ContainerImage,
} from '@/testing/container-instance';
import type { ServerProcess } from '@/testing/server-process';
import { HttpSession } from '../bench/http-session';
import { startRequestOnTheWire } from './support/request-on-the-wire';
import { EXTRA_APP_PORTS, EXTRA_SANDBOX_PORTS } from './support/env';

/**
 * SIGTERM, as `docker stop` or Kubernetes sends it, to `next start` and to the standalone server the
 * Dockerfile runs: open event streams are told to reconnect and closed, new streams and readiness are
 * refused, a request in flight gets its whole answer, and the process is gone within 10 s.
 */
const PORT = EXTRA_APP_PORTS[0];
const SANDBOX_PORT = EXTRA_SANDBOX_PORTS[0];
const ENV = { WIX_SANDBOX_PORT: String(SANDBOX_PORT), WIX_SANDBOX_TOKEN_TTL_SECONDS: '3600' };
/** The Wix latency that makes a request slow: it is in flight when the signal comes, and ends after it. */
const SLOW_MS = 3_000;

let image: ContainerImage;
test.beforeAll(async () => {
  image = await assembleContainerImage();
});
test.afterAll(async () => {
  await image?.remove();
});

const servers: Record<string, () => Promise<ServerProcess>> = {
  'next start': () => startAppInstance(PORT, ENV),
  'the standalone server (the image’s CMD)': () =>
    startContainerInstance(image, PORT, { WIX_SANDBOX: '1', ...ENV }),
};

/** A signed-in member's session, and the card's JSON as it reads with no latency. */
async function signedIn(app: ServerProcess) {
  const session = new HttpSession();
  await session.signIn(app.origin, DEMO_MEMBER_IDS.johna);
  const card = await (await session.request(`${app.origin}/api/loyalty/account`)).json();
  const cookie = session
    .cookiesFor(app.origin)
    .map(({ name, value }) => `${name}=${value}`)
    .join('; ');
  return { session, card, cookie };
}

for (const [name, start] of Object.entries(servers)) {
  test(`${name}: on SIGTERM streams are told to reconnect, new ones refused, a slow request finishes, and it exits within 10 s`, async () => {
    test.setTimeout(60_000);
    const app = await start();
    try {
      const { session, card, cookie } = await signedIn(app);
      const stream = await openStreamClient(app.origin, session, 'Johna Linskey');
      const onTheWire = {
        stream: await startRequestOnTheWire(PORT, '/api/loyalty/events', cookie),
        ready: await startRequestOnTheWire(PORT, '/api/ready'),
      };
      await sandboxControl(`http://127.0.0.1:${SANDBOX_PORT}`).setLatency(SLOW_MS);
      const slow = session.request(`${app.origin}/api/loyalty/account`).then(async (response) => ({
        status: response.status,
        body: await response.json(),
        at: Date.now(),
      }));
      await new Promise((resolve) => setTimeout(resolve, 500));

      const signalledAt = Date.now();
      process.kill(app.pid, 'SIGTERM');

      // The open stream hears "reconnect in 1 to 5 s" and ends.
      await expect.poll(() => stream.closed, { timeout: 1_000 }).toBe(true);
      expect(stream.retries[0]).toBe(2_000);
      expect(stream.retries).toHaveLength(2);
      expect(stream.retries[1]).toBeGreaterThanOrEqual(1_000);
      expect(stream.retries[1]).toBeLessThan(5_000);

      // A new connection is refused; requests that were already on the wire are answered 503.
      await expect(startRequestOnTheWire(PORT, '/api/loyalty/events', cookie)).rejects.toThrow(
        /ECONNREFUSED/,
      );
      const refusedStream = await onTheWire.stream.finish();
      expect(refusedStream.status).toBe(503);
      expect(refusedStream.headers['retry-after']).toBe('2');
      expect(JSON.parse(refusedStream.body)).toEqual({ code: 'SHUTTING_DOWN' });
      const readiness = await onTheWire.ready.finish();
      expect([readiness.status, JSON.parse(readiness.body)]).toEqual([
        503,
        { ready: false, reason: 'SHUTTING_DOWN' },
      ]);

      // The request in flight gets its whole answer, and the process leaves right after it.
      const answer = await slow;
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(card);
      expect(answer.at - signalledAt).toBeGreaterThan(SLOW_MS - 1_000);
      expect(await app.exited).toBe(143);
      const exitedAt = Date.now();
      expect(exitedAt - signalledAt).toBeLessThan(10_000);
      expect(exitedAt - answer.at).toBeLessThan(1_500);
    } finally {
      await app.stop();
    }
  });
}

test('the standalone server exits within 10 s of SIGTERM even when a request hangs', async () => {
  test.setTimeout(60_000);
  const app = await servers['the standalone server (the image’s CMD)']!();
  try {
    const { session } = await signedIn(app);
    await sandboxControl(`http://127.0.0.1:${SANDBOX_PORT}`).setLatency(60_000);
    const hanging = session.request(`${app.origin}/api/loyalty/account`).then(
      (response) => response.status,
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const signalledAt = Date.now();
    process.kill(app.pid, 'SIGTERM');
    expect(await app.exited).toBe(143);
    const took = Date.now() - signalledAt;
    expect(took).toBeLessThan(10_000);
    // It waited for the request until the deadline, and cut it there.
    expect(took).toBeGreaterThan(8_000);
    expect(await hanging).toBe('cut');
    expect(app.output()).toContain('requests still open at the deadline are cut');
  } finally {
    await app.stop();
  }
});
