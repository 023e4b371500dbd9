/**
 * Refer-a-friend figures for `npm run bench`, at the same upstream latency L as the rest: the server time of
 * the widget's refer view (`/embed?view=refer`) and of the `/refer` page for a signed-in member (Johna, two
 * friends and a reward), once the program is cached and her referring customer remembered, at L = 0 and at
 * L, and the ratio to L (aim: at most 1.2, one round trip: Generate Referring Customer beside her friends,
 * their names and her rewards).
 */
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { embeddedSession } from './embed';
import { HttpSession } from './http-session';
import { memberViewTime, printServerTimes, type ServerTime, type TimingOptions } from './member-view-time';

type Options = TimingOptions & { app: string; hostOrigin: string };

export type ReferFigures = { view: ServerTime; page: ServerTime };

/** Only a member's view carries their link: a visitor's would be timed as the member's otherwise. */
const MEMBER_MARKER = 'data-testid="refer-link"';
const AIM = 1.2;

export async function benchRefer(options: Options): Promise<ReferFigures> {
  const { app, hostOrigin } = options;
  const embedded = await embeddedSession(app);
  const view = await memberViewTime(
    options,
    embedded,
    `${app}/embed?view=refer&origin=${encodeURIComponent(hostOrigin)}`,
    MEMBER_MARKER,
  );
  const appSession = new HttpSession();
  await appSession.signIn(app, DEMO_MEMBER_IDS.johna);
  const page = await memberViewTime(options, appSession, `${app}/refer`, MEMBER_MARKER);
  return { view, page };
}

export function printRefer({ view, page }: ReferFigures, latencyMs: number, runs: number): void {
  console.log(`\nRefer a friend, signed-in member, ${runs} runs each (median; ratio to L = ${latencyMs} ms)`);
  printServerTimes(
    [
      ['refer view (/embed)', view],
      ['/refer page', page],
    ],
    latencyMs,
    AIM,
  );
}
