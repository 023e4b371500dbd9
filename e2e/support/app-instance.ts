import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';

/** Environment that turns a production server into a sandbox-mode test instance. */
const SANDBOX_ENV = {
  WIX_SANDBOX: '1',
  WIX_CLIENT_ID: '',
  WIX_API_KEY: '',
  WIX_SITE_ID: '',
  WIX_SANDBOX_API_KEY: '',
};

/**
 * Another `next start` of the build the suite's web server made, on a port of its own: for tests that
 * need several instances or a server they can measure. Node runs Next's CLI directly, so `pid` is the
 * server process itself.
 */
export async function startAppInstance(port: number, env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '--port', String(port)],
    {
      env: { ...process.env, NODE_ENV: 'production', ...SANDBOX_ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://localhost:${port}`;
  const instance = {
    origin,
    pid: child.pid!,
    output: () => output,
    /** Resident memory of the server process, in bytes (Linux). */
    rssBytes: () =>
      Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) * 1024,
    async stop() {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`instance on ${port} exited:\n${output}`);
        return (await fetch(`${origin}/api/health`).catch(() => null))?.ok ?? false;
      },
      { timeout: 45_000 },
    )
    .toBe(true);
  return instance;
}

export type AppInstance = Awaited<ReturnType<typeof startAppInstance>>;
