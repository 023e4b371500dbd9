import { NextResponse } from 'next/server';
import type { WebhookErrorCode } from '@/lib/errors/codes';
import { readCappedText } from '@/lib/http/read-capped-text';
import { getWebhookReceiver } from '@/lib/webhooks/receive-webhook';

export const dynamic = 'force-dynamic';

/** A Wix webhook is a JWT of a few kilobytes; anything far larger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

const noStore = { 'Cache-Control': 'no-store' };

/**
 * Wix's account webhooks (the body is the JWT). 200 acknowledges, including events we ignore or have seen;
 * 400/401 refuse what is not a webhook from Wix; 503 asks Wix to retry. Never a 500 for anything posted.
 */
export async function POST(request: Request) {
  try {
    const body = await readCappedText(request, MAX_BODY_BYTES);
    if (body === null) return refuse(413, 'WEBHOOK_BODY_TOO_LARGE');
    const { status, body: answer } = await getWebhookReceiver()(body);
    return NextResponse.json(answer, { status, headers: noStore });
  } catch (error) {
    console.error(`[webhooks] unexpected failure: ${error instanceof Error ? error.name : 'unknown'}`);
    return refuse(503, 'WEBHOOK_NOT_PROCESSED');
  }
}

function refuse(status: number, code: WebhookErrorCode) {
  return NextResponse.json({ code }, { status, headers: noStore });
}
