/**
 * Tiers figures for `npm run bench`, at the same upstream latency L as the rest: the server time of the
 * widget's tiers view (`/embed?view=tiers`) and of the `/tiers` page for a signed-in member (Johna, Gold),
 * once the site's catalogue is cached, at L = 0 and at L, and the ratio to L (aim: at most 1.2, one round
 * trip for the member's own account beside the cached program, earning rules and rewards).
 */
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { embeddedSession } from './embed';
import { HttpSession } from './http-session';
import { memberViewTime, printServerTimes, type ServerTime, type TimingOptions } from './member-view-time';

type Options = TimingOptions & { app: string; hostOrigin: string };

export type TiersFigures = { view: ServerTime; page: ServerTime };

/** Only a member's tiers carry their standing: a visitor's would be timed as the member's otherwise. */
const MEMBER_MARKER = 'data-testid="tiers-standing"';
const AIM = 1.2;

export async function benchTiers(options: Options): Promise<TiersFigures> {
  const { app, hostOrigin } = options;
  const embedded = await embeddedSession(app);
  const view = await memberViewTime(
    options,
    embedded,
    `${app}/embed?view=tiers&origin=${encodeURIComponent(hostOrigin)}`,
    MEMBER_MARKER,
  );
  const appSession = new HttpSession();
  await appSession.signIn(app, DEMO_MEMBER_IDS.johna);
  const page = await memberViewTime(options, appSession, `${app}/tiers`, MEMBER_MARKER);
  return { view, page };
}

export function printTiers({ view, page }: TiersFigures, latencyMs: number, runs: number): void {
  console.log(`\nTiers, signed-in member, ${runs} runs each (median; ratio to L = ${latencyMs} ms)`);
  printServerTimes(
    [
      ['tiers view (/embed)', view],
      ['/tiers page', page],
    ],
    latencyMs,
    AIM,
  );
}
