import { NextResponse, type NextRequest } from 'next/server';
import type { RequestErrorCode } from '@/lib/errors/codes';
import { originOf } from './same-origin';

/**
 * Next decodes a server action's body and checks its `Origin` before any of our code runs, and answers
 * both failures with a 500. The proxy runs first, so it answers them here with a 4xx and a code, and a
 * request nobody could have sent from our pages never reaches the action.
 */
export async function refuseBadServerAction(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return null;
  // Without an `Origin`, Next decides, as before this guard existed.
  if (originOf(request) === 'foreign') return refuse(403, 'FORBIDDEN_ORIGIN');
  if (!(await isDecodableBody(request))) return refuse(400, 'MALFORMED_REQUEST');
  return null;
}

function refuse(status: number, code: RequestErrorCode): NextResponse {
  return NextResponse.json({ code }, { status, headers: { 'Cache-Control': 'no-store' } });
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
