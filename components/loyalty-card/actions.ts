'use server';

import { clearRequestSession, readSession } from '@/lib/session/request-session';
import { loadMemberContext } from '@/lib/wix/member-context';

/**
 * A page render that finds Wix refusing the member's tokens cannot clear the cookie itself (server
 * components cannot write cookies), so the card calls this once it shows "your session has ended". It asks
 * Wix again and clears only a session Wix still refuses, so a stale tab never signs out a fresh login.
 */
export async function forgetEndedSessionAction(): Promise<void> {
  const session = await readSession();
  if (session.status !== 'member') return;
  const context = await loadMemberContext(session);
  if (context.status === 'signed-out' && context.reason === 'rejected') await clearRequestSession();
}
