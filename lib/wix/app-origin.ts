import 'server-only';
import { headers } from 'next/headers';
import { getConfig } from '@/lib/config/env';

/** The public origin of this app: `APP_URL` when set (behind a proxy), else the origin the request reached. */
export function appOrigin(requestUrl: string): string {
  return new URL(getConfig().appUrl ?? requestUrl).origin;
}

/**
 * The same for a server component, which has no request URL: `APP_URL`, else the host the request reached.
 * Only the member's own page is built on it (their referral link), so a forged Host header misleads no one
 * but the sender.
 */
export async function requestAppOrigin(): Promise<string> {
  const configured = getConfig().appUrl;
  if (configured) return new URL(configured).origin;
  const sent = await headers();
  const scheme = sent.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return new URL(`${scheme}://${sent.get('host') ?? 'localhost'}`).origin;
}
