/** Ports of the end-to-end run: its own, so a `npm run dev` in another terminal is left alone. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
export const BASE_URL = `http://localhost:${E2E_PORT}`;
export const SANDBOX_ORIGIN = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
/** Short-lived access tokens, so the tests see the session being renewed. */
export const E2E_TOKEN_TTL_SECONDS = 35;

/**
 * Extra app instances, their own sandbox and Redis for the tests that start servers of their own: ports
 * next to the suite's, so parallel runs on other ports never collide.
 */
export const EXTRA_APP_PORTS = [E2E_PORT + 10, E2E_PORT + 11, E2E_PORT + 12] as const;
export const PROXY_PORT = E2E_PORT + 13;
/** The inspector of the instance the load test measures. */
export const INSPECT_PORT = E2E_PORT + 14;
export const EXTRA_SANDBOX_PORTS = [E2E_SANDBOX_PORT + 10, E2E_SANDBOX_PORT + 11] as const;
export const E2E_REDIS_PORT = Number(process.env.E2E_REDIS_PORT ?? 6395);

/**
 * The embed tests' host pages: on 127.0.0.1 while the app is on localhost, so the widget is a cross-site
 * iframe. The first is in the app's frame allow-list, the second is not. Derived from the app's port, so
 * parallel runs on other ports do not collide.
 */
export const E2E_HOST_PORT = Number(process.env.E2E_HOST_PORT ?? E2E_PORT + 2000);
export const E2E_OTHER_HOST_PORT = E2E_HOST_PORT + 1;
export const ALLOWED_HOST_ORIGIN = `http://127.0.0.1:${E2E_HOST_PORT}`;
/** The storefronts' shared secret for signed member tokens, in tests only. */
export const E2E_SSO_SECRET = 'e2e-storefront-shared-secret-0123456789abcdef';
