import 'server-only';
import { NextResponse } from 'next/server';
import type { LiveEventsErrorCode } from '@/lib/errors/codes';
import { logger } from '@/lib/observability/logger';
import { getSharedStores } from '@/lib/stores/shared-stores';
import type { MemberContext } from '@/lib/wix/member-context';
import { openAccountStream } from './account-stream';

/**
 * The member's live account updates as Server-Sent Events. Whose updates comes from the session alone (the
 * member context), so a browser can only ever listen to its own account.
 */
export async function streamMemberAccount(context: MemberContext, signal: AbortSignal): Promise<Response> {
  if (context.status === 'signed-out') return refuse(401, 'SIGN_IN_REQUIRED');
  const contactId = context.status === 'unavailable' ? null : context.contactId;
  if (!contactId) return refuse(503, 'UPSTREAM_UNAVAILABLE');
  try {
    return await openAccountStream(getSharedStores(), contactId, signal);
  } catch (error) {
    logger.error(
      { cause: error instanceof Error ? error.message : 'unknown' },
      'live updates: could not subscribe',
    );
    return refuse(503, 'UPSTREAM_UNAVAILABLE');
  }
}

function refuse(status: number, code: LiveEventsErrorCode) {
  return NextResponse.json({ code }, { status, headers: { 'Cache-Control': 'private, no-store' } });
}
