import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';

/**
 * A production server must never fall back to the fake Wix by accident: without the Wix variables it
 * refuses to start unless the sandbox is asked for by name. Uses the build the suite's web server made.
 */

const PORT = 3190;
const SANDBOX_PORT = 4190;

function startServer(extraEnv: Record<string, string>) {
  const child = spawn('npx', ['next', 'start', '--port', String(PORT)], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      WIX_CLIENT_ID: '',
      WIX_API_KEY: '',
      WIX_SITE_ID: '',
      WIX_SANDBOX: '',
      WIX_SANDBOX_PORT: String(SANDBOX_PORT),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    output: () => output,
    exited,
    stop: () => {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
    },
  };
}

test('without Wix variables and without WIX_SANDBOX=1, next start exits and says what to set', async () => {
  test.setTimeout(60_000);
  const server = startServer({});
  try {
    const code = await Promise.race([
      server.exited,
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 45_000)),
    ]);
    expect(code).not.toBe(0);
    expect(code).not.toBe('still running');
    expect(server.output()).toContain('WIX_CLIENT_ID, WIX_API_KEY, WIX_SITE_ID');
    expect(server.output()).toContain('WIX_SANDBOX=1');
  } finally {
    server.stop();
  }
});

test('with WIX_SANDBOX=1 the same start runs against the sandbox and says so', async ({ request }) => {
  test.setTimeout(60_000);
  const server = startServer({ WIX_SANDBOX: '1' });
  try {
    await expect
      .poll(
        async () => {
          const response = await request.get(`http://localhost:${PORT}/api/health`).catch(() => null);
          return response?.ok() ? await response.json() : null;
        },
        { timeout: 45_000 },
      )
      .toEqual({ ok: true, mode: 'sandbox' });
  } finally {
    server.stop();
  }
});
