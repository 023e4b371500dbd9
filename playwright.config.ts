import { defineConfig, devices } from '@playwright/test';
import {
  ALLOWED_HOST_ORIGIN,
  BASE_URL,
  E2E_PORT,
  E2E_SANDBOX_PORT,
  E2E_SSO_SECRET,
  E2E_TOKEN_TTL_SECONDS,
} from './e2e/support/env';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/support/browser';

/**
 * End-to-end tests run the production build in sandbox mode on ports of their own, so a `npm run dev`
 * in another terminal is left alone. Debian's Chromium is used when present (see e2e/support/browser.ts).
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: `npm run build && npm run start -- --port ${E2E_PORT}`,
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      // `next start` is a production server: the sandbox must be asked for by name.
      WIX_SANDBOX: '1',
      WIX_SANDBOX_PORT: String(E2E_SANDBOX_PORT),
      WIX_SANDBOX_TOKEN_TTL_SECONDS: String(E2E_TOKEN_TTL_SECONDS),
      WIX_CLIENT_ID: '',
      WIX_API_KEY: '',
      WIX_SITE_ID: '',
      WIX_SANDBOX_API_KEY: '',
      EMBED_ALLOWED_ORIGINS: ALLOWED_HOST_ORIGIN,
      EMBED_SSO_SECRET: E2E_SSO_SECRET,
      // The whole suite spends the same few seeded members' points from one address, faster than a shopper
      // could: at the default limits one spec's applies would refuse the next spec's. The limits themselves
      // are tested on instances of their own (instances.spec.ts, observability.spec.ts).
      EARN_RATE_LIMIT_PER_MEMBER: '100',
      EARN_RATE_LIMIT_PER_IP: '1000',
    },
  },
});
