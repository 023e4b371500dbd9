import 'server-only';
import { cache } from 'react';
import type { Tokens } from '@wix/sdk';
import { createMemberClient } from './clients';

/**
 * The signed-in member's own account, read with their token. Wrapped in React's per-request `cache`, so
 * the card and the offers on one page share a single call; outside a render (actions, route handlers)
 * every call goes through.
 */
export const readCurrentMemberAccount = cache((tokens: Tokens) =>
  createMemberClient(tokens).accounts.getCurrentMemberAccount(),
);
