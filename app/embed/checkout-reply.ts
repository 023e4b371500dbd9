import 'server-only';
import type { NextResponse } from 'next/server';
import type { CheckoutErrorCode, CheckoutRemoveErrorCode } from '@/lib/errors/codes';
import { loadWidget, type CheckoutOutcome, type LoadedWidget } from '@/lib/embed/widget-data';
import type { SessionState } from '@/lib/session/cookies';
import type { CheckoutWriteResult } from '@/lib/wix/checkout-writes';
import { loadProgramSnapshot } from '@/lib/wix/site-catalog';
import { renderLoaded, widgetReply, type WidgetRequest } from './widget-response';

/** An action and its result: `Written` pairs them, so each outcome below has its own action's code. */
type Written =
  | { action: 'apply'; result: CheckoutWriteResult<CheckoutErrorCode> }
  | { action: 'remove'; result: CheckoutWriteResult<CheckoutRemoveErrorCode> };

/**
 * The checkout view's reply to an apply or a removal: the view the write left (worked out from Wix's
 * answers), or, after a refusal, the view as it is now, saying why; and the discount, which the frame script
 * passes on to the host page.
 */
export async function checkoutReply(
  widget: WidgetRequest,
  session: SessionState,
  checkoutId: string,
  { action, result }: Written,
): Promise<NextResponse> {
  if (!result.ok) {
    const loaded = await loadWidget('checkout', session, checkoutId);
    const outcome = { action, ok: false, code: result.code } as CheckoutOutcome;
    return widgetReply(await renderLoaded(widget, withOutcome(loaded, outcome)), result.code);
  }
  const pointsName = (await loadProgramSnapshot().catch(() => null))?.program.pointsName ?? 'Points';
  const outcome = { action, ok: true } as CheckoutOutcome;
  const content = { view: 'checkout' as const, state: result.view, pointsName, outcome };
  const rendered = await renderLoaded(widget, { content, sessionRejected: false });
  const { id: discountId, status } = result.discount;
  return widgetReply(rendered, null, { discount: { checkoutId, discountId, status } });
}

function withOutcome(loaded: LoadedWidget, outcome: CheckoutOutcome): LoadedWidget {
  if (loaded.content.view !== 'checkout') return loaded;
  return { ...loaded, content: { ...loaded.content, outcome } };
}
