import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sandboxControl, type SandboxControl } from '@/lib/sandbox/control-client';
import { DEMO_MEMBER_IDS } from '@/lib/sandbox/seed';
import { startSandbox, type RunningSandbox } from '@/lib/sandbox/server';
import { TokenStore, type TokenResponse } from '@/lib/sandbox/tokens';
import { startRedisServer, type TestRedis } from '@/testing/redis-server';

/**
 * `npm run doctor` as a shop runs it, in its own process, against a sandbox of this test's and a real
 * `redis-server`, with secrets whose values the test knows, so it can look for them in what it printed.
 */
const ROOT = join(__dirname, '..', '..');
const REDIS_PORT = 6393;
const SECRETS = {
  apiKey: 'doctor-test-api-key-7f3e9a1c5b2d',
  ssoSecret: 'doctor-test-sso-secret-0123456789abcdef',
  redisPassword: 'doctor-test-redis-password',
};

let sandbox: RunningSandbox;
let control: SandboxControl;
let redis: TestRedis;
/** Every token the sandbox issued, to the doctor or to anyone. */
const issued: string[] = [];

beforeAll(async () => {
  for (const method of ['issueVisitorTokens', 'issueMemberTokens'] as const) {
    const original = TokenStore.prototype[method];
    vi.spyOn(TokenStore.prototype, method).mockImplementation(function (this: TokenStore, ...args: [string]) {
      const tokens: TokenResponse = original.apply(this, args);
      issued.push(tokens.access_token, tokens.refresh_token);
      return tokens;
    });
  }
  [sandbox, redis] = await Promise.all([
    startSandbox({ port: 0, apiKey: SECRETS.apiKey }),
    startRedisServer(REDIS_PORT),
  ]);
  control = sandboxControl(sandbox.origin);
});

afterAll(async () => {
  await Promise.all([sandbox?.close(), redis?.stop()]);
});

type Run = { code: number; output: string };

function doctor(...args: string[]): Promise<Run> {
  const env = {
    ...process.env,
    WIX_SANDBOX_PORT: String(sandbox.port),
    WIX_SANDBOX_API_KEY: SECRETS.apiKey,
    EMBED_SSO_SECRET: SECRETS.ssoSecret,
    EMBED_ALLOWED_ORIGINS: 'https://shop.example',
    REDIS_URL: `redis://:${SECRETS.redisPassword}@127.0.0.1:${REDIS_PORT}`,
  };
  return new Promise((resolve) => {
    execFile('npm', ['run', 'doctor', '--', ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, output: `${stdout}\n${stderr}` });
    });
  });
}

function expectNoSecrets(output: string) {
  for (const secret of [...Object.values(SECRETS), ...issued]) expect(output).not.toContain(secret);
}

describe('npm run doctor', () => {
  it('is green on the seed, prints a row per check and no secret', { timeout: 60_000 }, async () => {
    const { code, output } = await doctor('--member', DEMO_MEMBER_IDS.johna);
    expect(output).toContain('0 FAILED');
    expect(code).toBe(0);
    expect(output).toMatch(/^ok +checkoutExchange\.applyDiscountToCheckout \(member\) +permitted/m);
    expect(output).toMatch(/^ok +Redis +127\.0\.0\.1:6393 answered a PING/m);
    expect(output).toMatch(/^ok +embed SSO secret +set, and long enough/m);
    expect(issued.length).toBeGreaterThan(0);
    expectNoSecrets(output);
  });

  it('exits 1 under a deny, naming the method and the identity', { timeout: 60_000 }, async () => {
    await control.denyPermissions([{ method: 'accounts.getCurrentMemberAccount', identity: 'member' }]);
    const { code, output } = await doctor(`--member=${DEMO_MEMBER_IDS.johna}`);
    expect(code).toBe(1);
    expect(output).toMatch(
      /^FAILED +accounts\.getCurrentMemberAccount \(member\) +Wix refused the member’s token \(status 403, code PERMISSION_DENIED\)/m,
    );
    expectNoSecrets(output);
    await control.reset();
  });

  it('refuses a member id that is not one, before calling anyone', { timeout: 60_000 }, async () => {
    const { code, output } = await doctor('--member', 'johna');
    expect(code).toBe(2);
    expect(output).toContain('npm run doctor [-- --member <Wix member id>]');
  });
});
