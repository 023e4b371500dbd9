import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether an `Authorization` header carries exactly `Bearer <expected>`. Compared in constant time, over
 * digests so that the length of the expected token does not show either.
 */
export function bearerMatches(header: string | null, expected: string): boolean {
  const presented = /^Bearer +(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(expected)) && presented.length > 0;
}
