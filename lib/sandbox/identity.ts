/**
 * Who the sandbox is: the site, OAuth client and default API key it answers to. Kept apart from the seed
 * data so that configuration can name them without pulling demo members into the app.
 */

/** The API key the sandbox accepts when `WIX_SANDBOX_API_KEY` is not set. Not a secret. */
export const SANDBOX_DEFAULT_API_KEY = 'sandbox-admin-api-key';
/** API-key calls must send this in `wix-site-id`, as `ApiKeyStrategy({ siteId })` does. */
export const SANDBOX_SITE_ID = '5a1d7c64-2f8e-4b3f-9c21-6d0e8a7b4c15';
/** The only OAuth client id the token and redirect-session endpoints accept. */
export const SANDBOX_CLIENT_ID = '9c6a3e1f-2b7d-4e58-a0c4-1d8f5b3e7a92';
/** The app instance the sandbox's webhooks name in `instanceId`, as Wix names the app's install on a site. */
export const SANDBOX_INSTANCE_ID = '3f0e9d2c-6b1a-4c8e-9f47-1a2b3c4d5e6f';
