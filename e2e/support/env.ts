/** Ports of the end-to-end run: its own, so a `npm run dev` in another terminal is left alone. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
export const BASE_URL = `http://localhost:${E2E_PORT}`;
export const SANDBOX_ORIGIN = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
/** Short-lived access tokens, so the tests see the session being renewed. */
export const E2E_TOKEN_TTL_SECONDS = 35;
