import { streamMemberAccount } from '@/lib/live/member-stream';
import { getMemberContext } from '@/lib/wix/member-context';

export const dynamic = 'force-dynamic';

/**
 * The signed-in member's live account updates, as Server-Sent Events, for the card on the app's pages. The
 * embedded widget has its own door (`/embed/api/events`), which reads the embed's partitioned session.
 */
export async function GET(request: Request) {
  return streamMemberAccount(getMemberContext, request.signal);
}
