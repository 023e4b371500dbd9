/** Where Wix (and, in sandbox mode, the sandbox) posts the account webhooks. */
export const WIX_WEBHOOKS_PATH = '/api/wix/webhooks';
