import { NextResponse, type NextRequest } from 'next/server';
import type { RequestErrorCode } from '@/lib/errors/codes';

/**
 * Next decodes a server action's body and checks its `Origin` before any of our code runs, and answers
 * both failures with a 500. The proxy runs first, so it answers them here with a 4xx and a code, and a
 * request nobody could have sent from our pages never reaches the action.
 */
export async function refuseBadServerAction(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return null;
  if (!isSameOrigin(request)) return refuse(403, 'FORBIDDEN_ORIGIN');
  if (!(await isDecodableBody(request))) return refuse(400, 'MALFORMED_REQUEST');
  return null;
}

function refuse(status: number, code: RequestErrorCode): NextResponse {
  return NextResponse.json({ code }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * The same rule as Next's own check: the `Origin` host must be the host the request was sent to
 * (`X-Forwarded-Host` behind a proxy). Browsers always send `Origin` with a POST; without one, Next decides.
 */
function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return origin !== 'null' && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * React sends an action's arguments either as multipart form data (form submissions) or as a JSON array in
 * a text body (direct calls, `[]` when there are none). Anything else would only make Next's decoder throw.
 */
async function isDecodableBody(request: NextRequest): Promise<boolean> {
  const copy = request.clone();
  const contentType = request.headers.get('content-type') ?? '';
  try {
    if (contentType.startsWith('multipart/form-data')) {
      await copy.formData();
      return true;
    }
    const text = await copy.text();
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}
