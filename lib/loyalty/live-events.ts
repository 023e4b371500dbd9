import type { AccountView } from './view-model';

/**
 * The card's live-update stream, shared by the server that writes it and the browser code that reads it:
 * Server-Sent Events at this endpoint, one `account` event per change of the member's own account.
 */
export const LIVE_EVENTS_ENDPOINT = '/api/loyalty/events';

export const ACCOUNT_EVENT = 'account';

/** The `data` of an `account` event: the account as the card shows it, and its Wix revision. */
export type LiveAccountMessage = { revision: number; account: AccountView };
