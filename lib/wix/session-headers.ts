/** Set by the proxy (and stripped from incoming requests) when Wix refused to renew the member's session. */
export const SESSION_ENDED_HEADER = 'x-loyalty-session-ended';
