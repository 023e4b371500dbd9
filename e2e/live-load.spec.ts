import { expect, test } from '@playwright/test';
import { sandboxControl } from '@/lib/sandbox/control-client';
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { HttpSession } from '../bench/http-session';
import { startAppInstance } from '@/testing/app-instance';
import { EXTRA_APP_PORTS, EXTRA_SANDBOX_PORTS, INSPECT_PORT } from './support/env';
import { openStreamClient, type StreamClient } from '@/testing/account-stream-client';
import { heapUsedAfterGc } from '@/testing/inspector';
import { awardBehindTheAppsBack } from '@/testing/award-points';

/**
 * A bounded load test on loopback: 500 event streams held open on one instance, spread over three
 * members, each receiving its own member's update and nobody else's. Reports the server's resident
 * memory per open stream.
 */
const STREAMS = 500;
const BATCH = 50;
const MEMBERS = [
  ['Johna Linskey', DEMO_MEMBER_IDS.johna],
  ['Aigneis Johnsson', DEMO_MEMBER_IDS.aigneis],
  ['Elena Rodriguez', DEMO_MEMBER_IDS.elena],
] as const;
const SANDBOX_ORIGIN = `http://127.0.0.1:${EXTRA_SANDBOX_PORTS[1]}`;

test('500 open event streams on one instance stay connected and each receives its own member’s update', async () => {
  test.setTimeout(180_000);
  const app = await startAppInstance(EXTRA_APP_PORTS[2], {
    WIX_SANDBOX_PORT: String(EXTRA_SANDBOX_PORTS[1]),
    WIX_SANDBOX_TOKEN_TTL_SECONDS: '3600',
    // Every stream belongs to one of three demo members: lift the per-member cap above the streams each holds.
    LIVE_STREAMS_PER_MEMBER: String(STREAMS),
    NODE_OPTIONS: `--expose-gc --inspect=127.0.0.1:${INSPECT_PORT}`,
  });
  const streams: StreamClient[] = [];
  try {
    const sandbox = sandboxControl(SANDBOX_ORIGIN);
    const sessions = new Map<string, HttpSession>();
    for (const [name, memberId] of MEMBERS) {
      const session = new HttpSession();
      await session.signIn(app.origin, memberId);
      sessions.set(name, session);
      // Warm every code path a stream takes before the baseline is read.
      (await openStreamClient(app.origin, session, name)).close();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const baseline = { rss: app.rssBytes(), heap: await heapUsedAfterGc(INSPECT_PORT) };

    for (let first = 0; first < STREAMS; first += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, STREAMS - first) }, (_, offset) => {
        const name = MEMBERS[(first + offset) % MEMBERS.length]![0];
        return openStreamClient(app.origin, sessions.get(name)!, name);
      });
      streams.push(...(await Promise.all(batch)));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const loaded = { rss: app.rssBytes(), heap: await heapUsedAfterGc(INSPECT_PORT) };
    const perStream = (bytes: number) => `${(bytes / STREAMS / 1024).toFixed(1)} kB`;
    const perStreamKb = (loaded.heap - baseline.heap) / STREAMS / 1024;
    const summary =
      `${STREAMS} streams on one instance: ${perStream(loaded.heap - baseline.heap)} of V8 heap per stream ` +
      `after GC (${(baseline.heap / 2 ** 20).toFixed(0)} -> ${(loaded.heap / 2 ** 20).toFixed(0)} MB), ` +
      `${perStream(loaded.rss - baseline.rss)} of resident memory per stream (${(baseline.rss / 2 ** 20).toFixed(0)} -> ${(loaded.rss / 2 ** 20).toFixed(0)} MB, garbage included)`;
    console.log(summary);
    test.info().annotations.push({ type: 'memory', description: summary });

    const members = await sandbox.members();
    const expected = new Map<string, number>();
    for (const [name] of MEMBERS) {
      const account = members.find((member) => member.name === name)!.account!;
      expected.set(name, account.points.balance + 7);
      await awardBehindTheAppsBack(SANDBOX_ORIGIN, account.id, 7);
    }
    await expect
      .poll(() => streams.filter((stream) => stream.events.length === 0).length, { timeout: 10_000 })
      .toBe(0);
    await sandbox.settledWebhookDeliveries();
    for (const stream of streams) {
      expect(stream.closed).toBe(false);
      expect(new Set(stream.events.map((event) => event.balance))).toEqual(
        new Set([expected.get(stream.member)]),
      );
    }
    expect(perStreamKb).toBeLessThan(256);

    // Closed streams are let go: their subscriptions, timers and buffers do not outlive the browser.
    for (const stream of streams) stream.close();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const released = await heapUsedAfterGc(INSPECT_PORT);
    expect(released - baseline.heap).toBeLessThan((loaded.heap - baseline.heap) / 4);
  } finally {
    for (const stream of streams) stream.close();
    await app.stop();
  }
});
