import { streamMemberAccount } from '@/lib/live/member-stream';
import { readSession } from '@/lib/session/request-session';
import { loadMemberContext } from '@/lib/wix/member-context';

export const dynamic = 'force-dynamic';

/** The embedded widget's live account updates: the same stream as the card's, for the embed's own session. */
export async function GET(request: Request) {
  return streamMemberAccount(async () => loadMemberContext(await readSession('embedded')), request.signal);
}
