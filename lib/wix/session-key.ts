import 'server-only';
import { createHash } from 'node:crypto';
import type { Tokens } from '@wix/sdk';

/**
 * What a session's remembered values are keyed by: its refresh token, hashed. It stays the same while the
 * session is renewed, a new sign-in starts afresh, and the token itself is never stored.
 */
export function sessionKey(tokens: Tokens): string {
  return createHash('sha256').update(tokens.refreshToken.value).digest('base64url');
}
