import { NextResponse } from 'next/server';
import type { WebhookErrorCode } from '@/lib/errors/codes';
import { readCappedText } from '@/lib/http/read-capped-text';
import { logger } from '@/lib/observability/logger';
import { recordWebhook, type WebhookMetricOutcome } from '@/lib/observability/metrics';
import { getWebhookReceiver, type WebhookResponse } from '@/lib/webhooks/receive-webhook';

export const dynamic = 'force-dynamic';

/** A Wix webhook is a JWT of a few kilobytes; anything far larger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

const noStore = { 'Cache-Control': 'no-store' };

type Answer = WebhookResponse | { status: 413 | 503; body: { code: WebhookErrorCode } };

/**
 * Wix's account webhooks (the body is the JWT). 200 acknowledges, including events we ignore or have seen;
 * 400/401 refuse what is not a webhook from Wix; 503 asks Wix to retry. Never a 500 for anything posted.
 * Each is counted by outcome; a refusal is logged here (a failure to process, by the receiver).
 */
export async function POST(request: Request) {
  const answer = await receive(request);
  const outcome = outcomeOf(answer);
  recordWebhook(outcome);
  const { status, body } = answer;
  if (outcome === 'rejected' && 'code' in body) logger.warn({ status, code: body.code }, 'webhook refused');
  return NextResponse.json(body, { status, headers: noStore });
}

async function receive(request: Request): Promise<Answer> {
  try {
    const body = await readCappedText(request, MAX_BODY_BYTES);
    if (body === null) return { status: 413, body: { code: 'WEBHOOK_BODY_TOO_LARGE' } };
    return await getWebhookReceiver()(body);
  } catch (error) {
    logger.error({ err: error }, 'webhook: unexpected failure');
    return { status: 503, body: { code: 'WEBHOOK_NOT_PROCESSED' } };
  }
}

function outcomeOf(answer: Answer): WebhookMetricOutcome {
  if (answer.status === 200) return answer.body.outcome;
  return answer.status === 503 ? 'failed' : 'rejected';
}
