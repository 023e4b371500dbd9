/**
 * The earn preview's figures for `npm run bench` (called from run.ts, which builds and serves the app):
 *   1. the preview view's server time for a signed-in Gold member, and its ratio to the upstream latency L,
 *      measured like the other embedded views (bench/embed.ts); the order rule is cached, so it aims at one
 *      round trip, the member's own account;
 *   2. the layout shift on a host page whose content fills the screen: the demo product page and the README's
 *      snippet (its line's height reserved), for a visitor and a member, beside the same element with no
 *      reserved height, with embed.js arriving after the first paint.
 */
import { previewSnippet, productPage } from '@/demo/product-page';
import { pageAfterPaint } from '@/testing/late-loader-page';
import { embeddedSession, memberToken, type EmbedBenchTools } from './embed';
import { worstLayoutShifts } from './host-layout-shift';
import { memberViewTime, type ServerTime } from './member-view-time';

const CLS_RUNS = 5;
const SERVER_TIME_AIM = 1.2;
const ORDER = 'amount=64.00&currency=USD';

/** What the line holds only with the figure worked out at Johna's tier (Gold: 128 stars; a visitor's is 64). */
const MEMBER_MARKER = 'data-points="128"';

const SHIFT_CASES = [
  'product page, visitor',
  'product page, member',
  'snippet, late script, member',
  'no reserved height, late script',
] as const;
type ShiftCase = (typeof SHIFT_CASES)[number];

export type PreviewFigures = { serverTime: ServerTime; layoutShift: Record<ShiftCase, number> };

async function benchLayoutShift(app: string, hostPort: number): Promise<Record<ShiftCase, number>> {
  const attributes = `data-amount="64.00" data-currency="USD"`;
  const pages: Record<ShiftCase, () => string | Promise<string>> = {
    'product page, visitor': () => productPage({ appOrigin: app }),
    'product page, member': async () => productPage({ appOrigin: app, memberToken: await memberToken(app) }),
    'snippet, late script, member': async () =>
      pageAfterPaint(app, previewSnippet(`${attributes} data-member-token="${await memberToken(app)}"`)),
    'no reserved height, late script': () =>
      pageAfterPaint(app, `<div data-loyalty-widget data-view="preview" ${attributes}></div>`),
  };
  const signedIn = SHIFT_CASES.filter((kind) => kind.endsWith('member'));
  return worstLayoutShifts({ hostPort, pages, signedIn, runs: CLS_RUNS });
}

export async function benchPreview(tools: EmbedBenchTools): Promise<PreviewFigures> {
  const hostOrigin = encodeURIComponent(`http://127.0.0.1:${tools.hostPort}`);
  const session = await embeddedSession(tools.app);
  const url = `${tools.app}/embed?view=preview&${ORDER}&origin=${hostOrigin}`;
  const serverTime = await memberViewTime(tools, session, url, MEMBER_MARKER);
  return { serverTime, layoutShift: await benchLayoutShift(tools.app, tools.hostPort) };
}

export function printPreviewFigures(figures: PreviewFigures, latencyMs: number, runs: number): void {
  const { noLatency, withLatency } = figures.serverTime;
  console.log(`\nEarn preview (data-view="preview", $64.00)`);
  console.log(
    `  server time, Gold member, ${runs} runs (median): ${noLatency.toFixed(1)} ms at L = 0, ${withLatency.toFixed(1)} ms at L = ${latencyMs}; ratio ${(withLatency / latencyMs).toFixed(2)} (aim <= ${SERVER_TIME_AIM})`,
  );
  console.log(`  layout shift on a host page (worst of ${CLS_RUNS} loads; aim 0 with the height reserved):`);
  for (const kind of SHIFT_CASES) {
    console.log(`    ${kind.padEnd(33)} ${figures.layoutShift[kind].toFixed(4)}`);
  }
}
