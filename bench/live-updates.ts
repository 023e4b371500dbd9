/**
 * Live-update figures for `npm run bench` (a build must exist; `run.ts` makes it). Starts its own app
 * instance in sandbox mode, with the inspector open so the heap can be read after a full collection, and
 * measures
 *   1. award to card: a member's card open in Chromium; the sandbox's admin API awards a point, 50 times;
 *      the time from each award to the card showing the new balance (median and p99);
 *   2. streams per instance: STREAMS event streams held open on the instance, the heap (after GC) and
 *      resident memory each costs, and how long one award takes to reach every stream of its member.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { sandboxControl } from '@/lib/sandbox/control-client';
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { openStreamClient, openStreams, type StreamClient } from '@/testing/account-stream-client';
import { startAppInstance, type AppInstance } from '@/testing/app-instance';
import { heapUsedAfterGc } from '@/testing/inspector';
import { awardBehindTheAppsBack } from '@/testing/award-points';
import { HttpSession } from './http-session';

const AWARDS = 50;
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1_000);
const APP_PORT = 3201;
const SANDBOX_PORT = 4211;
const INSPECT_PORT = 3202;
const SANDBOX = `http://127.0.0.1:${SANDBOX_PORT}`;
const MEMBERS = [DEMO_MEMBER_IDS.johna, DEMO_MEMBER_IDS.aigneis, DEMO_MEMBER_IDS.elena];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function accountIdOf(memberId: string): Promise<{ id: string; balance: number }> {
  const member = (await sandboxControl(SANDBOX).members()).find((candidate) => candidate.id === memberId);
  if (!member?.account) throw new Error(`no account for ${memberId}`);
  return { id: member.account.id, balance: member.account.points.balance };
}

/** Award to card, in a real browser: the page stamps each change of the balance with its own clock. */
async function awardToCard(app: AppInstance): Promise<number[]> {
  const session = new HttpSession();
  await session.signIn(app.origin, DEMO_MEMBER_IDS.johna);
  const browser = await chromium.launch({
    executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  });
  try {
    const context = await browser.newContext({ locale: 'en-US' });
    await context.addCookies(
      session.cookiesFor(app.origin).map((cookie) => ({ ...cookie, url: app.origin })),
    );
    const page = await context.newPage();
    const streamOpen = page.waitForResponse((response) => response.url().endsWith('/api/loyalty/events'));
    await page.goto(`${app.origin}/`);
    await streamOpen;
    await page.evaluate(() => {
      const seen: { at: number; text: string }[] = [];
      Object.assign(window, { __balanceChanges: seen });
      const card = document.querySelector('[data-testid="loyalty-card"]')!;
      new MutationObserver(() => {
        const text = card.querySelector('[data-testid="balance"]')?.textContent ?? '';
        if (seen.at(-1)?.text !== text) seen.push({ at: Date.now(), text });
      }).observe(card, { subtree: true, childList: true, characterData: true });
    });

    const account = await accountIdOf(DEMO_MEMBER_IDS.johna);
    const latencies: number[] = [];
    for (let award = 1; award <= AWARDS; award++) {
      const expected = new Intl.NumberFormat('en-US').format(account.balance + award);
      const awardedAt = Date.now();
      await awardBehindTheAppsBack(SANDBOX, account.id, 1);
      const shownAt = await page.waitForFunction(
        (text) =>
          (window as unknown as { __balanceChanges: { at: number; text: string }[] }).__balanceChanges.find(
            (change) => change.text === text,
          )?.at,
        expected,
        { timeout: 5_000 },
      );
      latencies.push(((await shownAt.jsonValue()) as number) - awardedAt);
      await sandboxControl(SANDBOX).settledWebhookDeliveries();
    }
    return latencies;
  } finally {
    await browser.close();
  }
}

/** STREAMS streams over three members; heap and RSS per stream; time from an award to each stream. */
async function streamsPerInstance(app: AppInstance) {
  const sessions = await Promise.all(
    MEMBERS.map(async (memberId) => {
      const session = new HttpSession();
      await session.signIn(app.origin, memberId);
      (await openStreamClient(app.origin, session, memberId)).close();
      return { memberId, session };
    }),
  );
  await sleep(1_000);
  const before = { heap: await heapUsedAfterGc(INSPECT_PORT), rss: app.rssBytes() };
  const streams: StreamClient[] = [];
  try {
    await openStreams(app.origin, sessions, STREAMS, streams);
    await sleep(1_000);
    const after = { heap: await heapUsedAfterGc(INSPECT_PORT), rss: app.rssBytes() };

    const fanOut: number[] = [];
    for (const memberId of MEMBERS) {
      const account = await accountIdOf(memberId);
      const mine = streams.filter((stream) => stream.member === memberId);
      const awardedAt = Date.now();
      await awardBehindTheAppsBack(SANDBOX, account.id, 1);
      const deadline = Date.now() + 10_000;
      while (mine.some((stream) => stream.events.length === 0) && Date.now() < deadline) await sleep(10);
      for (const stream of mine) if (stream.events[0]) fanOut.push(stream.events[0].at - awardedAt);
    }
    return {
      open: streams.filter((stream) => !stream.closed).length,
      reached: fanOut.length,
      heapPerStream: (after.heap - before.heap) / STREAMS,
      rssPerStream: (after.rss - before.rss) / STREAMS,
      fanOut,
    };
  } finally {
    for (const stream of streams) stream.close();
  }
}

/** Runs both measurements and returns the lines to print. */
export async function benchLiveUpdates(): Promise<string[]> {
  const app = await startAppInstance(APP_PORT, {
    WIX_SANDBOX_PORT: String(SANDBOX_PORT),
    WIX_SANDBOX_TOKEN_TTL_SECONDS: '3600',
    // Every stream belongs to one of three demo members: lift the per-member cap above the streams each holds.
    LIVE_STREAMS_PER_MEMBER: String(STREAMS),
    NODE_OPTIONS: `--expose-gc --inspect=127.0.0.1:${INSPECT_PORT}`,
  });
  try {
    const latencies = await awardToCard(app);
    const streams = await streamsPerInstance(app);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    const perGb = Math.floor(2 ** 30 / streams.heapPerStream);
    return [
      `\nLive updates: award (sandbox admin API) to open card (Chromium), ${AWARDS} awards`,
      `  median ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${Math.max(...latencies)} ms`,
      `\nEvent streams on one instance (loopback, memory stores), ${STREAMS} held open over 3 members`,
      `  still open after the awards:      ${streams.open} of ${STREAMS}; reached by their member's award: ${streams.reached}`,
      `  V8 heap per stream (after GC):    ${kb(streams.heapPerStream)} (about ${perGb.toLocaleString('en-US')} streams per GB of heap)`,
      `  resident memory per stream:       ${kb(streams.rssPerStream)} (garbage of the openings included)`,
      `  award to every stream of a member: median ${percentile(streams.fanOut, 50)} ms, p99 ${percentile(streams.fanOut, 99)} ms`,
    ];
  } finally {
    await app.stop();
  }
}
