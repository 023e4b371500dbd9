import 'server-only';
import { NextResponse } from 'next/server';
import type { LiveEventsErrorCode } from '@/lib/errors/codes';
import { isShuttingDown } from '@/lib/lifecycle/shutdown';
import { logger } from '@/lib/observability/logger';
import { getSharedStores } from '@/lib/stores/shared-stores';
import type { MemberContext } from '@/lib/wix/member-context';
import { openAccountStream } from './account-stream';

/** How long a stream refused by an instance that is shutting down waits before asking again (seconds). */
const SHUTTING_DOWN_RETRY_AFTER_S = 2;

/**
 * The member's live account updates as Server-Sent Events. Whose updates comes from the session alone (the
 * member context), so a browser can only ever listen to its own account. An instance that is shutting down
 * refuses before it reads anything, so the browser asks again and the load balancer sends it elsewhere.
 */
export async function streamMemberAccount(
  loadContext: () => Promise<MemberContext>,
  signal: AbortSignal,
): Promise<Response> {
  if (isShuttingDown())
    return refuse(503, 'SHUTTING_DOWN', { 'Retry-After': String(SHUTTING_DOWN_RETRY_AFTER_S) });
  const context = await loadContext();
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

function refuse(status: number, code: LiveEventsErrorCode, headers: Record<string, string> = {}) {
  return NextResponse.json(
    { code },
    { status, headers: { 'Cache-Control': 'private, no-store', ...headers } },
  );
}
